/**
 * MedGemma Writer inside a real VS Code extension host: activation, commands, the language client and its
 * middleware, status, hovers, code actions, summaries, diagnostics with language-specific settings, and the outline,
 * against the scripted backend started in this process.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "mocha";
import * as vscode from "vscode";
import type { BackendStatus } from "../../../common/protocol";
import { startScriptedBackend } from "../../support/scriptedBackend";
import type { ScriptedBackend } from "../../support/scriptedBackend";

const EXTENSION_ID = "medgemma-writer.medgemma-writer";

interface MedGemmaApi {
  backendStatus(): BackendStatus | undefined;
  onDidChangeBackendStatus: vscode.Event<BackendStatus>;
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A diagnostic's code; VS Code wraps it with its documentation link. */
function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === "object" ? code.value : code;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : "value" in content ? content.value : ""))
    .join("\n");
}

async function openDocument(name: string, content: string, language: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, "a workspace folder is open");
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content, "utf8"));
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, language);
  return vscode.window.showTextDocument(document);
}

describe("MedGemma Writer in VS Code", function () {
  this.timeout(60_000);
  let backend: ScriptedBackend;
  let api: MedGemmaApi;
  let answer = "A short explanation.";
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration("medgemma");

  before(async () => {
    backend = await startScriptedBackend({ chat: async (_request, reply) => void (await reply.tokens(answer.split(/(?<= )/))) });
    await config().update("backend.endpoint", backend.url, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<MedGemmaApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    api = await extension.activate();
    await waitFor(
      () => api.backendStatus()?.state === "ready" && api.backendStatus()?.endpoint === backend.url,
      `the remote backend being ready (last status: ${JSON.stringify(api.backendStatus())})`,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; last status ${JSON.stringify(api.backendStatus())}`);
    });
  });

  after(async () => {
    await config().update("backend.endpoint", undefined, vscode.ConfigurationTarget.Global);
    await backend.close();
  });

  it("registers every contributed command", async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const contributed = (extension?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command);
    for (const command of contributed) assert.ok(registered.has(command), command);
    // The server's command is registered by the language client.
    assert.ok(registered.has("medgemma.server.insertSummary"));
  });

  it("reports the backend status through its API and answers Check Backend", async () => {
    const status = api.backendStatus();
    assert.equal(status?.backend, "remote");
    assert.equal(status?.model, "google/medgemma-27b-text-it");
    const checked = await vscode.commands.executeCommand<BackendStatus>("medgemma.checkBackend");
    assert.equal(checked.state, "ready");
  });

  it("waits for a language server that is still starting, instead of reporting it missing", async () => {
    // Restarting leaves a client that is starting; a command right away used to answer "not running" in a dialog.
    await vscode.commands.executeCommand("medgemma.restartServer");
    const checked = await vscode.commands.executeCommand<BackendStatus | undefined>("medgemma.checkBackend");
    assert.equal(checked?.state, "ready");
  });

  it("explains a medical term in a hover and the selection when hovering inside it", async () => {
    const editor = await openDocument("hover.md", "Known atrial fibrillation on apixaban.\nPlan: review in clinic.\n", "markdown");
    answer = "An irregular heart rhythm.";
    const term = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, new vscode.Position(0, 10));
    assert.match(hoverText(term), /atrial fibrillation/i);
    assert.match(hoverText(term), /An irregular heart rhythm\./);

    answer = "Rate control and anticoagulation.";
    editor.selection = new vscode.Selection(0, 0, 1, 10);
    const selection = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", editor.document.uri, new vscode.Position(0, 3));
    assert.match(hoverText(selection), /explanation of the selection/);
    assert.match(hoverText(selection), /Rate control and anticoagulation\./);
    const sent = JSON.stringify(backend.chatRequests().at(-1)?.json);
    assert.ok(sent.includes("Known atrial fibrillation on apixaban.\\nPlan: revi"), `the selected text was sent: ${sent}`);
  });

  it("offers the MedGemma code actions on a selection, including Explain and Ask", async () => {
    const editor = await openDocument("actions.md", "Assessment: stable angina.\n", "markdown");
    const before = backend.chatRequests().length;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      editor.document.uri,
      new vscode.Range(0, 0, 0, 26),
      vscode.CodeActionKind.RefactorRewrite.value,
    );
    const titles = actions.map((a) => a.title);
    for (const title of ["MedGemma: Summarize (clinical)", "MedGemma: Summarize for patients (plain language)", "MedGemma: Key points", "MedGemma: Structured abstract", "MedGemma: Explain selection", "MedGemma: Ask about selection…"]) {
      assert.ok(titles.includes(title), `${title} in ${titles.join(", ")}`);
    }
    assert.equal(backend.chatRequests().length, before, "listing actions calls no model");
  });

  it("inserts a summary below the selection with Summarize Selection", async () => {
    const editor = await openDocument("summary.md", "# Case\n\nNew AF, started apixaban.\n\nFollow-up in 2 weeks.\n", "markdown");
    answer = "New atrial fibrillation; anticoagulated.";
    editor.selection = new vscode.Selection(2, 0, 2, 26);
    await vscode.commands.executeCommand("medgemma.summarizeSelection", "clinical");
    const text = await waitFor(() => (editor.document.getText().includes("MedGemma clinical summary") ? editor.document.getText() : undefined), "the summary insertion");
    assert.equal(
      text,
      "# Case\n\nNew AF, started apixaban.\n\n> **MedGemma clinical summary**: AI-generated by MedGemma: review and edit before use; not clinical advice.\n>\n> New atrial fibrillation; anticoagulated.\n\nFollow-up in 2 weeks.\n",
    );
    // One undo removes the whole block.
    await vscode.commands.executeCommand("undo");
    await waitFor(() => !editor.document.getText().includes("MedGemma clinical summary") || undefined, "the undo");
    assert.equal(editor.document.getText(), "# Case\n\nNew AF, started apixaban.\n\nFollow-up in 2 weeks.\n");
  });

  it("shows medication-safety diagnostics and applies the quick fix", async () => {
    const editor = await openDocument("orders.note", "MEDICATIONS:\n- Digoxin 0.125 mg PO qd\n", "clinical-note");
    const diagnostic = await waitFor(
      () => vscode.languages.getDiagnostics(editor.document.uri).find((d) => codeOf(d) === "tjc-qd"),
      "the QD diagnostic",
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(vscode.languages.getDiagnostics(editor.document.uri))}`);
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(1).text, "- Digoxin 0.125 mg PO daily");
    await waitFor(() => !vscode.languages.getDiagnostics(editor.document.uri).some((d) => codeOf(d) === "tjc-qd") || undefined, "the diagnostic going away");
  });

  it("applies language-specific settings: checks off for LaTeX only", async () => {
    const latex = await openDocument("paper.tex", "Patients received drug X 5.0 mg daily.\n", "latex");
    const markdown = await openDocument("orders.md", "Give drug X 5.0 mg daily.\n", "markdown");
    await waitFor(() => vscode.languages.getDiagnostics(latex.document.uri).length > 0 || undefined, "LaTeX diagnostics");
    await vscode.workspace.getConfiguration("medgemma", { languageId: "latex" }).update("medicationSafety.enabled", false, vscode.ConfigurationTarget.Global, true);
    try {
      await waitFor(() => vscode.languages.getDiagnostics(latex.document.uri).length === 0 || undefined, "LaTeX diagnostics switched off");
      await waitFor(() => vscode.languages.getDiagnostics(markdown.document.uri).length > 0 || undefined, "Markdown diagnostics still on");
    } finally {
      await vscode.workspace.getConfiguration("medgemma", { languageId: "latex" }).update("medicationSafety.enabled", undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it("outlines a clinical note and recognises the clinical-note language", async () => {
    const editor = await openDocument("visit.soap", "SUBJECTIVE:\nCough for 3 days.\n\nOBJECTIVE:\nT 37.9 C\n\nASSESSMENT:\nViral URI.\n\nPLAN:\nFluids.\n", "clinical-note");
    const symbols = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>("vscode.executeDocumentSymbolProvider", editor.document.uri);
        return found?.length ? found : undefined;
      },
      "the outline",
    );
    assert.deepEqual(
      symbols.map((s) => s.name.toUpperCase().replace(/:$/, "")),
      ["SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN"],
    );
  });

  it("sends Explain Selection to the backend with the selection attached", async () => {
    const editor = await openDocument("explain.md", "Troponin peaked at 2.3 ng/mL.\n", "markdown");
    answer = "Troponin rose, consistent with myocardial injury.";
    editor.selection = new vscode.Selection(0, 0, 0, 29);
    const before = backend.chatRequests().length;
    await vscode.commands.executeCommand("medgemma.explainSelection");
    const request = await waitFor(() => backend.chatRequests()[before], "the explain request");
    const user = (request.json as { messages: { role: string; content: string }[] }).messages.at(-1)?.content ?? "";
    assert.match(user, /^Explain the attached passage/);
    assert.ok(user.includes("Troponin peaked at 2.3 ng/mL."));
  });
});
