/**
 * Finds the sentence around an offset in clinical or research text. Clinical writing breaks the usual rules: periods
 * end abbreviations ("Dr.", "q.d.", "e.g.") and decimals ("0.5"), lines wrap inside a paragraph, and lists carry no
 * final period. When unsure we do not split: a sentence merged with its neighbour still gives good context, while a
 * sentence cut in two loses it.
 */
import type { TextSpan } from "./words";

/** Longest sentence returned; longer ones are cut to a window around the offset. */
export const DEFAULT_MAX_SENTENCE_LENGTH = 400;

/** Abbreviations that end with a period but almost never end a sentence. */
const NON_TERMINAL = new Set([
  "dr", "drs", "mr", "mrs", "ms", "mx", "prof", "sr", "jr", "st", "vs", "cf", "viz", "approx", "fig", "figs", "eq",
  "eqs", "ref", "refs", "vol", "no", "nos", "al", "ca", "ed", "eds", "inc", "ltd", "co", "dept", "univ",
]);

const BLANK = /^\s*$/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
const TABLE_ROW = /^\s*\|/;
const FENCE = /^\s*(?:```|~~~)/;
const LATEX_COMMAND = /^\s*\\(?:part|chapter|section|subsection|subsubsection|paragraph|caption|title|begin|end)\b/;
const LABEL_LINE = /^[^.!?]{1,60}:\s*$/;
const ITEM_MARKER = /^\s*(?:[-*+\u2022\u2023\u25E6\u25AA]|\d{1,3}[.)]|[a-z]\)|\\item\b)\s+/;
const HEADING_MARKER = /^\s{0,3}#{1,6}\s*/;
const CLOSERS = new Set([")", "]", "}", '"', "'", "\u201D", "\u2019", "*", "_"]);
const TERMINATORS = new Set([".", "!", "?", "\u2026"]);

interface Line {
  start: number;
  end: number;
  text: string;
}

/** The line holding `index` (a line's end, before its newline, belongs to it). */
function lineAt(text: string, index: number): Line {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  const newline = text.indexOf("\n", index);
  let end = newline === -1 ? text.length : newline;
  if (text[end - 1] === "\r" && end > start) end--;
  return { start, end, text: text.slice(start, end) };
}

function previousLine(text: string, line: Line): Line | undefined {
  return line.start === 0 ? undefined : lineAt(text, line.start - 1);
}

function nextLine(text: string, line: Line): Line | undefined {
  const newline = text.indexOf("\n", line.end);
  return newline === -1 ? undefined : lineAt(text, newline + 1);
}

/** A line that stands alone: it never joins the lines around it into one sentence. */
function isStandalone(line: string): boolean {
  return HEADING.test(line) || TABLE_ROW.test(line) || FENCE.test(line) || LATEX_COMMAND.test(line) || LABEL_LINE.test(line);
}

/**
 * The first and last lines of the paragraph or list item holding `line`. The walk stops `reach` characters away
 * from the line, since anything further would be cut from the result anyway.
 */
function blockOf(text: string, line: Line, reach: number): [Line, Line] {
  if (isStandalone(line.text)) return [line, line];
  let first = line;
  for (;;) {
    const previous = previousLine(text, first);
    if (!previous || ITEM_MARKER.test(first.text) || BLANK.test(previous.text) || isStandalone(previous.text)) break;
    if (line.start - previous.start > reach) break;
    first = previous;
  }
  let last = line;
  for (;;) {
    const next = nextLine(text, last);
    if (!next || BLANK.test(next.text) || isStandalone(next.text) || ITEM_MARKER.test(next.text)) break;
    if (next.end - line.end > reach) break;
    last = next;
  }
  return [first, last];
}

/** The non-space run that ends right before `index` (the "word" a period closes). */
function tokenBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/[\s([{"'\u201C]/.test(text[start - 1] ?? " ")) start--;
  return text.slice(start, index);
}

/** Whether the terminator at `index`, already known to be followed by space or the block end, ends a sentence. */
function endsSentence(text: string, index: number, after: number, blockEnd: number): boolean {
  if (text[index] !== ".") return true;
  const previous = tokenBefore(text, index).replace(/^[^\p{L}\p{N}]+/u, "");
  if (previous === "") return true;
  // Dotted abbreviations (e.g., b.i.d., y.o.) and initials rarely end a sentence; merging is the safe mistake.
  if (previous.includes(".") || /^\p{L}$/u.test(previous)) return false;
  if (NON_TERMINAL.has(previous.toLowerCase())) return false;
  let next = after;
  while (next < blockEnd && /\s/.test(text[next] ?? "")) next++;
  const following = text[next];
  if (following === undefined || next >= blockEnd) return true;
  return !/\p{Ll}/u.test(following);
}

/** The content start of a block: after leading space, a list marker or heading hashes. */
function contentStart(text: string, blockStart: number, firstLine: string): number {
  const marker = ITEM_MARKER.exec(firstLine) ?? HEADING_MARKER.exec(firstLine);
  let start = blockStart + (marker ? marker[0].length : 0);
  while (start < text.length && /[ \t]/.test(text[start] ?? "")) start++;
  return start;
}

/** Cuts a long span to at most `maxLength` characters around `offset`, on word boundaries where possible. */
function capAround(text: string, start: number, end: number, offset: number, maxLength: number): [number, number] {
  if (end - start <= maxLength) return [start, end];
  let windowStart = Math.max(start, Math.min(offset - Math.floor(maxLength / 2), end - maxLength));
  let windowEnd = Math.min(end, windowStart + maxLength);
  if (windowStart > start) {
    const space = text.slice(windowStart, windowStart + 40).search(/\s/);
    if (space !== -1 && windowStart + space < offset) windowStart += space + 1;
  }
  if (windowEnd < end) {
    const tail = text.slice(Math.max(offset, windowEnd - 40), windowEnd);
    const space = tail.search(/\s\S*$/);
    if (space !== -1) windowEnd = Math.max(offset, windowEnd - 40) + space;
  }
  return [windowStart, windowEnd];
}

function trimmed(text: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { text: text.slice(s, e), start: s, end: e };
}

/**
 * The sentence that contains `offset`. A line break inside a paragraph does not end a sentence; a blank line, a list
 * item, a heading, a table row or a label line such as "Assessment and Plan:" does. Sentences longer than
 * `maxLength` are cut to a window around the offset. On a blank line the result is empty.
 */
export function sentenceAround(text: string, offset: number, maxLength = DEFAULT_MAX_SENTENCE_LENGTH): TextSpan {
  const at = Math.max(0, Math.min(offset, text.length));
  const line = lineAt(text, at);
  if (BLANK.test(line.text)) return { text: "", start: at, end: at };

  const reach = 2 * maxLength;
  const [first, last] = blockOf(text, line, reach);
  const blockStart = Math.max(contentStart(text, first.start, first.text), at - reach);
  const blockEnd = Math.min(last.end, at + reach);

  let sentenceStart = blockStart;
  let sentenceEnd = blockEnd;
  for (let index = blockStart; index < blockEnd; index++) {
    if (!TERMINATORS.has(text[index] ?? "")) continue;
    let after = index + 1;
    while (after < blockEnd && (TERMINATORS.has(text[after] ?? "") || CLOSERS.has(text[after] ?? ""))) after++;
    if (after < blockEnd && !/\s/u.test(text[after] ?? "")) continue;
    if (!endsSentence(text, index, after, blockEnd)) {
      index = after - 1;
      continue;
    }
    // A cursor resting right after the terminator still belongs to the sentence it closes.
    if (at < after || (at === after && (at >= blockEnd || /\s/u.test(text[at] ?? "")))) {
      sentenceEnd = after;
      break;
    }
    sentenceStart = after;
    index = after - 1;
  }
  const span = trimmed(text, Math.min(sentenceStart, blockEnd), sentenceEnd);
  const [capStart, capEnd] = capAround(text, span.start, span.end, Math.max(span.start, Math.min(at, span.end)), maxLength);
  return trimmed(text, capStart, capEnd);
}
