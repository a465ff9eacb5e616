/**
 * Decides whether a word or phrase is a medical term, and of which kind: first the vocabulary (with plurals made
 * singular), then adjectives built on a listed disease ("arthritic", "cirrhotic", "hyperkalemic"), then word parts.
 */
import { classifyByMorphology } from "./morphology";
import { normalizeWord, singularCandidates } from "./normalize";
import type { TermClass } from "./types";
import { lookupVocabulary, phraseKey } from "./vocabularyIndex";

/** A classification together with the key that matched. */
export interface KeyedTermClass extends TermClass {
  normalized: string;
}

/** Adjective endings and the noun endings they come from: "-itic" ← "-itis", "-otic" ← "-osis", "-emic" ← "-emia". */
const ADJECTIVE_BASES: ReadonlyArray<readonly [string, string]> = [
  ["itic", "itis"],
  ["otic", "osis"],
  ["emic", "emia"],
  ["aemic", "aemia"],
];

function fromVocabulary(key: string): KeyedTermClass | undefined {
  const kind = lookupVocabulary(key);
  return kind === undefined ? undefined : { kind, source: "vocabulary", normalized: key };
}

function fromAdjective(word: string): KeyedTermClass | undefined {
  for (const [adjective, noun] of ADJECTIVE_BASES) {
    if (!word.endsWith(adjective) || word.length < adjective.length + 3) continue;
    const base = word.slice(0, -adjective.length) + noun;
    if (lookupVocabulary(base) !== undefined) return { kind: "other", source: "vocabulary", normalized: word };
    // "hyperkalemic", "hyponatremic": the prefix marks the word as medical even when the noun is not listed.
    if (/^(?:hyper|hypo|normo)/u.test(word) && classifyByMorphology(base) !== undefined) {
      return { kind: "other", source: "morphology", normalized: word };
    }
  }
  return undefined;
}

/** Classifies one word (a token such as "cholecystectomy", "stenoses" or "COVID-19"), or returns undefined. */
export function classifyWord(word: string): KeyedTermClass | undefined {
  const normalized = normalizeWord(word);
  if (normalized === "" || /^[\d.,-]+$/u.test(normalized)) return undefined;
  const candidates = [normalized, ...singularCandidates(normalized)];
  for (const candidate of candidates) {
    const listed = fromVocabulary(candidate);
    if (listed) return listed;
  }
  const adjective = fromAdjective(normalized);
  if (adjective) return adjective;
  // Word parts are judged on the word and on its plain plural only: Greco-Latin plurals would turn "purposes" into
  // "purposis" and "chooses" into "choosis".
  for (const candidate of plainSingulars(normalized)) {
    const kind = classifyByMorphology(candidate);
    if (kind !== undefined) return { kind, source: "morphology", normalized: candidate };
  }
  return undefined;
}

/** The word and its English singular by "-s" or "-ies" ("lobotomies" → "lobotomy"). */
function plainSingulars(word: string): string[] {
  const forms = [word];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  else if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("is") && !word.endsWith("us")) forms.push(word.slice(0, -1));
  return forms;
}

/**
 * Classifies a word or a phrase such as "atrial fibrillation" or "pulmonary emboli". A phrase must be listed (its
 * last word may be plural); a single word may also be recognised by its parts.
 */
export function classifyTerm(text: string): KeyedTermClass | undefined {
  const key = phraseKey(text);
  if (key === "") return undefined;
  const words = key.split(" ");
  if (words.length === 1) return classifyWord(text.trim());
  const listed = fromVocabulary(key);
  if (listed) return listed;
  const last = words[words.length - 1] ?? "";
  const head = words.slice(0, -1).join(" ");
  for (const singular of singularCandidates(last)) {
    const plural = fromVocabulary(`${head} ${singular}`);
    if (plural) return plural;
  }
  return undefined;
}
