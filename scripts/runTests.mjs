// Runs every test suite in order and ends with one line: `N passed, N failed`.
//   node scripts/runTests.mjs              all suites
//   node scripts/runTests.mjs unit lsp     only these
// Suites: unit (plain Node), lsp (the built server over stdio), fault (fault injection),
// integration (mocha inside a real VS Code extension host), ui (Playwright against code-server).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ALL = ["unit", "lsp", "fault", "integration", "ui"];
const NEEDS_BUILD = new Set(["lsp", "fault", "integration", "ui"]);
const NEEDS_PACKAGE = new Set(["ui"]);
const SERIAL = new Set(["ui", "integration"]);

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const suites = requested.length ? requested : ALL;
for (const suite of suites) {
  if (!ALL.includes(suite)) {
    console.error(`Unknown suite "${suite}". Suites: ${ALL.join(", ")}.`);
    process.exit(2);
  }
}

const countsDir = mkdtempSync(join(tmpdir(), "medgemma-counts-"));
const countsFile = join(countsDir, "counts.jsonl");

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...testFiles(path));
    else if (entry.endsWith(".test.ts")) found.push(path);
  }
  return found.sort();
}

let failedPhases = 0;
if (suites.some((suite) => NEEDS_BUILD.has(suite))) {
  if (run("node", ["esbuild.mjs"]) !== 0) process.exit(1);
}
if (suites.some((suite) => NEEDS_PACKAGE.has(suite))) {
  if (run("node", ["scripts/package.mjs", "--out", ".cache/test.vsix"]) !== 0) process.exit(1);
}

for (const suite of suites) {
  console.log(`\n=== ${suite} ===`);
  if (suite === "integration") {
    if (run("node", ["test/integration/runIntegration.mjs"], { MEDGEMMA_TEST_COUNTS: countsFile }) !== 0) failedPhases++;
    continue;
  }
  const files = testFiles(join("test", suite));
  if (files.length === 0) {
    console.log("(no tests)");
    continue;
  }
  const args = [
    "--import", "tsx",
    "--test",
    "--test-reporter=spec", "--test-reporter-destination=stdout",
    "--test-reporter=./test/support/countReporter.mjs", "--test-reporter-destination=stderr",
  ];
  if (SERIAL.has(suite)) args.push("--test-concurrency=1");
  if (run("node", [...args, ...files], { MEDGEMMA_TEST_COUNTS: countsFile }) !== 0) failedPhases++;
}

let passed = 0;
let failed = 0;
if (existsSync(countsFile)) {
  for (const line of readFileSync(countsFile, "utf8").split("\n").filter(Boolean)) {
    const counts = JSON.parse(line);
    passed += counts.passed;
    failed += counts.failed;
  }
}
rmSync(countsDir, { recursive: true, force: true });
// A phase that failed without a counted test (a crash, a build error) still fails the run.
if (failedPhases > 0 && failed === 0) failed = failedPhases;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedPhases > 0 ? 1 : 0);
