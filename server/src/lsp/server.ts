/**
 * The language server: capabilities, settings, and one small handler per feature. Handlers look up the document,
 * read the settings, turn the cancellation token into an AbortSignal and call a feature; no prompt text and no
 * HTTP live here.
 */
import { DidChangeConfigurationNotification, TextDocumentSyncKind, TextDocuments } from "vscode-languageserver";
import type { Connection, InitializeParams, InitializeResult } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { InitializationOptions } from "../../../common/protocol";
import { Methods, ServerCommands } from "../../../common/protocol";
import { BackendManager } from "../backend/backendManager";
import type { ModelFactory } from "../backend/backendManager";
import { createModel } from "../backend/modelFactory";
import { CODE_ACTION_KIND_PREFIX } from "../features/codeActions";
import { registerCodeActions } from "./codeActionHandler";
import { FIX_ALL_KIND } from "./diagnostics";
import { registerDocumentFeatures } from "./documentFeatures";
import { registerGenerationHandlers } from "./generationHandlers";
import { registerHover } from "./hoverHandler";
import { ServerState } from "./serverState";
import { SettingsStore } from "./settingsStore";

export interface ServerOptions {
  env: NodeJS.ProcessEnv;
  /** Builds backends; tests and benchmarks may replace it. */
  createModel?: ModelFactory;
}

function readInitOptions(params: InitializeParams): InitializationOptions {
  const options = params.initializationOptions as InitializationOptions | undefined;
  if (typeof options !== "object" || options === null) return {};
  return {
    settings: options.settings,
    clientCommands: Array.isArray(options.clientCommands) ? options.clientCommands.filter((c): c is string => typeof c === "string") : [],
    untrustedWorkspace: options.untrustedWorkspace === true,
  };
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  let state: ServerState | undefined;
  let canRegisterConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const init = readInitOptions(params);
    const canPull = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    const settings = new SettingsStore(connection, canPull, init.settings);
    const backend = new BackendManager({
      createModel: options.createModel ?? ((config) => createModel(config, (level, message) => connection.console[level](`[engine] ${message}`))),
      onStatus: (status) => void connection.sendNotification(Methods.backendStatus, status),
    });
    state = new ServerState({
      connection,
      documents,
      settings,
      backend,
      apiKey: options.env.MEDGEMMA_API_KEY?.trim() || undefined,
      untrusted: init.untrustedWorkspace === true,
      clientCommands: init.clientCommands ?? [],
    });
    registerHover(state);
    registerGenerationHandlers(state);
    registerCodeActions(state, registerDocumentFeatures(state));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CODE_ACTION_KIND_PREFIX, "quickfix", FIX_ALL_KIND] },
        executeCommandProvider: { commands: [ServerCommands.insertSummary] },
        documentSymbolProvider: { label: "MedGemma" },
        foldingRangeProvider: true,
      },
      serverInfo: { name: "medgemma-lsp", version: "0.1.0" },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "medgemma" });
    }
    void state?.reloadSettings();
  });

  connection.onDidChangeConfiguration(() => void state?.reloadSettings());
  connection.onShutdown(async () => {
    await state?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
