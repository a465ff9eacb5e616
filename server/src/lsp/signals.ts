/** Bridges LSP cancellation tokens to the AbortSignals the features and model clients use. */
import type { CancellationToken } from "vscode-languageserver";

/** An AbortSignal that aborts when any of the tokens is cancelled. */
export function signalFrom(...tokens: (CancellationToken | undefined)[]): AbortSignal {
  const controller = new AbortController();
  for (const token of tokens) {
    if (!token) continue;
    if (token.isCancellationRequested) controller.abort();
    else token.onCancellationRequested(() => controller.abort());
  }
  return controller.signal;
}
