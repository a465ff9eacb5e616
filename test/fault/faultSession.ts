/**
 * One fault case's world: the built language server in a throw-away HOME/TMPDIR/working directory, an optional
 * scripted backend, documents that all carry the canary patient, and the checks every case ends with: the message
 * is actionable, the server still answers, its documents match the client's, and the canary leaked nowhere.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResponseError } from "vscode-languageserver-protocol/node";
import type { CodeAction, MarkupContent } from "vscode-languageserver-protocol/node";
import type { BackendStatus, GenerationResult, Range } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import { LspSession } from "../support/lspSession";
import { within } from "../support/scriptedBackend";
import { startScriptedBackend } from "../support/scriptedBackend";
import type { Handler, RecordedRequest, ScriptedBackend } from "../support/scriptedBackend";
import { CANARY_LINE, canaryIn, filesWithCanary } from "./canary";

/** The question of the requests that read back the server's copy of a document. */
const SYNC_QUESTION = "FAULT-SUITE-SYNC-CHECK: repeat nothing.";
/** A bound for requests that need no backend work; generous for a loaded two-core machine. */
export const QUICK_MS = 10_000;

type Settings = Record<string, unknown>;

/** Settings for a scripted backend: its URL and the model it lists, plus overrides (`backend` is merged). */
export function backendSettings(backend: { url: string }, overrides: Settings = {}): Settings {
  const backendOverrides = (overrides.backend ?? {}) as Settings;
  return { ...overrides, backend: { endpoint: backend.url, model: "google/medgemma-27b-text-it", ...backendOverrides } };
}

/** The last user message of a recorded chat request. */
export function userText(request: RecordedRequest | undefined): string {
  const messages = (request?.json as { messages?: { role: string; content: string }[] } | undefined)?.messages ?? [];
  return messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
}

/**
 * Asserts that a message tells the writer what happened and what to do: it matches `specific`, is a sentence rather
 * than a bare "request failed", and is not the catch-all for internal errors.
 */
export function assertActionable(message: string, specific: RegExp): void {
  assert.match(message, specific);
  assert.doesNotMatch(message, /^\s*(request failed|failed|error)\.?\s*$/i, "a bare failure message");
  assert.doesNotMatch(message, /internal error/i, `the catch-all internal error instead of a real message: ${message}`);
  assert.doesNotMatch(message, /\bundefined\b|\[object Object\]|\bNaN\b/, `a message with a formatting slip: ${message}`);
  assert.ok(message.length >= 40, `too short to act on: ${message}`);
  // An instruction: a setting or command to use, or a verb telling the writer what to do next.
  assert.match(message, /medgemma\.[a-z]|MedGemma: [A-Z]|\b(retry|try again|check|select|attach|raise|remove|choose|use|fix|point|open|wait|turn on|is it running)\b/i, `no hint what to do: ${message}`);
}

export interface FaultSessionOptions {
  /** The `medgemma` settings section. */
  settings?: Settings;
  /** The scripted backend the settings point at; its chat handler is then owned by this session (see `onChat`). */
  backend?: ScriptedBackend;
}

export class FaultSession {
  /** Messages of failed requests and hover texts shown to the writer, all scanned for the canary at the end. */
  readonly shownTexts: string[] = [];
  private handler: Handler = (_request, reply) => void reply.tokens(["Fine", "."]);
  private scripted: ScriptedBackend | undefined;

  private constructor(
    readonly session: LspSession,
    backend: ScriptedBackend | undefined,
    /** The temporary directory holding the server's HOME, TMPDIR and working directory. */
    readonly root: string,
  ) {
    if (backend) this.attach(backend);
  }

  /** The scripted backend the session's chat handler is installed on. */
  get backend(): ScriptedBackend | undefined {
    return this.scripted;
  }

  /** Installs this session's chat handling on a (new) scripted backend, e.g. one restarted on the same port. */
  attach(backend: ScriptedBackend): void {
    this.scripted = backend;
    backend.setChatHandler((request, reply) => (userText(request).startsWith(SYNC_QUESTION) ? reply.tokens(["ok"]).then(() => undefined) : this.handler(request, reply)));
  }

