/**
 * Word scanning for clinical text. Clinical tokens mix letters, digits and joiners ("q6h", "SpO2", "HbA1c",
 * "CHA2DS2-VASc", "COVID-19", "0.5", "Parkinson's"), so a word here is a run of letters and digits that may contain
 * a hyphen, period or apostrophe when that joiner sits between two letters or digits.
 */

/** A slice of a text: the characters and their UTF-16 offsets (`end` is exclusive). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
const JOINERS = new Set(["-", ".", "'", "\u2019", "\u2010", "\u2011"]);

/** True for a letter, digit or combining mark (accents, subscript and superscript digits included). */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== "" && LETTER_OR_DIGIT.test(ch);
}

/** True when the character at `index` belongs to a word: a word character, or a joiner between two of them. */
function insideWord(text: string, index: number): boolean {
  const ch = text[index];
  if (ch === undefined) return false;
  if (isWordChar(ch)) return true;
  return JOINERS.has(ch) && isWordChar(text[index - 1]) && isWordChar(text[index + 1]);
}

/**
 * The word under a cursor. `character` is an offset into `lineText`; a cursor just after the last character of a
 * word (as editors report when the mouse rests at its end) still finds that word.
 */
export function wordAt(lineText: string, character: number): TextSpan | undefined {
  let index = character;
  if (!insideWord(lineText, index)) {
    index = character - 1;
    if (!insideWord(lineText, index)) return undefined;
  }
  let start = index;
  while (start > 0 && insideWord(lineText, start - 1)) start--;
  let end = index + 1;
  while (end < lineText.length && insideWord(lineText, end)) end++;
  return { text: lineText.slice(start, end), start, end };
}

/** A run of word characters with single joiners between them; the same rule as {@link wordAt}. */
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-.'\u2019\u2010\u2011][\p{L}\p{N}\p{M}]+)*/gu;

/** Every word of a text, in order, with the same rules as {@link wordAt}. */
export function tokenizeWords(text: string): TextSpan[] {
  const words: TextSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return words;
}
