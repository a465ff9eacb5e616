/**
 * What a written name looks like, and how a candidate is trimmed and judged. The name recognizer finds the places
 * where a name is announced; these helpers read the name that starts there.
 */

import type { PhiFinding } from "./phiTypes";
import { alternation, makeFinding } from "./patternTools";
import { ABBREVIATIONS, COMMON_WORDS, EPONYMS, EPONYM_HEADS, TITLES, TITLE_WORDS } from "./nameLexicon";
import { LETTER, LOWER, UPPER } from "./letterClasses";

const LOWER_PART = `(?:[${LOWER}'’]|[${UPPER}](?=[${LOWER}]))*[${LOWER}]`;
/** A capitalised name word: "Smith", "O'Brien", "McDonald", "Mensah-Boateng", "Min-jun". */
export const WORD = `[${UPPER}]${LOWER_PART}(?:-[${LETTER}]${LOWER_PART})*`;
/** A name word in capitals: "GUTIERREZ", "O'BRIEN". */
export const CAPS_WORD = `[${UPPER}](?:[${UPPER}'’]|-(?=[${UPPER}]))+`;
const SEP = "(?:[ \\t]+|[ \\t]*~[ \\t]*)";
const INITIAL = `[${UPPER}]\\.?`;
const PARTICLE = "(?:van|von|der|den|de|del|della|da|di|du|la|le|dos|das|bin|ibn|al|el|ter|ten|y|Ó|Ní|Nic|Ua)";
const TOKEN = `(?:${WORD}|${INITIAL}(?=${SEP}[${UPPER}]))`;
/** "Jane Q. Public", "Ciarán Ó Súilleabháin", "T.~Brandt": up to four tokens ending in a word. */
export const MIXED = `${TOKEN}(?:${SEP}(?:${PARTICLE}${SEP}){0,2}${TOKEN}){0,3}`;
const TRAILING_INITIAL = `(?:[ \\t]+[${UPPER}]\\.?(?![${LETTER}]))`;
/** "Abernathy, Walter", "Patel, Nikhil R". */
export const LAST_FIRST = `${WORD},[ \\t]*${WORD}(?:${SEP}${WORD})?${TRAILING_INITIAL}?`;
/** "GUTIERREZ, ROSA M". */
export const CAPS_LAST_FIRST = `${CAPS_WORD},[ \\t]*${CAPS_WORD}(?:[ \\t]+${CAPS_WORD})?${TRAILING_INITIAL}?`;
const CAPS_SEQ = `${CAPS_WORD}(?:[ \\t]+${CAPS_WORD}){1,3}`;
/** HL7 person names: "DELGADO^RAMON". */
const HL7 = `${CAPS_WORD}\\^${CAPS_WORD}(?:\\^(?:${CAPS_WORD}|[${UPPER}]))*`;

const sticky = (source: string): RegExp => new RegExp(source, "y");
/** Sticky shapes: each matches a name starting exactly at `lastIndex`. */
export const SHAPES = {
  mixed: sticky(MIXED),
  mixedInitial: sticky(`${MIXED}${TRAILING_INITIAL}?`),
  lastFirst: sticky(LAST_FIRST),
  capsLastFirst: sticky(CAPS_LAST_FIRST),
  capsSeq: sticky(CAPS_SEQ),
  hl7: sticky(HL7),
} as const;
/** Shapes accepted after a label such as "Patient:". */
export const LABEL_SHAPES: readonly RegExp[] = [SHAPES.capsLastFirst, SHAPES.hl7, SHAPES.lastFirst, SHAPES.mixedInitial, SHAPES.capsSeq];

const AT_TITLE = sticky(`(?:${alternation(TITLES)})(?:\\.|(?=[ \\t~]))[ \\t~]*`);
/** Between two names of one list: "Kenji and Laura", "Ortiz / Lindgren", "Jaylen (9) and Amaya". */
const AT_AND = /(?:[ \t]*\([^()\n]{1,24}\))?[ \t]*(?:,[ \t]*)?(?:and|&|\/)[ \t]+/y;

