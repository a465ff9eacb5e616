/**
 * Drives the built language server (`dist/server.js --stdio`) with a real JSON-RPC client, playing the part of an
 * editor: it answers configuration requests, applies workspace edits to its own copy of the documents, answers
 * message requests, and records notifications and progress.
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  RegistrationRequest,
  ShowMessageRequest,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from "vscode-languageserver-protocol/node";
import type {
  CancellationToken,
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  LogMessageParams,
  MessageActionItem,
  NotificationMessage,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ShowMessageParams,
  ShowMessageRequestParams,
  TextDocumentEdit,
} from "vscode-languageserver-protocol/node";
import { StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import type { BackendStatus, InitializationOptions, Range, StreamProgress } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import { SERVER_PROCESS_ENV } from "../../common/serverProcess";

export const SERVER_PATH = join(__dirname, "..", "..", "dist", "server.js");

export interface SessionOptions {
  /** The `medgemma` section answered to configuration requests. */
  settings?: Record<string, unknown>;
  /** Leave out the configuration capability: the server must use initializationOptions. */
  noConfigurationCapability?: boolean;
  initializationOptions?: InitializationOptions;
  env?: NodeJS.ProcessEnv;
  /** Working directory of the server process; default: this process's. */
  cwd?: string;
  /** Answer to window/showMessageRequest; default: the first action. */
  answerMessage?: (params: ShowMessageRequestParams) => MessageActionItem | null;
}

export interface ProgressRecord {
  token: string | number;
  value: unknown;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `promise` at most `ms`; the timer is cleared either way, so it never keeps the test process alive. */
async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly statuses: BackendStatus[] = [];
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** The last publishDiagnostics of each document, with the version it was computed for. */
  readonly publishedDiagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  readonly messageRequests: ShowMessageRequestParams[] = [];
  readonly progress: ProgressRecord[] = [];
  /** Every window/logMessage the server sent. */
  readonly logMessages: LogMessageParams[] = [];
  /** Notifications no handler here knows (e.g. telemetry/event), as received. */
  readonly otherNotifications: NotificationMessage[] = [];
  /** Every line the server wrote to stderr. */
  readonly stderr: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  settings: Record<string, unknown>;
  /** How many workspace/configuration requests the server has made. */
  configurationRequests = 0;
  private nextProgressToken = 1;
  private exited = false;
  readonly exit: Promise<number | null>;