  /** A fresh scripted backend, a server ready on it, and one document open: the usual start of a fault case. */
  static async withDocument(uri: string, languageId: string, text: string): Promise<FaultSession> {
    const backend = await startScriptedBackend();
    const env = await FaultSession.start({ backend, settings: backendSettings(backend) });
    await env.ready();
    await env.open(uri, languageId, text);
    return env;
  }

  /** Starts the server with HOME, TMPDIR and its working directory in a fresh temporary directory. */
  static async start(options: FaultSessionOptions = {}): Promise<FaultSession> {
    const root = mkdtempSync(join(tmpdir(), "medgemma-fault-"));
    const home = join(root, "home");
    const tmp = join(root, "tmp");
    const cwd = join(root, "cwd");
    for (const dir of [home, tmp, cwd]) mkdirSync(dir);
    try {
      const session = await LspSession.start({
        settings: options.settings ?? {},
        env: { HOME: home, TMPDIR: tmp, TMP: tmp, TEMP: tmp, XDG_CACHE_HOME: join(home, ".cache"), XDG_CONFIG_HOME: join(home, ".config") },
        cwd,
      });
      return new FaultSession(session, options.backend, root);
    } catch (error) {
      rmSync(root, { recursive: true, force: true });
      await options.backend?.close();
      throw error;
    }
  }

  /** What the scripted backend does with chat requests (the read-back requests of `serverText` are answered apart). */
  onChat(handler: Handler): void {
    this.handler = handler;
  }

  /** Waits for the backend status to be ready. */
  ready(ms = QUICK_MS): Promise<BackendStatus> {
    return this.session.waitForStatus((s) => s.state === "ready", ms);
  }

  /** Changes the settings and waits for a backend status sent after the change that satisfies `predicate`. */
  async reconfigure(settings: Settings, predicate: (status: BackendStatus) => boolean, ms = QUICK_MS): Promise<BackendStatus> {
    const { session } = this;
    const from = session.statuses.length;
    await session.changeSettings(settings);
    await session.until(() => session.statuses.slice(from).some(predicate), ms, "the backend status after the settings change");
    return session.statuses.slice(from).filter(predicate).at(-1) as BackendStatus;
  }

  /** Opens a document whose first line is the canary patient; returns the full text. */
  async open(uri: string, languageId: string, body: string): Promise<string> {
    const text = `${CANARY_LINE}\n${body}`;
    await this.session.open(uri, languageId, text);
    return text;
  }

  /** Chat requests the backend received that were not read-backs. */
  chatRequests(): RecordedRequest[] {
    return (this.backend?.chatRequests() ?? []).filter((r) => !userText(r).startsWith(SYNC_QUESTION));
  }

  /** A request that must fail: with an LSP error, an actionable message matching `specific`, a known kind. */
  async expectFailure(promise: Promise<unknown>, specific: RegExp, ms = 30_000): Promise<ResponseError<{ kind?: string }>> {
    let caught: unknown;
    try {
      await within(promise, ms, "the failing request to end");
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof ResponseError, `expected an LSP error response, got ${String(caught)}`);
    const error = caught as ResponseError<{ kind?: string }>;
    this.shownTexts.push(error.message);
    assertActionable(error.message, specific);
    assert.notEqual(error.data?.kind, "internal");
    return error;
  }

  /** A hover's Markdown (recorded to be scanned), or undefined when there is no hover. */
  async hoverText(uri: string, line: number, character: number, selection?: Range, ms = 30_000): Promise<string | undefined> {
    const hover = await within(this.session.hover(uri, line, character, selection), ms, "the hover");
    if (!hover) return undefined;
    const markdown = (hover.contents as MarkupContent).value;
    this.shownTexts.push(markdown);
    return markdown;
  }

  /** A plain `medgemma/ask`. */
  ask(question: string, extra: Record<string, unknown> = {}): Promise<GenerationResult> {
    return this.session.connection.sendRequest(Methods.ask, { question, ...extra });
  }

