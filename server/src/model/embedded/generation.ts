/**
 * One streamed answer from a loaded engine: render and tokenize the prompt, reuse the sequence's cached prefix,
 * evaluate the rest in slices (so a cancel is noticed during a long prompt too), then sample token by token,
 * stopping at end of turn, a stop string, the token limit, or the abort signal, whichever comes first.
 */
import { performance } from "node:perf_hooks";
import type { Token } from "node-llama-cpp";
import type { BackendError } from "../errors";
import { withGemmaStop } from "../gemmaConversation";
import { ThinkingFilter } from "../thinkingFilter";
import type { ChatRequest, CompletionFinishReason, GenerationTimings, StreamEvent, TokenUsage } from "../types";
import { contextTooLongError, emptyRequestError, generationFailedError } from "./embeddedErrors";
import type { LoadedEngine } from "./engineLoader";
import { StopStringScanner } from "./stopStrings";

/** Sampling defaults when a request leaves them out: llama.cpp server's, so both backends behave alike. */
export const SAMPLING_DEFAULTS = { temperature: 0.8, topP: 0.95, topK: 40, minP: 0.05 } as const;

/** Prompt tokens evaluated per slice; the abort signal is checked between slices. */
const PROMPT_SLICE = 256;
/** A token that ends inside a multi-byte character waits for at most this many more tokens. */
const MAX_PENDING_TOKENS = 4;
const REPLACEMENT_CHARACTER = "\uFFFD";

export interface GenerationControl {
  modelPath: string;
  /** Fires when the caller cancels; the answer ends with `cancelled`. */
  signal?: AbortSignal;
  /** Fires when the client is disposed; the answer ends with an error. */
  shutdown: AbortSignal;
  shutdownError: () => BackendError;
  /** `performance.now()` when the request arrived, for first-token timing. */
  startedAt: number;
}

/** Streams the answer to `request`; always ends with exactly one `done` event, never throws. */
export async function* generateAnswer(loaded: LoadedEngine, request: ChatRequest, control: GenerationControl): AsyncGenerator<StreamEvent> {
  const { model, sequence, renderer } = loaded;
  const options = request.options ?? {};
  const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  const timings: GenerationTimings = {};
  const done = (finishReason: CompletionFinishReason, error?: BackendError): StreamEvent => {
    timings.totalMs = performance.now() - control.startedAt;
    return { type: "done", summary: { finishReason, usage, timings, model: loaded.modelName, ...(error ? { error } : {}) } };
  };
  const interrupted = (): StreamEvent | undefined => {
    if (control.shutdown.aborted) return done("error", control.shutdownError());
    if (control.signal?.aborted) return done("cancelled");
    return undefined;
  };

  if (!request.messages.some((message) => message.role === "user" && message.content.trim() !== "")) {
    yield done("error", emptyRequestError(control.modelPath));
    return;
  }

  let evaluation: AsyncGenerator<Token, void, void | Token | Token[]> | undefined;
  try {
    const tokens = renderer.render(request.messages).tokenize(model.tokenizer);
    usage.promptTokens = tokens.length;
    const room = loaded.contextSize - tokens.length;
    if (room < 1) {
      yield done("error", contextTooLongError(control.modelPath, tokens.length, loaded.contextSize, loaded.trainContextSize));
      return;
    }
    const maxTokens = Math.max(1, Math.min(options.maxTokens ?? room, room));

    // A seeded request is evaluated from scratch: batch shapes change float rounding, and a seed promises the same answer.
    if (options.seed === undefined) await sequence.adaptStateToTokens(tokens.slice(0, -1), false);
    else await sequence.clearHistory();
    const cached = sequence.nextTokenIndex;
    if (cached > 0) usage.cachedTokens = cached;

    const promptStart = performance.now();
    let rest = tokens.slice(cached);
    while (rest.length > PROMPT_SLICE + 1) {
      await sequence.evaluateWithoutGeneratingNewTokens(rest.slice(0, PROMPT_SLICE));
      rest = rest.slice(PROMPT_SLICE);
      const stop = interrupted();
      if (stop) {
        yield stop;
        return;
      }
    }

    const stops = new StopStringScanner(withGemmaStop(options));
    const thinking = new ThinkingFilter();
    const generated: Token[] = [];
    const pending: Token[] = [];
    let firstTokenAt: number | undefined;
    let lastTokenAt = promptStart;
    let finish: CompletionFinishReason | undefined;

    const emit = function* (text: string): Generator<StreamEvent> {
      const { visible, reasoning } = thinking.push(text);
      if ((visible !== "" || reasoning !== "") && timings.firstTokenMs === undefined) {
        timings.firstTokenMs = performance.now() - control.startedAt;
      }
      if (reasoning !== "") yield { type: "reasoning", text: reasoning };
      if (visible !== "") yield { type: "text", text: visible };
    };

    evaluation = sequence.evaluate(rest, {
      temperature: options.temperature ?? SAMPLING_DEFAULTS.temperature,
      topP: options.topP ?? SAMPLING_DEFAULTS.topP,
      topK: SAMPLING_DEFAULTS.topK,
      minP: SAMPLING_DEFAULTS.minP,
      seed: options.seed,
      yieldEogToken: true,
    });
    for await (const token of evaluation) {
      const now = performance.now();
      firstTokenAt ??= now;
      lastTokenAt = now;
      const stop = interrupted();
      if (stop) {
        yield stop;
        return;
      }
      if (model.isEogToken(token)) {
        finish = "stop";
        break;
      }
      usage.completionTokens++;
      pending.push(token);
      // Special tokens are rendered as text so `<end_of_turn>` matches as a stop string even where the file does
      // not mark it as end of generation, and MedGemma's thinking markers reach the thinking filter.
      const text = model.detokenize(pending, true, generated);
      const limitReached = usage.completionTokens >= maxTokens;
      if (text.endsWith(REPLACEMENT_CHARACTER) && pending.length < MAX_PENDING_TOKENS && !limitReached) continue;
      generated.push(...pending);
      pending.length = 0;
      const scan = stops.push(text);
      yield* emit(scan.text);
      if (scan.stopped) {
        finish = "stop";
        break;
      }
      if (limitReached) {
        finish = "length";
        break;
      }
    }
    // The evaluation ends without a token only when the context is full.
    finish ??= "length";
    if (pending.length > 0) yield* emit(stops.push(model.detokenize(pending, true, generated)).text);
    yield* emit(stops.flush());
    const tail = thinking.flush();
    if (tail.reasoning !== "") yield { type: "reasoning", text: tail.reasoning };
    if (tail.visible !== "") yield { type: "text", text: tail.visible };

    if (firstTokenAt !== undefined) {
      const promptSeconds = (firstTokenAt - promptStart) / 1000;
      if (promptSeconds > 0) timings.promptPerSecond = (tokens.length - cached) / promptSeconds;
      const generationSeconds = (lastTokenAt - firstTokenAt) / 1000;
      if (usage.completionTokens > 1 && generationSeconds > 0) {
        timings.predictedPerSecond = (usage.completionTokens - 1) / generationSeconds;
      }
    }
    yield done(finish);
  } catch (error) {
    yield interrupted() ?? done("error", generationFailedError(control.modelPath, error));
  } finally {
    // Stops the engine's evaluation loop right here, so nothing runs on in the background.
    await evaluation?.return();
  }
}
