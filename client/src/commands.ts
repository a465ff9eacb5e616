/** Every MedGemma command, registered in one place. */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { BackendStatus, InsertSummaryArgs, ModelList, SummaryStyle } from "../../common/protocol";
import { Methods, ServerCommands } from "../../common/protocol";
import type { ApiKeyStore } from "./apiKey";
import { promptForApiKey } from "./apiKey";
import type { ChatViewProvider } from "./chat/chatViewProvider";
import { whenRunning } from "./clientReady";
import { failureMessage } from "./failureMessage";
import { MEDGEMMA_LANGUAGES } from "./languageClient";
import { STATUS_ACTIONS_COMMAND, describeStatus, pickStatusAction } from "./statusBar";

export const EXPLAIN_QUESTION = "Explain the attached passage for a busy clinician: expand abbreviations and say what it means.";

export interface CommandDeps {
  client: () => LanguageClient | undefined;
  restartClient: () => Promise<void>;
  chat: ChatViewProvider;
  apiKeys: ApiKeyStore;
  logger: vscode.LogOutputChannel;
  status: () => BackendStatus | undefined;
  onStatus: (status: BackendStatus) => void;
}

const STYLE_PICKS: (vscode.QuickPickItem & { style: SummaryStyle })[] = [
  { label: "Clinical summary", description: "concise, for colleagues", style: "clinical" },
  { label: "Summary for patients", description: "plain language", style: "patient" },
  { label: "Key points", description: "3–7 bullets", style: "bullets" },
  { label: "Structured abstract", description: "Background, Methods, Results, Conclusions", style: "abstract" },
];

function editorWithSelection(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void vscode.window.showInformationMessage("Select some text first.");
    return undefined;
  }
  if (!(MEDGEMMA_LANGUAGES as readonly string[]).includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage(`MedGemma works in ${MEDGEMMA_LANGUAGES.join(", ")} documents.`);
    return undefined;
  }
  return editor;
}

async function runningClient(deps: CommandDeps): Promise<LanguageClient | undefined> {
  const client = deps.client();
  if (await whenRunning(client)) return client;
  const choice = await vscode.window.showErrorMessage("MedGemma's language server is not running.", "Show Logs", "Restart");
  if (choice === "Show Logs") deps.logger.show();
  if (choice === "Restart") await deps.restartClient();
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const register = (id: string, run: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, run));
  };

  register("medgemma.openChat", () => deps.chat.show());
  register("medgemma.newConversation", () => deps.chat.newConversation());

  register("medgemma.explainSelection", () => {
    if (editorWithSelection()) return deps.chat.ask(EXPLAIN_QUESTION, { attachSelection: true });
    return undefined;
  });

  register("medgemma.askAboutSelection", async () => {
    if (!editorWithSelection()) return;
    const question = await vscode.window.showInputBox({
      title: "MedGemma: Ask About Selection",
      prompt: "Your question about the selected text",
      ignoreFocusOut: true,
    });
    if (question?.trim()) await deps.chat.ask(question.trim(), { attachSelection: true });
  });

  register("medgemma.summarizeSelection", async (style?: unknown) => {
    const editor = editorWithSelection();
    if (!editor) return;
    const picked = STYLE_PICKS.find((p) => p.style === style) ?? (await vscode.window.showQuickPick(STYLE_PICKS, { title: "MedGemma: Summarize Selection" }));
    if (!picked) return;
    const { selection, document } = editor;
    const args: InsertSummaryArgs = {
      textDocument: { uri: document.uri.toString(), version: document.version },
      range: { start: { line: selection.start.line, character: selection.start.character }, end: { line: selection.end.line, character: selection.end.character } },
      style: picked.style,
    };
    // The language client registered the server's command; its middleware shows failures and unplaced summaries.
    await vscode.commands.executeCommand(ServerCommands.insertSummary, args);
  });

  register("medgemma.setApiKey", async () => {
    const key = await promptForApiKey();
    if (!key) return;
    await deps.apiKeys.set(key);
    deps.logger.info("API key stored in secret storage; restarting the language server to use it.");
    void vscode.window.showInformationMessage("MedGemma API key saved in VS Code's secret storage.");
  });

  register("medgemma.clearApiKey", async () => {
    await deps.apiKeys.clear();
    deps.logger.info("API key removed from secret storage; restarting the language server.");
    void vscode.window.showInformationMessage("MedGemma API key removed.");
  });

  register("medgemma.checkBackend", async () => {
    const client = await runningClient(deps);
    if (!client) return undefined;
    try {
      const status = await client.sendRequest<BackendStatus>(Methods.checkBackend);
      deps.onStatus(status);
      const text = `${describeStatus(status)}${status.message ? `. ${status.message}` : ""}`;
      if (status.state === "ready") void vscode.window.showInformationMessage(text);
      else void vscode.window.showWarningMessage(text, "Show Logs").then((c) => c && deps.logger.show());
      return status;
    } catch (error) {
      void vscode.window.showErrorMessage(failureMessage(error));
      return undefined;
    }
  });

  register("medgemma.chooseModel", async () => {
    const client = await runningClient(deps);
    if (!client) return;
    let list: ModelList;
    try {
      list = await client.sendRequest<ModelList>(Methods.listModels);
    } catch (error) {
      void vscode.window.showErrorMessage(failureMessage(error));
      return;
    }
    if (list.models.length === 0) {
      void vscode.window.showWarningMessage("The backend lists no models. Check the backend status, or type the id into the medgemma.backend.model setting.");
      return;
    }
    const picked = await vscode.window.showQuickPick(
      list.models.map((id) => ({ label: id, description: id === list.current ? "current" : undefined })),
      { title: "MedGemma: Choose Model" },
    );
    if (picked) await vscode.workspace.getConfiguration("medgemma").update("backend.model", picked.label, vscode.ConfigurationTarget.Global);
  });

  register("medgemma.showLogs", () => deps.logger.show());
  register("medgemma.restartServer", () => deps.restartClient());
  register(STATUS_ACTIONS_COMMAND, () => pickStatusAction(deps.status()));
}
