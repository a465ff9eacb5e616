/**
 * MedGemma Writer in the real workbench (code-server + Chromium, the packaged .vsix) against a scripted remote
 * backend: the status item and its actions, hovers on a medical term and on an abbreviation, medication-safety
 * diagnostics with their quick fixes, and a summary inserted through the code action.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { startSession } from "../support/codeServer";
import type { VSCodeSession } from "../support/codeServer";
import {
  clearLightBulb,
  activeEditor,
  clearNotifications,
  editorText,
  goToPosition,
  hoverText,
  lightBulbAction,
  openFile,
  quickFix,
  selectText,
  statusBarEntry,
  statusBarTooltip,
  typeInQuickInput,
  visibleEditorText,
  waitFor,
  waitForNotification,
  waitForQuickInput,
  waitForWorkbench,
} from "../support/workbench";
import type { ClinicalBackend } from "./clinicalBackend";
import { MODEL_ID, SUMMARY_ANSWER, TERM_ANSWER, lastUserMessage, startClinicalBackend } from "./clinicalBackend";
import { STATUS_ENTRY, TEST_VSIX, createWorkspace, sessionSettings, waitForBackendStatus } from "./medgemmaUi";

const NOTE = [
  "# Admission note",
  "",
  "Assessment: new atrial fibrillation with rapid ventricular response.",
  "CTPA was ordered because the D-dimer was raised; it showed no PE.",
  "",
].join("\n");

const MEDS = ["# Medications", "", "Metoprolol 25 mg PO QD.", "Warfarin 5.0 mg daily.", ""].join("\n");

const PASSAGE = "Assessment: new atrial fibrillation with rapid ventricular response.\nPlan: rate control with metoprolol and anticoagulation.";
const CASE = ["# Case", "", PASSAGE, "", "Follow-up in two weeks.", ""].join("\n");
const FINDINGS = "Echo: normal left ventricular function, no valve disease.";
const PLAN = ["# Plan", "", FINDINGS, "Discharge tomorrow."].join("\n");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("MedGemma in the editor with a remote backend", { timeout: 300_000 }, () => {
  let backend: ClinicalBackend | undefined;
  let session: VSCodeSession | undefined;
  let workspace = "";

  function page() {
    if (!session) throw new Error("The session did not start.");
    return session.page;
  }
  function server(): ClinicalBackend {
    if (!backend) throw new Error("The backend did not start.");
    return backend;
  }

  before(async () => {
    backend = await startClinicalBackend();
    workspace = createWorkspace({ "note.md": NOTE, "meds.md": MEDS, "case.md": CASE, "plan.md": PLAN });
    session = await startSession({ vsix: TEST_VSIX, workspace, settings: sessionSettings({ "medgemma.backend.endpoint": backend.url }) });
    await waitForWorkbench(session.page);
    // The extension activates on the first Markdown document.
    await openFile(session.page, "note.md");
    await waitForBackendStatus(session.page, "remote", "ready");
  });

  after(async () => {
    await session?.stop();
    await backend?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("shows the backend as ready in the status bar, with a tooltip that names it and working actions", async () => {
    const url = server().url;
    const entry = statusBarEntry(page(), STATUS_ENTRY);
    assert.equal((await entry.innerText()).trim(), "MedGemma (remote)");
    assert.equal(await entry.locator(".codicon-check").count(), 1);

    const tooltip = await statusBarTooltip(page(), STATUS_ENTRY);
    assert.match(tooltip.text, new RegExp(`^MedGemma: ready · ${escapeRegExp(url)} · model ${escapeRegExp(MODEL_ID)} · context 32768 tokens · \\d+ ms`));
    // The server's own words, verbatim: no Markdown escapes shown, no link glued to the words after a URL.
    assert.ok(tooltip.text.includes(`The server at ${url} is ready with "${MODEL_ID}".`), tooltip.text);
    for (const link of tooltip.links) assert.doesNotMatch(link, /\s|\u00a0|&nbsp;/, `a malformed link in the tooltip: ${link}`);

    const probes = () => server().requests.filter((request) => request.path === "/health").length;
    const probesBefore = probes();
    await entry.click();
    await waitForQuickInput(page());
    const title = page().locator(".quick-input-widget .quick-input-title");
    await waitFor(async () => ((await title.textContent()) ?? "").trim(), (text) => new RegExp(`^MedGemma: ready · ${escapeRegExp(url)}`).test(text), {
      what: "the actions to be titled with the status",
    });
    await typeInQuickInput(page(), "Check again");
    const message = await waitForNotification(page(), /^MedGemma: ready · /);
    assert.ok(message.includes(`model ${MODEL_ID}`), message);
    assert.ok(probes() > probesBefore, "Check again probed the server");
    await clearNotifications(page());
  });

  it("explains a medical term in a hover, with the AI-generated note", async () => {
    await openFile(page(), "note.md");
    const text = await hoverText(page(), "atrial fibrillation", { expect: /AI-generated by MedGemma/ });
    const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
    assert.deepEqual(lines, ["atrial fibrillation (condition)", TERM_ANSWER, "AI-generated by MedGemma: check before relying on it; not clinical advice."]);
    const asked = server().requestsOf("term").map(lastUserMessage);
    assert.ok(asked.some((prompt) => prompt.includes('"atrial fibrillation"') && prompt.includes("rapid ventricular response")), "the term was asked about in its sentence");
  });

  it("lists an abbreviation's senses in a hover, then marks the sense the model picked", async () => {
    await openFile(page(), "note.md");
    const first = await hoverText(page(), "PE", { expect: /pulmonary embolism/ });
    for (const sense of ["pulmonary embolism", "physical examination", "pleural effusion"]) assert.ok(first.includes(sense), `${sense} in:\n${first}`);
    // The pick is asked for once; an answer that misses the hover's short deadline is cached for the next hover.
    const picked = await waitFor(
      () => hoverText(page(), "PE", { expect: /pulmonary embolism/ }),
      (text) => text.includes("MedGemma reads it as"),
      { what: "a hover with the model's pick", timeout: 30_000 },
    );
    assert.match(picked, /In this sentence MedGemma reads it as pulmonary embolism \(model-chosen: check it\)\./);
    assert.match(picked, /pulmonary embolism: .*← MedGemma's pick/);
    const picks = server().requestsOf("sense").filter((request) => lastUserMessage(request).includes('abbreviation "PE"'));
    assert.equal(picks.length, 1, "the pick was asked for once and then cached");
  });

  it("marks QD and a trailing zero as medication-safety problems, and their quick fixes replace them", async () => {
    await openFile(page(), "meds.md");
    const squiggles = activeEditor(page()).locator(".view-overlays .squiggly-warning");
    await waitFor(() => squiggles.count(), (count) => count >= 2, { what: "two warnings in meds.md" });
    const qd = await hoverText(page(), "QD", { expect: /Avoid "QD"/ });
    assert.match(qd, /Avoid "QD": it is read as QID \(four times a day\) or QOD \(every other day\)\. Use "daily" instead\./);
    assert.match(qd, /MedGemma medication safety/);
    const zero = await hoverText(page(), "5.0", { expect: /Avoid "5\.0"/ });
    assert.match(zero, /5\.0 mg is given as 50 mg/);

    await goToPosition(page(), 3, "Metoprolol 25 mg PO QD.".indexOf("QD") + 2);
    await quickFix(page(), 'Replace "QD" with "daily"');
    await waitFor(() => visibleEditorText(page()), (text) => text.includes("PO daily."), { what: "QD replaced" });
    // A fix is offered only for diagnostics of the document's current version: wait until they are re-published.
    await waitFor(() => squiggles.count(), (count) => count === 1, { what: "one warning left after the first fix" });
    await goToPosition(page(), 4, "Warfarin 5.0 mg daily.".indexOf("5.0") + 2);
    await quickFix(page(), 'Replace "5.0" with "5"');
    await waitFor(() => visibleEditorText(page()), (text) => text.includes("Warfarin 5 mg"), { what: "5.0 replaced" });

    assert.equal(await editorText(page()), MEDS.replace("QD", "daily").replace("5.0 mg", "5 mg"));
    await waitFor(() => squiggles.count(), (count) => count === 0, { what: "the warnings to go once fixed" });
  });

  it("inserts a marked clinical summary below the selection through the code action (Ctrl+.)", async () => {
    await openFile(page(), "case.md");
    await selectText(page(), PASSAGE);
    await quickFix(page(), "MedGemma: Summarize (clinical)");
    await waitFor(() => visibleEditorText(page()), (text) => text.includes(SUMMARY_ANSWER), { what: "the summary in the document", timeout: 60_000 });
    const block = [
      "> **MedGemma clinical summary**: AI-generated by MedGemma: review and edit before use; not clinical advice.",
      ">",
      `> ${SUMMARY_ANSWER}`,
    ].join("\n");
    assert.equal(await editorText(page()), ["# Case", "", PASSAGE, "", block, "", "Follow-up in two weeks.", ""].join("\n"));
    const summaries = server().requestsOf("summary");
    assert.equal(summaries.length, 1);
    const prompt = summaries[0] ? lastUserMessage(summaries[0]) : "";
    assert.ok(prompt.startsWith("Summarize the passage for a clinician colleague"), prompt);
    assert.ok(prompt.includes(PASSAGE), "the selected passage was sent");
  });

  it("offers the same actions on the light bulb, which inserts key points", async () => {
    await clearLightBulb(page());
    await openFile(page(), "plan.md");
    await selectText(page(), FINDINGS);
    await lightBulbAction(page(), "MedGemma: Key points");
    await waitFor(() => visibleEditorText(page()), (text) => text.includes(SUMMARY_ANSWER), { what: "the key points in the document", timeout: 60_000 });
    const block = ["> **MedGemma key points**: AI-generated by MedGemma: review and edit before use; not clinical advice.", ">", `> ${SUMMARY_ANSWER}`].join("\n");
    // The passage's next line is not blank, so the block is set off by a blank line on both sides.
    assert.equal(await editorText(page()), ["# Plan", "", FINDINGS, "", block, "", "Discharge tomorrow."].join("\n"));
    const prompt = server().requestsOf("summary").map(lastUserMessage).at(-1) ?? "";
    assert.ok(prompt.startsWith("List the key points of the passage"), prompt);
  });
});
