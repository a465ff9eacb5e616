/**
 * Offline safety checks, as pure functions in this process: the medication-safety checker on 1 MB notes (a fresh
 * checker, as for a newly opened document), its incremental re-check after a one-line edit in a 200 KB note, and
 * the PHI scan of the text a hover sends, all after JIT warm-up. Times are wall-clock; CPU time is in the notes and
 * details.
 */
import { detectPhi } from "../../server/src/medical/phi";
import { MedicationChecker, checkMedicationSafety } from "../../server/src/medical/medication";
import { explainSelectionMessages, explainTermMessages } from "../../server/src/prompts/prompts";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { buildNote, identifierParagraph } from "../lib/noteBuilder";
import { summarize } from "../lib/stats";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Safety checks and PHI scan (pure functions)";
/** 1 MB checks run before the measured ones, until the JIT has settled. */
const WARM_UP_RUNS = 3;

function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * Wall and CPU time of `work`. No GC is forced first: a forced full collection shrinks V8's young generation, and
 * the work then pays for regrowing it (measured here: a third slower on a 1 MB check).
 */
function timed<T>(work: () => T): { wallMs: number; cpuMs: number; value: T } {
  const startCpu = cpuMs();
  const start = performance.now();
  const value = work();
  return { wallMs: performance.now() - start, cpuMs: cpuMs() - startCpu, value };
}

/** The median CPU time of a series, for the note beside a wall-clock figure (steadier on a busy machine). */
function cpuNote(cpu: readonly number[]): string {
  const stats = summarize(cpu);
  return `median ${stats.median.toFixed(stats.median < 10 ? 2 : 0)} ms`;
}

/** The text the privacy guard scans for a hover: every non-system message. */
function outgoingText(messages: { role: string; content: string }[]): string[] {
  return messages.filter((m) => m.role !== "system").map((m) => m.content);
}

export async function runSafety(context: SuiteContext): Promise<SuiteResult> {
  await Promise.resolve();
  const runs = context.quick ? 3 : 7;
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};

  for (const [key, label, share] of [["typical", "typical note, 20 % medication lines", 0.2], ["dense", "dense medication text", 1]] as const) {
    context.log(`safety: 1 MB ${label}`);
    const wall: number[] = [];
    const cpu: number[] = [];
    let findings = 0;
    for (let run = 0; run < runs + WARM_UP_RUNS; run++) {
      const note = buildNote({ size: 1_000_000, medicationShare: share, variant: run });
      const result = timed(() => new MedicationChecker("markdown").check(note));
      findings = result.value.length;
      // The first runs warm the JIT (each is still faster than the one before) and are not counted.
      if (run >= WARM_UP_RUNS) {
        wall.push(result.wallMs);
        cpu.push(result.cpuMs);
      }
    }
    if (findings === 0) throw new Error("the 1 MB note produced no findings; the benchmark note is wrong");
    figures.push(
      figure(
        { id: `safety.medication1mb.${key}`, group: GROUP, label: `Medication check, 1 MB ${label}`, unit: "ms", digits: 1, target: { op: "<=", value: 150 }, note: `${findings} findings; CPU time ${cpuNote(cpu)}` },
        wall,
      ),
    );
    details[`medication1mb.${key}`] = { findings, wallMs: wall, cpuMs: cpu };
  }

  context.log("safety: one-line edits in a 200 KB note");
  const lines = buildNote({ size: 200_000, medicationShare: 0.2, variant: 99 }).split("\n");
  const checker = new MedicationChecker("markdown");
  checker.check(lines.join("\n"));
  const editWall: number[] = [];
  const editCpu: number[] = [];
  let last = "";
  const edits = context.quick ? 20 : 80;
  for (let edit = 0; edit < edits + 10; edit++) {
    const at = Math.floor(lines.length / 2) + (edit % 40);
    // Appending a dose abbreviation makes the edit matter: the line gains a finding.
    lines[at] = `${lines[at] ?? ""} 5 mg QD`;
    last = lines.join("\n");
    const result = timed(() => checker.check(last));
    if (edit >= 10) {
      editWall.push(result.wallMs);
      editCpu.push(result.cpuMs);
    }
  }
  const incremental = checker.check(last).map((f) => `${f.start}:${f.ruleId}`);
  const fromScratch = checkMedicationSafety(last, { languageId: "markdown" }).map((f) => `${f.start}:${f.ruleId}`);
  if (incremental.join() !== fromScratch.join()) throw new Error("the incremental check disagrees with a check from scratch");
  figures.push(
    figure({ id: "safety.edit200kb", group: GROUP, label: "Medication re-check after a one-line edit, 200 KB", unit: "ms", digits: 2, target: { op: "<=", value: 10 }, note: `CPU time ${cpuNote(editCpu)}` }, editWall),
  );
  details.edit200kb = { wallMs: editWall, cpuMs: editCpu };

  context.log("safety: PHI scan of hover text");
  const paragraph = identifierParagraph();
  const selectionText = outgoingText(explainSelectionMessages(paragraph));
  const sentence = "Creatinine peaked at 2.1 mg/dL on 2/13 and returned to 1.0 with fluids in Eleanor Vance.";
  const termText = outgoingText(explainTermMessages("creatinine", sentence));
  const scan = (texts: string[]): number => texts.reduce((count, text) => count + detectPhi(text).length, 0);
  const phiSelection: number[] = [];
  const phiTerm: number[] = [];
  const samples = context.quick ? 50 : 300;
  let selectionFindings = 0;
  for (let i = 0; i < samples + 20; i++) {
    const a = timed(() => scan(selectionText));
    const b = timed(() => scan(termText));
    selectionFindings = a.value;
    if (i >= 20) {
      phiSelection.push(a.wallMs);
      phiTerm.push(b.wallMs);
    }
  }
  if (selectionFindings === 0) throw new Error("the PHI scan found nothing in a paragraph full of identifiers");
  const chars = selectionText.reduce((n, t) => n + t.length, 0);
  figures.push(
    figure({ id: "safety.phiHoverSelection", group: GROUP, label: `PHI scan of a selection hover's text (${chars.toLocaleString("en-US")} chars)`, unit: "ms", digits: 3, target: { op: "<=", value: 2 }, note: `${selectionFindings} identifiers found` }, phiSelection),
    figure({ id: "safety.phiHoverTerm", group: GROUP, label: "PHI scan of a term hover's text (one sentence)", unit: "ms", digits: 3, target: { op: "<=", value: 2 } }, phiTerm),
  );

  context.log("safety: PHI scan of a 1 MB note (PHI diagnostics, off by default)");
  const phiWall: number[] = [];
  for (let run = 0; run <= (context.quick ? 1 : 3); run++) {
    const note = buildNote({ size: 1_000_000, medicationShare: 0.2, variant: 200 + run });
    const result = timed(() => detectPhi(note).length);
    if (run > 0) phiWall.push(result.wallMs);
  }
  figures.push(figure({ id: "safety.phi1mb", group: GROUP, label: "  PHI scan of a 1 MB note (phi.showDiagnostics on)", unit: "ms", digits: 0 }, phiWall));
  return { figures, details };
}
