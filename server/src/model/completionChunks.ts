/**
 * Interprets the events of an OpenAI-compatible `chat/completions` stream as sent by vLLM, llama.cpp, Ollama,
 * LM Studio, SGLang and TGI: text deltas (content may be null or "" and the role may repeat), reasoning fields,
 * the finish reason, a usage-only chunk, llama.cpp's timings, `[DONE]`, and errors in the stream.
 */
import type { BackendError } from "./errors";
import { protocolError, streamedError } from "./errors";
import type { SseEvent } from "./sse";
import type { CompletionSummary, GenerationTimings, TokenUsage } from "./types";

export type ChunkOutput = { type: "text"; text: string } | { type: "reasoning"; text: string };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function readUsage(value: unknown): TokenUsage | undefined {
  if (!isRecord(value)) return undefined;
  const promptTokens = numberOr(value.prompt_tokens);
  const completionTokens = numberOr(value.completion_tokens);
  if (promptTokens === undefined || completionTokens === undefined) return undefined;
  const details = value.prompt_tokens_details;
  const cachedTokens = isRecord(details) ? numberOr(details.cached_tokens) : undefined;
  return cachedTokens === undefined ? { promptTokens, completionTokens } : { promptTokens, completionTokens, cachedTokens };
}

function readTimings(value: unknown): GenerationTimings | undefined {
  if (!isRecord(value)) return undefined;
  const timings: GenerationTimings = {};
  const prompt = numberOr(value.prompt_per_second);
  const predicted = numberOr(value.predicted_per_second);
  if (prompt !== undefined) timings.promptPerSecond = prompt;
  if (predicted !== undefined) timings.predictedPerSecond = predicted;
  return prompt === undefined && predicted === undefined ? undefined : timings;
}

export class CompletionChunkReader {
  private finishReason: "stop" | "length" | undefined;
  private usage: TokenUsage | undefined;
  private timings: GenerationTimings | undefined;
  private model: string | undefined;
  private sawDone = false;
  private error: BackendError | undefined;

  constructor(private readonly endpoint: string) {}

  /** True once `[DONE]` or an error has been seen: nothing after it matters. */
  get finished(): boolean {
    return this.sawDone || this.error !== undefined;
  }

  /** Turns one SSE event into text and reasoning outputs. */
  read(event: SseEvent): ChunkOutput[] {
    if (this.finished) return [];
    if (event.error !== undefined) {
      this.error = streamedError(this.endpoint, this.parseLegacyError(event.error));
      return [];
    }
    const data = event.data?.trim();
    if (data === undefined || data === "") return [];
    if (data === "[DONE]") {
      this.sawDone = true;
      return [];
    }
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch {
      this.error = protocolError(this.endpoint, "the server sent a line that is not valid JSON");
      return [];
    }
    if (!isRecord(chunk)) {
      this.error = protocolError(this.endpoint, "the server sent an event that is not a JSON object");
      return [];
    }
    if (chunk.error !== undefined && chunk.error !== null) {
      this.error = streamedError(this.endpoint, this.errorBodyOf(chunk));
      return [];
    }
    if (typeof chunk.model === "string" && chunk.model !== "") this.model = chunk.model;
    this.usage = readUsage(chunk.usage) ?? this.usage;
    this.timings = readTimings(chunk.timings) ?? this.timings;

    const outputs: ChunkOutput[] = [];
    const choices = Array.isArray(chunk.choices) ? (chunk.choices as unknown[]) : [];
    const choice = choices[0];
    if (!isRecord(choice)) return outputs;
    const delta = isRecord(choice.delta) ? choice.delta : isRecord(choice.message) ? choice.message : undefined;
    if (delta) {
      const reasoning = typeof delta.reasoning_content === "string" ? delta.reasoning_content : delta.reasoning;
      if (typeof reasoning === "string" && reasoning !== "") outputs.push({ type: "reasoning", text: reasoning });
      if (typeof delta.content === "string" && delta.content !== "") outputs.push({ type: "text", text: delta.content });
    } else if (typeof choice.text === "string" && choice.text !== "") {
      outputs.push({ type: "text", text: choice.text });
    }
    if (typeof choice.finish_reason === "string" && choice.finish_reason !== "") {
      this.finishReason = choice.finish_reason === "length" ? "length" : "stop";
    }
    return outputs;
  }

  /** The final record once the body has ended (or `[DONE]` arrived). */
  summary(): CompletionSummary {
    const base: CompletionSummary = { finishReason: "error" };
    if (this.usage) base.usage = this.usage;
    if (this.timings) base.timings = this.timings;
    if (this.model) base.model = this.model;
    if (this.error) return { ...base, error: this.error };
    if (!this.sawDone) {
      return {
        ...base,
        error: protocolError(this.endpoint, this.finishReason ? "the stream closed before its end marker [DONE]" : "the stream closed before the answer was complete"),
      };
    }
    if (!this.finishReason) {
      return { ...base, error: protocolError(this.endpoint, "the stream ended without saying why it stopped (no finish reason)") };
    }
    return { ...base, finishReason: this.finishReason };
  }

  private errorBodyOf(chunk: Json): { message?: string; type?: string; code?: string | number } {
    const error = chunk.error;
    if (typeof error === "string") {
      return { message: error, type: typeof chunk.error_type === "string" ? chunk.error_type : undefined };
    }
    if (isRecord(error)) {
      return {
        message: typeof error.message === "string" ? error.message : undefined,
        type: typeof error.type === "string" ? error.type : undefined,
        code: typeof error.code === "string" || typeof error.code === "number" ? error.code : undefined,
      };
    }
    return {};
  }

  private parseLegacyError(text: string): { message?: string; type?: string; code?: string | number } {
    try {
      const parsed: unknown = JSON.parse(text);
      if (isRecord(parsed)) return this.errorBodyOf(isRecord(parsed.error) || typeof parsed.error === "string" ? parsed : { error: parsed });
    } catch {
      // Plain text after `error:` is the message itself.
    }
    return { message: text };
  }
}