/** Words that make a capitalised phrase an organisation, not a person ("Urgent Care Clinic"). */
const INSTITUTION = new Set(
  `Clinic Hospital Center Centre Department Care Health Medical Services Service Unit Team Program Programme Partners
Pharmacy Office Group Practice Surgery Laboratory Laboratories Associates University College School Institute
Foundation Inc LLC Ltd Plan Insurance Agency Company Corporation Corp Bank Church Society Association Network Home
Homes Living Systems Solutions`.split(/\s+/),
);

/** Lower-case name particles, never the first or last word of a name. */
export const PARTICLE_WORDS: ReadonlySet<string> = new Set([
  "van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le", "dos", "das", "bin", "ibn", "al", "el",
  "ter", "ten", "y",
]);

/** How much evidence announced a candidate: eponyms block only weak evidence. */
export type Strength = "strong" | "weak";

/** A half-open span with the number of name tokens in it. */
export interface NameSpan {
  start: number;
  end: number;
  tokens: number;
}

/** "SMITH" → "Smith", "sharon" → "Sharon". */
export function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** True for abbreviations, headings and other capitalised non-names. */
export function isNonName(token: string): boolean {
  if (ABBREVIATIONS.has(token) || COMMON_WORDS.has(token)) return true;
  // "NG" (nasogastric) is an abbreviation, "Ng" a surname: only a word in capitals is compared in other cases.
  return isCapitals(token) && COMMON_WORDS.has(titleCase(token));
}

/** The word after `end`, skipping a possessive: "Parkinson's disease" → "disease". */
export function nextWord(text: string, end: number): string {
  return NEXT_WORD.exec(text.slice(end, end + 40))?.[1]?.toLowerCase() ?? "";
}

const MONTHS: ReadonlySet<string> = new Set(["April", "June", "August", "May", "Apr", "Jun", "Aug"]);
const NEXT_WORD = new RegExp(`^(?:['’]s)?[ \\t]+([${LETTER}-]+)`);
const NAME_TOKEN = new RegExp(`[${UPPER}]\\.|[${LETTER}][${LETTER}'’-]*`, "g");
const NAME_CHAR = new RegExp(`[${LETTER}'’.-]`);
const TRAILING_MARK = /['’-]$/;

/** True when the character is an upper-case letter (cheaper than a regular expression on hot paths). */
export function isUpperChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return char !== char.toLowerCase();
}

/** True when a word has no lower-case letter ("SMITH", "O'BRIEN"). */
export function isCapitals(word: string): boolean {
  return word.length > 1 && isUpperChar(word.charAt(1)) && word.toUpperCase() === word;
}

/** "J", "J.": a single capital with an optional period. */
function isInitial(token: string): boolean {
  return (token.length === 1 || (token.length === 2 && token.charAt(1) === ".")) && isUpperChar(token.charAt(0));
}

/**
 * Trims a candidate to its name tokens and decides whether it is a name. Headings, titles and abbreviations at either
 * edge are dropped and a trailing possessive is cut; organisations, abbreviations inside, and eponyms followed by a
 * head noun ("Austin Flint murmur") are rejected.
 */
