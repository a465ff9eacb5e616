/**
 * The PHI send policy, applied to exactly the text about to leave for a backend: every user and assistant message
 * (the system prompt is ours and holds no patient text).
 *   allow  – sent as is;
 *   warn   – when identifiers are found, the writer sees what kind and chooses: send, redact, or cancel
 *            (hovers cannot ask, so they refuse and point to the Explain command);
 *   redact – identifiers become typed placeholders, restored in the answer as it streams;
 *   block  – nothing is sent when identifiers are found.
 * A safety net, not certified de-identification.
 */
import type { RedactionSummary } from "../../../common/protocol";
import type { ChatMessage } from "../model/types";
import type { AnswerRestorer, GenerationPurpose, OutgoingTextGuard, PreparedOutgoing } from "./generation";
import { GenerationError } from "./generation";

export type PhiPolicy = "allow" | "warn" | "redact" | "block";

export interface PhiSpan {
  type: string;
  start: number;
  end: number;
}

/** One redaction session: several texts share one numbering, and the answer is restored with the same map. */
export interface RedactionSession {
  redact(text: string): string;
  restorer(): AnswerRestorer;
  summary(): RedactionSummary;
}

/** What the guard needs from the PHI detector. */
export interface PhiToolkit {
  detect(text: string): PhiSpan[];
  /** A sentence naming what was found without the values ("2 dates and 1 name"). */
  describe(findings: PhiSpan[]): string;
  newSession(): RedactionSession;
}

export type WarnChoice = "send" | "redact" | "cancel";

export interface PrivacyGuardOptions {
  toolkit: PhiToolkit;
  policy: () => PhiPolicy;
  /** Where the text would go, for the question and messages. */
  destination: () => string;
  /** Asks the writer (warn policy). */
  confirm: (question: string, signal?: AbortSignal) => Promise<WarnChoice>;
}

const passThrough: AnswerRestorer = { push: (chunk) => chunk, flush: () => "" };

function outgoing(messages: ChatMessage[]): ChatMessage[] {
  return messages.filter((message) => message.role !== "system");
}

export class PrivacyGuard implements OutgoingTextGuard {
  constructor(private readonly options: PrivacyGuardOptions) {}

  async prepare(messages: ChatMessage[], purpose: GenerationPurpose, signal?: AbortSignal): Promise<PreparedOutgoing> {
    const policy = this.options.policy();
    if (policy === "allow") return { messages, restorer: passThrough };
    if (policy === "redact") return this.redact(messages);

    const findings = outgoing(messages).flatMap((message) => this.options.toolkit.detect(message.content));
    if (findings.length === 0) return { messages, restorer: passThrough };
    const found = this.options.toolkit.describe(findings);
    const destination = this.options.destination();

    if (policy === "block") {
      throw new GenerationError(
        `Nothing was sent: the text contains possible patient identifiers (${found}) and medgemma.phi.policy is "block". Remove them, or choose "redact" to send placeholders instead.`,
        "phi-blocked",
      );
    }
    if (purpose === "hover") {
      throw new GenerationError(
        `Not sent: the text contains possible patient identifiers (${found}). Hovers cannot ask first; use "MedGemma: Explain Selection" to review and confirm.`,
        "phi-blocked",
      );
    }
    const choice = await this.options.confirm(`The text for MedGemma contains possible patient identifiers: ${found}. Send it to ${destination}?`, signal);
    if (choice === "send") return { messages, restorer: passThrough };
    if (choice === "redact") return this.redact(messages);
    throw new GenerationError(`Nothing was sent: you cancelled because the text contains possible patient identifiers (${found}).`, "phi-declined");
  }

  private redact(messages: ChatMessage[]): PreparedOutgoing {
    const session = this.options.toolkit.newSession();
    const redacted = messages.map((message) => (message.role === "system" ? message : { ...message, content: session.redact(message.content) }));
    const summary = session.summary();
    return summary.total > 0 ? { messages: redacted, restorer: session.restorer(), redactions: summary } : { messages: redacted, restorer: passThrough };
  }
}
