/**
 * Waits for a language client that is still starting. The server takes a moment to start (and to start again after a
 * new API key or a crash); a command or a chat question in that moment should wait for it, not report it missing.
 */
import { State } from "vscode-languageclient/node";
import type { LanguageClient } from "vscode-languageclient/node";

/** Longer than a healthy start takes anywhere; past it the server is treated as not running. */
const START_WAIT_MS = 20_000;

/** True once the client runs; false when there is none, it stopped, or it did not start within `timeoutMs`. */
export function whenRunning(client: LanguageClient | undefined, timeoutMs = START_WAIT_MS): Promise<boolean> {
  if (!client) return Promise.resolve(false);
  if (client.isRunning()) return Promise.resolve(true);
  if (client.state !== State.Starting) return Promise.resolve(false);
  return new Promise((resolve) => {
    const finish = (running: boolean): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(running);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    const subscription = client.onDidChangeState((change) => {
      if (change.newState === State.Running) finish(true);
      else if (change.newState === State.Stopped) finish(false);
    });
  });
}
