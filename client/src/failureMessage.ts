/** Turns a failed LSP request into the sentence to show: the server's own actionable message when it sent one. */
import { ResponseError } from "vscode-languageclient/node";

export function failureMessage(error: unknown): string {
  if (error instanceof ResponseError && typeof error.message === "string" && error.message.trim() !== "") return error.message;
  if (error instanceof Error && error.message.trim() !== "") return `MedGemma could not complete the request: ${error.message}`;
  return "MedGemma could not complete the request. Run \"MedGemma: Show Logs\" to see why.";
}
