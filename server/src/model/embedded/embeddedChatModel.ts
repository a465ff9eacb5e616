/**
 * The embedded MedGemma backend: llama.cpp in-process through node-llama-cpp, running the GGUF file named by
 * `medgemma.embedded.modelPath`.
 *
 * - The engine is imported and the model loaded lazily, once, on the first request; concurrent first requests share
 *   that load. `health()` never loads: it reads the file's header.
 * - Prompts are rendered with the file's own chat template (see `promptRenderer.ts`) after `normalizeConversation`.
 * - Concurrency: one context sequence and a first-in, first-out queue. One answer is generated at a time, with all
 *   the configured threads; a second sequence would split the same cores (oversubscribing the CPU case) and double
 *   the KV-cache memory, for no gain in a single writer's editor. A request cancelled while queued leaves at once.
 * - Consecutive requests reuse the sequence's cached prompt prefix (a chat's history, a shared system prompt),
 *   except seeded ones, which are evaluated from scratch so the same seed gives the same answer.
 */
import { stat } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Token } from "node-llama-cpp";
import type { MedGemmaSettings } from "../../../../common/settings";
import type { BackendError } from "../errors";
import type { ChatMessage, ChatModel, ChatRequest, HealthReport, StreamEvent } from "../types";
import { disposedError, loadFailedError, modelFileError, noModelPathError, wrongModelError } from "./embeddedErrors";
import { EngineLoadError, loadEngine, unloadEngine, type EngineOptions, type LoadedEngine } from "./engineLoader";
import { generateAnswer } from "./generation";
import { GgufHeaderError, readGgufHeader, type GgufHeader } from "./ggufHeader";
import { GemmaPromptRenderer, type NodeLlamaCppModule } from "./promptRenderer";
import { RequestQueue } from "./requestQueue";

export type EmbeddedChatModelOptions = EngineOptions;

/** What is loaded, for status displays and benchmarks. */
export interface EmbeddedEngineInfo {
  modelName: string;
  contextSize: number;
  trainContextSize: number;
  /** "cpu", or the GPU backend in use. */
  device: string;
  threads: number;
}

/** The prompt exactly as the engine sees it. */
export interface TokenizedPrompt {
  tokens: Token[];
  /** The tokens turned back into text, special tokens written out. */
  text: string;
}

/** How long `dispose()` waits for a running answer to notice the shutdown before freeing memory anyway. */
const DISPOSE_WAIT_MS = 5_000;

/** `~/models/x.gguf` means the home folder, as in a shell. */
function expandHome(path: string): string {
  return path === "~" || path.startsWith("~/") || path.startsWith("~\\") ? join(homedir(), path.slice(1)) : path;
}

function isGemma(architecture: string | undefined): boolean {
  return architecture !== undefined && architecture.startsWith("gemma");
}

export class EmbeddedChatModel implements ChatModel {
  readonly kind = "embedded";
  readonly target: string;
  private loaded: LoadedEngine | undefined;
  private loading: Promise<LoadedEngine> | undefined;
  private lastLoadError: BackendError | undefined;
  private headerCache: { key: string; header: GgufHeader } | undefined;
  /** Renders prompts before the model is loaded, from the template in the file's header. */
  private headerRenderer: { template: string; renderer: GemmaPromptRenderer } | undefined;
  private readonly queue = new RequestQueue();
  private readonly lifetime = new AbortController();
  private disposed = false;

  private readonly options: EmbeddedChatModelOptions;

  constructor(options: EmbeddedChatModelOptions) {
    this.options = { ...options, modelPath: expandHome(options.modelPath.trim()) };
    this.target = this.options.modelPath;
  }

  /** A client for the `medgemma.embedded` settings. */
  static fromSettings(settings: MedGemmaSettings["embedded"], extra: Pick<EngineOptions, "logger" | "importEngine"> = {}): EmbeddedChatModel {
    return new EmbeddedChatModel({ ...settings, ...extra });
  }

