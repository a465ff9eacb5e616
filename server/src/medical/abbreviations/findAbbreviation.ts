/**
 * Finds the abbreviation under a cursor. Matching is by whole token and exact case ("PT", "Pt" and "pt" differ),
 * and tolerates what clinical text wraps around abbreviations: a sentence-final period, plurals ("MIs", "PE's"),
 * slashes and ampersands inside ("A/P", "s/p", "I&D") or between two abbreviations ("HTN/DM"), hyphens
 * ("non-STEMI"), quotes and brackets.
 */
import { sentenceAround } from "../text/sentence";
import { lookupAbbreviation } from "./lexicon";
import { rankSenses, type RankedSense } from "./rankSenses";
import type { AbbreviationEntry } from "./types";

/** An abbreviation found in a text. */
export interface AbbreviationMatch {
  /** The characters as written, plural ending included, a sentence-final period left out ("PEs", "q.d."). */
  text: string;
  /** Offsets of `text` in the searched text (`end` exclusive). */
  start: number;
  end: number;
  entry: AbbreviationEntry;
  /** Every sense, best first by cue score over the surrounding sentence. */
  senses: readonly RankedSense[];
}

/** Characters that end an abbreviation chunk. Slash, ampersand, hyphen, period and apostrophe stay inside. */
const BREAK = /[\s,;:!?()[\]{}<>"\u201C\u201D`*_~|=%#@\\\u2018]/u;
const LEADING_JUNK = /^[.'\u2019\-/&+]+/u;
const TRAILING_JUNK = /['\u2019\-&+]+$/u;
const SEPARATOR = /[/&+-]/u;
const PLURAL = /^(.*[A-Z0-9])(?:'s|\u2019s|s)$/u;

interface Found {
  entry: AbbreviationEntry;
  start: number;
  end: number;
}

function isInside(ch: string | undefined): boolean {
  return ch !== undefined && !BREAK.test(ch);
}

/** Looks a span up as written, without its final periods, then as an upper-case plural. */
function lookupSpan(line: string, start: number, end: number): Found | undefined {
  const text = line.slice(start, end);
  if (text === "") return undefined;
  const exact = lookupAbbreviation(text);
  if (exact) return { entry: exact, start, end };
  const bare = text.replace(/\.+$/u, "");
  const bareEnd = start + bare.length;
  if (bare !== text && bare !== "") {
    const withoutPeriod = lookupAbbreviation(bare);
    if (withoutPeriod) return { entry: withoutPeriod, start, end: bareEnd };
  }
  const plural = PLURAL.exec(bare);
  const base = plural?.[1];
  if (base !== undefined && base.length >= 2 && base === base.toUpperCase() && /\p{Lu}/u.test(base)) {
    const singular = lookupAbbreviation(base);
    if (singular) return { entry: singular, start, end: bareEnd };
  }
  return undefined;
}

/** Trims quotes and stray joiners from both ends of [start, end). */
function trimSpan(line: string, start: number, end: number): [number, number] {
  const text = line.slice(start, end);
  const leading = LEADING_JUNK.exec(text)?.[0].length ?? 0;
  const rest = text.slice(leading);
  const trailing = /'s$|\u2019s$/u.test(rest) ? 0 : (TRAILING_JUNK.exec(rest)?.[0].length ?? 0);
  return [start + leading, end - trailing];
}

/** The part of [start, end) between separators that holds `index`. */
function partAt(line: string, start: number, end: number, index: number): [number, number] {
  let at = Math.min(Math.max(index, start), end - 1);
  if (SEPARATOR.test(line[at] ?? "") && at > start) at--;
  let partStart = at;
  while (partStart > start && !SEPARATOR.test(line[partStart - 1] ?? "")) partStart--;
  let partEnd = at + 1;
  while (partEnd < end && !SEPARATOR.test(line[partEnd] ?? "")) partEnd++;
  return [partStart, partEnd];
}

/** True when a line is written in capitals throughout, where upper-case English words look like abbreviations. */
function isShouting(line: string): boolean {
  const words = line.match(/\p{L}{3,}/gu) ?? [];
  const plain = words.filter((word) => lookupAbbreviation(word) === undefined);
  if (plain.length < 3) return false;
  const upper = plain.filter((word) => word === word.toUpperCase()).length;
  return upper / plain.length >= 0.7;
}

/** The abbreviation chunk under `character` in `line`, matched against the lexicon. */
function matchInLine(line: string, character: number): Found | undefined {
  let index = character;
  if (!isInside(line[index])) {
    index = character - 1;
    if (!isInside(line[index])) return undefined;
  }
  let chunkStart = index;
  while (chunkStart > 0 && isInside(line[chunkStart - 1])) chunkStart--;
  let chunkEnd = index + 1;
  while (chunkEnd < line.length && isInside(line[chunkEnd])) chunkEnd++;

  const [start, end] = trimSpan(line, chunkStart, chunkEnd);
  if (start >= end) return undefined;
  const whole = lookupSpan(line, start, end);
  if (whole) return whole;
  if (!SEPARATOR.test(line.slice(start, end))) return undefined;
  const [partStart, partEnd] = partAt(line, start, end, index);
  const [trimmedStart, trimmedEnd] = trimSpan(line, partStart, partEnd);
  if (trimmedStart >= trimmedEnd || index < trimmedStart - 1 || index > trimmedEnd) return undefined;
  return lookupSpan(line, trimmedStart, trimmedEnd);
}

/** Words and units that, right before an English-word spelling such as "bid", show it is an abbreviation. */
const DOSE_BEFORE = /(?:\d|\b(?:mg|mcg|g|kg|mL|ml|L|units?|U|IU|mEq|tabs?|tablets?|caps?|capsules?|puffs?|drops?|gtts?|PO|po|IV|IM|SC|SL|PR|subcut|patch|spray))[\s.-]*$/u;

/** Whether an English-word spelling ("bid", "yo") stands where only the abbreviation makes sense. */
function wordFormAllowed(found: Found, line: string): boolean {
  const written = line.slice(found.start, found.end);
  if (!found.entry.wordForms.includes(written)) return true;
  return DOSE_BEFORE.test(line.slice(0, found.start));
}

/** Builds the match; `contextOffset` is where `context` starts in the searched text, if it was taken from it. */
function toMatch(found: Found, line: string, lineOffset: number, context: string, contextOffset?: number): AbbreviationMatch | undefined {
  if (found.entry.commonWord && isShouting(line)) return undefined;
  if (!wordFormAllowed(found, line)) return undefined;
  const start = lineOffset + found.start;
  const end = lineOffset + found.end;
  const exclude = contextOffset === undefined ? undefined : { start: start - contextOffset, end: end - contextOffset };
  const senses = rankSenses(found.entry, context, exclude);
  return { text: line.slice(found.start, found.end), start, end, entry: found.entry, senses };
}

/**
 * The abbreviation under `character` in one line, or undefined. Senses are ranked by cue words in the sentence
 * around the cursor (within this line) unless a `context` text is given, e.g. the sentence taken from the whole
 * document; then it is used as is.
 */
export function findAbbreviationAt(lineText: string, character: number, context?: string): AbbreviationMatch | undefined {
  const found = matchInLine(lineText, character);
  if (!found) return undefined;
  if (context !== undefined) return toMatch(found, lineText, 0, context);
  const sentence = sentenceAround(lineText, character);
  return toMatch(found, lineText, 0, sentence.text, sentence.start);
}

/** The abbreviation at `offset` in a whole text, ranked by the sentence around it (which may span lines). */
export function findAbbreviationInText(text: string, offset: number): AbbreviationMatch | undefined {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const newline = text.indexOf("\n", at);
  const lineEnd = newline === -1 ? text.length : newline;
  const line = text.slice(lineStart, lineEnd).replace(/\r$/u, "");
  const found = matchInLine(line, at - lineStart);
  if (!found) return undefined;
  const sentence = sentenceAround(text, at);
  return toMatch(found, line, lineStart, sentence.text, sentence.start);
}
