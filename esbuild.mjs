// Builds the three bundles: the extension (VS Code's Node host), the language server (plain Node,
// runnable on its own), and the chat webview (browser). Type-checking is separate: `npm run typecheck`.
import * as esbuild from "esbuild";
import { existsSync } from "node:fs";
import { cp, mkdir } from "node:fs/promises";

const watch = process.argv.includes("--watch");
const production = process.argv.includes("--production");

/** Reports each rebuild in the shape of VS Code's `$esbuild-watch` problem matcher. */
const problemMatcherPlugin = {
  name: "problem-matcher",
  setup(build) {
    build.onStart(() => console.log("[watch] build started"));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log("[watch] build finished");
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : "linked",
  sourcesContent: false,
  logLevel: "warning",
  legalComments: "none",
  plugins: watch ? [problemMatcherPlugin] : [],
};

/** @type {esbuild.BuildOptions[]} */
const builds = [
  {
    ...common,
    entryPoints: { extension: "client/src/extension.ts" },
    outdir: "dist",
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
  },
  {
    ...common,
    entryPoints: { server: "server/src/main.ts" },
    outdir: "dist",
    platform: "node",
    format: "cjs",
    target: "node20",
    // The native engine is loaded lazily with import() so the server starts without it and survives where it cannot load.
    external: ["node-llama-cpp"],
  },
];

if (existsSync("client/webview/main.ts")) {
  builds.push({
    ...common,
    entryPoints: { chat: "client/webview/main.ts" },
    outdir: "dist/webview",
    platform: "browser",
    format: "iife",
    target: "es2022",
  });
}

async function copyWebviewAssets() {
  if (!existsSync("client/webview/chat.css")) return;
  await mkdir("dist/webview", { recursive: true });
  await cp("client/webview/chat.css", "dist/webview/chat.css");
}

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await copyWebviewAssets();
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await copyWebviewAssets();
}
