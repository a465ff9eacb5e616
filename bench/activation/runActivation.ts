/**
 * Starts one fresh VS Code window on an empty folder with the extension under development and the
 * activation probe as its extension tests, through the same executable choice as the integration tests (a desktop
 * VS Code if there is one, else the code-server harness). Usage:
 *   node --import tsx bench/activation/runActivation.ts <extension folder> <scratch folder> <result file>
 * Exits non-zero when the window could not run the probe.
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { runTests } from "@vscode/test-electron";
import * as esbuild from "esbuild";

const REPO_ROOT = resolve(__dirname, "..", "..");

interface ExecutableChoice {
  path: string;
  kind: string;
}

async function main(): Promise<number> {
  const [extensionFolder, scratch, resultFile] = process.argv.slice(2);
  if (!extensionFolder || !scratch || !resultFile) {
    process.stderr.write("usage: runActivation.ts <extension folder> <scratch folder> <result file>\n");
    return 2;
  }
  mkdirSync(scratch, { recursive: true });
  const probeDir = join(scratch, "probe");
  await esbuild.build({
    entryPoints: { index: join(__dirname, "activationProbe.ts") },
    outdir: probeDir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["vscode"],
    logLevel: "warning",
  });
  // An empty folder: with Markdown or note files in it, a built-in extension reading them as documents can activate
  // ours before the probe does (seen in one window of five), and activate() does not depend on the workspace.
  const workspace = join(scratch, "workspace");
  mkdirSync(workspace, { recursive: true });
  // A plain JavaScript module shared with the integration runner; imported by URL, it needs no type declarations.
  const chooser = (await import(pathToFileURL(join(REPO_ROOT, "test", "integration", "vscodeExecutable.mjs")).href)) as {
    vscodeExecutable: (options?: { forceHarness?: boolean }) => ExecutableChoice;
  };
  const executable = chooser.vscodeExecutable();
  process.stdout.write(`activation: ${executable.kind} (${executable.path})\n`);
  return runTests({
    vscodeExecutablePath: executable.path,
    extensionDevelopmentPath: resolve(extensionFolder),
    extensionTestsPath: join(probeDir, "index.js"),
    launchArgs: [workspace, `--user-data-dir=${join(scratch, "user-data")}`, `--extensions-dir=${join(scratch, "extensions")}`, "--disable-extensions"],
    extensionTestsEnv: { MEDGEMMA_TEST_BENCH_OUT: resolve(resultFile) },
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
