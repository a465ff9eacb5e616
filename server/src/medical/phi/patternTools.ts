/** Small helpers the recognizers share for building patterns and reading context around a match. */

import type { PhiFinding, PhiType } from "./phiTypes";

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * An alternation of words, longest first so "MBChB" wins over "MB". Entries ending in `\.` or other regex syntax
 * are taken as patterns already; plain words are escaped.
 */
export function alternation(words: readonly string[], { raw = false } = {}): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => (raw ? word : escapeRegExp(word)))
    .join("|");
}

/** A pattern that matches `word` with its first letter in either case ("[Ww]ife"). */
export function eitherCase(word: string): string {
  const first = word.charAt(0);
  const rest = escapeRegExp(word.slice(1));
  const upper = first.toUpperCase();
  const lower = first.toLowerCase();
  return upper === lower ? escapeRegExp(first) + rest : `[${upper}${lower}]${rest}`;
}

/** Builds a finding. */
export function makeFinding(type: PhiType, start: number, end: number, score: number, recognizer: string): PhiFinding {
  return { type, start, end, score, recognizer };
}

/** Calls `visit` for every match of a global regular expression, safely skipping empty matches. */
export function forEachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  if (!pattern.global) throw new Error("forEachMatch needs a global pattern");
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    if (match[0] === "") {
      pattern.lastIndex++;
      continue;
    }
    visit(match);
  }
}

/** Up to `length` characters before `index`. */
export function before(text: string, index: number, length: number): string {
  return text.slice(Math.max(0, index - length), index);
}

/** Up to `length` characters from `index`. */
export function after(text: string, index: number, length: number): string {
  return text.slice(index, index + length);
}

/** Start offset of capture group `group` in a match made with the `d` flag; falls back to a search. */
export function groupStart(match: RegExpExecArray, group: number): number {
  const indices = match.indices?.[group];
  if (indices) return indices[0];
  const value = match[group] ?? "";
  return match.index + Math.max(0, match[0].indexOf(value));
}

/** Units that follow a clinical number; a date or phone look-alike followed by one is a measurement. */
export const UNIT_AFTER =
  /^\s*(?:mg|mcg|µg|ug|g|kg|mL|ml|L|l|dL|mmol|mEq|meq|units?|U|IU|iu|%|mmHg|bpm|cm|mm|m|mcL|µL|ng|pg|nmol|pmol|µmol|mOsm|kPa|cmH2O|min|sec|s|h|hr|hrs|hours?|days?|d|weeks?|wks?|wk|months?|mo|years?|yrs?|y|tabs?|tablets?|caps?|puffs?|drops?|sprays?|doses?|times|x)\b/;
