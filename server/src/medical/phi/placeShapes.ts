/**
 * What place names, states and postal codes look like, shared by the address and place recognizers. Patterns avoid
 * the `u` flag (see letterClasses.ts).
 */

import { alternation } from "./patternTools";
import { COMMON_WORDS } from "./nameLexicon";
import { LETTER, LOWER, UPPER } from "./letterClasses";
import { COUNTRY_NAMES, STATE_ABBREVIATIONS, STATE_NAMES } from "./placeLexicon";

/** A US state, by name or USPS abbreviation. */
export const STATE = `(?:${alternation(STATE_NAMES)}|${alternation(STATE_ABBREVIATIONS)})`;
/** A state or a country, the anchors after a city. */
export const STATE_OR_COUNTRY = `(?:${alternation([...STATE_NAMES, ...COUNTRY_NAMES])}|${alternation(STATE_ABBREVIATIONS)})`;
/** A US ZIP or ZIP+4 code. */
export const ZIP = "\\d{5}(?:-\\d{4})?";
/** A UK postcode: "SW1A 1AA", "DE6 1AB". */
export const UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]?[ ]\\d[A-Z]{2}";
/** Letters, for boundaries. */
export const NOT_LETTER_AFTER = `(?![${LETTER}0-9])`;

/** One word of a place name: "Springfield", "St.", "Winston-Salem", "O'Fallon". */
const PLACE_WORD = `(?:St\\.|Ste\\.|Mt\\.|Ft\\.|[${UPPER}][${LOWER}'’]+(?:-[${UPPER}][${LOWER}'’]+)*)`;
/** One to three place words. */
export const PLACE = `${PLACE_WORD}(?:[ \\t]${PLACE_WORD}){0,2}`;
const PLACE_AT_END = new RegExp(`(?<![${LETTER}0-9.'’-])${PLACE}$`);

/** Ordinary words that also begin place names ("New Bedford", "West Haven", "Saint Paul"). */
const PLACE_PREFIXES = new Set([
  "New", "North", "South", "East", "West", "Saint", "St", "Mount", "Upper", "Lower", "Central", "Greater", "Old",
  "Little", "Great", "Fort", "Port", "Lake", "Grand",
]);

/**
 * Length of the leading ordinary words of a place candidate ("Visit Springfield" → "Visit "), or -1 when nothing
 * place-like is left ("Department", "Clinic").
 */
export function leadingNonPlace(place: string): number {
  let offset = 0;
  for (const word of place.split(/([ \t]+)/)) {
    if (/^[ \t]+$/.test(word)) {
      offset += word.length;
      continue;
    }
    if (!COMMON_WORDS.has(word) || PLACE_PREFIXES.has(word)) return /^\d+$/.test(word) ? -1 : offset;
    offset += word.length;
  }
  return -1;
}

/** The place name ending exactly at `end` on the same line (leading ordinary words trimmed), if any. */
export function placeEndingAt(text: string, end: number): { start: number; end: number } | undefined {
  const from = Math.max(0, end - 48);
  let slice = text.slice(from, end);
  const newline = Math.max(slice.lastIndexOf("\n"), slice.lastIndexOf("\r"));
  if (newline >= 0) slice = slice.slice(newline + 1);
  const m = PLACE_AT_END.exec(slice);
  if (!m) return undefined;
  const skip = leadingNonPlace(m[0]);
  if (skip < 0) return undefined;
  const start = end - slice.length + m.index + skip;
  return { start, end };
}
