/**
 * Starts the embedded engine: imports node-llama-cpp lazily (it is ESM-only, native, and must stay outside the
 * bundle), picks the prebuilt binary for the GPU setting without ever compiling, loads the GGUF file and creates a
 * context with one sequence. Every failure becomes a `BackendError` a writer can act on.
 */
import type { Llama, LlamaContext, LlamaContextSequence, LlamaLogLevel, LlamaModel, Token } from "node-llama-cpp";
import type { GpuSetting } from "../../../../common/settings";
import type { BackendError } from "../errors";
import { engineUnavailableError, loadFailedError, wrongModelError } from "./embeddedErrors";
import { GemmaPromptRenderer, type NodeLlamaCppModule, type SpecialTokenTexts } from "./promptRenderer";

/** Receives the engine's own log lines (warnings and errors); never stdout, which may carry the LSP stream. */
export type EngineLogger = (level: "error" | "warn" | "info", message: string) => void;

export interface EngineOptions {
  modelPath: string;
  gpu: GpuSetting;
  /** CPU threads; 0 uses the cores the engine counts as useful for math. */
  threads: number;
  /** Requested context; capped by the model's training context. */
  contextSize: number;
  logger?: EngineLogger;
  /** How node-llama-cpp is imported; tests replace it to simulate a machine where it cannot load. */
  importEngine?: () => Promise<NodeLlamaCppModule>;
}

/** A loaded model, ready to generate. */
export interface LoadedEngine {
  engine: NodeLlamaCppModule;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  renderer: GemmaPromptRenderer;
  specials: SpecialTokenTexts;
  contextSize: number;
  trainContextSize: number;
  /** `general.name`, or the file name. */
  modelName: string;
  /** "cpu", or the GPU backend in use. */
  device: string;
  threads: number;
}

/** Thrown by `loadEngine`: carries the writer-facing error. */
export class EngineLoadError extends Error {
  constructor(readonly backendError: BackendError) {
    super(backendError.message, { cause: backendError });
    this.name = "EngineLoadError";
  }
}

const defaultImport = (): Promise<NodeLlamaCppModule> => import("node-llama-cpp");

function gpuOption(gpu: GpuSetting): "auto" | false | "cuda" | "metal" | "vulkan" {
  return gpu === "off" ? false : gpu;
}

function logLevelName(engine: NodeLlamaCppModule, level: LlamaLogLevel): "error" | "warn" | "info" {
  if (level === engine.LlamaLogLevel.error || level === engine.LlamaLogLevel.fatal) return "error";
  return level === engine.LlamaLogLevel.warn ? "warn" : "info";
}

async function disposeQuietly(resource: { dispose(): Promise<void> } | undefined): Promise<void> {
  try {
    await resource?.dispose();
  } catch {
    // already failing; the first error is the one to report
  }
}

/** Loads the engine and model for `options`. Throws `EngineLoadError`. */
export async function loadEngine(options: EngineOptions, modelName: string): Promise<LoadedEngine> {
  let engine: NodeLlamaCppModule;
  try {
    engine = await (options.importEngine ?? defaultImport)();
  } catch (error) {
    throw new EngineLoadError(engineUnavailableError(error, options.gpu));
  }

  let llama: Llama;
  try {
    llama = await engine.getLlama({
      gpu: gpuOption(options.gpu),
      build: "never",
      skipDownload: true,
      progressLogs: false,
      logLevel: engine.LlamaLogLevel.warn,
      logger: (level, message) => {
        const text = message.trim();
        if (text !== "") options.logger?.(logLevelName(engine, level), text);
      },
    });
  } catch (error) {
    throw new EngineLoadError(engineUnavailableError(error, options.gpu));
  }

  let model: LlamaModel | undefined;
  let context: LlamaContext | undefined;
  const threads = options.threads > 0 ? options.threads : Math.max(1, llama.cpuMathCores);
  let contextSize = options.contextSize;
  try {
    model = await llama.loadModel({ modelPath: options.modelPath });
    const template = model.fileInfo.metadata.tokenizer?.chat_template;
    if (typeof template !== "string" || template.trim() === "") {
      throw new EngineLoadError(wrongModelError(options.modelPath, "carries no chat template"));
    }
    contextSize = Math.max(1, Math.min(options.contextSize, model.trainContextSize || options.contextSize));
    context = await model.createContext({ contextSize, sequences: 1, threads });
    const tokenText = (token: Token | null, fallback: string): string =>
      token === null ? fallback : model?.detokenize([token], true) || fallback;
    return {
      engine,
      llama,
      model,
      context,
      sequence: context.getSequence(),
      renderer: new GemmaPromptRenderer(engine, template),
      specials: {
        bos: tokenText(model.tokens.bos, "<bos>"),
        eos: tokenText(model.tokens.eos, "<eos>"),
        eot: tokenText(model.tokens.eot, "<end_of_turn>"),
      },
      contextSize: context.contextSize,
      trainContextSize: model.trainContextSize,
      modelName,
      device: llama.gpu === false ? "cpu" : llama.gpu,
      threads,
    };
  } catch (error) {
    await disposeQuietly(context);
    await disposeQuietly(model);
    await disposeQuietly(llama);
    if (error instanceof EngineLoadError) throw error;
    throw new EngineLoadError(loadFailedError(options.modelPath, error, contextSize));
  }
}

/** Frees the context, the model and the engine, in that order. */
export async function unloadEngine(loaded: LoadedEngine): Promise<void> {
  await disposeQuietly(loaded.context);
  await disposeQuietly(loaded.model);
  await disposeQuietly(loaded.llama);
}
