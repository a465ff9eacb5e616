/**
 * Summaries in four styles. Text that does not fit the backend's context is cut into parts at paragraph or line
 * boundaries, each part summarized, and the partial summaries combined (repeatedly, if even they do not fit).
 */
import type { SummaryStyle } from "../../../common/protocol";
import { combineSummariesMessages, summaryMessages } from "../prompts/prompts";
import { charsForTokens, estimateTokens } from "../util/tokenEstimate";
import type { GenerationCallbacks, GenerationDeps, GenerationOutcome } from "./generation";
import { generate } from "./generation";

/** Tokens kept free for the instructions and the chat template around the passage. */
const PROMPT_OVERHEAD_TOKENS = 320;

export interface SummaryInput {
  text: string;
  style: SummaryStyle;
  contextLength: number;
  maxTokens: number;
  temperature: number;
}

export interface SummaryCallbacks extends GenerationCallbacks {
  /** Stage of a long summary, e.g. "Summarizing part 2 of 5". */
  onStatus?: (status: string) => void;
}

/** Input tokens one request may carry, after the answer's share and the prompt. */
export function inputBudget(contextLength: number, maxTokens: number): number {
  return Math.max(256, contextLength - maxTokens - PROMPT_OVERHEAD_TOKENS);
}

/** Splits text into parts of at most `maxChars`, preferring paragraph, then line, then sentence boundaries. */
export function splitForBudget(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    const cut =
      [window.lastIndexOf("\n\n"), window.lastIndexOf("\n"), window.lastIndexOf(". ")].find((index) => index > maxChars / 3) ?? maxChars;
    const end = cut === maxChars ? cut : cut + 1;
    parts.push(rest.slice(0, end).trim());
    rest = rest.slice(end);
  }
  if (rest.trim() !== "") parts.push(rest.trim());
  return parts.filter((part) => part !== "");
}

export async function summarize(
  deps: GenerationDeps,
  input: SummaryInput,
  signal?: AbortSignal,
  callbacks: SummaryCallbacks = {},
): Promise<GenerationOutcome> {
  const budget = inputBudget(input.contextLength, input.maxTokens);
  const options = { maxTokens: input.maxTokens, temperature: input.temperature };
  if (estimateTokens(input.text) <= budget) {
    return generate(deps, { messages: summaryMessages(input.style, input.text), options, priority: "interactive", purpose: "summary" }, signal, callbacks);
  }

  const parts = splitForBudget(input.text, charsForTokens(budget));
  const partial: string[] = [];
  const partOptions = { maxTokens: Math.max(64, Math.floor(input.maxTokens / 2)), temperature: input.temperature };
  for (const [index, part] of parts.entries()) {
    callbacks.onStatus?.(`Summarizing part ${index + 1} of ${parts.length}`);
    const outcome = await generate(
      deps,
      { messages: summaryMessages(input.style, part), options: partOptions, priority: "interactive", purpose: "summary" },
      signal,
      index === 0 && callbacks.onRedacted ? { onRedacted: callbacks.onRedacted } : {},
    );
    if (outcome.finishReason === "cancelled") return { ...outcome, text: "" };
    partial.push(outcome.text);
  }
  return combine(deps, input, partial, budget, signal, callbacks);
}

async function combine(
  deps: GenerationDeps,
  input: SummaryInput,
  partial: string[],
  budget: number,
  signal: AbortSignal | undefined,
  callbacks: SummaryCallbacks,
): Promise<GenerationOutcome> {
  const options = { maxTokens: input.maxTokens, temperature: input.temperature };
  if (estimateTokens(partial.join("\n")) <= budget || partial.length <= 2) {
    callbacks.onStatus?.(`Combining ${partial.length} partial summaries`);
    // The final answer streams; the redaction notice went out with the first part.
    const { onRedacted: _sentWithFirstPart, ...streaming } = callbacks;
    return generate(deps, { messages: combineSummariesMessages(input.style, partial), options, priority: "interactive", purpose: "summary" }, signal, streaming);
  }
  // Too many partial summaries for one request: combine them in groups first.
  const groups: string[][] = [];
  let group: string[] = [];
  for (const summary of partial) {
    // At least two per group, so every round shrinks the list and the recursion ends.
    if (group.length >= 2 && estimateTokens([...group, summary].join("\n")) > budget) {
      groups.push(group);
      group = [];
    }
    group.push(summary);
  }
  if (group.length > 0) groups.push(group);
  const merged: string[] = [];
  for (const [index, members] of groups.entries()) {
    callbacks.onStatus?.(`Combining group ${index + 1} of ${groups.length}`);
    const outcome = await generate(
      deps,
      { messages: combineSummariesMessages(input.style, members), options, priority: "interactive", purpose: "summary" },
      signal,
    );
    if (outcome.finishReason === "cancelled") return { ...outcome, text: "" };
    merged.push(outcome.text);
  }
  return combine(deps, input, merged, budget, signal, callbacks);
}
