/**
 * The working state of one line while the rules run: the blanked text, lazily found amounts, helpers that read the
 * words around a match, and the findings emitted so far.
 */

import { sentenceBreaks } from "./clauses";
import { DOSE_LINK_WORDS, DRUG_NAMES, FREQUENCY_RE, ROUTE_WORDS } from "./lexicon";
import { findQuantities, type Quantity } from "./quantities";
import { describeFinding } from "./replacementText";
import type { LineFinding } from "./types";

const WORD_RE = /[A-Za-z0-9µμ][A-Za-z0-9µμ./'&#-]*/g;
const CLAUSE_BREAK_RE = /[;:!?]|\.\s+[A-Z]|\.\s*$|\.\s*\(/;
const LOWER_RE = /[a-z]/;
/** A list item or quote marker at the start of a line, as in "- ", "* [x] ", "> ". */
const LIST_MARKER_RE = /^\s*(?:[-*+•>]|\d+[.)])(?:\s+\[[ xX]\])?$/;
const UPPER_WORD_RE = /^[A-Z][A-Z0-9]{0,3}$/;

/** A word with its offsets in the line. */
export interface Word {
  readonly text: string;
  /** Lower case, with a single trailing period removed ("mg." → "mg", "p.o." stays). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

/** Characters a word may contain (letters, digits, µ and the joiners of "p.o.", "s/p", "pt's", "A&P", "#3", "x-ray"). */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 181 || code === 956 ||
    code === 46 || code === 47 || code === 39 || code === 38 || code === 35 || code === 45
  );
}

/** Characters a word may start with. */
function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 181 || code === 956;
}

