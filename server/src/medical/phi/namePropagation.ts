/**
 * Once a name is found ("Patient: Maria Elena Soto"), its words are names wherever else they appear in the same text:
 * "Maria was seen", "SOTO, M". Eponyms, titles and ordinary words are never spread this way.
 */

import type { PhiFinding } from "./phiTypes";
import { makeFinding } from "./patternTools";
import { EPONYMS, EPONYM_HEADS, TITLE_WORDS } from "./nameLexicon";
import { PARTICLE_WORDS, isNonName, nextWord, titleCase } from "./nameShapes";
import { LETTER, UPPER } from "./letterClasses";

const NAME_PART = new RegExp(`[${LETTER}'’-]{2,}`, "g");
const CAPITALISED = new RegExp(`(?<![${LETTER}0-9'’-])[${UPPER}][${LETTER}'’-]*(?<![-'’])`, "g");

/** Words of the found names that may be looked for elsewhere, in their written and capitalised forms. */
function nameWords(text: string, names: readonly PhiFinding[]): Set<string> {
  const words = new Set<string>();
  const seen = new Set<string>();
  for (const name of names) {
    const value = text.slice(name.start, name.end);
    if (seen.has(value)) continue;
    seen.add(value);
    for (const m of value.matchAll(NAME_PART)) {
      for (const part of [m[0], ...m[0].split("-")]) {
        const word = part.endsWith("'s") || part.endsWith("’s") ? part.slice(0, -2) : part;
        if (word.length < 2 || word.charAt(0) === word.charAt(0).toLowerCase()) continue;
        const mixed = word.toUpperCase() === word ? titleCase(word) : word;
        if (isNonName(mixed) || EPONYMS.has(mixed) || TITLE_WORDS.has(mixed) || PARTICLE_WORDS.has(mixed.toLowerCase())) continue;
        words.add(mixed);
        words.add(mixed.toUpperCase());
      }
    }
  }
  return words;
}

/** Further mentions of the words of `names` in `text`; one pass over capitalised words with a set lookup. */
export function propagateNames(text: string, names: readonly PhiFinding[]): PhiFinding[] {
  if (names.length === 0) return [];
  const words = nameWords(text, names);
  if (words.size === 0) return [];
  const found: PhiFinding[] = [];
  CAPITALISED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CAPITALISED.exec(text)) !== null) {
    const value = m[0];
    const word = value.endsWith("'s") || value.endsWith("’s") ? value.slice(0, -2) : value;
    if (!words.has(word)) continue;
    const end = m.index + word.length;
    if (EPONYM_HEADS.has(nextWord(text, end))) continue;
    found.push(makeFinding("NAME", m.index, end, 0.7, "repeatedName"));
  }
  return found;
}
