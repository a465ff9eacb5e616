// A node:test reporter that adds the pass and fail counts of leaf tests to the JSON file named by
// MEDGEMMA_TEST_COUNTS, so the test runner can print one `N passed, N failed` line over every suite.
import { appendFileSync } from "node:fs";

export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    if (event.data.details?.type === "suite") continue;
    if (event.data.skip || event.data.todo) skipped++;
    else if (event.type === "test:pass") passed++;
    else failed++;
  }
  const file = process.env.MEDGEMMA_TEST_COUNTS;
  if (file) appendFileSync(file, JSON.stringify({ passed, failed, skipped }) + "\n");
  yield "";
}