  private constructor(
    readonly process: ChildProcessWithoutNullStreams,
    private readonly options: SessionOptions,
  ) {
    this.settings = options.settings ?? {};
    this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
    this.exit = new Promise((resolve) => process.on("exit", (code) => {
      this.exited = true;
      resolve(code);
    }));
    process.stderr.setEncoding("utf8");
    process.stderr.on("data", (chunk: string) => this.stderr.push(...chunk.split("\n").filter(Boolean)));

    const c = this.connection;
    c.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (item.section === "medgemma" ? this.settings : null));
    });
    c.onRequest(RegistrationRequest.type, () => undefined);
    c.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    c.onRequest(ShowMessageRequest.type, (params) => {
      this.messageRequests.push(params);
      return this.options.answerMessage ? this.options.answerMessage(params) : (params.actions?.[0] ?? null);
    });
    c.onRequest(ApplyWorkspaceEditRequest.type, (params) => ({ applied: this.applyEdit(params.edit.documentChanges as TextDocumentEdit[] | undefined) }));
    c.onNotification(Methods.backendStatus, (status: BackendStatus) => this.statuses.push(status));
    c.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishedDiagnostics.set(params.uri, params);
    });
    c.onNotification("window/showMessage", (params: ShowMessageParams) => this.messages.push(params));
    c.onNotification("window/logMessage", (params: LogMessageParams) => this.logMessages.push(params));
    c.onUnhandledNotification((message) => this.otherNotifications.push(message));
    c.onNotification("$/progress", (params: ProgressRecord) => this.progress.push(params));
    c.listen();
  }

  /** Starts the server (with the environment the extension gives it) and completes the initialize handshake. */
  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [SERVER_PATH, "--stdio"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...SERVER_PROCESS_ENV, ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    const session = new LspSession(child, options);
    await session.initialize();
    return session;
  }

  private async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: !this.options.noConfigurationCapability,
          didChangeConfiguration: { dynamicRegistration: true },
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
        },
        window: { workDoneProgress: true, showMessage: {} },
        textDocument: { hover: { contentFormat: ["markdown", "plaintext"] } },
      },
      initializationOptions: { settings: this.options.settings, ...this.options.initializationOptions },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, languageId: string, text: string): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Replaces a document's whole text (a full-text change). */
  async replace(uri: string, text: string): Promise<TextDocument> {
    const old = this.documents.get(uri);
    if (!old) throw new Error(`not open: ${uri}`);
    const next = TextDocument.create(uri, old.languageId, old.version + 1, text);
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
    return next;
  }

  /** Applies one incremental change (a range replaced by text), as an editor sends a keystroke or a paste. */
  async edit(uri: string, range: Range, newText: string): Promise<TextDocument> {
    const old = this.documents.get(uri);
    if (!old) throw new Error(`not open: ${uri}`);
    const next = TextDocument.create(uri, old.languageId, old.version + 1, TextDocument.applyEdits(old, [{ range, newText }]));
    this.documents.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: [{ range, text: newText }] });
    return next;
  }

  /** Changes the settings and tells the server, as an editor does; resolves once the server has read them. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    const before = this.configurationRequests;
    await this.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await this.until(() => this.configurationRequests > before, 5000, "the server reading the new settings");
  }

  hover(uri: string, line: number, character: number, selection?: Range, token?: CancellationToken): Promise<Hover | null> {
    return this.connection.sendRequest(
      HoverRequest.type,
      { textDocument: { uri }, position: { line, character }, ...(selection ? { selection } : {}) } as never,
      token,
    );
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  executeCommand(command: string, args: unknown[], token?: CancellationToken): Promise<unknown> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token);
  }

  /** Every message shown to the user, whether sent as a notification or as a request (with or without actions). */
  shownMessages(): string[] {
    return [...this.messages, ...this.messageRequests].map((m) => m.message);
  }

  /** A fresh partial-result token, and the deltas that arrive on it. */
  progressToken(): { token: string; deltas: () => StreamProgress[] } {
    const token = `p${this.nextProgressToken++}`;
    return { token, deltas: () => this.progress.filter((p) => p.token === token).map((p) => p.value as StreamProgress) };
  }

  /** Waits until `predicate` holds, polling the recorded state; fails after `ms`. */
  async until(predicate: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = performance.now() + ms;
    while (!predicate()) {
      if (this.exited) throw new Error(`the server exited while waiting for ${what}; stderr:\n${this.stderr.join("\n")}`);
      if (performance.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
      await wait(10);
    }
  }

  async waitForStatus(predicate: (status: BackendStatus) => boolean, ms = 10_000): Promise<BackendStatus> {
    await this.until(() => this.statuses.some(predicate), ms, "the expected backend status");
    return this.statuses.filter(predicate).at(-1) as BackendStatus;
  }

  get alive(): boolean {
    return !this.exited;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await atMost(this.connection.sendRequest("shutdown"), 3000);
        await this.connection.sendNotification("exit");
      } catch {
        // Already gone.
      }
      await atMost(this.exit, 3000);
      if (!this.exited) this.process.kill("SIGKILL");
    }
    this.connection.dispose();
  }

  private applyEdit(changes: TextDocumentEdit[] | undefined): boolean {
    for (const change of changes ?? []) {
      const document = this.documents.get(change.textDocument.uri);
      if (!document || document.version !== change.textDocument.version) return false;
      const text = TextDocument.applyEdits(document, change.edits.filter((e): e is { range: Range; newText: string } => "range" in e));
      const next = TextDocument.create(document.uri, document.languageId, document.version + 1, text);
      this.documents.set(document.uri, next);
      void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: next.uri, version: next.version }, contentChanges: [{ text }] });
    }
    return true;
  }
}
