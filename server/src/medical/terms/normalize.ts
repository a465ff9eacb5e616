/** Normalisation shared by the vocabulary index and the lookups, so both sides compare the same keys. */

const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2019]/gu;

/** Any character outside ASCII: only such words need Unicode decomposition. */
const NON_ASCII = /[^\p{ASCII}]/u;

/** Lower case, without diacritics ("barré" → "barre") or apostrophes ("parkinson's" → "parkinsons"). */
export function normalizeWord(word: string): string {
  const bare = NON_ASCII.test(word) ? word.normalize("NFD").replace(COMBINING_MARKS, "") : word;
  return bare.replace(APOSTROPHES, "").toLowerCase();
}

/**
 * Singular forms a word may have, most likely first, for English and Greco-Latin plurals: "stents" → "stent",
 * "arteries" → "artery", "stenoses" → "stenosis", "emboli" → "embolus", "vertebrae" → "vertebra",
 * "apices" → "apex". The word itself is not included.
 */
export function singularCandidates(word: string): string[] {
  const candidates: string[] = [];
  const add = (candidate: string): void => {
    if (candidate.length >= 3 && candidate !== word && !candidates.includes(candidate)) candidates.push(candidate);
  };
  if (word.endsWith("ies")) add(`${word.slice(0, -3)}y`);
  if (word.endsWith("ses")) add(`${word.slice(0, -2)}is`);
  if (word.endsWith("ides")) add(`${word.slice(0, -4)}is`);
  if (word.endsWith("ices")) {
    add(`${word.slice(0, -4)}ex`);
    add(`${word.slice(0, -4)}ix`);
  }
  if (word.endsWith("ae")) add(word.slice(0, -1));
  if (word.endsWith("i")) add(`${word.slice(0, -1)}us`);
  if (word.endsWith("es")) add(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) add(word.slice(0, -1));
  return candidates;
}
