/**
 * The medication-safety checker. `MedicationChecker` keeps each line's findings keyed by the line's text and the zone
 * state it starts in, so after an edit only changed lines (and lines whose zone state changed) are checked again.
 */

import type { RuleSeverity } from "../../../../common/settings";
import { zoneMode, type ZoneMode } from "./exclusionZones";
import { abbreviationKey, DEFINABLE_RULES } from "./drugAbbreviationRules";
import { checkLine, type LineResult } from "./lineChecker";
import { medicationRule } from "./rules";
import type { FindingSeverity, MedicationCheckOptions, MedicationFinding } from "./types";



function indexOrLength(index: number, text: string): number {
  return index < 0 ? text.length : index;
}

/** End of the line that starts at `from`: the next "\n", "\r\n" or lone "\r" (as LSP counts lines). */
function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return i;
  }
  return text.length;
}

type LineCache = Map<string, Map<string, LineResult>>;

/** Incremental checker for one document; create one per open document. */
export class MedicationChecker {
  private readonly mode: ZoneMode;
  /** Zone state → line text → result. Rebuilt on every check so it holds only the current lines. */
  private cache: LineCache = new Map();

  /** @param languageId VS Code language id of the document; decides the excluded zones. */
  constructor(readonly languageId: string) {
    this.mode = zoneMode(languageId);
  }

  /** Number of distinct (state, line) results held, for tests and diagnostics. */
  get cachedLineCount(): number {
    let count = 0;
    for (const lines of this.cache.values()) count += lines.size;
    return count;
  }

  /** Forgets every cached line. */
  clear(): void {
    this.cache = new Map();
  }

  /** Checks the whole text, reusing the results of lines seen in the previous check. */
  check(text: string, severities?: Readonly<Record<string, RuleSeverity>>): MedicationFinding[] {
    const next: LineCache = new Map();
    const findings = checkDocument(text, this.mode, severities, this.cache, next);
    this.cache = next;
    return findings;
  }
}

/**
 * Checks every line of `text`. With caches, results are looked up in `previous` first and every line's result is
 * stored in `next`; without, nothing is kept (a one-off check of a large text then leaves little for the collector).
 */
function checkDocument(
  text: string,
  mode: ZoneMode,
  severities: Readonly<Record<string, RuleSeverity>> | undefined,
  previous?: LineCache,
  next?: LineCache,
): MedicationFinding[] {
  const results: LineResult[] = [];
  const starts: number[] = [];
  let defined: Set<string> | undefined;
  let state = "";
  let lineStart = 0;
  const hasCarriageReturn = text.includes("\r");
  for (;;) {
    const lineEnd = hasCarriageReturn ? nextBreak(text, lineStart) : indexOrLength(text.indexOf("\n", lineStart), text);
    const line = text.slice(lineStart, lineEnd);
    let result: LineResult;
    if (next) {
      let nextLines = next.get(state);
      if (!nextLines) {
        nextLines = new Map();
        next.set(state, nextLines);
      }
      result = nextLines.get(line) ?? previous?.get(state)?.get(line) ?? checkLine(line, state, mode);
      nextLines.set(line, result);
    } else {
      result = checkLine(line, state, mode);
    }
    results.push(result);
    starts.push(lineStart);
    if (result.definitions) for (const key of result.definitions) (defined ??= new Set()).add(key);
    state = result.endState;
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return collectFindings(results, starts, defined, severities);
}

/** Turns cached line results into document findings, applying settings and abbreviations the document defines. */
function collectFindings(
  results: readonly LineResult[],
  starts: readonly number[],
  defined: ReadonlySet<string> | undefined,
  severities: Readonly<Record<string, RuleSeverity>> | undefined,
): MedicationFinding[] {
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
  return checkDocument(text, zoneMode(options.languageId), options.severities);
}

/** The text with one of a finding's replacements applied (the preferred one by default). */
export function applyMedicationFix(text: string, finding: Pick<MedicationFinding, "start" | "end" | "replacements">, choice = 0): string {
  const replacement = finding.replacements[choice];
  if (replacement === undefined) throw new RangeError(`The finding has no replacement number ${choice}`);
  return text.slice(0, finding.start) + replacement + text.slice(finding.end);
}
