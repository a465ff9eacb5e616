/**
 * The backend stand-in when there is none (an untrusted workspace, or before configuration): every request ends at
 * once with an error record that says why, so features need no special case.
 */
import { BackendError } from "../model/errors";
import type { ChatModel, HealthReport, StreamEvent } from "../model/types";

export function unavailableModel(reason: string | undefined): ChatModel {
  const message = reason ?? "MedGemma has no backend yet: it is starting, or the settings are being read. Try again in a moment.";
  return {
    kind: "remote",
    target: "none",
    // eslint-disable-next-line @typescript-eslint/require-await
    async *stream(): AsyncGenerator<StreamEvent> {
      yield { type: "done", summary: { finishReason: "error", error: new BackendError({ kind: "configuration", message }) } };
    },
    health: (): Promise<HealthReport> => Promise.resolve({ state: "error", message, models: [], latencyMs: 0 }),
    dispose: () => Promise.resolve(),
  };
}
