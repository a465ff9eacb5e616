/** Public API of the text utilities: words and sentences in clinical writing. */
export { DEFAULT_MAX_SENTENCE_LENGTH, sentenceAround } from "./sentence";
export { isWordChar, tokenizeWords, wordAt, type TextSpan } from "./words";
