/**
 * Offline diagnostics: medication-safety findings (with quick fixes tied to the document version) and, when
 * enabled, information diagnostics marking possible PHI. Each document keeps an incremental checker, so an edit
 * re-checks only the lines it touched.
 */
import { CodeActionKind, DiagnosticSeverity } from "vscode-languageserver";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { phiToolkit } from "../features/phiToolkit";
import { MedicationChecker, medicationRule } from "../medical/medication";
import type { FindingSeverity, MedicationFinding } from "../medical/medication";
import type { ServerState } from "./serverState";

export const MEDICATION_SOURCE = "MedGemma medication safety";
/** "Fix all": VS Code lists it under Source Action and can run it on save (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.medgemma`;
export const PHI_SOURCE = "MedGemma PHI";
/** Waits this long after the last keystroke before checking, so typing stays fluid. */
const DEBOUNCE_MS = 60;
/**
 * VS Code shows at most this many diagnostics per file and source collection and drops the rest, so more are never
 * sent: each keystroke republishes the whole set. One place is kept for a note that says how many were left out.
 */
export const MAX_DIAGNOSTICS = 1_000;
/** Which diagnostics are kept when there are too many: errors first, then warnings, information, hints (as VS Code). */
const SEVERITY_ORDER: readonly DiagnosticSeverity[] = [DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Information, DiagnosticSeverity.Hint];

const SEVERITY: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The findings behind the medication diagnostics last published for a document, for its quick fixes. */
interface PublishedFindings {
  version: number;
  /** Keyed by rule id and offsets, the way a diagnostic coming back in a code action request is found again. */
  byKey: Map<string, MedicationFinding>;
}

function findingKey(ruleId: string, start: number, end: number): string {
  return `${ruleId}:${start}:${end}`;
}

const PHI_LABELS: Record<string, string> = {
  NAME: "a name",
  DATE: "a date",
  AGE: "an age over 89",
  PHONE: "a phone number",
  FAX: "a fax number",
  EMAIL: "an e-mail address",
  SSN: "a social security number",
  MRN: "a medical record number",
  ACCOUNT: "an account number",
  HEALTH_PLAN: "a health plan number",
  LICENSE: "a licence or certificate number",
  URL: "a web address",
  IP: "an IP address",
  ZIP: "a ZIP code",
  ADDRESS: "an address",
  DEVICE: "a device identifier",
  VEHICLE: "a vehicle identifier",
  NPI: "a provider identifier (NPI)",
  DEA: "a DEA registration number",
  LOCATION: "a place smaller than a state",
  ID: "an identifying number",
};

/**
 * At most `MAX_DIAGNOSTICS`: when there are more, the most severe are kept (in document order) and one information
 * diagnostic, at the first one left out, says how many are not shown and how to see fewer.
 */
export function withinDisplayLimit(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
  const room = MAX_DIAGNOSTICS - 1;
  const kept = new Set<Diagnostic>();
  for (const severity of SEVERITY_ORDER) {
    for (const diagnostic of diagnostics) {
      if (kept.size === room) break;
      if ((diagnostic.severity ?? DiagnosticSeverity.Error) === severity) kept.add(diagnostic);
    }
  }
  const shown = diagnostics.filter((diagnostic) => kept.has(diagnostic));
  const firstLeftOut = diagnostics.find((diagnostic) => !kept.has(diagnostic))!;
  const leftOut = diagnostics.length - room;
  shown.push({
    range: firstLeftOut.range,
    severity: DiagnosticSeverity.Information,
    source: "MedGemma",
    message:
      `${leftOut.toLocaleString("en-US")} more findings in this file are not shown (an editor shows at most ${MAX_DIAGNOSTICS.toLocaleString("en-US")} per file; ` +
      "the most severe are shown first). Fix some, or turn rules off in the medgemma.medicationSafety.rules setting.",
  });
  return shown;
}

export class DiagnosticsPublisher {
  private readonly checkers = new Map<string, MedicationChecker>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, PublishedFindings>();

  constructor(private readonly state: ServerState) {}

