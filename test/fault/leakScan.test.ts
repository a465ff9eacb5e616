/**
 * The canary scan itself: a fault case passes only because the scan looked, so it must catch a planted leak in a
 * file (UTF-8 or UTF-16, any depth) and in what the server sent.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CANARY_MRN, CANARY_NAME, filesWithCanary } from "./canary";
import { FaultSession } from "./faultSession";

describe("fault: the canary scan", { timeout: 30_000 }, () => {
  it("finds the canary in files at any depth, in UTF-8 and UTF-16, and nothing in clean files", () => {
    const root = mkdtempSync(join(tmpdir(), "medgemma-scan-"));
    try {
      mkdirSync(join(root, "a", "b"), { recursive: true });
      writeFileSync(join(root, "clean.log"), "Nothing identifying here.");
      assert.deepEqual(filesWithCanary(root), []);
      writeFileSync(join(root, "a", "b", "cache.bin"), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(`x${CANARY_MRN}`, "utf16le")]));
      writeFileSync(join(root, "a", "notes.txt"), `seen: ${CANARY_NAME}`);
      assert.deepEqual(filesWithCanary(root).sort(), [join(root, "a", "b", "cache.bin"), join(root, "a", "notes.txt")]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("fails a case whose server wrote the canary to its TMPDIR", async () => {
    const env = await FaultSession.start();
    writeFileSync(join(env.root, "tmp", "leak.txt"), CANARY_NAME);
    await assert.rejects(env.finish(), /written to a file/);
  });

  it("fails a case whose server logged the canary", async () => {
    const env = await FaultSession.start();
    env.session.logMessages.push({ type: 3, message: `request for ${CANARY_NAME}` });
    await assert.rejects(env.finish(), /appeared in window\/logMessage/);
  });
});
