/**
 * Diagnostics end to end through the server: a notification is written (didOpen/didChange) and the matching
 * `textDocument/publishDiagnostics` arrives. The server waits 60 ms after the last change before checking
 * (its typing debounce); the figures are the measured time minus those 60 ms, so they hold the transfer, parsing,
 * the timer's lateness (typically under 1 ms), the check and the reply.
 */
import { DidChangeTextDocumentNotification } from "vscode-languageserver-protocol/node";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { buildNote } from "../lib/noteBuilder";
import type { RemoteRig } from "../lib/remoteRig";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Diagnostics end to end (didChange → publishDiagnostics, debounce subtracted)";
/** The server's debounce (DEBOUNCE_MS in server/src/lsp/diagnostics.ts). */
export const SERVER_DEBOUNCE_MS = 60;
/** 1 MB documents sent first to warm the server's checker and JSON paths (not counted). */
const WARM_UP_DOCUMENTS = 3;

export async function runDiagnostics(rig: RemoteRig, context: SuiteContext): Promise<SuiteResult> {
  const { session } = rig;
  const runs = context.quick ? 3 : 7;

  context.log("diagnostics: 1 MB notes through the server");
  const bigUri = "file:///bench/big.md";
  const whole: number[] = [];
  const counts: number[] = [];
  for (let run = 0; run < runs + WARM_UP_DOCUMENTS; run++) {
    const note = buildNote({ size: 1_000_000, medicationShare: 0.2, variant: 300 + run });
    const version = run + 1;
    const arrived = session.diagnosticsFor(bigUri, version);
    const sentAt = performance.now();
    if (run === 0) await session.lsp.open(bigUri, "markdown", note);
    else await session.lsp.replace(bigUri, note);
    const at = await arrived;
    counts.push(session.lsp.diagnostics.get(bigUri)?.length ?? 0);
    if (run >= WARM_UP_DOCUMENTS) whole.push(at - sentAt - SERVER_DEBOUNCE_MS);
  }
  if (counts.every((n) => n === 0)) throw new Error("the server published no diagnostics for the 1 MB notes");

  context.log("diagnostics: one-line edits in a 200 KB note through the server");
  const editUri = "file:///bench/edit.md";
  const lines = buildNote({ size: 200_000, medicationShare: 0.2, variant: 400 }).split("\n");
  let version = 1;
  const opened = session.diagnosticsFor(editUri, version);
  await session.lsp.open(editUri, "markdown", lines.join("\n"));
  await opened;
  // Every publish carries the document's whole set, so its size is part of the figure.
  const published = session.lsp.diagnostics.get(editUri) ?? [];
  const publishedKb = JSON.stringify(published).length / 1024;
  const edits: number[] = [];
  const editCount = context.quick ? 10 : 30;
  for (let edit = 0; edit < editCount + 3; edit++) {
    const line = Math.floor(lines.length / 2) + edit;
    const character = (lines[line] ?? "").length;
    lines[line] = `${lines[line] ?? ""} 5 mg QD`;
    version++;
    const arrived = session.diagnosticsFor(editUri, version);
    const sentAt = performance.now();
    await session.lsp.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: editUri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: " 5 mg QD" }],
    });
    const at = await arrived;
    if (edit >= 3) edits.push(at - sentAt - SERVER_DEBOUNCE_MS);
  }

  context.log("diagnostics: cached hovers while a 5 MB note is checked");
  const hoverUri = "file:///bench/responsive.md";
  const hoverLine = "New atrial fibrillation with rapid ventricular response.";
  const selection = { start: { line: 0, character: 0 }, end: { line: 0, character: hoverLine.length } };
  await session.lsp.open(hoverUri, "markdown", hoverLine);
  await session.lsp.hover(hoverUri, 0, 4, selection);
  const hugeUri = "file:///bench/huge.md";
  const worstWaits: number[] = [];
  const checkTimes: number[] = [];
  let hoverCount = 0;
  for (let run = 0; run < (context.quick ? 2 : 5); run++) {
    const note = buildNote({ size: 5_000_000, medicationShare: 0.2, variant: 500 + run });
    const arrived = session.diagnosticsFor(hugeUri, run + 1);
    let published = false;
    void arrived.then(() => (published = true));
    const sentAt = performance.now();
    if (run === 0) await session.lsp.open(hugeUri, "markdown", note);
    else await session.lsp.replace(hugeUri, note);
    // Hovers start once the server has read the change and its debounce has run out, when the check is under way.
    await new Promise((resolve) => setTimeout(resolve, SERVER_DEBOUNCE_MS + 20));
    let worst = 0;
    while (!published) {
      const started = performance.now();
      await session.lsp.hover(hoverUri, 0, 4, selection);
      worst = Math.max(worst, performance.now() - started);
      hoverCount++;
    }
    worstWaits.push(worst);
    checkTimes.push((await arrived) - sentAt - SERVER_DEBOUNCE_MS);
  }
  const checkMedian = [...checkTimes].sort((a, b) => a - b)[Math.floor(checkTimes.length / 2)] ?? 0;

  const figures: Figure[] = [
    figure(
      { id: "diagnostics.e2e1mb", group: GROUP, label: "Diagnostics for a 1 MB note (full-text change)", unit: "ms", digits: 1, target: { op: "<=", value: 150 }, note: `${counts[counts.length - 1] ?? 0} diagnostics per publish (capped at 1,000 by the server, as many as VS Code shows)` },
      whole,
    ),
    figure(
      { id: "diagnostics.e2eEdit200kb", group: GROUP, label: "New diagnostics after a one-line edit, 200 KB", unit: "ms", digits: 2, target: { op: "<=", value: 10 }, note: `${published.length} diagnostics (${publishedKb.toFixed(0)} KB of JSON) in each publish` },
      edits,
    ),
    figure(
      {
        id: "diagnostics.hoverDuringHugeCheck",
        group: GROUP,
        label: "Longest cached-hover wait while a 5 MB note is checked",
        unit: "ms",
        digits: 1,
        note: `${hoverCount} hovers in all; the check took ${checkMedian.toFixed(0)} ms (median) and pauses every 8 ms, so hovers do not wait for it`,
      },
      worstWaits,
    ),
  ];
  return {
    figures,
    details: { diagnosticsPer1mbNote: counts, diagnosticsPer200kbNote: published.length, publishKb200kbNote: publishedKb, hugeCheckMs: checkTimes, hoverWorstWaitMs: worstWaits },
  };
}
