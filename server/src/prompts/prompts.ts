/**
 * Every prompt the server sends, in one place. The fixed instructions come first and the writer's text last, so a
 * backend's prefix cache (vLLM, llama.cpp with --swa-full) reuses the shared part across requests. MedGemma was not
 * evaluated for multi-turn use and is sensitive to wording: prompts are single-turn and grounded in the given text.
 * Change PROMPT_VERSION whenever wording changes, so cached answers from older prompts are not reused.
 */
import { THINKING_SYSTEM_PREFIX } from "../model/gemmaConversation";
import type { ChatMessage } from "../model/types";
import type { ChatTurn, SummaryStyle } from "../../../common/protocol";

export const PROMPT_VERSION = 3;

/** The model card's own system prompt, extended with the grounding rules. */
export const SYSTEM_PROMPT = [
  "You are a helpful medical assistant.",
  "You help clinicians, medical writers and researchers with their own documents.",
  "Use only the text provided and well-established medical knowledge. If the text does not say something, say that it does not; never invent findings, doses, dates or results.",
  "Placeholders in square brackets such as [NAME-1] or [DATE-2] stand for details removed for privacy: keep them exactly as they are.",
  "Answer in plain Markdown without HTML.",
].join("\n");

const SUMMARY_INSTRUCTIONS: Record<SummaryStyle, { label: string; instruction: string }> = {
  clinical: {
    label: "Clinical summary",
    instruction:
      "Summarize the passage for a clinician colleague: concise clinical language, keep diagnoses, key findings, medications with doses, and the plan. Do not add anything that is not in the passage.",
  },
  patient: {
    label: "Summary for patients",
    instruction:
      "Explain the passage for the patient in plain language at about an eighth-grade reading level: short sentences, everyday words, medical terms explained in brackets. Do not add advice that is not in the passage.",
  },
  bullets: {
    label: "Key points",
    instruction: "List the key points of the passage as 3 to 7 short Markdown bullet points. Keep numbers, doses and dates exactly as written.",
  },
  abstract: {
    label: "Structured abstract",
    instruction:
      "Write a structured abstract of the passage with the headings Background, Methods, Results and Conclusions (leave out a heading the passage gives no content for, and say so). Keep numbers exactly as written.",
  },
};

export function summaryLabel(style: SummaryStyle): string {
  return SUMMARY_INSTRUCTIONS[style].label;
}

function passage(text: string): string {
  return `<passage>\n${text}\n</passage>`;
}

export function summaryMessages(style: SummaryStyle, text: string): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM_PROMPT },
    { role: "user", content: `${SUMMARY_INSTRUCTIONS[style].instruction}\n\n${passage(text)}` },
  ];
}

/** Combines partial summaries of a long passage into one. */
export function combineSummariesMessages(style: SummaryStyle, parts: string[]): ChatMessage[] {
  const numbered = parts.map((part, i) => `<part number="${i + 1}">\n${part}\n</part>`).join("\n");
  return [
    { role: "system", content: SYSTEM_PROMPT },
    {
      role: "user",
      content: `The passage was too long to read at once, so its parts were summarized one by one. Combine these partial summaries into one. ${SUMMARY_INSTRUCTIONS[style].instruction}\n\n${numbered}`,
    },
  ];
}

export function explainSelectionMessages(text: string): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM_PROMPT },
    {
      role: "user",
      content: `Explain the following passage from a clinical or research document in 2 to 4 sentences for a busy clinician. Expand abbreviations. Do not repeat the passage.\n\n${passage(text)}`,
    },
  ];
}

export function explainTermMessages(term: string, sentence: string): ChatMessage[] {
  return [
    { role: "system", content: SYSTEM_PROMPT },
    {
      role: "user",
      content: `Explain the medical term "${term}" in one or two sentences, as it is used in this sentence. Do not repeat the sentence.\n\n<sentence>\n${sentence}\n</sentence>`,
    },
  ];
}

/** Asks for the number of the abbreviation sense that fits the sentence. */
export function senseChoiceMessages(abbreviation: string, senses: string[], sentence: string): ChatMessage[] {
  const list = senses.map((sense, i) => `${i + 1}. ${sense}`).join("\n");
  return [
    { role: "system", content: SYSTEM_PROMPT },
    {
      role: "user",
      content: `Which meaning of the abbreviation "${abbreviation}" is used in the sentence? Answer with the number only.\n\n${list}\n\n<sentence>\n${sentence}\n</sentence>`,
    },
  ];
}

/** Reads the sense number from a model answer such as "2", "2." or "Sense 2". */
export function parseSenseChoice(answer: string, count: number): number | undefined {
  const match = /\d+/.exec(answer);
  if (!match) return undefined;
  const number = Number(match[0]);
  return number >= 1 && number <= count ? number - 1 : undefined;
}

export interface AskPromptInput {
  question: string;
  /** The selected or attached text, when there is one. */
  context?: string;
  /** Earlier turns, already trimmed to the budget, oldest first. */
  history?: ChatTurn[];
  thinking?: boolean;
}

export function askMessages(input: AskPromptInput): ChatMessage[] {
  const system = input.thinking ? `${THINKING_SYSTEM_PREFIX}\n${SYSTEM_PROMPT}` : SYSTEM_PROMPT;
  const messages: ChatMessage[] = [{ role: "system", content: system }];
  for (const turn of input.history ?? []) messages.push({ role: turn.role, content: turn.content });
  const question = input.question.trim();
  const content = input.context ? `${question}\n\nThe question is about this text:\n${passage(input.context)}` : question;
  messages.push({ role: "user", content });
  return messages;
}
