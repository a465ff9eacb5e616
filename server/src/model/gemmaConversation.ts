/**
 * Gemma's chat template has no system role and raises unless turns alternate user, model, user, … . Every request
 * passes through `normalizeConversation` first so that no backend answers 400 "Conversation roles must alternate".
 */
import type { ChatMessage, GenerationOptions } from "./types";

/** Gemma's end-of-turn marker; some quantized files do not stop on it unless asked to. */
export const GEMMA_END_OF_TURN = "<end_of_turn>";

function joinParts(parts: string[]): string {
  return parts.map((part) => part.trim()).filter((part) => part !== "").join("\n\n");
}

/**
 * Normalizes a conversation for Gemma:
 * - every system message becomes one preamble at the front;
 * - the trailing run of user messages is the current turn, merged into one;
 * - in the history before it, a user turn that got no answer (followed by another user turn, as after a cancelled
 *   request) is dropped, consecutive assistant turns are merged, and assistant turns before the first user turn
 *   are dropped, so roles alternate from user;
 * - empty messages are removed.
 */
export function normalizeConversation(messages: readonly ChatMessage[]): ChatMessage[] {
  const system = joinParts(messages.filter((m) => m.role === "system").map((m) => m.content));
  const turns = messages.filter((m) => m.role !== "system" && m.content.trim() !== "");

  let currentStart = turns.length;
  while (currentStart > 0 && turns[currentStart - 1]?.role === "user") currentStart--;
  const history = turns.slice(0, currentStart);
  const current = turns.slice(currentStart);

  const result: ChatMessage[] = [];
  if (system !== "") result.push({ role: "system", content: system });

  let pendingUser: ChatMessage | undefined;
  for (const message of history) {
    if (message.role === "user") {
      pendingUser = message; // a previous unanswered user turn is replaced, i.e. dropped
      continue;
    }
    const last = result[result.length - 1];
    if (pendingUser) {
      result.push({ role: "user", content: pendingUser.content.trim() });
      result.push({ role: "assistant", content: message.content.trim() });
      pendingUser = undefined;
    } else if (last?.role === "assistant") {
      last.content = joinParts([last.content, message.content]);
    }
    // An assistant turn with no user turn before it is dropped.
  }

  if (current.length > 0) result.push({ role: "user", content: joinParts(current.map((m) => m.content)) });
  return result;
}

/** Adds Gemma's end-of-turn stop string to the caller's stop strings, once. */
export function withGemmaStop(options: GenerationOptions | undefined): string[] {
  const stops = options?.stop ?? [];
  return stops.includes(GEMMA_END_OF_TURN) ? [...stops] : [...stops, GEMMA_END_OF_TURN];
}

/** MedGemma 27B's switch for thinking mode, placed before the system prompt. */
export const THINKING_SYSTEM_PREFIX = "SYSTEM INSTRUCTION: think silently if needed.";
