/**
 * What the server does with no model at all: medication-safety diagnostics with version-tied quick fixes, PHI
 * diagnostics, the outline and folding of notes, and abbreviation senses in hovers.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DocumentSymbol, FoldingRange, MarkupContent, TextDocumentEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LspSession } from "../support/lspSession";

const NOTE = [
  "CHIEF COMPLAINT: palpitations",
  "",
  "HPI: 71-year-old woman with palpitations since Monday. PE on CTPA last year.",
  "",
  "MEDICATIONS:",
  "- Metoprolol 25 mg PO BID",
  "- Digoxin .125 mg PO qd",
  "- Warfarin 5.0 mg daily",
  "",
  "ASSESSMENT AND PLAN:",
  "Atrial fibrillation; continue rate control. K 4.0, Hgb 12.0 g/dL.",
].join("\n");

describe("offline features over LSP (no backend needed)", () => {
  let session: LspSession;
  const uri = "file:///work/visit.note";

  before(async () => {
    session = await LspSession.start({ settings: { embedded: { modelPath: "" } } });
    await session.open(uri, "clinical-note", NOTE);
  });
  after(async () => {
    await session.stop();
  });

  it("publishes medication-safety diagnostics with rule, source link and severity, and none on lab values", async () => {
    await session.until(() => (session.diagnostics.get(uri)?.length ?? 0) > 0, 5000, "diagnostics");
    const diagnostics = session.diagnostics.get(uri) ?? [];
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes("tjc-qd"), codes.join());
    assert.ok(codes.includes("tjc-leading-zero"), codes.join());
    assert.ok(codes.includes("tjc-trailing-zero"), codes.join());
    assert.ok(diagnostics.every((d) => d.source === "MedGemma medication safety" && d.codeDescription?.href.startsWith("https://")));
    // "K 4.0" and "Hgb 12.0 g/dL" are measurements, not doses.
    assert.ok(!diagnostics.some((d) => d.range.start.line === 10), JSON.stringify(diagnostics.filter((d) => d.range.start.line === 10)));
  });

  it("offers quick fixes that make the exact replacement, tied to the document version", async () => {
    const document = session.documents.get(uri);
    assert.ok(document);
    const qd = (session.diagnostics.get(uri) ?? []).find((d) => d.code === "tjc-qd");
    assert.ok(qd);
    const actions = await session.codeActions(uri, qd.range, [qd]);
    const fix = actions.find((a) => a.kind === "quickfix" && a.isPreferred);
    assert.ok(fix);
    assert.match(fix.title, /Replace "qd" with "daily"/);
    const change = fix.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, document.version);
    assert.deepEqual(change.edits, [{ range: qd.range, newText: "daily" }]);

    // After an edit elsewhere, even one that moves the flagged text, the fix is still offered, tied to the new version.
    const edited = await session.replace(uri, NOTE.replace("Metoprolol 25 mg", "Metoprolol succinate 25 mg"));
    const still = (await session.codeActions(uri, qd.range, [qd])).find((a) => a.kind === "quickfix" && a.isPreferred);
    assert.equal((still?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.textDocument.version, edited.version);
    // After the token itself changed, the old fix is stale and is not offered.
    await session.replace(uri, NOTE.replace("PO qd", "PO QHS"));
    const stale = await session.codeActions(uri, qd.range, [qd]);
    assert.equal(stale.filter((a) => a.kind === "quickfix").length, 0);
    await session.replace(uri, NOTE);
  });

  it("fixes every finding that has a clear fix in one edit, as a source action and beside a single fix", async () => {
    const fixUri = "file:///work/fix-all.md";
    const text = ["Digoxin .125 mg PO qd", "Warfarin 5.0 mg QD; will d/c in AM", "Insulin 10 U SC qhs"].join("\n");
    await session.open(fixUri, "markdown", text);
    await session.until(() => (session.diagnostics.get(fixUri)?.length ?? 0) > 0, 5000, "diagnostics");
    const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [source, ...others] = await session.codeActions(fixUri, whole, [], ["source.fixAll"]);
    assert.equal(others.length, 0);
    assert.equal(source?.kind, "source.fixAll.medgemma");
    const change = source?.edit?.documentChanges?.[0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, session.documents.get(fixUri)?.version);
    const fixed = TextDocument.applyEdits(TextDocument.create(fixUri, "markdown", 1, text), change.edits);
    // "d/c in AM" (discharge or discontinue?) is left for the writer to decide; everything else is replaced exactly.
    assert.equal(fixed, ["Digoxin 0.125 mg PO daily", "Warfarin 5 mg daily; will d/c in AM", "Insulin 10 units subcutaneously nightly at bedtime"].join("\n"));
    assert.match(source?.title ?? "", /^Fix all 7 medication-safety findings/);

    // The lightbulb of one finding offers the same, after its own fixes.
    const qd = (session.diagnostics.get(fixUri) ?? []).find((d) => d.code === "tjc-qd");
    assert.ok(qd);
    const quick = (await session.codeActions(fixUri, qd.range, [qd])).filter((a) => a.kind === "quickfix");
    assert.deepEqual(quick.map((a) => a.title), ['Replace "qd" with "daily"', source?.title]);
    // A source-action request for refactorings gets nothing of this.
    assert.equal((await session.codeActions(fixUri, whole, [], ["refactor"])).filter((a) => a.kind?.startsWith("source")).length, 0);
    await session.close(fixUri);
  });

  it("turns a rule off or changes its severity through settings", async () => {
    await session.changeSettings({ embedded: { modelPath: "" }, medicationSafety: { rules: { "tjc-qd": "off", "tjc-trailing-zero": "error" } } });
    await session.until(() => !(session.diagnostics.get(uri) ?? []).some((d) => d.code === "tjc-qd"), 5000, "the rule switched off");
    const trailing = (session.diagnostics.get(uri) ?? []).find((d) => d.code === "tjc-trailing-zero");
    assert.equal(trailing?.severity, 1);
    await session.changeSettings({ embedded: { modelPath: "" }, medicationSafety: { languages: ["markdown"] } });
    await session.until(() => (session.diagnostics.get(uri) ?? []).length === 0, 5000, "no checks in clinical-note");
    await session.changeSettings({ embedded: { modelPath: "" } });
    await session.until(() => (session.diagnostics.get(uri) ?? []).length > 0, 5000, "checks back");
  });

  it("sends no more diagnostics than the editor shows: the most severe, and a note of how many were left out", async () => {
    const crowdedUri = "file:///work/crowded.md";
    // 700 lines, each with a warning (QD) and a hint (the ambiguous d/c): 1,400 findings.
    const lines = Array.from({ length: 700 }, (_, i) => `Day ${i}: aspirin 81 mg PO QD, will d/c in AM`);
    await session.open(crowdedUri, "markdown", lines.join("\n"));
    await session.until(() => (session.diagnostics.get(crowdedUri)?.length ?? 0) > 0, 10_000, "diagnostics of the crowded note");
    const diagnostics = session.diagnostics.get(crowdedUri) ?? [];
    assert.equal(diagnostics.length, 1000);
    const warnings = diagnostics.filter((d) => d.code === "tjc-qd" && d.severity === 2);
    const hints = diagnostics.filter((d) => d.code === "ismp-dc" && d.severity === 4);
    assert.equal(warnings.length, 700, "every warning is kept before any hint");
    assert.equal(hints.length, 299);
    const note = diagnostics.find((d) => d.code === undefined);
    assert.match(note?.message ?? "", /^401 more findings in this file are not shown/);
    assert.equal(note?.range.start.line, 299, "the note sits at the first finding left out");
    // Ranges come from the checker's own line and column: each covers exactly the flagged text.
    for (const d of [...warnings.slice(0, 3), ...hints.slice(0, 3)]) {
      const line = lines[d.range.start.line] ?? "";
      assert.equal(line.slice(d.range.start.character, d.range.end.character), d.code === "tjc-qd" ? "QD" : "d/c");
    }
    await session.close(crowdedUri);
  });

  it("marks possible PHI as information diagnostics when asked, without quoting it", async () => {
    const phiUri = "file:///work/phi.md";
    await session.changeSettings({ embedded: { modelPath: "" }, phi: { showDiagnostics: true } });
    await session.open(phiUri, "markdown", "Patient: Margaret Okonkwo, MRN 00417733, seen on 03/14/2026. BP 128/76, K 4.1.");
    await session.until(() => (session.diagnostics.get(phiUri) ?? []).some((d) => d.source === "MedGemma PHI"), 5000, "PHI diagnostics");
    const phi = (session.diagnostics.get(phiUri) ?? []).filter((d) => d.source === "MedGemma PHI");
    const kinds = phi.map((d) => d.code).sort();
    assert.deepEqual(kinds, ["DATE", "MRN", "NAME"]);
    assert.ok(phi.every((d) => d.severity === 3 && !d.message.includes("Okonkwo") && !d.message.includes("00417733")));
    await session.changeSettings({ embedded: { modelPath: "" } });
  });

  it("outlines the note's sections and folds them", async () => {
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    const names = symbols.map((s) => s.name);
    assert.ok(names.some((n) => /chief complaint/i.test(n)), names.join());
    assert.ok(names.some((n) => /^HPI/i.test(n)), names.join());
    assert.ok(names.some((n) => /medications/i.test(n)), names.join());
    assert.ok(names.some((n) => /assessment and plan/i.test(n)), names.join());
    const folds = await session.connection.sendRequest<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    assert.ok(folds.some((f) => f.startLine === 4 && f.endLine >= 7), JSON.stringify(folds));
  });

  it("shows abbreviation senses at once with no backend, ranked by the sentence", async () => {
    const hover = await session.hover(uri, 2, NOTE.split("\n")[2]?.indexOf("PE on") ?? 0);
    const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? "";
    assert.match(markdown, /\*\*PE\*\*: abbreviation/);
    assert.match(markdown, /pulmonary embolism/i);
    assert.match(markdown, /ranked by the words around it \(no model used\)/);
  });
});