export function cleanNameCandidate(text: string, start: number, end: number, strength: Strength): NameSpan | undefined {
  const tokens: { text: string; start: number; end: number }[] = [];
  NAME_TOKEN.lastIndex = 0;
  const raw = text.slice(start, end);
  let m: RegExpExecArray | null;
  while ((m = NAME_TOKEN.exec(raw)) !== null) {
    let value = m[0];
    if (value.endsWith("'s") || value.endsWith("’s")) value = value.slice(0, -2);
    while (TRAILING_MARK.test(value)) value = value.slice(0, -1);
    if (value) tokens.push({ text: value, start: start + m.index, end: start + m.index + value.length });
  }
  if (tokens.some((token) => INSTITUTION.has(isCapitals(token.text) ? titleCase(token.text) : token.text))) return undefined;
  const drop = (token: string): boolean =>
    PARTICLE_WORDS.has(token) || TITLE_WORDS.has(token) || (!isInitial(token) && (isNonName(token) || !isUpperChar(token.charAt(0))));
  while (tokens.length > 0 && drop(tokens[0]?.text ?? "")) tokens.shift();
  while (tokens.length > 0 && drop(tokens.at(-1)?.text ?? "")) tokens.pop();
  // "Austin Flint Murmur", "Rose Spots On Abdomen": a head noun inside ends the name and marks an eponym phrase;
  // with weak evidence an ordinary word inside ends the name too.
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]?.text ?? "";
    if (EPONYM_HEADS.has(token.toLowerCase())) return undefined;
    if (strength === "weak" && COMMON_WORDS.has(token)) {
      tokens.length = i;
      break;
    }
  }
  // "June 5" after a label is a date, although June is also a given name.
  const lastToken = tokens.at(-1);
  if (lastToken && MONTHS.has(lastToken.text) && /^[ \t]*\d/.test(text.slice(lastToken.end, lastToken.end + 4))) tokens.pop();
  const first = tokens[0];
  const last = tokens.at(-1);
  const words = tokens.filter((token) => !isInitial(token.text));
  if (!first || !last || words.length === 0) return undefined;
  if (words.some((token) => ABBREVIATIONS.has(token.text))) return undefined;
  if (EPONYM_HEADS.has(nextWord(text, last.end))) return undefined;
  if (strength === "weak" && words.every((token) => EPONYMS.has(token.text) || COMMON_WORDS.has(token.text))) return undefined;
  return { start: first.start, end: last.end, tokens: tokens.length };
}

/** Tries each shape at `index` (after an optional title) and returns the longest raw match. */
function nameAt(text: string, index: number, shapes: readonly RegExp[]): { start: number; end: number } | undefined {
  AT_TITLE.lastIndex = index;
  const title = AT_TITLE.exec(text);
  const at = title ? index + title[0].length : index;
  let best: { start: number; end: number } | undefined;
  for (const shape of shapes) {
    shape.lastIndex = at;
    const m = shape.exec(text);
    if (m && (!best || at + m[0].length > best.end)) best = { start: at, end: at + m[0].length };
  }
  return best;
}

/**
 * Reads a name that ends exactly at `end` on the same line, trying each shape at every word start of the 60
 * characters before it; the earliest start that reaches `end` wins (the candidate is trimmed afterwards).
 */
export function nameEndingAt(text: string, end: number, shapes: readonly RegExp[], strength: Strength): NameSpan | undefined {
  let start = end;
  const limit = Math.max(0, end - 60);
  while (start > limit && text.charAt(start - 1) !== "\n" && text.charAt(start - 1) !== "\r") start--;
  for (let i = start; i < end; i++) {
    if (!isUpperChar(text.charAt(i)) || (i > start && NAME_CHAR.test(text.charAt(i - 1)))) continue;
    for (const shape of shapes) {
      shape.lastIndex = i;
      const m = shape.exec(text);
      if (m && i + m[0].length === end) return cleanNameCandidate(text, i, end, strength);
    }
  }
  return undefined;
}

/** How `addNamesAt` reports what it finds. */
export interface NameEvidence {
  strength: Strength;
  score: number;
  recognizer: string;
  /** Fewer name tokens than this is not enough (a bare "Jane" after a weak cue). */
  minTokens?: number;
}

/**
 * Reads the name starting at `index` and, after "and", "/" or a list comma, up to two more ("Parents: Wei Chen and
 * Marisol Ramirez"). Returns how many were added.
 */
export function addNamesAt(text: string, index: number, shapes: readonly RegExp[], evidence: NameEvidence, found: PhiFinding[]): number {
  let at = index;
  let added = 0;
  for (let count = 0; count < 3; count++) {
    const raw = nameAt(text, at, shapes);
    if (!raw) break;
    const span = cleanNameCandidate(text, raw.start, raw.end, evidence.strength);
    if (!span || span.tokens < (evidence.minTokens ?? 1)) break;
    found.push(makeFinding("NAME", span.start, span.end, evidence.score, evidence.recognizer));
    added++;
    AT_AND.lastIndex = raw.end;
    const and = AT_AND.exec(text);
    if (!and) break;
    at = raw.end + and[0].length;
  }
  return added;
}