  /** Streams one answer; see `ChatModel.stream`. Never throws. */
  async *stream(request: ChatRequest, signal?: AbortSignal): AsyncIterable<StreamEvent> {
    const startedAt = performance.now();
    const cancelled = (): StreamEvent => ({
      type: "done",
      summary: { finishReason: "cancelled", timings: { totalMs: performance.now() - startedAt } },
    });
    const failed = (error: BackendError): StreamEvent => ({
      type: "done",
      summary: { finishReason: "error", error, timings: { totalMs: performance.now() - startedAt } },
    });
    if (signal?.aborted) {
      yield cancelled();
      return;
    }

    let loaded: LoadedEngine;
    try {
      loaded = await untilAborted(this.load(), signal);
    } catch (error) {
      yield signal?.aborted ? cancelled() : failed(this.asBackendError(error));
      return;
    }

    let release: () => void;
    try {
      release = await this.queue.acquire(signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal);
    } catch {
      yield this.disposed ? failed(disposedError(this.target)) : cancelled();
      return;
    }
    try {
      yield* generateAnswer(loaded, request, {
        modelPath: this.target,
        signal,
        shutdown: this.lifetime.signal,
        shutdownError: () => disposedError(this.target),
        startedAt,
      });
    } finally {
      release();
    }
  }

  /** Probes the model file without loading weights; see `ChatModel.health`. Never throws. */
  async health(): Promise<HealthReport> {
    const started = performance.now();
    const report = (fields: Omit<HealthReport, "latencyMs" | "models"> & { models?: HealthReport["models"] }): HealthReport => ({
      models: [],
      ...fields,
      latencyMs: performance.now() - started,
    });
    if (this.options.modelPath === "") return report({ state: "error", message: noModelPathError().message });
    if (this.disposed) return report({ state: "error", message: disposedError(this.target).message });

    const loaded = this.loaded;
    const loading = this.loading !== undefined;
    if (loaded) {
      return report({
        state: "ready",
        message: `${loaded.modelName} is loaded (${loaded.device === "cpu" ? `CPU, ${loaded.threads} thread${loaded.threads === 1 ? "" : "s"}` : loaded.device}); context ${loaded.contextSize} tokens.`,
        model: loaded.modelName,
        models: [{ id: loaded.modelName, contextLength: loaded.trainContextSize }],
        contextLength: loaded.contextSize,
      });
    }

    let header: GgufHeader;
    try {
      header = await this.header();
    } catch (error) {
      return report({ state: "error", message: this.asBackendError(error).message });
    }
    const name = header.name ?? basename(this.target);
    const problem = this.headerProblem(header);
    if (problem) return report({ state: "error", message: problem.message, model: name });
    const trained = header.contextLength;
    const contextLength = trained ? Math.min(this.options.contextSize, trained) : this.options.contextSize;
    const models = [{ id: name, contextLength: trained }];
    if (loading) {
      return report({ state: "loading", message: `Loading ${name}…`, model: name, models, contextLength });
    }
    if (this.lastLoadError) {
      return report({ state: "error", message: this.lastLoadError.message, model: name, models, contextLength });
    }
    return report({
      state: "ready",
      message: `${name} is ready; it loads on first use with a context of ${contextLength} tokens.`,
      model: name,
      models,
      contextLength,
    });
  }

  /** Aborts running answers, then frees the context, the model and the engine. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.lifetime.abort();
    await this.loading?.catch(() => undefined);
    // Waiting for the queue lets a running answer leave the engine before its memory is freed.
    let release: (() => void) | undefined;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), DISPOSE_WAIT_MS);
    try {
      release = await this.queue.acquire(timeout.signal);
    } catch {
      // an abandoned stream still holds the queue; free the memory anyway
    } finally {
      clearTimeout(timer);
    }
    const loaded = this.loaded;
    this.loaded = undefined;
    if (loaded) await unloadEngine(loaded);
    release?.();
  }

  /**
   * The prompt for `messages` as text, rendered with the file's chat template, special tokens written out. Reads
   * only the file's header (no weights), so a language server or benchmark can show or measure it cheaply.
   */
  async renderPrompt(messages: readonly ChatMessage[]): Promise<string> {
    const loaded = this.loaded;
    if (loaded) return loaded.renderer.renderText(messages, loaded.specials);
    const header = await this.header();
    const problem = this.headerProblem(header);
    if (problem) throw problem;
    const template = header.chatTemplate ?? "";
    if (this.headerRenderer?.template !== template) {
      const engine = await (this.options.importEngine ?? ((): Promise<NodeLlamaCppModule> => import("node-llama-cpp")))();
      this.headerRenderer = { template, renderer: new GemmaPromptRenderer(engine, template) };
    }
    return this.headerRenderer.renderer.renderText(messages, {
      bos: header.bosToken ?? "<bos>",
      eos: header.eosToken ?? "<eos>",
      eot: "<end_of_turn>",
    });
  }

