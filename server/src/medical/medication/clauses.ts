/**
 * Sentence and clause boundaries inside one line, so context cues from a neighbouring sentence ("…overdose. Timolol
 * 1 gtt OD") do not leak into a decision.
 */

const BREAK_RE = /;|[.!?](?=\s+[A-Z(\d"'-]|\s*$)/g;
const LAST_BREAK_RE = /(?:;|[.!?]\s)(?![\s\S]*(?:;|[.!?]\s))/;
const FIRST_BREAK_RE = /;|[.!?](?:\s|$)/;

/** Offsets just after each sentence or clause break in the line, ascending. */
export function sentenceBreaks(line: string): number[] {
  const breaks: number[] = [];
  BREAK_RE.lastIndex = 0;
  for (let m = BREAK_RE.exec(line); m; m = BREAK_RE.exec(line)) breaks.push(m.index + 1);
  return breaks;
}

/** The text in `[from, to)` cut back to the clause that ends at `to`. */
export function clauseBefore(line: string, from: number, to: number): string {
  const text = line.slice(Math.max(0, from), Math.max(0, to));
  const m = LAST_BREAK_RE.exec(text);
  return m ? text.slice(m.index + m[0].length) : text;
}

/** The text in `[from, to)` cut off at the first clause break. */
export function clauseAfter(line: string, from: number, to: number): string {
  const text = line.slice(from, Math.max(from, to));
  const m = FIRST_BREAK_RE.exec(text);
  return m ? text.slice(0, m.index) : text;
}
