// Runs the integration suite (mocha inside a real VS Code extension host) through @vscode/test-electron.
//   node test/integration/runIntegration.mjs [--extension DIR] [--tests DIR] [--workspace DIR] [--harness] [--build-only]
// Bundles test/integration/suite/index.ts and every *.test.ts of the tests folder into out/integration/, then
// starts VS Code on a temporary copy of the workspace folder with the extension under development. VS Code is:
// MEDGEMMA_VSCODE_PATH when set; else a desktop VS Code found as `code` on PATH; else (or with --harness) our
// launcher, which runs the same tests in code-server + Chromium. Nothing is downloaded.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { runTests } from "@vscode/test-electron";
import { vscodeExecutable } from "./vscodeExecutable.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const outDir = join(repoRoot, "out", "integration");

// Plain writes: the lint rules allow console output only in scripts/ and TypeScript tests.
const say = (line) => process.stdout.write(`${line}\n`);
const complain = (line) => process.stderr.write(`${line}\n`);

function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  if (index !== -1 && args[index + 1]) return resolve(args[index + 1]);
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline ? resolve(inline.slice(name.length + 1)) : fallback;
}

const extensionPath = option("--extension", repoRoot);
const testsDir = option("--tests", join(here, "suite"));
const workspaceSource = option("--workspace", join(repoRoot, "samples"));
const forceHarness = process.argv.includes("--harness");
const buildOnly = process.argv.includes("--build-only");

async function bundle() {
  const tests = existsSync(testsDir) ? readdirSync(testsDir).filter((name) => name.endsWith(".test.ts")).sort() : [];
  const entryPoints = { index: join(here, "suite", "index.ts") };
  for (const name of tests) entryPoints[basename(name, ".ts")] = join(testsDir, name);
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "inline",
    sourcesContent: false,
    logLevel: "warning",
    // mocha stays one shared instance from node_modules: index.js runs it, the tests import describe/it from it.
    external: ["vscode", "mocha"],
  });
  return tests.length;
}

async function main() {
  if (!existsSync(workspaceSource)) {
    complain(`No workspace folder at ${workspaceSource} (the integration tests open a copy of it).`);
    return 1;
  }
  const started = Date.now();
  let testCount;
  try {
    testCount = await bundle();
  } catch {
    // esbuild has printed the errors.
    complain("Bundling the integration tests failed.");
    return 1;
  }
  if (buildOnly) {
    say(`Bundled ${testCount} test file(s) into ${outDir}`);
    return 0;
  }
  const executable = vscodeExecutable({ forceHarness });
  say(`Integration: ${testCount} test file(s), extension ${extensionPath}, ${executable.kind} (${executable.path})`);

  const scratch = mkdtempSync(join(tmpdir(), "medgemma-integration-"));
  const workspace = join(scratch, "workspace");
  cpSync(workspaceSource, workspace, { recursive: true });
  // A desktop VS Code passes its whole environment to the extension host; keep the developer's secrets out of it.
  for (const name of Object.keys(process.env)) {
    if (name.startsWith("MEDGEMMA_") && !name.startsWith("MEDGEMMA_TEST_") && !/^MEDGEMMA_(VSCODE_PATH|NODE|CHROMIUM|CODE_SERVER_DIR|EXTENSION_HOST_ENV|INTEGRATION_\w+)$/.test(name)) {
      delete process.env[name];
    }
  }
  try {
    const code = await runTests({
      vscodeExecutablePath: executable.path,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: join(outDir, "index.js"),
      launchArgs: [
        workspace,
        `--user-data-dir=${join(scratch, "user-data")}`,
        `--extensions-dir=${join(scratch, "extensions")}`,
        "--disable-extensions",
      ],
      extensionTestsEnv: {
        ...(process.env.MEDGEMMA_TEST_COUNTS ? { MEDGEMMA_TEST_COUNTS: process.env.MEDGEMMA_TEST_COUNTS } : {}),
        MEDGEMMA_TEST_COLOR: process.stdout.isTTY && !process.env.NO_COLOR ? "1" : "0",
      },
    });
    return code;
  } catch (error) {
    // runTests rejects with the exit code when the tests fail; its own line ("Exit code: 1") is already printed.
    if (error && typeof error === "object" && "code" in error && typeof error.code === "number") return error.code || 1;
    complain(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    if (!process.env.MEDGEMMA_INTEGRATION_KEEP) rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
    else say(`Kept ${scratch} (MEDGEMMA_INTEGRATION_KEEP).`);
    say(`Integration finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

process.exit(await main());
