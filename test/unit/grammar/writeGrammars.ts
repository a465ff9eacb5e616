/**
 * Writes the TextMate grammars in syntaxes/ from grammarSource.ts:
 *   npx tsx test/unit/grammar/writeGrammars.ts
 */

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { grammarFiles, serializeGrammar } from "./grammarSource";

const root = join(import.meta.dirname, "..", "..", "..");
for (const [path, grammar] of Object.entries(grammarFiles())) {
  writeFileSync(join(root, path), serializeGrammar(grammar));
  console.log(`wrote ${path}`);
}
