/**
 * One generation, start to end, the way every feature runs it: the outgoing text passes the privacy guard, waits
 * for a backend slot, streams, has placeholders restored chunk by chunk, and ends in an outcome or a
 * `GenerationError` whose message a writer can act on.
 */
import type { FinishReason, RedactionSummary, Usage } from "../../../common/protocol";
import type { BackendError, BackendErrorKind } from "../model/errors";
import type { ChatMessage, ChatModel, GenerationOptions } from "../model/types";
import type { RequestPriority, RequestScheduler } from "../util/requestScheduler";
import { CancelledError } from "../util/singleFlight";

/** Streams answer text back with placeholders put back; `flush` releases what was held at the end. */
export interface AnswerRestorer {
  push(chunk: string): string;
  flush(): string;
}

export interface PreparedOutgoing {
  messages: ChatMessage[];
  restorer: AnswerRestorer;
  redactions?: RedactionSummary;
}

/** Decides what of the outgoing text may leave (the PHI policy). Throws `GenerationError` to refuse. */
export interface OutgoingTextGuard {
  prepare(messages: ChatMessage[], purpose: GenerationPurpose, signal?: AbortSignal): Promise<PreparedOutgoing>;
}

export type GenerationPurpose = "hover" | "summary" | "chat";

export type GenerationErrorKind = BackendErrorKind | "phi-blocked" | "phi-declined" | "untrusted" | "no-backend" | "too-long";

export class GenerationError extends Error {
  constructor(
    message: string,
    readonly kind: GenerationErrorKind,
    /** Answer text that arrived before the failure; never lost. */
    readonly partialText = "",
  ) {
    super(message);
    this.name = "GenerationError";
  }
}

export interface GenerationDeps {
  model: ChatModel;
  scheduler: RequestScheduler;
  guard: OutgoingTextGuard;
}

export interface GenerationRequest {
  messages: ChatMessage[];
  options: GenerationOptions;
  priority: RequestPriority;
  purpose: GenerationPurpose;
}

export interface GenerationOutcome {
  text: string;
  finishReason: FinishReason;
  usage?: Usage;
  redactions?: RedactionSummary;
  /** The model that answered, when the backend named it. */
  model?: string;
}

export interface GenerationCallbacks {
  /** Called before the first delta when the guard redacted something. */
  onRedacted?: (summary: RedactionSummary) => void;
  onDelta?: (text: string) => void;
  /** Called once the backend's stream has ended, before its connection or engine is cleaned up. */
  onStreamEnd?: () => void;
}

/** Length of the runs of a server's words that are looked up in the text that was sent. */
const ECHO_RUN = 24;

/**
 * The failure's message for the writer. Some servers quote the request in their error (a validation error's
 * "input"); those words may hold patient text, which must not end up in a notification or a log, so they are left out.
 */
function failureMessage(error: BackendError | undefined, sent: ChatMessage[]): string {
  if (!error) return "The backend failed without saying why; retry.";
  const words = error.serverMessage;
  if (!words || words.length < ECHO_RUN) return error.describe();
  const flat = (text: string): string => text.replace(/\\[nrt]/g, " ").replace(/\s+/g, " ");
  const sentText = flat(sent.filter((message) => message.role !== "system").map((message) => message.content).join(" "));
  const spoken = flat(words);
  for (let start = 0; start + ECHO_RUN <= spoken.length; start += ECHO_RUN / 2) {
    if (sentText.includes(spoken.slice(start, start + ECHO_RUN))) {
      return error.message.replace(words, "(its message quoted the text that was sent, so it is not shown)");
    }
  }
  return error.describe();
}

/** Runs one generation. Resolves with `finishReason: "cancelled"` when `signal` aborts; rejects only with `GenerationError`. */
export async function generate(
  deps: GenerationDeps,
  request: GenerationRequest,
  signal?: AbortSignal,
  callbacks: GenerationCallbacks = {},
): Promise<GenerationOutcome> {
  const cancelled = (text: string, redactions?: RedactionSummary): GenerationOutcome => ({
    text,
    finishReason: "cancelled",
    ...(redactions ? { redactions } : {}),
  });
  if (signal?.aborted) return cancelled("");

  const prepared = await deps.guard.prepare(request.messages, request.purpose, signal);
  if (signal?.aborted) return cancelled("");
  if (prepared.redactions && prepared.redactions.total > 0) callbacks.onRedacted?.(prepared.redactions);

  let text = "";
  const emit = (piece: string): void => {
    if (piece === "") return;
    text += piece;
    callbacks.onDelta?.(piece);
  };

  try {
    return await deps.scheduler.run(
      request.priority,
      async () => {
        for await (const event of deps.model.stream({ messages: prepared.messages, options: request.options }, signal)) {
          if (event.type === "text") {
            emit(prepared.restorer.push(event.text));
            continue;
          }
          if (event.type === "reasoning") continue;
          emit(prepared.restorer.flush());
          callbacks.onStreamEnd?.();
          const summary = event.summary;
          if (summary.finishReason === "error") {
            const error = summary.error;
            throw new GenerationError(failureMessage(error, prepared.messages), error?.kind ?? "server-error", text);
          }
          const outcome: GenerationOutcome = { text, finishReason: summary.finishReason };
          if (summary.usage) outcome.usage = { promptTokens: summary.usage.promptTokens, completionTokens: summary.usage.completionTokens };
          if (prepared.redactions && prepared.redactions.total > 0) outcome.redactions = prepared.redactions;
          if (summary.model) outcome.model = summary.model;
          return outcome;
        }
        throw new GenerationError("The backend's answer ended without a final record; retry.", "protocol", text);
      },
      signal,
    );
  } catch (error) {
    if (error instanceof CancelledError) return cancelled(text, prepared.redactions);
    throw error;
  }
}