  /**
   * The server's copy of a document, read back through the backend: an ask about the whole document carries its
   * text verbatim inside the prompt's passage. Needs a working scripted backend and a PHI policy that allows.
   */
  async serverText(uri: string): Promise<string> {
    assert.ok(this.backend, "reading the server's document needs the scripted backend");
    const before = this.backend.chatRequests().length;
    await within(this.ask(SYNC_QUESTION, { textDocument: { uri } }), 60_000, "the read-back of the server's document");
    const request = this.backend.chatRequests().slice(before).find((r) => userText(r).startsWith(SYNC_QUESTION));
    const content = userText(request);
    const open = "<passage>\n";
    const start = content.indexOf(open);
    const end = content.lastIndexOf("\n</passage>");
    assert.ok(start >= 0 && end >= start + open.length - 1, "the read-back request holds the document as a passage");
    return content.slice(start + open.length, end);
  }

  /** Asserts that every document's text on the server equals the client's, character for character. */
  async assertDocumentsInSync(): Promise<void> {
    for (const [uri, document] of this.session.documents) {
      const expected = document.getText();
      const actual = await this.serverText(uri);
      if (actual === expected) continue;
      let at = 0;
      while (at < Math.min(actual.length, expected.length) && actual[at] === expected[at]) at++;
      assert.fail(`${uri}: the server's text differs from the client's at offset ${at} (server ${actual.length} characters, client ${expected.length})`);
    }
  }

  /** Asserts that the server is up and answers requests that need no backend: code actions and a backend check. */
  async assertServing(): Promise<BackendStatus> {
    assert.ok(this.session.alive, "the server process is still running");
    const [uri] = this.session.documents.keys();
    if (uri) {
      const actions = await within(
        this.session.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }),
        QUICK_MS,
        "code actions",
      );
      assert.ok(actions.some((a: CodeAction) => a.kind?.startsWith("refactor.rewrite.medgemma")), "the MedGemma code actions are offered");
    }
    const status: BackendStatus = await within(this.session.connection.sendRequest(Methods.checkBackend), QUICK_MS, "medgemma/checkBackend");
    assert.equal(typeof status.message, "string");
    return status;
  }

  /**
   * Stops the server and asserts the canary reached no stderr line, log message, shown message, progress text,
   * diagnostic, other notification, error or hover text, and no file under its HOME, TMPDIR or working directory.
   * Then, whatever the outcome, removes the temporary directory and closes the attached scripted backend (an open
   * one would keep the test process alive).
   */
  async finish(): Promise<void> {
    const { session } = this;
    const aliveAtEnd = session.alive;
    await session.stop();
    try {
      assert.ok(aliveAtEnd, `the server exited during the case; stderr:\n${session.stderr.join("\n")}`);
      const places: [string, unknown[]][] = [
        ["stderr", session.stderr],
        ["window/logMessage", session.logMessages.map((m) => m.message)],
        ["window/showMessage", session.messages.map((m) => m.message)],
        ["window/showMessageRequest", session.messageRequests.map((m) => [m.message, ...(m.actions ?? []).map((a) => a.title)])],
        // Stream deltas are the answer itself; every other progress field is text shown about the work.
        ["$/progress", session.progress.map((p) => ({ ...(p.value as object), delta: undefined }))],
        ["diagnostics", [...session.publishedDiagnostics.values()].flatMap((d) => d.diagnostics.map((x): unknown[] => [x.message, x.code, x.data]))],
        ["other notifications", session.otherNotifications],
        ["errors and hovers", this.shownTexts],
      ];
      for (const [place, values] of places) {
        const leaked = values.map((value) => (typeof value === "string" ? value : JSON.stringify(value) ?? "")).find((text) => canaryIn(text));
        assert.equal(leaked, undefined, `the canary patient appeared in ${place}`);
      }
      assert.deepEqual(filesWithCanary(this.root), [], "the canary patient was written to a file");
    } finally {
      rmSync(this.root, { recursive: true, force: true });
      await this.scripted?.close();
    }
  }
}
