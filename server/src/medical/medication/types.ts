/**
 * Shapes shared by the medication-safety checker: rule metadata, the findings it reports, and the per-line results
 * it caches. Everything here is plain data so the LSP layer can turn it into diagnostics and quick fixes.
 */

import type { RuleSeverity } from "../../../../common/settings";

/** A severity a finding can carry; "off" only exists in settings, where it removes the rule. */
export type FindingSeverity = Exclude<RuleSeverity, "off">;

/** Who recommends the rule: The Joint Commission's "Do Not Use" list or ISMP's error-prone list. */
export type MedicationSource = "TJC" | "ISMP";

/** One medication-safety rule. Ids are stable: settings and diagnostics refer to them. */
export interface MedicationRule {
  readonly id: string;
  readonly source: MedicationSource;
  /** Human name of the source, for the diagnostic's `source` or hover text. */
  readonly sourceName: string;
  /** Page that explains the source list, for the diagnostic's `codeDescription`. */
  readonly sourceUrl: string;
  /** Short label, e.g. `QD for "daily"`. */
  readonly title: string;
  /** One sentence: why the form is dangerous. */
  readonly reason: string;
  readonly defaultSeverity: FindingSeverity;
}

/** One problem found in a document. Offsets are UTF-16 code units into the checked text; a finding never spans lines. */
export interface MedicationFinding {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  /** Zero-based line of `start`. */
  readonly line: number;
  /** Offset of `start` within its line (UTF-16 code units, as an LSP position's character). */
  readonly character: number;
  /** The text between `start` and `end`. */
  readonly matched: string;
  /** Exact texts that can replace `matched`; the first is the preferred fix. Never empty. */
  readonly replacements: readonly string[];
  /** One title per replacement, e.g. `Replace "QD" with "daily"`. */
  readonly fixTitles: readonly string[];
  /** Same as `fixTitles[0]`. */
  readonly fixTitle: string;
  /** One line: what was found, why it is dangerous, what to write instead. Contains no text beyond `matched`. */
  readonly message: string;
  readonly severity: FindingSeverity;
  /** True when context could not decide between meanings (D/C, HS, …); such findings default to "hint". */
  readonly ambiguous: boolean;
}

/** Options of a check. */
export interface MedicationCheckOptions {
  /** VS Code language id; decides which parts of the text are code, math or links and are skipped. */
  readonly languageId: string;
  /** Severity per rule id from `medgemma.medicationSafety.rules`; "off" removes the rule. */
  readonly severities?: Readonly<Record<string, RuleSeverity>>;
}

/** A finding relative to its line, as cached per line; message and titles are built once. */
export interface LineFinding {
  readonly ruleId: string;
  readonly start: number;
  readonly end: number;
  readonly matched: string;
  readonly replacements: readonly string[];
  readonly fixTitles: readonly string[];
  readonly message: string;
  readonly ambiguous: boolean;
}
