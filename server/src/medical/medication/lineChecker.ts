/**
 * Checks one line: blanks its excluded zones, runs every rule family, and returns the findings in line order with
 * the zone state the next line starts in.
 */

import { checkAbbreviations } from "./abbreviationRules";
import { checkDoseDesignations } from "./doseRules";
import { maskLine, type ZoneMode } from "./exclusionZones";
import { LineScan } from "./lineScan";
import { checkSymbols } from "./symbolRules";
import type { LineFinding } from "./types";

/** The cached result of one line. */
export interface LineResult {
  readonly findings: readonly LineFinding[];
  readonly endState: string;
  /** Abbreviations the line defines ("tranexamic acid (TXA)" → "TXA"). */
  readonly definitions?: readonly string[];
}

const EMPTY: readonly LineFinding[] = Object.freeze([]);
/** The result of most lines, shared so a large document does not hold one object per clean line. */
const CLEAN: LineResult = Object.freeze({ findings: EMPTY, endState: "" });

function clean(endState: string): LineResult {
  return endState === "" ? CLEAN : { findings: EMPTY, endState };
}
/** Characters that can start some finding; a line without any of them is skipped outright. */
const CANDIDATE_RE = /[0-9A-Za-zµμ@<>↑↓→Ø]/;

/** Checks one line (without its line break) that starts in zone `state`. */
export function checkLine(line: string, state: string, mode: ZoneMode): LineResult {
  const masked = maskLine(line, state, mode);
  if (!CANDIDATE_RE.test(masked.text)) return clean(masked.endState);
  const scan = new LineScan(masked.text, line, masked.masked);
  checkDoseDesignations(scan);
  checkAbbreviations(scan);
  checkSymbols(scan);
  // Typed readonly rather than frozen: freezing each line's arrays costs time on a large document.
  const definitions = scan.definitions;
  if (scan.findings.length === 0) return definitions ? { findings: EMPTY, endState: masked.endState, definitions } : clean(masked.endState);
  const findings = scan.findings.length > 1 ? scan.findings.sort((a, b) => a.start - b.start || a.end - b.end) : scan.findings;
  return definitions ? { findings, endState: masked.endState, definitions } : { findings, endState: masked.endState };
}
