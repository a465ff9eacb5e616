/**
 * Starts the MedGemma language server over IPC and keeps it alive: a crashed server is restarted a bounded number
 * of times (the writer is told each time), then the writer is offered the logs. The hover middleware sends the
 * editor's selection so a hover inside it explains the selection.
 */
import * as vscode from "vscode";
import { CloseAction, ErrorAction, ExecuteCommandRequest, HoverRequest, LanguageClient, RevealOutputChannelOn, TransportKind } from "vscode-languageclient/node";
import type { ErrorHandler, LanguageClientOptions, Middleware, ServerOptions } from "vscode-languageclient/node";
import type { InitializationOptions, InsertSummaryResult } from "../../common/protocol";
import { ClientCommands, ServerCommands } from "../../common/protocol";
import { serverEnvironment } from "../../common/serverProcess";

/** Languages the server works in. */
export const MEDGEMMA_LANGUAGES = ["markdown", "latex", "plaintext", "clinical-note"] as const;

/** At most this many restarts within the window; then the writer decides. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

export interface ClientEnvironment {
  context: vscode.ExtensionContext;
  logger: vscode.LogOutputChannel;
  /** The API key to hand to the server (read from SecretStorage). */
  apiKey: () => string | undefined;
  /** Shows a summary the server could not insert. */
  onSummaryNotInserted: (result: InsertSummaryResult) => void;
  /** Shows a failed request's own message (the client library would only say "request failed"). */
  onRequestFailed: (error: unknown) => void;
}

/** Restarts on crashes, but not forever: a server that keeps dying needs a person to look at the logs. */
export class RestartPolicy implements ErrorHandler {
  private restarts: number[] = [];

  constructor(
    private readonly logger: vscode.LogOutputChannel,
    private readonly now: () => number = Date.now,
  ) {}

  error(): { action: ErrorAction } {
    return { action: ErrorAction.Continue };
  }

  closed(): { action: CloseAction; handled: boolean } {
    const now = this.now();
    this.restarts = this.restarts.filter((time) => now - time < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.logger.error(`The language server stopped ${MAX_RESTARTS + 1} times within ${RESTART_WINDOW_MS / 60_000} minutes; not restarting.`);
      void vscode.window
        .showErrorMessage("MedGemma's language server keeps stopping, so it was not restarted again. The logs may say why.", "Show Logs", "Restart")
        .then((choice) => {
          if (choice === "Show Logs") this.logger.show();
          if (choice === "Restart") void vscode.commands.executeCommand("medgemma.restartServer");
        });
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts.push(now);
    this.logger.warn(`The language server stopped unexpectedly; restarting (${this.restarts.length} of ${MAX_RESTARTS}).`);
    void vscode.window.showWarningMessage("MedGemma's language server stopped unexpectedly and was restarted.", "Show Logs").then((choice) => {
      if (choice === "Show Logs") this.logger.show();
    });
    return { action: CloseAction.Restart, handled: true };
  }
}

function selectionAt(document: vscode.TextDocument, position: vscode.Position): vscode.Selection | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  return editor?.selections.find((selection) => !selection.isEmpty && selection.contains(position));
}

/** A configuration value as plain JSON (VS Code hands out frozen proxies). */
function plainObject(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

function isInsertSummaryResult(value: unknown): value is InsertSummaryResult {
  return typeof value === "object" && value !== null && typeof (value as InsertSummaryResult).inserted === "boolean";
}

export function createLanguageClient(environment: ClientEnvironment): LanguageClient {
  const { context, logger } = environment;
  const serverModule = vscode.Uri.joinPath(context.extensionUri, "dist", "server.js").fsPath;
  // The key travels in the server's environment, never in an LSP message; a new key means a new client and server.
  const key = environment.apiKey();
  const env = serverEnvironment(process.env, key);
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: { ...env }, execArgv: ["--nolazy", "--inspect=6019"] } },
  };

  // The middleware needs the client it belongs to, which exists only once the options are built.
  const self: { client?: LanguageClient } = {};
  const middleware: Middleware = {
    provideHover: async (document, position, token, next) => {
      const selection = selectionAt(document, position);
      const client = self.client;
      if (!selection || !client) return next(document, position, token);
      const params = {
        ...client.code2ProtocolConverter.asTextDocumentPositionParams(document, position),
        selection: client.code2ProtocolConverter.asRange(selection),
      };
      const hover = await client.sendRequest(HoverRequest.type, params, token);
      return client.protocol2CodeConverter.asHover(hover);
    },
    executeCommand: async (command, args, next) => {
      const client = self.client;
      if (command !== ServerCommands.insertSummary || !client) return next(command, args) as unknown;
      // Sent here rather than through `next`, which reports failures as a bare "request failed".
      try {
        const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
        if (isInsertSummaryResult(result) && !result.inserted && result.finishReason !== "cancelled") environment.onSummaryNotInserted(result);
        return result;
      } catch (error) {
        environment.onRequestFailed(error);
        return undefined;
      }
    },
  };

  const configurationMiddleware: Middleware["workspace"] = {
    // A request scoped to a document is answered for that document, so language-specific settings
    // (e.g. "[latex]": { "medgemma.medicationSafety.enabled": false }) apply; the default handler ignores them.
    configuration: (params, token, next) => {
      const answers = params.items.map((item) => {
        const document = item.scopeUri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === item.scopeUri) : undefined;
        if (!document || !item.section) return undefined;
        return plainObject(vscode.workspace.getConfiguration(undefined, document).get(item.section));
      });
      if (answers.every((answer) => answer !== undefined)) return answers;
      return Promise.resolve(next(params, token)).then((defaults) =>
        Array.isArray(defaults) ? defaults.map((value: unknown, index) => answers[index] ?? value) : defaults,
      );
    },
  };
  middleware.workspace = configurationMiddleware;

  const initializationOptions: InitializationOptions = {
    clientCommands: [ClientCommands.explainSelection, ClientCommands.askAboutSelection],
    untrustedWorkspace: !vscode.workspace.isTrusted,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: MEDGEMMA_LANGUAGES.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    outputChannel: logger,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions,
    middleware,
    errorHandler: new RestartPolicy(logger),
  };
  self.client = new LanguageClient("medgemma", "MedGemma", serverOptions, clientOptions);
  return self.client;
}
