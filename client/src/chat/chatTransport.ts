/**
 * How the chat panel reaches MedGemma. The extension implements it over the language client's `medgemma/ask`
 * request with a partial-result token; the panel only sees this interface, so it can be tested without a server.
 */
import type * as vscode from "vscode";
import type { ChatTurn, GenerationResult, Range, StreamProgress, TextDocumentIdentifier } from "../../../common/protocol";

/** What the panel asks: the question, the attached selection if any, and the earlier completed turns. */
export interface ChatAskParams {
  question: string;
  textDocument?: TextDocumentIdentifier;
  range?: Range;
  /** Earlier completed turns, oldest first; the server trims them to its context budget. */
  history?: ChatTurn[];
}

export interface ChatTransport {
  /**
   * Sends one question and reports each streamed piece through `onProgress`. Cancelling `token` must stop the
   * generation on the server (`$/cancelRequest`), not only the display. Rejects with an Error whose message is
   * already written for the writer.
   */
  ask(
    params: ChatAskParams,
    onProgress: (progress: StreamProgress) => void,
    token: vscode.CancellationToken,
  ): Promise<GenerationResult>;
}
