/**
 * The term vocabulary, indexed once at module load: a map from normalised phrase keys (words joined by single
 * spaces) to their kind, built from the comma-separated lists in `vocabulary/`.
 */
import { tokenizeWords } from "../text/words";
import { normalizeWord } from "./normalize";
import type { TermKind } from "./types";
import { ANATOMY } from "./vocabulary/anatomy";
import { CONDITIONS } from "./vocabulary/conditions";
import { DRUGS } from "./vocabulary/drugs";
import { OTHER_TERMS } from "./vocabulary/other";
import { PROCEDURES } from "./vocabulary/procedures";
import { TESTS } from "./vocabulary/tests";

/** The lists in the order that settles a phrase listed twice: the first kind wins. */
const LISTS: ReadonlyArray<readonly [string, TermKind]> = [
  [DRUGS, "drug"],
  [CONDITIONS, "condition"],
  [PROCEDURES, "procedure"],
  [TESTS, "test"],
  [ANATOMY, "anatomy"],
  [OTHER_TERMS, "other"],
];

/** The entries of one comma-separated list. */
export function parseTermList(list: string): string[] {
  return list.split(/[,\n]/u).map((item) => item.trim()).filter((item) => item !== "");
}

/** Lower-case ASCII words, hyphens inside, single spaces between: already a key, as most list entries are. */
const PLAIN_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*(?: [a-z0-9]+(?:-[a-z0-9]+)*)*$/u;

/** The lookup key of a word or phrase: its normalised words joined by single spaces. */
export function phraseKey(text: string): string {
  if (PLAIN_KEY.test(text)) return text;
  return tokenizeWords(text).map((token) => normalizeWord(token.text)).join(" ");
}

function buildIndex(): { index: Map<string, TermKind>; maxWords: number } {
  const index = new Map<string, TermKind>();
  let maxWords = 1;
  const add = (key: string, kind: TermKind): void => {
    if (key === "" || index.has(key)) return;
    index.set(key, kind);
    maxWords = Math.max(maxWords, key.split(" ").length);
  };
  for (const [list, kind] of LISTS) {
    for (const item of parseTermList(list)) {
      add(phraseKey(item), kind);
      // "Parkinson's disease" is also written "Parkinson disease".
      if (item.includes("'") || item.includes("\u2019")) add(phraseKey(item.replace(/['\u2019]s\b/gu, "")), kind);
    }
  }
  return { index, maxWords };
}

const { index: VOCABULARY, maxWords: MAX_WORDS } = buildIndex();

/** The kind of a phrase key in the vocabulary, or undefined. */
export function lookupVocabulary(key: string): TermKind | undefined {
  return VOCABULARY.get(key);
}

/** The longest vocabulary entry, in words. */
export function maxPhraseWords(): number {
  return MAX_WORDS;
}

/** Number of distinct keys in the vocabulary. */
export function vocabularySize(): number {
  return VOCABULARY.size;
}

/** Every vocabulary key with its kind (for tests and reports). */
export function vocabularyEntries(): ReadonlyArray<readonly [string, TermKind]> {
  return [...VOCABULARY.entries()];
}
