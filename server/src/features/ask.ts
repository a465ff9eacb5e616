/**
 * Questions from the chat panel or the Ask command: the question, optionally grounded in attached text, with a
 * short history kept within a share of the context budget (MedGemma was not evaluated for long multi-turn use).
 */
import type { ChatTurn } from "../../../common/protocol";
import { askMessages } from "../prompts/prompts";
import { estimateTokens } from "../util/tokenEstimate";
import type { GenerationCallbacks, GenerationDeps, GenerationOutcome } from "./generation";
import { GenerationError, generate } from "./generation";
import { inputBudget } from "./summarize";

/** Share of the input budget that earlier turns may use. */
const HISTORY_SHARE = 0.25;
/** At most this many earlier turns, however short. */
const MAX_HISTORY_TURNS = 6;

export interface AskInput {
  question: string;
  context?: string;
  history?: ChatTurn[];
  contextLength: number;
  maxTokens: number;
  temperature: number;
  thinking: boolean;
}

/** The most recent turns that fit the history budget, oldest first, starting with a user turn. */
export function trimHistory(history: ChatTurn[], budgetTokens: number): ChatTurn[] {
  const kept: ChatTurn[] = [];
  let used = 0;
  for (let i = history.length - 1; i >= 0 && kept.length < MAX_HISTORY_TURNS; i--) {
    const turn = history[i];
    if (!turn || (turn.role !== "user" && turn.role !== "assistant") || typeof turn.content !== "string") continue;
    const cost = estimateTokens(turn.content);
    if (used + cost > budgetTokens) break;
    used += cost;
    kept.unshift(turn);
  }
  while (kept[0] && kept[0].role !== "user") kept.shift();
  return kept;
}

export function ask(deps: GenerationDeps, input: AskInput, signal?: AbortSignal, callbacks: GenerationCallbacks = {}): Promise<GenerationOutcome> {
  const question = input.question.trim();
  if (question === "") return Promise.reject(new GenerationError("Type a question first.", "bad-request"));
  const budget = inputBudget(input.contextLength, input.maxTokens);
  const fixed = estimateTokens(question) + estimateTokens(input.context ?? "");
  if (fixed > budget) {
    return Promise.reject(
      new GenerationError(
        `The question and attached text come to about ${fixed} tokens, but the model's context leaves room for about ${budget}. Attach a shorter passage (or raise the server's context length).`,
        "too-long",
      ),
    );
  }
  const history = trimHistory(input.history ?? [], Math.min(budget - fixed, Math.floor(budget * HISTORY_SHARE)));
  const messages = askMessages({ question, ...(input.context ? { context: input.context } : {}), history, thinking: input.thinking });
  return generate(
    deps,
    { messages, options: { maxTokens: input.maxTokens, temperature: input.temperature }, priority: "interactive", purpose: "chat" },
    signal,
    callbacks,
  );
}
