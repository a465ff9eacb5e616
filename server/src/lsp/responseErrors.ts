/** Maps feature errors to LSP `ResponseError`s whose message a writer can act on. */
import { LSPErrorCodes, ResponseError } from "vscode-languageserver";
import { GenerationError } from "../features/generation";
import { CancelledError } from "../util/singleFlight";

export interface ErrorData {
  /** What kind of failure, e.g. "unreachable", "phi-blocked"; lets a client offer the right action. */
  kind: string;
  /**
   * Summary text that arrived before an insert-summary command failed, so nothing the model wrote is lost. Only
   * commands carry it: ask and summarize have already streamed it as progress.
   */
  partialText?: string;
}

export function toResponseError(error: unknown, options: { keepPartialText?: boolean } = {}): ResponseError<ErrorData> {
  if (error instanceof ResponseError) return error as ResponseError<ErrorData>;
  if (error instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, error.message, { kind: "cancelled" });
  if (error instanceof GenerationError) {
    const data: ErrorData = { kind: error.kind };
    if (options.keepPartialText && error.partialText.trim() !== "") data.partialText = error.partialText;
    return new ResponseError(LSPErrorCodes.RequestFailed, error.message, data);
  }
  // Anything else is a bug of ours; its message may not be meant for writers, so say what to do instead.
  return new ResponseError(LSPErrorCodes.RequestFailed, "MedGemma hit an internal error. Run \"MedGemma: Show Logs\" and report it; the document is unchanged.", {
    kind: "internal",
  });
}

export function invalidParams(message: string): ResponseError<ErrorData> {
  return new ResponseError(-32602, message, { kind: "invalid-params" });
}
