/**
 * The one interface every MedGemma backend implements: streamed chat completion plus a health probe.
 * Features depend on this file only, never on a concrete client.
 */
import type { BackendError } from "./errors";

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface GenerationOptions {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  /** Extra stop strings; `<end_of_turn>` is always added for Gemma. */
  stop?: string[];
  seed?: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  options?: GenerationOptions;
}

/** Why a generation ended. `error` carries a `BackendError` in the final record. */
export type CompletionFinishReason = "stop" | "length" | "cancelled" | "error";

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens served from the backend's prefix cache, when it says so. */
  cachedTokens?: number;
}

export interface GenerationTimings {
  /** Prompt processing speed, tokens per second. */
  promptPerSecond?: number;
  /** Generation speed, tokens per second. */
  predictedPerSecond?: number;
  /** Milliseconds from sending the request to the first text. */
  firstTokenMs?: number;
  totalMs?: number;
}

export interface CompletionSummary {
  finishReason: CompletionFinishReason;
  usage?: TokenUsage;
  timings?: GenerationTimings;
  /** The model that answered, when the backend names it. */
  model?: string;
  /** Set exactly when `finishReason` is `error`. */
  error?: BackendError;
}

/**
 * A streamed event: visible answer text, hidden reasoning (thinking output), or the single final record that ends
 * every stream. Consumers never need try/catch: failures arrive as a final record with `finishReason: "error"`.
 */
export type StreamEvent =
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "done"; summary: CompletionSummary };

export type HealthState = "ready" | "loading" | "unreachable" | "unauthorized" | "error";

export interface ModelInfo {
  id: string;
  /** Context window in tokens when the server reports it (vLLM's `max_model_len`, llama.cpp's `n_ctx`). */
  contextLength?: number;
}

export interface HealthReport {
  state: HealthState;
  /** A sentence for the writer: why it is not ready, or what is ready. */
  message: string;
  /** The model that requests will use. */
  model?: string;
  models: ModelInfo[];
  contextLength?: number;
  latencyMs: number;
}

/** A streamed chat-completion backend: the OpenAI-compatible HTTP client or the embedded engine. */
export interface ChatModel {
  readonly kind: "remote" | "embedded";
  /** Where requests go, for status display: a URL or a model file path. */
  readonly target: string;
  /**
   * Streams one completion. Always ends with exactly one `done` event; aborting `signal` stops generation
   * (the HTTP connection is closed, or the engine stops) and ends the stream with `cancelled`.
   */
  stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<StreamEvent>;
  /** Probes the backend without generating. Never throws. */
  health(signal?: AbortSignal): Promise<HealthReport>;
  /** Frees connections, models and native memory. */
  dispose(): Promise<void>;
}