function normalise(word: string): string {
  const lower = word.toLowerCase();
  const last = lower.charCodeAt(lower.length - 1);
  if (last === 46 /* . */) return lower.indexOf(".") === lower.length - 1 ? lower.slice(0, -1) : lower;
  if (last === 45 /* - */ || last === 39 /* ' */) return lower.replace(/[-']+$/, "");
  return lower;
}

export class LineScan {
  readonly findings: LineFinding[] = [];
  /** Abbreviations this line defines, as in "tranexamic acid (TXA)". */
  definitions: string[] | undefined;
  private quantityList: Quantity[] | undefined;
  private breaks: number[] | undefined;
  private doseContext: Map<number, boolean> | undefined;
  private allCaps: boolean | undefined;

  /**
   * @param text the line with excluded zones blanked
   * @param original the line as written, for `matched` and replacements
   */
  constructor(
    readonly text: string,
    readonly original: string,
    private readonly masked: boolean,
  ) {}

  /** Amounts in the line, left to right. */
  get quantities(): readonly Quantity[] {
    this.quantityList ??= /\d/.test(this.text) ? findQuantities(this.text) : [];
    return this.quantityList;
  }

  /** Remembers that the line defines an abbreviation. */
  define(key: string): void {
    (this.definitions ??= []).push(key);
  }

  /** Records a finding unless its span touches blanked text. */
  emit(ruleId: string, start: number, end: number, replacements: readonly string[], ambiguous = false): void {
    const matched = this.original.slice(start, end);
    if (this.masked && this.text.slice(start, end) !== matched) return;
    if (replacements.length === 0 || replacements.includes(matched)) return;
    const capitalise = this.atSentenceStart(start) && /^[A-Za-z]/.test(matched);
    const finalReplacements = capitalise ? replacements.map((r) => r.replace(/^[a-z]/, (c) => c.toUpperCase())) : replacements;
    const { message, fixTitles } = describeFinding(ruleId, matched, finalReplacements);
    this.findings.push({ ruleId, start, end, matched, replacements: finalReplacements, fixTitles, message, ambiguous });
  }

  /** True when `pos` starts a sentence: line start (after list markers) or after ". ", "! ", "? ". */
  atSentenceStart(pos: number): boolean {
    let i = pos - 1;
    while (i >= 0 && (this.text[i] === " " || this.text[i] === "\t")) i--;
    if (i < 0) return true;
    const ch = this.text[i]!;
    if (ch === "!" || ch === "?") return true;
    if (ch === ".") {
      if (/^\s*\d+$/.test(this.text.slice(0, i))) return true; // "1. D/C home"
      const prev = this.text[i - 1] ?? " ";
      return !/\d/.test(prev) && this.text[i - 2] !== "."; // not "5 mg." or "p.o."
    }
    return LIST_MARKER_RE.test(this.text.slice(0, i + 1));
  }

  /** Words in `[from, to)`, left to right. */
  words(from: number, to: number): Word[] {
    const start = Math.max(0, from);
    const slice = this.text.slice(start, Math.max(start, to));
    const out: Word[] = [];
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
      out.push({ text: m[0], norm: normalise(m[0]), start: start + m.index, end: start + m.index + m[0].length });
    }
    return out;
  }

  /** The word just before `pos` (nearest), if it lies within `maxChars`. */
  wordBefore(pos: number, maxChars = 24): Word | undefined {
    const text = this.text;
    const min = Math.max(0, pos - maxChars);
    let i = pos - 1;
    while (i >= min && !isWordStart(text.charCodeAt(i))) i--;
    if (i < min) return undefined;
    const end = i + 1;
    while (i >= min && isWordChar(text.charCodeAt(i))) i--;
    let start = i + 1;
    while (!isWordStart(text.charCodeAt(start))) start++;
    const word = text.slice(start, end);
    return { text: word, norm: normalise(word), start, end };
  }

  /** The word just after `pos`, if it starts within `maxChars`. */
  wordAfter(pos: number, maxChars = 24): Word | undefined {
    const text = this.text;
    const max = Math.min(text.length, pos + maxChars);
    let start = pos;
    while (start < max && !isWordStart(text.charCodeAt(start))) start++;
    if (start >= max) return undefined;
    let end = start + 1;
    while (end < max && isWordChar(text.charCodeAt(end))) end++;
    const word = text.slice(start, end);
    return { text: word, norm: normalise(word), start, end };
  }

  /** Start and end of the sentence (or clause after ";") that contains `pos`. */
  sentenceAt(pos: number): { start: number; end: number } {
    this.breaks ??= sentenceBreaks(this.text);
    let start = 0;
    let end = this.text.length;
    for (const at of this.breaks) {
      if (at <= pos) start = at;
      else {
        end = at;
        break;
      }
    }
    return { start, end };
  }

  /** Tests a pattern against `[start - before, end + after)`, clipped to the sentence of the match. */
  near(re: RegExp, start: number, end: number, before: number, after: number): boolean {
    const sentence = this.sentenceAt(start);
    return re.test(this.text.slice(Math.max(sentence.start, start - before), Math.min(sentence.end, end + after)));
  }

  /** Tests a pattern against the whole sentence that contains `pos`. */
  inSentence(re: RegExp, pos: number): boolean {
    const sentence = this.sentenceAt(pos);
    return re.test(this.text.slice(sentence.start, sentence.end));
  }

  /** True when the text between two positions keeps them in one instruction (no clause break, few linking words). */
  private linked(from: number, to: number, maxWords: number): boolean {
    const gap = this.text.slice(from, to);
    if (CLAUSE_BREAK_RE.test(gap)) return false;
    const words = this.words(from, to);
    if (words.length > maxWords) return false;
    return words.every((w) => DOSE_LINK_WORDS.has(w.norm) || ROUTE_WORDS.has(w.norm) || FREQUENCY_RE.test(w.norm) || UPPER_WORD_RE.test(w.text));
  }

  /** A dose that ends shortly before `pos` in the same instruction. */
  doseBefore(pos: number, maxWords = 2, maxChars = 24): Quantity | undefined {
    const list = this.quantities;
    for (let i = list.length - 1; i >= 0; i--) {
      const q = list[i]!;
      if (q.end > pos) continue;
      if (pos - q.end > maxChars) return undefined;
      if (q.kind === "dose" && this.linked(q.end, pos, maxWords)) return q;
      return undefined;
    }
    return undefined;
  }

  /** A dose that starts shortly after `pos` in the same instruction. */
  doseAfter(pos: number, maxWords = 1, maxChars = 16): Quantity | undefined {
    for (const q of this.quantities) {
      if (q.start < pos) continue;
      if (q.start - pos > maxChars) return undefined;
      if (q.kind === "dose" && this.linked(pos, q.start, maxWords)) return q;
      return undefined;
    }
    return undefined;
  }

  /** True when the sentence around `pos` reads like medication text: a dose, a route or frequency word, or a drug. */
  doseContextAt(pos: number): boolean {
    const sentence = this.sentenceAt(pos);
    this.doseContext ??= new Map();
    let known = this.doseContext.get(sentence.start);
    if (known === undefined) {
      known =
        this.quantities.some((q) => q.kind === "dose" && q.start >= sentence.start && q.end <= sentence.end) ||
        this.words(sentence.start, sentence.end).some((w) => ROUTE_WORDS.has(w.norm) || FREQUENCY_RE.test(w.norm) || DRUG_NAMES.has(w.norm));
      this.doseContext.set(sentence.start, known);
    }
    return known;
  }

  /** True when the line is written in capitals, where IN, IT and AS are ordinary words. */
  get shouting(): boolean {
    this.allCaps ??= !LOWER_RE.test(this.text) && /[A-Z]{2,}[^A-Z]+[A-Z]{2,}[^A-Z]+[A-Z]{2,}/.test(this.text);
    return this.allCaps;
  }
}
