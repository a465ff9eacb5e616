/**
 * An in-process ChatModel for unit tests of pure features: it answers with a function of the request, streams the
 * answer in pieces, records every request, and honours aborts. Protocol and engine behaviour are tested against
 * the real engine and the scripted HTTP server; this only lets feature logic be tested without either.
 */
import type { ChatModel, ChatRequest, CompletionSummary, HealthReport, StreamEvent } from "../../server/src/model/types";
import { BackendError } from "../../server/src/model/errors";

export interface ScriptedModelOptions {
  answer?: (request: ChatRequest) => string | BackendError;
  /** Split the answer into pieces of this many characters. */
  pieceSize?: number;
  /** Wait this long before each piece. */
  delayMs?: number;
  finishReason?: CompletionSummary["finishReason"];
}

export class ScriptedModel implements ChatModel {
  readonly kind = "remote";
  readonly target = "scripted";
  readonly requests: ChatRequest[] = [];
  aborted = 0;

  constructor(private readonly options: ScriptedModelOptions = {}) {}

  async *stream(request: ChatRequest, signal?: AbortSignal): AsyncGenerator<StreamEvent> {
    this.requests.push(request);
    const answer = this.options.answer?.(request) ?? "An answer.";
    if (answer instanceof BackendError) {
      yield { type: "done", summary: { finishReason: "error", error: answer } };
      return;
    }
    const size = this.options.pieceSize ?? 4;
    for (let i = 0; i < answer.length; i += size) {
      if (this.options.delayMs) await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
      if (signal?.aborted) {
        this.aborted++;
        yield { type: "done", summary: { finishReason: "cancelled" } };
        return;
      }
      yield { type: "text", text: answer.slice(i, i + size) };
    }
    yield { type: "done", summary: { finishReason: this.options.finishReason ?? "stop", usage: { promptTokens: 10, completionTokens: 5 } } };
  }

  health(): Promise<HealthReport> {
    return Promise.resolve({ state: "ready", message: "ready", models: [{ id: "scripted" }], model: "scripted", latencyMs: 1 });
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }

  /** The text of the last user message of request `index`. */
  userText(index: number): string {
    return this.requests[index]?.messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  }
}
