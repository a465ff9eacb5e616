/**
 * Runs the chat: starts and stops asks, streams answers to the webview, keeps the conversation and saves it when
 * the writer allows. It knows nothing of VS Code beyond types, so it is tested in plain Node; the view provider
 * wires it to the real webview, settings and storage.
 */
import type * as vscode from "vscode";
import type { GenerationResult, StreamProgress } from "../../../common/protocol";
import { Limits } from "../../../common/webviewProtocol";
import type { HostMessage, NoticeLevel } from "../../../common/webviewProtocol";
import type { ChatAskParams, ChatTransport } from "./chatTransport";
import { Conversation, toExchangeView } from "./conversation";
import type { AskContext, Exchange } from "./conversation";
import { DEFAULT_COALESCE_MS, DeltaCoalescer, startNodeTimer } from "./deltaCoalescer";
import type { StartTimer } from "./deltaCoalescer";
import { deserializeConversation, serializeConversation } from "./storedConversation";

/** The part of `vscode.LogOutputChannel` the chat uses. It only ever receives events and counts. */
export interface ChatLogger {
  info(message: string): void;
  warn(message: string): void;
}

/** A cancellation source: the provider makes real `vscode.CancellationTokenSource`s, tests make simple ones. */
export interface CancellationHandle {
  readonly token: vscode.CancellationToken;
  cancel(): void;
  dispose(): void;
}

/** Where a conversation is kept when `medgemma.chat.saveHistory` is on; writing undefined deletes it. */
export interface ConversationStorage {
  read(): unknown;
  write(value: unknown): PromiseLike<void>;
}

/** What the rest of the extension may want to know about the panel, e.g. for a context key. */
export interface ChatPanelState {
  busy: boolean;
  exchanges: number;
}

export interface ChatControllerOptions {
  transport: ChatTransport;
  logger: ChatLogger;
  storage: ConversationStorage;
  /** Reads `medgemma.chat.saveHistory` at the moment it is called. */
  saveHistory: () => boolean;
  createCancellation: () => CancellationHandle;
  coalesceMs?: number;
  startTimer?: StartTimer;
  now?: () => number;
}

/** Why `send` did or did not start an ask. */
export type SendOutcome = "started" | "empty" | "tooLong" | "busy";

interface ActiveAsk {
  exchange: Exchange;
  cancellation: CancellationHandle;
  coalescer: DeltaCoalescer;
}

const RETRYABLE: readonly string[] = ["truncated", "cancelled", "error"];
const FALLBACK_ERROR = "MedGemma could not answer. The MedGemma output channel has details.";

export class ChatController {
  private readonly conversation = new Conversation();
  private post: (message: HostMessage) => void = () => undefined;
  private active: ActiveAsk | undefined;
  private readonly listeners = new Set<(state: ChatPanelState) => void>();
  private readonly now: () => number;

  constructor(private readonly options: ChatControllerOptions) {
    this.now = options.now ?? Date.now;
    this.restore();
  }

  /** Sends every later message to `post` (the webview), or nowhere when `post` is undefined. */
  connect(post: ((message: HostMessage) => void) | undefined): void {
    this.post = post ?? (() => undefined);
  }

  /** A full snapshot for a webview that has just loaded. Text not yet streamed to it is part of the snapshot. */
  snapshotMessage(): HostMessage {
    this.active?.coalescer.discard();
    return { type: "state", snapshot: this.conversation.snapshot() };
  }

  get state(): ChatPanelState {
    return { busy: this.active !== undefined, exchanges: this.conversation.exchanges.length };
  }

