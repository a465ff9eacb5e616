/**
 * The embedded engine's failures as `BackendError`s whose messages tell the writer what to change: the model path,
 * the file, the GPU or context setting, or a switch to a MedGemma server.
 */
import { basename } from "node:path";
import { BackendError } from "../errors";
import type { GgufHeaderError } from "./ggufHeader";

const MAX_REASON = 300;

/** The engine's own words for a failure, on one line and shortened. */
export function engineReason(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const single = raw.replace(/\s+/g, " ").trim();
  return single.length > MAX_REASON ? `${single.slice(0, MAX_REASON - 1)}…` : single;
}

const USE_SERVER = "or set medgemma.backend.endpoint to use a MedGemma server instead";

/** No `medgemma.embedded.modelPath`. */
export function noModelPathError(): BackendError {
  return new BackendError({
    kind: "configuration",
    message: `No MedGemma model file is set: point medgemma.embedded.modelPath at a MedGemma GGUF file (for example medgemma-4b-it Q4_K_M), ${USE_SERVER}.`,
  });
}

/** The file at the model path cannot be used, with the header reader's diagnosis. */
export function modelFileError(path: string, error: GgufHeaderError): BackendError {
  const file = basename(path);
  const base = { kind: "configuration" as const, target: path, serverMessage: error.message, cause: error };
  switch (error.problem) {
    case "missing":
      return new BackendError({
        ...base,
        message: `The model file ${path} does not exist: check medgemma.embedded.modelPath (an absolute path to a .gguf file), ${USE_SERVER}.`,
      });
    case "not-a-file":
      return new BackendError({
        ...base,
        message: `medgemma.embedded.modelPath points at the folder ${path}: it must name the .gguf file itself.`,
      });
    case "unreadable":
      return new BackendError({
        ...base,
        message: `The model file ${path} cannot be read (${error.message}): check its permissions.`,
      });
    case "not-gguf":
      return new BackendError({
        ...base,
        message: `${file} is not a GGUF model file (${error.message}). The embedded engine needs a MedGemma model in GGUF format; point medgemma.embedded.modelPath at one.`,
      });
    case "unsupported-version":
      return new BackendError({
        ...base,
        message: `${file} is a GGUF file the engine cannot read (${error.message}): download a current MedGemma GGUF.`,
      });
    case "truncated":
      return new BackendError({
        ...base,
        message: `${file} is incomplete (${error.message}): the download was probably interrupted. Download the model again.`,
      });
    case "malformed":
      return new BackendError({
        ...base,
        message: `${file} is damaged (${error.message}): download the model again.`,
      });
  }
}

/** The file is GGUF but not a Gemma model, or carries no chat template. */
export function wrongModelError(path: string, what: string): BackendError {
  return new BackendError({
    kind: "configuration",
    target: path,
    message: `${basename(path)} ${what}: point medgemma.embedded.modelPath at a MedGemma (Gemma 3) GGUF file.`,
  });
}

/** node-llama-cpp or its native binary cannot be loaded on this machine. */
export function engineUnavailableError(error: unknown, gpu: string): BackendError {
  const reason = engineReason(error);
  const name = error instanceof Error ? error.name : "";
  const gpuHint =
    gpu !== "auto" && gpu !== "off"
      ? ` No ${gpu} build of the engine works here: set medgemma.embedded.gpu to "auto" or "off",`
      : " Reinstall the extension (its engine binaries may be missing),";
  return new BackendError({
    kind: "engine",
    serverMessage: reason,
    cause: error,
    message: `The embedded MedGemma engine could not start on this machine${name === "NoBinaryFoundError" ? " (no prebuilt binary fits it)" : ""}: ${reason}.${gpuHint} ${USE_SERVER}.`,
  });
}

function isOutOfMemory(error: unknown): boolean {
  const name = error instanceof Error ? error.name : "";
  return name === "InsufficientMemoryError" || /out of memory|insufficient memory|not enough memory|failed to allocate|\bvram\b|\bOOM\b/i.test(engineReason(error));
}

/** Loading the weights or creating the context failed. */
export function loadFailedError(path: string, error: unknown, contextSize: number): BackendError {
  const reason = engineReason(error);
  if (isOutOfMemory(error)) {
    return new BackendError({
      kind: "engine",
      target: path,
      serverMessage: reason,
      cause: error,
      message: `Not enough memory to run ${basename(path)} with a ${contextSize}-token context (${reason}). Lower medgemma.embedded.contextSize, choose a smaller quantization (Q4_K_M), set medgemma.embedded.gpu to "off" if the GPU is small, ${USE_SERVER}.`,
    });
  }
  return new BackendError({
    kind: "engine",
    target: path,
    serverMessage: reason,
    cause: error,
    message: `The embedded engine could not load ${basename(path)}: ${reason}. The file may be damaged or made for a newer engine; download it again or try another quantization, ${USE_SERVER}.`,
  });
}

/** The prompt does not fit the context. */
export function contextTooLongError(path: string, promptTokens: number, contextSize: number, trainedContext: number): BackendError {
  const larger =
    contextSize < trainedContext
      ? `raise medgemma.embedded.contextSize (the model supports up to ${trainedContext} tokens)`
      : "the model supports no more";
  return new BackendError({
    kind: "context-too-long",
    target: path,
    contextLimit: contextSize,
    message: `The text is too long for the model's context of ${contextSize} tokens (the prompt alone is ${promptTokens}): select a shorter passage, or ${larger}.`,
  });
}

/** Generation failed after the model loaded. */
export function generationFailedError(path: string, error: unknown): BackendError {
  const reason = engineReason(error);
  return new BackendError({
    kind: "engine",
    target: path,
    serverMessage: reason,
    cause: error,
    message: `The embedded engine failed while answering: ${reason}. The text so far is kept; retry, and lower medgemma.embedded.contextSize if it happens again.`,
  });
}

/** The client was disposed before or while answering (the settings changed, or the server is stopping). */
export function disposedError(path: string): BackendError {
  return new BackendError({
    kind: "engine",
    target: path,
    message: "The embedded engine was shut down before this answer finished (the model settings changed, or the editor is closing). Send the request again.",
  });
}

/** Nothing to answer: no user text after normalization. */
export function emptyRequestError(path: string): BackendError {
  return new BackendError({
    kind: "bad-request",
    target: path,
    message: "The request has no user text to answer.",
  });
}
