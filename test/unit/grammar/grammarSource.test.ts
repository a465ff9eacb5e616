import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { grammarFiles, serializeGrammar } from "./grammarSource";
import { ROOT } from "./textmate";

describe("grammar source", () => {
  it("matches the committed grammar files (regenerate with: npx tsx test/unit/grammar/writeGrammars.ts)", () => {
    for (const [path, grammar] of Object.entries(grammarFiles())) {
      assert.equal(readFileSync(join(ROOT, path), "utf8"), serializeGrammar(grammar), `${path} is out of date`);
    }
  });
});
