/**
 * Bundle sizes of a production build (`node esbuild.mjs --production`, minified, no source maps), built into a
 * scratch folder so the development build in dist/ is left alone: esbuild.mjs writes to `dist/` under its working
 * directory, so it runs in a scratch folder whose sources are links to the repository's. Also the size of the
 * newest .vsix found, if any. The production extension folder is kept for the activation benchmark.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "../lib/figures";
import { figure, unmeasured } from "../lib/figures";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Bundle sizes (production build)";
export const REPO_ROOT = join(__dirname, "..", "..");

/** What the production extension folder needs besides dist/: the manifest and the files it points to. */
const LINKED = ["package.json", "LICENSE", "syntaxes", "node_modules", "client", "server", "common", "tsconfig.json", "tsconfig.base.json", "esbuild.mjs"];

/** Builds the production bundles into `<scratch>/extension/dist`; returns that extension folder. */
export function buildProduction(scratch: string): string {
  const folder = join(scratch, "extension");
  mkdirSync(folder, { recursive: true });
  for (const name of LINKED) {
    const target = join(REPO_ROOT, name);
    if (existsSync(target)) symlinkSync(target, join(folder, name));
  }
  const build = spawnSync(process.execPath, [join(REPO_ROOT, "esbuild.mjs"), "--production"], { cwd: folder, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the production build failed:\n${build.stderr}`);
  return folder;
}

function newestVsix(): string | undefined {
  const candidates: string[] = [];
  for (const dir of [REPO_ROOT, join(REPO_ROOT, ".cache")]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (name.endsWith(".vsix")) candidates.push(join(dir, name));
  }
  return candidates.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

export function runBundles(context: SuiteContext): SuiteResult & { extensionFolder: string } {
  context.log("bundles: production build into a scratch folder");
  const folder = buildProduction(context.scratch);
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const [id, label, file] of [
    ["extension", "dist/extension.js", "dist/extension.js"],
    ["server", "dist/server.js", "dist/server.js"],
    ["webview", "dist/webview/chat.js", "dist/webview/chat.js"],
  ] as const) {
    const path = join(folder, file);
    if (!existsSync(path)) {
      figures.push(unmeasured({ id: `bundle.${id}`, group: GROUP, label, unit: "KB" }, "not built"));
      continue;
    }
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes).length;
    figures.push(figure({ id: `bundle.${id}`, group: GROUP, label, unit: "KB", digits: 0, note: `${(gzip / 1024).toFixed(0)} KB gzipped` }, [bytes.length / 1024]));
    details[id] = { bytes: bytes.length, gzipBytes: gzip };
  }
  const vsix = newestVsix();
  if (vsix) {
    figures.push(figure({ id: "bundle.vsix", group: GROUP, label: `.vsix (${relative(REPO_ROOT, vsix)})`, unit: "MB", digits: 1, note: "includes node-llama-cpp and its CPU engine binaries" }, [statSync(vsix).size / 1024 / 1024]));
  } else {
    figures.push(unmeasured({ id: "bundle.vsix", group: GROUP, label: ".vsix", unit: "MB" }, "no .vsix found (npm run package makes one)"));
  }
  return { figures, details, extensionFolder: folder };
}
