/**
 * A scripted MedGemma server for the UI tests. It recognises each kind of prompt the language server sends (a term
 * explanation, an abbreviation's sense pick, a summary) and answers it with fixed text, so what the workbench shows
 * can be compared exactly; chat questions get whatever the test sets. It can also demand an API key, as a vLLM
 * server started with `--api-key` does.
 */
import type { Handler, RecordedRequest, ScriptedBackend } from "../support/scriptedBackend";
import { startScriptedBackend } from "../support/scriptedBackend";

/** The model id the scripted server lists (and so the one the status bar names). */
export const MODEL_ID = "google/medgemma-27b-text-it";
/** What the server answers to "explain the medical term …". */
export const TERM_ANSWER = "An irregular, often rapid heart rhythm that starts in the upper chambers of the heart.";
/** What the server answers to a clinical summary. */
export const SUMMARY_ANSWER = "New atrial fibrillation with a fast ventricular rate; rate control and anticoagulation started.";
/** What the server answers when asked which sense of an abbreviation fits (the first listed one). */
export const SENSE_ANSWER = "1";
/** The default answer to a chat question. */
export const CHAT_ANSWER = "Hello from the test backend.";

export type PromptKind = "term" | "sense" | "summary" | "selection" | "chat";

/** The text of the last user message of a chat/completions request. */
export function lastUserMessage(request: RecordedRequest): string {
  const messages = (request.json as { messages?: { role?: unknown; content?: unknown }[] } | undefined)?.messages ?? [];
  const users = messages.filter((message) => message.role === "user");
  const content = users[users.length - 1]?.content;
  return typeof content === "string" ? content : "";
}

/** Which of the server's prompts a request carries (the wording comes from server/src/prompts/prompts.ts). */
export function promptKind(request: RecordedRequest): PromptKind {
  const text = lastUserMessage(request);
  if (text.startsWith("Explain the medical term")) return "term";
  if (text.startsWith("Which meaning of the abbreviation")) return "sense";
  if (text.startsWith("Explain the following passage")) return "selection";
  if (text.includes("<passage>") && /^(Summarize|Explain the passage for the patient|List the key points|Write a structured abstract)/.test(text)) return "summary";
  return "chat";
}

/** The words of `text` as stream tokens (each with its following space), so an answer arrives in pieces. */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

export interface ClinicalBackend extends ScriptedBackend {
  /** Answers chat questions (prompts of no other kind) from now on; the default streams {@link CHAT_ANSWER}. */
  setChatAnswer(handler: Handler): void;
  /** chat/completions requests of one kind, in arrival order. */
  requestsOf(kind: PromptKind): RecordedRequest[];
  /** From now on every route wants `Authorization: Bearer <key>` (HTTP 401 otherwise); undefined lets anyone in. */
  requireKey(key: string | undefined): void;
}

const defaultChat: Handler = async (_request, reply) => void (await reply.tokens(tokensOf(CHAT_ANSWER), { intervalMs: 5 }));

/** Starts the scripted server on 127.0.0.1 with a free port. */
export async function startClinicalBackend(): Promise<ClinicalBackend> {
  let chat: Handler = defaultChat;
  let key: string | undefined;
  const refused = (request: RecordedRequest): boolean => key !== undefined && request.headers.authorization !== `Bearer ${key}`;
  const refuse: Handler = (_request, reply) => reply.json(401, { error: { message: "Invalid API key", type: "authentication_error", code: 401 } });

  const backend = await startScriptedBackend({
    chat: async (request, reply) => {
      if (refused(request)) return refuse(request, reply);
      switch (promptKind(request)) {
        case "term":
          return void (await reply.tokens(tokensOf(TERM_ANSWER), { intervalMs: 5 }));
        case "sense":
          return void (await reply.tokens([SENSE_ANSWER]));
        case "summary":
          return void (await reply.tokens(tokensOf(SUMMARY_ANSWER), { intervalMs: 5 }));
        case "selection":
        case "chat":
          return chat(request, reply);
      }
    },
    routes: {
      "/health": (request, reply) => (refused(request) ? refuse(request, reply) : reply.json(200, { status: "ok" })),
      "/v1/models": (request, reply) =>
        refused(request) ? refuse(request, reply) : reply.json(200, { object: "list", data: [{ id: MODEL_ID, object: "model", max_model_len: 32768 }] }),
    },
  });
  return {
    ...backend,
    setChatAnswer(handler) {
      chat = handler;
    },
    requestsOf: (kind) => backend.chatRequests().filter((request) => promptKind(request) === kind),
    requireKey(next) {
      key = next;
    },
  };
}