  /** Calls `listener` whenever `state` may have changed. */
  onDidChangeState(listener: (state: ChatPanelState) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Asks `question` with the current attachment, unless an answer is still streaming. */
  send(question: string): SendOutcome {
    const text = question.trim();
    if (text === "") return "empty";
    if (text.length > Limits.questionChars) {
      this.notify(`The question is too long (over ${Limits.questionChars.toLocaleString("en-US")} characters). Attach the text as a selection instead.`, "warning");
      return "tooLong";
    }
    if (this.active) {
      this.notify("MedGemma is still answering. Press Stop or wait for the answer, then send again.", "warning");
      return "busy";
    }
    const exchange = this.conversation.add(text, this.conversation.attachment);
    this.conversation.draft = "";
    this.start(exchange);
    return "started";
  }

  /** Asks a truncated, stopped or failed question again, in place. */
  retry(id: string): void {
    const exchange = this.conversation.find(id);
    if (!exchange || !RETRYABLE.includes(exchange.state)) return;
    if (this.active) {
      this.notify("MedGemma is still answering. Press Stop or wait for the answer, then retry.", "warning");
      return;
    }
    this.conversation.reset(exchange);
    this.start(exchange);
  }

  /** Stops the streaming answer: the request is cancelled on the server and the answer so far is kept. */
  stop(): void {
    const active = this.active;
    if (!active) return;
    this.options.logger.info(`Chat: stopped by the writer after ${active.exchange.answer.length} characters.`);
    this.detach(active);
    active.exchange.state = "cancelled";
    delete active.exchange.status;
    this.post({ type: "exchange", exchange: toExchangeView(active.exchange) });
    this.persist();
    this.emitState();
  }

  /** Cancels any answer, forgets the conversation and the attachment, and deletes a saved copy. */
  newConversation(): void {
    if (this.active) this.detach(this.active);
    this.conversation.clear();
    this.post(this.snapshotMessage());
    this.write(undefined);
    this.options.logger.info("Chat: new conversation.");
    this.emitState();
  }

  /** Attaches a selection to the next questions, or removes the attachment. */
  setAttachment(context: AskContext | undefined): void {
    this.conversation.attachment = context;
    this.post({ type: "attachment", attachment: context ? { ...context.view } : null });
  }

  get attachment(): AskContext | undefined {
    return this.conversation.attachment;
  }

  setDraft(text: string): void {
    this.conversation.draft = text;
  }

  /** The answer of a finished exchange, for Copy and Insert; undefined while it streams or if it is empty. */
  answerOf(id: string): string | undefined {
    const exchange = this.conversation.find(id);
    if (!exchange || exchange.state === "streaming" || exchange.answer === "") return undefined;
    return exchange.answer;
  }

  /** Shows a short message in the panel. */
  notify(text: string, level: NoticeLevel = "info"): void {
    this.post({ type: "notice", text: text.slice(0, Limits.messageChars), level });
  }

  /** Call when `medgemma.chat.saveHistory` changed: saves the conversation now, or deletes the saved copy. */
  saveHistoryChanged(): void {
    if (this.options.saveHistory()) this.persist();
    else this.write(undefined);
  }

  dispose(): void {
    if (this.active) this.detach(this.active);
    this.listeners.clear();
    this.connect(undefined);
  }

  private start(exchange: Exchange): void {
    const { coalesceMs = DEFAULT_COALESCE_MS, startTimer = startNodeTimer } = this.options;
    const coalescer = new DeltaCoalescer((offset, text) => this.post({ type: "delta", id: exchange.id, offset, text }), coalesceMs, startTimer);
    const active: ActiveAsk = { exchange, cancellation: this.options.createCancellation(), coalescer };
    this.active = active;
    this.post({ type: "exchange", exchange: toExchangeView(exchange) });
    this.emitState();
    void this.run(active);
  }

  private async run(active: ActiveAsk): Promise<void> {
    const { exchange, cancellation } = active;
    const history = this.conversation.historyBefore(exchange.id);
    const params: ChatAskParams = { question: exchange.question, history };
    if (exchange.context) {
      params.textDocument = { uri: exchange.context.uri };
      params.range = exchange.context.range;
    }
    const started = this.now();
    let updates = 0;
    this.options.logger.info(`Chat: ask started (${history.length} earlier turns, ${exchange.context ? "a selection" : "no selection"} attached).`);
    try {
      const result = await this.options.transport.ask(
        params,
        (progress) => {
          if (this.active !== active) return;
          updates++;
          this.onProgress(active, progress);
        },
        cancellation.token,
      );
      if (this.active !== active) return;
      this.finish(active, result);
      this.options.logger.info(
        `Chat: answer finished (${exchange.state}, ${exchange.answer.length} characters, ${updates} updates, ${this.now() - started} ms).`,
      );
    } catch (error: unknown) {
      if (this.active !== active) return;
      this.fail(active, error);
      this.options.logger.warn(`Chat: ask failed (${error instanceof Error ? error.name : typeof error}) after ${this.now() - started} ms.`);
    } finally {
      cancellation.dispose();
    }
  }

  private onProgress(active: ActiveAsk, progress: StreamProgress): void {
    const { exchange, coalescer } = active;
    let changed = false;
    const total = progress.redactions?.total;
    if (typeof total === "number" && Number.isInteger(total) && total > 0 && exchange.redactions === undefined) {
      exchange.redactions = total;
      changed = true;
    }
    if (typeof progress.status === "string" && progress.status !== "" && progress.status !== exchange.status) {
      exchange.status = progress.status.slice(0, Limits.labelChars);
      changed = true;
    }
    if (typeof progress.delta === "string" && progress.delta !== "") {
      const room = Math.max(0, Limits.answerChars - exchange.answer.length);
      const text = progress.delta.slice(0, room);
      const offset = exchange.answer.length;
      exchange.answer += text;
      if (!changed) coalescer.push(offset, text);
    }
    if (changed) {
      // The exchange message carries the whole answer, including text the coalescer still holds.
      coalescer.discard();
      this.post({ type: "exchange", exchange: toExchangeView(exchange) });
    }
  }

  private finish(active: ActiveAsk, result: GenerationResult): void {
    const { exchange, cancellation } = active;
    const cancelled = cancellation.token.isCancellationRequested || result.finishReason === "cancelled";
    this.detach(active, false);
    if (typeof result.text === "string" && result.text !== "") exchange.answer = result.text.slice(0, Limits.answerChars);
    const total = result.redactions?.total;
    if (exchange.redactions === undefined && typeof total === "number" && Number.isInteger(total) && total > 0) exchange.redactions = total;
    delete exchange.status;
    if (cancelled) exchange.state = "cancelled";
    else if (result.finishReason === "length") exchange.state = "truncated";
    else if (result.finishReason === "stop") exchange.state = "done";
    else {
      exchange.state = "error";
      exchange.error = "MedGemma stopped before finishing the answer.";
    }
    this.settle(exchange);
  }

  private fail(active: ActiveAsk, error: unknown): void {
    const { exchange, cancellation } = active;
    const cancelled = cancellation.token.isCancellationRequested;
    this.detach(active, false);
    delete exchange.status;
    if (cancelled) {
      exchange.state = "cancelled";
    } else {
      exchange.state = "error";
      const message = error instanceof Error ? error.message.trim() : "";
      exchange.error = message === "" ? FALLBACK_ERROR : message.slice(0, Limits.messageChars);
    }
    this.settle(exchange);
  }

  private settle(exchange: Exchange): void {
    this.post({ type: "exchange", exchange: toExchangeView(exchange) });
    this.persist();
    this.emitState();
  }

  /** Stops listening to an ask (a late result or progress is then ignored), cancelling it if it still runs. */
  private detach(active: ActiveAsk, cancel = true): void {
    if (cancel) active.cancellation.cancel();
    active.coalescer.dispose();
    if (this.active === active) this.active = undefined;
  }

  private restore(): void {
    if (!this.options.saveHistory()) return;
    const stored = this.options.storage.read();
    if (stored === undefined) return;
    const exchanges = deserializeConversation(stored);
    if (!exchanges) {
      this.options.logger.warn("Chat: the saved conversation could not be read and was discarded.");
      this.write(undefined);
      return;
    }
    this.conversation.restore(exchanges);
    this.options.logger.info(`Chat: restored ${exchanges.length} saved exchanges.`);
  }

  private persist(): void {
    if (!this.options.saveHistory()) return;
    this.write(serializeConversation(this.conversation.exchanges));
  }

  private write(value: unknown): void {
    void Promise.resolve(this.options.storage.write(value)).catch(() => {
      this.options.logger.warn("Chat: could not update the saved conversation.");
    });
  }

  private emitState(): void {
    const state = this.state;
    for (const listener of this.listeners) listener(state);
  }
}