  /** Checks a document soon (debounced). */
  schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    const timer = setTimeout(() => {
      this.timers.delete(document.uri);
      void this.publish(document.uri);
    }, DEBOUNCE_MS);
    this.timers.set(document.uri, timer);
  }

  /** Checks every open document again (after a settings change). */
  refreshAll(): void {
    for (const document of this.state.documents.all()) this.schedule(document);
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.checkers.delete(uri);
    this.published.delete(uri);
    void this.state.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Computes and sends the diagnostics of one document; returns them (for tests and benchmarks). */
  async publish(uri: string): Promise<Diagnostic[]> {
    const document = this.state.documents.get(uri);
    if (!document) return [];
    const settings = await this.state.settingsFor(document);
    // The document may have changed while settings were read: a newer check is then already scheduled.
    if (this.state.documents.get(uri)?.version !== document.version) return [];
    const text = document.getText();
    const diagnostics: Diagnostic[] = [];

    const safety = settings.medicationSafety;
    const findings = new Map<string, MedicationFinding>();
    if (safety.enabled && safety.languages.includes(document.languageId)) {
      let checker = this.checkers.get(uri);
      if (checker?.languageId !== document.languageId) {
        checker = new MedicationChecker(document.languageId);
        this.checkers.set(uri, checker);
      }
      // A large check pauses now and then so hovers and streaming answers are served meanwhile; an edit made during
      // it makes it stop (the edit's own check is already scheduled).
      const checked = await checker.checkInSlices(text, safety.rules, () => this.state.documents.get(uri)?.version !== document.version);
      if (!checked) return [];
      for (const finding of checked) {
        const rule = medicationRule(finding.ruleId);
        findings.set(findingKey(finding.ruleId, finding.start, finding.end), finding);
        // No fix data travels with the diagnostic: every keystroke republishes them all, so they are kept small.
        // A finding never spans lines, so its range comes from the checker's line and column, not a lookup.
        diagnostics.push({
          range: {
            start: { line: finding.line, character: finding.character },
            end: { line: finding.line, character: finding.character + finding.end - finding.start },
          },
          severity: SEVERITY[finding.severity],
          source: MEDICATION_SOURCE,
          code: finding.ruleId,
          ...(rule ? { codeDescription: { href: rule.sourceUrl } } : {}),
          message: finding.message,
        });
      }
    } else {
      this.checkers.delete(uri);
    }
    this.published.set(uri, { version: document.version, byKey: findings });

    if (settings.phi.showDiagnostics) {
      for (const finding of phiToolkit.detect(text)) {
        diagnostics.push({
          range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
          severity: DiagnosticSeverity.Information,
          source: PHI_SOURCE,
          code: finding.type,
          message: `Possibly ${PHI_LABELS[finding.type] ?? "an identifier"}: treated as patient information by the PHI policy (${settings.phi.policy}).`,
        });
      }
    }

    const shown = withinDisplayLimit(diagnostics);
    await this.state.connection.sendDiagnostics({ uri, version: document.version, diagnostics: shown });
    return shown;
  }

  /**
   * The finding behind a diagnostic. When the document changed since the check (the editor has moved the diagnostic
   * with the edit), it is the finding for the same rule and the same flagged text, preferably on the same line; when
   * the text under the range is no longer what was flagged, there is none.
   */
  private findingFor(document: TextDocument, ruleId: string, range: Diagnostic["range"], published: PublishedFindings): MedicationFinding | undefined {
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    if (published.version === document.version) return published.byKey.get(findingKey(ruleId, start, end));
    const flagged = document.getText(range);
    let candidate: MedicationFinding | undefined;
    for (const finding of published.byKey.values()) {
      if (finding.ruleId !== ruleId || finding.matched !== flagged) continue;
      if (finding.line === range.start.line) return finding;
      candidate ??= finding;
    }
    return candidate;
  }

  /**
   * Quick fixes for medication-safety diagnostics. Each edit is tied to the current document version. A diagnostic
   * from an older version (the writer typed since the last check) still gets its fix when the text under its range is
   * unchanged; otherwise the fix is stale and not offered.
   */
  quickFixes(document: TextDocument, diagnostics: Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    const actions: CodeAction[] = [];
    if (only && only.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`))) {
      const fixAll = this.fixAll(document, FIX_ALL_KIND);
      if (fixAll) actions.push(fixAll.action);
    }
    if (only && !only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`))) return actions;
    const published = this.published.get(document.uri);
    if (!published) return actions;
    let ours = 0;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== MEDICATION_SOURCE || typeof diagnostic.code !== "string") continue;
      const finding = this.findingFor(document, diagnostic.code, diagnostic.range, published);
      if (!finding) continue;
      ours++;
      finding.replacements.forEach((replacement, index) => {
        actions.push({
          title: finding.fixTitles[index] ?? `Replace with "${replacement}"`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: [{ range: diagnostic.range, newText: replacement }] }] },
        });
      });
    }
    // Beside a single fix, the same list offers fixing them all, when there is more than this one.
    const fixAll = ours > 0 ? this.fixAll(document, CodeActionKind.QuickFix) : undefined;
    if (fixAll && fixAll.count > 1) actions.push(fixAll.action);
    return actions;
  }

  /**
   * One edit that makes every medication-safety fix needing no judgement: each finding the checker was sure of (not
   * the ambiguous ones such as D/C, which stay hints) gets its preferred replacement; a finding that overlaps one
   * already taken waits for the next run. Offered only while the findings are those of the current text.
   */
  private fixAll(document: TextDocument, kind: string): { action: CodeAction; count: number } | undefined {
    const published = this.published.get(document.uri);
    if (!published || published.version !== document.version) return undefined;
    const sure = [...published.byKey.values()].filter((finding) => !finding.ambiguous).sort((a, b) => a.start - b.start || a.end - b.end);
    const edits: TextEdit[] = [];
    let takenUpTo = -1;
    for (const finding of sure) {
      if (finding.start < takenUpTo) continue;
      edits.push({
        range: {
          start: { line: finding.line, character: finding.character },
          end: { line: finding.line, character: finding.character + finding.end - finding.start },
        },
        newText: finding.replacements[0]!,
      });
      takenUpTo = finding.end;
    }
    if (edits.length === 0) return undefined;
    const count = edits.length === 1 ? "the medication-safety finding" : `all ${edits.length.toLocaleString("en-US")} medication-safety findings`;
    const action: CodeAction = {
      title: `Fix ${count} with a clear fix (MedGemma)`,
      kind,
      edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] },
    };
    return { action, count: edits.length };
  }
}
