/**
 * MedGemma Writer: the VS Code side. A thin client: it starts the language server, shows the backend status, keeps
 * the API key in SecretStorage, hosts the chat panel and registers the commands. Everything else is in the server.
 */
import * as vscode from "vscode";
import { ResponseError } from "vscode-languageclient/node";
import type { LanguageClient } from "vscode-languageclient/node";
import type { BackendStatus, InsertSummaryResult } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import { ApiKeyStore } from "./apiKey";
import { languageClientTransport } from "./askTransport";
import { ChatViewProvider } from "./chat/chatViewProvider";
import { registerCommands } from "./commands";
import { failureMessage } from "./failureMessage";
import { createLanguageClient } from "./languageClient";
import { BackendStatusBar } from "./statusBar";

/** What the extension offers other extensions (and its own integration tests). */
export interface MedGemmaApi {
  backendStatus(): BackendStatus | undefined;
  onDidChangeBackendStatus: vscode.Event<BackendStatus>;
}

let client: LanguageClient | undefined;

async function showUnplacedSummary(result: InsertSummaryResult): Promise<void> {
  const choice = await vscode.window.showWarningMessage(result.message ?? "The summary could not be inserted.", "Open Summary in New Editor");
  if (choice) {
    const document = await vscode.workspace.openTextDocument({ content: result.text, language: "markdown" });
    await vscode.window.showTextDocument(document, { preview: false });
  }
}

/** Shows a failed command's message; a summary that broke off can still be opened, so nothing is lost. */
async function showFailure(error: unknown): Promise<void> {
  const partial = error instanceof ResponseError ? (error.data as { partialText?: unknown } | undefined)?.partialText : undefined;
  if (typeof partial !== "string" || partial === "") {
    await vscode.window.showErrorMessage(failureMessage(error));
    return;
  }
  const choice = await vscode.window.showErrorMessage(`${failureMessage(error)} Nothing was inserted.`, "Open Partial Summary");
  if (choice) {
    const document = await vscode.workspace.openTextDocument({ content: partial, language: "markdown" });
    await vscode.window.showTextDocument(document, { preview: false });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<MedGemmaApi> {
  const logger = vscode.window.createOutputChannel("MedGemma", { log: true });
  const apiKeys = new ApiKeyStore(context.secrets);
  const statusBar = new BackendStatusBar();
  const statusChanged = new vscode.EventEmitter<BackendStatus>();
  context.subscriptions.push(logger, apiKeys, statusBar, statusChanged);
  await apiKeys.load();

  const onStatus = (status: BackendStatus): void => {
    statusBar.update(status);
    statusChanged.fire(status);
    logger.info(`Backend ${status.backend}: ${status.state}${status.model ? ` (${status.model})` : ""}`);
  };

  const startClient = (): LanguageClient => {
    const created = createLanguageClient({
      context,
      logger,
      apiKey: () => apiKeys.value,
      onSummaryNotInserted: (result) => void showUnplacedSummary(result),
      onRequestFailed: (error) => void showFailure(error),
    });
    created.onNotification(Methods.backendStatus, onStatus);
    created.start().catch((error: unknown) => {
      logger.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage("MedGemma's language server did not start.", "Show Logs").then((c) => c && logger.show());
    });
    return created;
  };

  const restartClient = async (): Promise<void> => {
    const previous = client;
    client = undefined;
    if (previous) await previous.stop().catch(() => undefined);
    client = startClient();
  };

  client = startClient();

  const chat = new ChatViewProvider({
    extensionUri: context.extensionUri,
    transport: languageClientTransport(() => client),
    logger,
    workspaceState: context.workspaceState,
  });
  context.subscriptions.push(chat, vscode.window.registerWebviewViewProvider("medgemma.chatView", chat));

  registerCommands(context, { client: () => client, restartClient, chat, apiKeys, logger, status: () => statusBar.status, onStatus });

  context.subscriptions.push(
    // The key reaches the server only through its environment, so a new key means a new server process.
    apiKeys.onDidChange(() => void restartClient()),
    // Backend calls are off in an untrusted workspace; trusting it restarts the server with them on.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restartClient()),
  );

  return { backendStatus: () => statusBar.status, onDidChangeBackendStatus: statusChanged.event };
}

export async function deactivate(): Promise<void> {
  const current = client;
  client = undefined;
  await current?.stop();
}
