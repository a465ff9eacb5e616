/**
 * The extension-tests entry point (`extensionTestsPath`): VS Code's extension host calls `run()`, which runs mocha
 * over the bundled `*.test.js` files beside this bundle and appends the counts to the file named by
 * MEDGEMMA_TEST_COUNTS, so scripts/runTests.mjs can total them with the other suites.
 */
import { appendFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Mocha from "mocha";

/** Counts in the shape every suite reports to MEDGEMMA_TEST_COUNTS. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}

function recordCounts(counts: TestCounts): void {
  const file = process.env.MEDGEMMA_TEST_COUNTS;
  if (file) appendFileSync(file, JSON.stringify(counts) + "\n");
}

/** Runs every bundled test file; rejects when any test failed, which VS Code turns into a non-zero exit code. */
export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: "bdd",
    // The extension host has no terminal; the runner says whether the real output is one.
    color: process.env.MEDGEMMA_TEST_COLOR === "1",
    // The first test may wait for the extension to activate and its language server to start.
    timeout: Number(process.env.MEDGEMMA_TEST_TIMEOUT_MS ?? 30_000),
    ...(process.env.MEDGEMMA_TEST_GREP ? { grep: process.env.MEDGEMMA_TEST_GREP } : {}),
  });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith(".test.js"))
    .sort();
  for (const file of files) mocha.addFile(join(__dirname, file));

  let counts: TestCounts;
  try {
    counts = await new Promise<TestCounts>((resolveRun) => {
      const runner = mocha.run(() => {
        const stats = runner.stats;
        resolveRun({ passed: stats?.passes ?? 0, failed: stats?.failures ?? 0, skipped: stats?.pending ?? 0 });
      });
    });
  } catch (error) {
    // A test file that throws while loading never reaches mocha's counters.
    recordCounts({ passed: 0, failed: 1, skipped: 0 });
    throw error;
  }
  if (files.length === 0) console.log("(no integration test files)");
  recordCounts(counts);
  if (counts.failed > 0) throw new Error(`${counts.failed} integration test(s) failed.`);
}
