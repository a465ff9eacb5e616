/** The chat panel's transport: `medgemma/ask` over the language client, streamed through a partial-result token. */
import { randomUUID } from "node:crypto";
import { ProgressType } from "vscode-languageclient/node";
import type { LanguageClient } from "vscode-languageclient/node";
import type { GenerationResult, StreamProgress } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import type { ChatTransport } from "./chat/chatTransport";
import { whenRunning } from "./clientReady";
import { failureMessage } from "./failureMessage";

const streamProgress = new ProgressType<StreamProgress>();

export function languageClientTransport(getClient: () => LanguageClient | undefined): ChatTransport {
  return {
    async ask(params, onProgress, token) {
      const client = getClient();
      if (!client || !(await whenRunning(client))) throw new Error("MedGemma's language server is not running. Run \"MedGemma: Show Logs\" to see why, or reload the window.");
      const partialResultToken = randomUUID();
      const subscription = client.onProgress(streamProgress, partialResultToken, onProgress);
      try {
        return await client.sendRequest<GenerationResult>(Methods.ask, { ...params, partialResultToken }, token);
      } catch (error) {
        throw new Error(failureMessage(error));
      } finally {
        subscription.dispose();
      }
    },
  };
}