  /** The prompt for `messages` tokenized as generation will see it (loads the model). */
  async tokenizePrompt(messages: readonly ChatMessage[]): Promise<TokenizedPrompt> {
    const loaded = await this.load();
    const tokens = loaded.renderer.render(messages).tokenize(loaded.model.tokenizer);
    return { tokens, text: loaded.model.detokenize(tokens, true) };
  }

  /** Loads the model now (for a "load model" command or a benchmark's warm-up). Throws `BackendError`. */
  async preload(): Promise<EmbeddedEngineInfo> {
    try {
      const loaded = await this.load();
      return {
        modelName: loaded.modelName,
        contextSize: loaded.contextSize,
        trainContextSize: loaded.trainContextSize,
        device: loaded.device,
        threads: loaded.threads,
      };
    } catch (error) {
      throw this.asBackendError(error);
    }
  }

  /** What is loaded, or undefined before the first load. */
  get engineInfo(): EmbeddedEngineInfo | undefined {
    const loaded = this.loaded;
    return loaded
      ? { modelName: loaded.modelName, contextSize: loaded.contextSize, trainContextSize: loaded.trainContextSize, device: loaded.device, threads: loaded.threads }
      : undefined;
  }

  private load(): Promise<LoadedEngine> {
    if (this.disposed) return Promise.reject(new EngineLoadError(disposedError(this.target)));
    if (this.loaded) return Promise.resolve(this.loaded);
    this.loading ??= this.startLoad()
      .then(async (loaded) => {
        if (this.disposed) {
          await unloadEngine(loaded);
          throw new EngineLoadError(disposedError(this.target));
        }
        this.loaded = loaded;
        this.lastLoadError = undefined;
        return loaded;
      })
      .catch((error: unknown) => {
        this.lastLoadError = this.asBackendError(error);
        throw error;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }

  private async startLoad(): Promise<LoadedEngine> {
    if (this.options.modelPath === "") throw new EngineLoadError(noModelPathError());
    const header = await this.header();
    const problem = this.headerProblem(header);
    if (problem) throw new EngineLoadError(problem);
    return loadEngine(this.options, header.name ?? basename(this.target));
  }

  /** The file's header, cached while its size and modification time stay the same. */
  private async header(): Promise<GgufHeader> {
    if (this.options.modelPath === "") throw new EngineLoadError(noModelPathError());
    try {
      const info = await stat(this.target).catch(() => undefined);
      const key = info ? `${info.size}:${info.mtimeMs}` : "";
      if (key !== "" && this.headerCache?.key === key) return this.headerCache.header;
      const header = await readGgufHeader(this.target);
      if (key !== "") this.headerCache = { key, header };
      return header;
    } catch (error) {
      if (error instanceof GgufHeaderError) throw new EngineLoadError(modelFileError(this.target, error));
      throw error;
    }
  }

  private headerProblem(header: GgufHeader): BackendError | undefined {
    if (!isGemma(header.architecture)) {
      const what = header.architecture ? `is a ${header.architecture} model` : "names no model architecture";
      return wrongModelError(this.target, `${what}, not MedGemma (Gemma 3)`);
    }
    if (!header.chatTemplate) return wrongModelError(this.target, "carries no chat template");
    return undefined;
  }

  private asBackendError(error: unknown): BackendError {
    if (error instanceof EngineLoadError) return error.backendError;
    return loadFailedError(this.target, error, this.options.contextSize);
  }
}

/** Resolves with `promise`, or rejects as soon as `signal` fires (the promise itself runs on, shared). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException("The request was cancelled", "AbortError"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
