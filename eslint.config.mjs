// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/** Layering: the server and the shared contracts never see VS Code; client and server never import each other. */
const noVscode = { name: "vscode", message: "Only client/ may import the VS Code API." };

export default tseslint.config(
  {
    ignores: ["dist/**", "out/**", "node_modules/**", ".tools/**", ".cache/**", ".vscode-test/**", "test/fixtures/**", "bench/results/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ["*.mjs", "scripts/*.mjs", ".ci/*.mjs", "test/integration/*.mjs", "test/support/*.mjs"],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "no-console": "error",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["server/**/*.ts", "common/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [noVscode],
        patterns: [{ group: ["**/client/**", "vscode-languageclient*"], message: "The server and common/ must not depend on the client." }],
      }],
    },
  },
  {
    files: ["common/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [noVscode],
        patterns: [{ group: ["**/client/**", "**/server/**", "vscode-*", "undici", "node:*"], message: "common/ holds plain contracts shared by every process, including the webview." }],
      }],
    },
  },
  {
    files: ["client/src/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["**/server/**", "vscode-languageserver", "vscode-languageserver/*"], message: "The client talks to the server only over LSP." }],
      }],
    },
  },
  {
    files: ["client/webview/**/*.ts"],
    languageOptions: {
      parserOptions: { project: "./client/webview/tsconfig.json", projectService: false },
      globals: { ...globals.browser },
    },
    rules: {
      "no-restricted-imports": ["error", {
        paths: [noVscode],
        patterns: [{ group: ["**/server/**", "**/client/src/**", "node:*"], message: "The webview sees only common/ contracts." }],
      }],
    },
  },
  {
    files: ["scripts/**/*.mjs", "test/**/*.ts", "test/**/*.mjs", "bench/**/*.ts", "*.mjs", ".ci/**/*.mjs"],
    rules: {
      "no-console": "off",
      // node:test's describe/it return promises the runner itself awaits.
      "@typescript-eslint/no-floating-promises": ["error", {
        allowForKnownSafeCalls: [{ from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] }],
      }],
    },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
