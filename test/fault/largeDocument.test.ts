/**
 * A 5 MB document: it opens, takes incremental edits and a quick fix, gets diagnostics for its latest version,
 * offers code actions, explains a term from its sentence alone, refuses to send a selection or question that cannot
 * fit the model's context (saying so), takes a summary in its middle, and ends identical on server and client.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { CodeAction, TextDocumentEdit } from "vscode-languageserver-protocol/node";
import type { InsertSummaryResult, Range } from "../../common/protocol";
import { Methods, ServerCommands } from "../../common/protocol";
import { startScriptedBackend, within } from "../support/scriptedBackend";
import type { ScriptedBackend } from "../support/scriptedBackend";
import { FaultSession, QUICK_MS, backendSettings, userText } from "./faultSession";

const URI = "file:///fault/large-document.md";
const TARGET_CHARS = 5 * 1024 * 1024;
const LINES = [
  "Atrial fibrillation with rapid ventricular response, rate controlled on metoprolol.",
  "Chest radiograph showed no focal consolidation; small bilateral effusions.",
  "Renal function stable; creatinine 1.1 mg/dL, potassium 4.2 mmol/L.",
  "Patient ambulating with physical therapy, tolerating a regular diet.",
];

/** About 5 MB of progress notes; every 200th line has a trailing-zero dose the medication checks flag. */
function largeBody(): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < TARGET_CHARS; i++) {
    const line = i % 200 === 0 ? `Day ${i}: warfarin 5.0 mg daily; INR 2.4.` : (LINES[i % LINES.length] ?? "");
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

describe("fault: a 5 MB document", { timeout: 120_000 }, () => {
  let backend: ScriptedBackend;
  let env: FaultSession;

  before(async () => {
    backend = await startScriptedBackend();
    env = await FaultSession.start({ backend, settings: backendSettings(backend, { phi: { showDiagnostics: true } }) });
    await env.ready();
  });
  after(async () => {
    await env.finish();
  });

  /** Waits for the diagnostics computed for the document's current version. */
  async function currentDiagnostics(): Promise<NonNullable<ReturnType<typeof env.session.publishedDiagnostics.get>>> {
    const { session } = env;
    const version = session.documents.get(URI)?.version;
    await session.until(() => session.publishedDiagnostics.get(URI)?.version === version, 60_000, `the diagnostics of version ${version}`);
    const published = session.publishedDiagnostics.get(URI);
    assert.ok(published);
    return published;
  }

  it("opens, takes edits and a quick fix, and publishes diagnostics for the latest version", async () => {
    const { session } = env;
    const text = await env.open(URI, "markdown", largeBody());
    assert.ok(text.length >= TARGET_CHARS);

    const first = await currentDiagnostics();
    const medication = first.diagnostics.filter((d) => d.code === "tjc-trailing-zero");
    assert.ok(medication.length > 100, `expected the trailing-zero findings, got ${medication.length}`);
    const phiTypes = first.diagnostics.filter((d) => d.source === "MedGemma PHI" && d.range.start.line === 0).map((d) => d.code);
    assert.ok(phiTypes.includes("NAME") && phiTypes.includes("MRN"), "the canary patient is marked as possible PHI");

    // The quick fix of the first finding, applied as the editor would.
    const target = medication[0];
    assert.ok(target);
    const actions = await within(session.codeActions(URI, target.range, [target]), QUICK_MS, "the quick fix");
    const fix = actions.find((a: CodeAction) => a.kind === "quickfix");
    const change = fix?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
    assert.ok(change && "range" in (change.edits[0] ?? {}), "the quick fix carries a versioned edit");
    assert.equal(change.textDocument.version, session.documents.get(URI)?.version);
    const edit = change.edits[0] as { range: Range; newText: string };
    assert.equal(edit.newText, "5");
    await session.edit(URI, edit.range, edit.newText);

    // Typing in the middle and pasting at the end.
    const middle = Math.floor((session.documents.get(URI)?.lineCount ?? 0) / 2);
    await session.edit(URI, { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, "Overnight: ");
    const end = session.documents.get(URI)?.positionAt(Number.MAX_SAFE_INTEGER) ?? { line: 0, character: 0 };
    await session.edit(URI, { start: end, end }, "\nAddendum: apixaban 5 mg twice daily replaces warfarin.");

    const after = await currentDiagnostics();
    const remaining = after.diagnostics.filter((d) => d.code === "tjc-trailing-zero");
    assert.equal(remaining.length, medication.length - 1, "exactly the fixed finding is gone");
    assert.ok(!remaining.some((d) => d.range.start.line === target.range.start.line), "nothing is flagged where the fix went");
  });

  it("offers code actions, explains a term from its sentence, and refuses what cannot fit the context", async () => {
    const { session } = env;
    const document = session.documents.get(URI);
    assert.ok(document);
    const lastLine = document.lineCount - 1;

    const actions = await within(session.codeActions(URI, { start: { line: 10, character: 0 }, end: { line: 14, character: 0 } }), QUICK_MS, "code actions");
    assert.ok(actions.some((a) => a.kind === "refactor.rewrite.medgemma.summarizeClinical"));

    // A term hover sends its sentence, not the document.
    env.onChat((_request, reply) => void reply.tokens(["An irregular ", "heart rhythm."]));
    const termAt = document.positionAt(document.getText().lastIndexOf("Atrial fibrillation"));
    assert.ok(termAt.line > lastLine - 10, "a term near the end of the document");
    const before = env.chatRequests().length;
    const term = await env.hoverText(URI, termAt.line, termAt.character + 10);
    assert.ok(term?.includes("An irregular heart rhythm."));
    const sent = userText(env.chatRequests()[before]);
    assert.ok(sent.length < 2000, `a term hover sent ${sent.length} characters`);

    // The whole document as a selection, or as the text of a question: too long, said plainly, nothing sent.
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    const requests = env.chatRequests().length;
    const tooLong = await env.hoverText(URI, 5, 0, whole);
    assert.match(tooLong ?? "", /The selection is too long to explain in a hover \(about \d+ tokens; the model's context leaves room for about \d+\)\. Use "Summarize"/);
    await env.expectFailure(env.ask("Summarize the course.", { textDocument: { uri: URI } }), /come to about \d+ tokens, but the model's context leaves room for about \d+\. Attach a shorter passage/);
    assert.equal(env.chatRequests().length, requests, "nothing was sent to the backend");
  });

  it("inserts a summary in the middle, and the server's 5 MB text equals the client's", async () => {
    const { session } = env;
    const document = session.documents.get(URI);
    assert.ok(document);
    const line = Math.floor(document.lineCount / 3);
    env.onChat((_request, reply) => void reply.tokens(["Rate-controlled AF; ", "stable renal function."]));
    const result = (await session.executeCommand(ServerCommands.insertSummary, [
      { textDocument: { uri: URI, version: document.version }, range: { start: { line, character: 0 }, end: { line: line + 3, character: 0 } }, style: "clinical" },
    ])) as InsertSummaryResult;
    assert.equal(result.inserted, true);
    const previous = document.getText();
    const updated = session.documents.get(URI)?.getText() ?? "";
    const at = updated.indexOf("\n\n> **MedGemma clinical summary**");
    assert.ok(at > 0 && updated.includes("> Rate-controlled AF; stable renal function."));
    const inserted = updated.length - previous.length;
    assert.ok(updated.slice(0, at) === previous.slice(0, at) && updated.slice(at + inserted) === previous.slice(at), "only the block was added");

    // Reading the whole document back needs a context that holds it; the setting raises it for this check.
    await session.changeSettings(backendSettings(backend, { phi: { showDiagnostics: true }, backend: { contextLength: 10_000_000 } }));
    await within(session.connection.sendRequest(Methods.checkBackend), QUICK_MS, "the backend check after the settings change");
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
