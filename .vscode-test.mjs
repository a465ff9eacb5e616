// Configuration for @vscode/test-cli (`npx vscode-test`), for developers who use it with a desktop VS Code.
// First bundle the tests: `node test/integration/runIntegration.mjs --build-only`. The VS Code used is
// MEDGEMMA_VSCODE_PATH, else the desktop VS Code behind `code` on PATH, else the code-server launcher; never a
// download (so no `installExtensions` here either: it downloads). The project's own runner is
// `node scripts/runTests.mjs integration`, which needs neither test-cli nor a desktop VS Code.
import { vscodeExecutable } from "./test/integration/vscodeExecutable.mjs";

export default [
  {
    label: "integration",
    files: "out/integration/*.test.js",
    extensionDevelopmentPath: ".",
    workspaceFolder: "test/fixtures/workspace",
    useInstallation: { fromPath: vscodeExecutable().path },
    mocha: { ui: "bdd", timeout: 30_000 },
    launchArgs: ["--disable-extensions"],
  },
];
