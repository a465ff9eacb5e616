/**
 * Token counts without a tokenizer. Gemma's tokenizer gives about 3.25 characters per token on clinical English
 * (abbreviations, numbers and units split finely); the estimate errs on the high side so prompts fit.
 */
export const CHARS_PER_TOKEN = 3.25;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** The number of characters that fits in a token budget. */
export function charsForTokens(tokens: number): number {
  return Math.max(0, Math.floor(tokens * CHARS_PER_TOKEN));
}
