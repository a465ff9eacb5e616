/**
 * The medication-safety checker. `MedicationChecker` remembers the previous text with each line's result; after an
 * edit it finds the changed span (common prefix and suffix) and checks only the lines in it, plus any lines after it
 * whose zone state changed (an opened code fence, say), then reuses the rest.
 */

import type { RuleSeverity } from "../../../../common/settings";
import { zoneMode, type ZoneMode } from "./exclusionZones";
import { abbreviationKey, DEFINABLE_RULES } from "./drugAbbreviationRules";
import { checkLine, type LineResult } from "./lineChecker";
import { medicationRule } from "./rules";
import type { FindingSeverity, MedicationCheckOptions, MedicationFinding } from "./types";

/** The lines of one checked text: where each starts and its result (which holds the zone state it ends in). */
interface CheckedLines {
  readonly text: string;
  readonly starts: number[];
  readonly results: LineResult[];
}

/** Where the line starting at `from` ends: the next "\n", "\r\n" or lone "\r" (as LSP counts lines). */
function lineEndFrom(text: string, from: number, hasCarriageReturn: boolean): number {
  if (!hasCarriageReturn) {
    const end = text.indexOf("\n", from);
    return end < 0 ? text.length : end;
  }
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

/** Where the next line starts after a line that ends at `end` (past its break). */
function nextLineStart(text: string, end: number): number {
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
}

/** Compared a block at a time first: native string comparison is many times faster than a loop over characters. */
const BLOCK = 256;

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + BLOCK <= max && a.slice(i, i + BLOCK) === b.slice(i, i + BLOCK)) i += BLOCK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix, not reaching into the first `prefix` characters of either text. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i + BLOCK <= max && a.slice(a.length - i - BLOCK, a.length - i) === b.slice(b.length - i - BLOCK, b.length - i)) i += BLOCK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Index of `value` in the ascending `sorted`, or -1. */
function indexOfSorted(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return middle;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Lines checked between two chances to pause (a few milliseconds of work). */
const LINES_PER_STEP = 512;

type CheckOutcome = { lines: CheckedLines; checked: number };

/**
 * Checks every line of `text`, reusing from `previous` the lines before and after the changed span. A line is reused
 * only when every character that decides its extent is unchanged and it starts in the same zone state. Yields after
 * every `LINES_PER_STEP` checked lines, so a caller can spread a large check over several turns of the event loop.
 */
function* checkLineSteps(text: string, mode: ZoneMode, previous: CheckedLines | undefined): Generator<void, CheckOutcome, void> {
  if (previous?.text === text) return { lines: previous, checked: 0 };
  const starts: number[] = [];
  const results: LineResult[] = [];
  const hasCarriageReturn = text.includes("\r");
  let lineStart = 0;
  let state = "";
  let suffixStart = Infinity;
  let delta = 0;
  if (previous) {
    const prefix = commonPrefixLength(previous.text, text);
    const suffix = commonSuffixLength(previous.text, text, prefix);
    // Line k is unchanged, break included, when the next line starts within the common prefix.
    let kept = 0;
    while (kept < previous.starts.length - 1 && previous.starts[kept + 1]! <= prefix) kept++;
    for (let k = 0; k < kept; k++) {
      starts.push(previous.starts[k]!);
      results.push(previous.results[k]!);
    }
    if (kept > 0) {
      // Found again in the new text: a lone "\r" that now meets a "\n" has become one "\r\n" break.
      lineStart = nextLineStart(text, lineEndFrom(text, previous.starts[kept - 1]!, hasCarriageReturn));
      state = previous.results[kept - 1]!.endState;
    }
    // From a line start in the unchanged suffix on, both texts are the same, and so are their lines.
    suffixStart = text.length - suffix;
    delta = text.length - previous.text.length;
  }
  let checked = 0;
  for (;;) {
    if (previous && lineStart >= suffixStart) {
      const old = indexOfSorted(previous.starts, lineStart - delta);
      if (old >= 0 && (old === 0 ? "" : previous.results[old - 1]!.endState) === state) {
        for (let k = old; k < previous.starts.length; k++) {
          starts.push(previous.starts[k]! + delta);
          results.push(previous.results[k]!);
        }
        break;
      }
    }
    const lineEnd = lineEndFrom(text, lineStart, hasCarriageReturn);
    const result = checkLine(text.slice(lineStart, lineEnd), state, mode);
    checked++;
    if (checked % LINES_PER_STEP === 0) yield;
    starts.push(lineStart);
    results.push(result);
    state = result.endState;
    if (lineEnd >= text.length) break;
    lineStart = nextLineStart(text, lineEnd);
  }
  return { lines: { text, starts, results }, checked };
}

/** Runs the whole check at once. */
function checkLines(text: string, mode: ZoneMode, previous: CheckedLines | undefined): CheckOutcome {
  const steps = checkLineSteps(text, mode, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Incremental checker for one document; create one per open document. */
export class MedicationChecker {
  private readonly mode: ZoneMode;
  private lines: CheckedLines | undefined;
  private checkedInLastRun = 0;

  /** @param languageId VS Code language id of the document; decides the excluded zones. */
  constructor(readonly languageId: string) {
    this.mode = zoneMode(languageId);
  }

  /** Number of line results held (the current document's lines), for tests and diagnostics. */
  get cachedLineCount(): number {
    return this.lines?.results.length ?? 0;
  }

  /** How many lines the last `check` actually checked (the rest were reused), for tests and diagnostics. */
  get lastCheckedLineCount(): number {
    return this.checkedInLastRun;
  }

  /** Forgets the previous text and every line result. */
  clear(): void {
    this.lines = undefined;
  }

  /** Checks the whole text, reusing the results of lines the edit since the previous check left alone. */
  check(text: string, severities?: Readonly<Record<string, RuleSeverity>>): MedicationFinding[] {
    return this.finish(checkLines(text, this.mode, this.lines), severities);
  }

  /**
   * The same check, paused every `sliceMs` so that other requests (a hover, a streaming answer) are served while a
   * large document is checked. Resolves with `undefined`, keeping nothing, once `superseded` says a newer text exists.
   */
  async checkInSlices(
    text: string,
    severities: Readonly<Record<string, RuleSeverity>> | undefined,
    superseded: () => boolean,
    sliceMs = 8,
  ): Promise<MedicationFinding[] | undefined> {
    const steps = checkLineSteps(text, this.mode, this.lines);
    let sliceStart = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return this.finish(step.value, severities);
      if (performance.now() - sliceStart < sliceMs) continue;
      await nextTurn();
      if (superseded()) return undefined;
      sliceStart = performance.now();
    }
  }

  private finish(outcome: CheckOutcome, severities: Readonly<Record<string, RuleSeverity>> | undefined): MedicationFinding[] {
    this.lines = outcome.lines;
    this.checkedInLastRun = outcome.checked;
    return collectFindings(outcome.lines, severities);
  }
}

/** Turns cached line results into document findings, applying settings and abbreviations the document defines. */
function collectFindings(lines: CheckedLines, severities: Readonly<Record<string, RuleSeverity>> | undefined): MedicationFinding[] {
  const { results, starts } = lines;
  let defined: Set<string> | undefined;
  for (const result of results) if (result.definitions) for (const key of result.definitions) (defined ??= new Set()).add(key);
  const findings: MedicationFinding[] = [];
  for (let lineNumber = 0; lineNumber < results.length; lineNumber++) {
    const lineStart = starts[lineNumber]!;
    for (const finding of results[lineNumber]!.findings) {
      const severity = resolveSeverity(finding.ruleId, finding.ambiguous, severities);
      if (severity === undefined) continue;
      if (defined && DEFINABLE_RULES.has(finding.ruleId) && defined.has(abbreviationKey(finding.matched))) continue;
      findings.push({
        ruleId: finding.ruleId,
        start: lineStart + finding.start,
        end: lineStart + finding.end,
        line: lineNumber,
        character: finding.start,
        matched: finding.matched,
        replacements: finding.replacements,
        fixTitles: finding.fixTitles,
        fixTitle: finding.fixTitles[0]!,
        message: finding.message,
        severity,
        ambiguous: finding.ambiguous,
      });
    }
  }
  return findings;
}

/** The severity a finding gets: the user's setting for its rule, else hint when ambiguous, else the rule's default. */
function resolveSeverity(ruleId: string, ambiguous: boolean, severities: Readonly<Record<string, RuleSeverity>> | undefined): FindingSeverity | undefined {
  const chosen = severities?.[ruleId];
  if (chosen === "off") return undefined;
  if (chosen !== undefined) return chosen;
  return ambiguous ? "hint" : medicationRule(ruleId).defaultSeverity;
}

/** Checks a text once. For repeated checks of an edited document keep a `MedicationChecker` instead. */
export function checkMedicationSafety(text: string, options: MedicationCheckOptions): MedicationFinding[] {
  return collectFindings(checkLines(text, zoneMode(options.languageId), undefined).lines, options.severities);
}

/** The text with one of a finding's replacements applied (the preferred one by default). */
export function applyMedicationFix(text: string, finding: Pick<MedicationFinding, "start" | "end" | "replacements">, choice = 0): string {
  const replacement = finding.replacements[choice];
  if (replacement === undefined) throw new RangeError(`The finding has no replacement number ${choice}`);
  return text.slice(0, finding.start) + replacement + text.slice(finding.end);
}
