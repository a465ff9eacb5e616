/**
 * A small synthetic SentencePiece-style vocabulary with Gemma's special tokens at Gemma's ids, the 256 byte-fallback
 * pieces, newline pieces, every printable ASCII character, and made-up word pieces whose prefixes are all present
 * (SentencePiece builds a piece only by merging two smaller pieces that exist) and whose scores favour longer pieces.
 */
import type { SeededRandom } from "./numeric";

/** `tokenizer.ggml.token_type` codes. */
export const TokenType = {
  normal: 1,
  unknown: 2,
  control: 3,
  userDefined: 4,
  unused: 5,
  byte: 6,
} as const;

/** Gemma's fixed token ids. */
export const GemmaTokenId = {
  pad: 0,
  eos: 1,
  bos: 2,
  unk: 3,
  startOfTurn: 105,
  endOfTurn: 106,
  newline: 107,
  doubleNewline: 108,
} as const;

/** SentencePiece writes a space as U+2581 inside pieces. */
export const SPACE_MARK = "\u2581";

export interface Vocabulary {
  tokens: string[];
  scores: number[];
  types: number[];
}

const CONSONANTS = "bcdfghklmnprstvz";
const VOWELS = "aeiou";

function syntheticWord(random: SeededRandom): string {
  const syllables = 1 + random.below(3);
  let word = "";
  for (let i = 0; i < syllables; i++) {
    word += CONSONANTS[random.below(CONSONANTS.length)] ?? "b";
    word += VOWELS[random.below(VOWELS.length)] ?? "a";
    if (random.next() < 0.3) word += CONSONANTS[random.below(CONSONANTS.length)] ?? "n";
  }
  return word;
}

/** Builds a vocabulary of exactly `size` pieces (at least 512). */
export function buildVocabulary(size: number, random: SeededRandom): Vocabulary {
  if (size < 512) throw new Error("The tiny vocabulary needs at least 512 pieces");
  const tokens: string[] = [];
  const scores: number[] = [];
  const types: number[] = [];
  const seen = new Set<string>();
  const add = (piece: string, type: number, score: number): void => {
    if (seen.has(piece)) throw new Error(`Duplicate piece ${JSON.stringify(piece)}`);
    seen.add(piece);
    tokens.push(piece);
    types.push(type);
    scores.push(score);
  };

  add("<pad>", TokenType.control, 0);
  add("<eos>", TokenType.control, 0);
  add("<bos>", TokenType.control, 0);
  add("<unk>", TokenType.unknown, 0);
  for (let id = tokens.length; id < GemmaTokenId.startOfTurn; id++) add(`<unused${id - 4}>`, TokenType.unused, 0);
  add("<start_of_turn>", TokenType.control, 0);
  add("<end_of_turn>", TokenType.control, 0);
  // Normal pieces, so a prompt ending in a newline keeps the model on printable text.
  add("\n", TokenType.normal, 0);
  add("\n\n", TokenType.normal, 0);
  for (let byte = 0; byte < 256; byte++) {
    add(`<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`, TokenType.byte, 0);
  }

  // Word pieces score by length so the tokenizer prefers the longest pieces; later pieces lose ties.
  const wordScore = (piece: string): number => [...piece].length - tokens.length * 1e-5;
  const addWordPiece = (piece: string): void => {
    if (!seen.has(piece) && tokens.length < size) add(piece, TokenType.normal, wordScore(piece));
  };
  addWordPiece(SPACE_MARK);
  for (let code = 0x21; code <= 0x7e; code++) addWordPiece(String.fromCharCode(code));

  while (tokens.length < size) {
    const word = syntheticWord(random);
    const spaced = SPACE_MARK + word;
    for (let length = 2; length <= word.length; length++) addWordPiece(word.slice(0, length));
    for (let length = 2; length <= spaced.length; length++) addWordPiece(spaced.slice(0, length));
  }
  return { tokens, scores, types };
}
