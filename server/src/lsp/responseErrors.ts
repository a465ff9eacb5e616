/** Maps feature errors to LSP `ResponseError`s whose message a writer can act on. */
import { LSPErrorCodes, ResponseError } from "vscode-languageserver";
import { GenerationError } from "../features/generation";
import { CancelledError } from "../util/singleFlight";

export interface ErrorData {
  /** What kind of failure, e.g. "unreachable", "phi-blocked"; lets a client offer the right action. */
  kind: string;
}

export function toResponseError(error: unknown): ResponseError<ErrorData> {
  if (error instanceof ResponseError) return error as ResponseError<ErrorData>;
  if (error instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, error.message, { kind: "cancelled" });
  if (error instanceof GenerationError) return new ResponseError(LSPErrorCodes.RequestFailed, error.message, { kind: error.kind });
  // Anything else is a bug of ours; its message may not be meant for writers, so say what to do instead.
  return new ResponseError(LSPErrorCodes.RequestFailed, "MedGemma hit an internal error. Run \"MedGemma: Show Logs\" and report it; the document is unchanged.", {
    kind: "internal",
  });
}

export function invalidParams(message: string): ResponseError<ErrorData> {
  return new ResponseError(-32602, message, { kind: "invalid-params" });
}
