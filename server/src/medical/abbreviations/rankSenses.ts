/**
 * Orders the senses of an abbreviation by a simple, deterministic cue-word score: the number of a sense's cue words
 * found in the surrounding text. No model is involved, so a hover can show the ranked senses at once.
 */
import { tokenizeWords } from "../text/words";
import type { AbbreviationEntry, AbbreviationSense } from "./types";

/** A sense with the cue words that supported it. */
export interface RankedSense {
  sense: AbbreviationSense;
  /** How many distinct cue words were found. */
  score: number;
  matchedCues: readonly string[];
}

const WORD_LIKE = /^[\p{L}\p{N}][\p{L}\p{N}.'-]*$/u;
/** Shorter words must match exactly: "ecg" should not match "ecgs…" noise, and "ear" must not match "early". */
const MIN_PREFIX = 4;

/** Lower-cased words of the context, with hyphenated words also split into their parts. */
function contextWords(context: string, exclude?: { start: number; end: number }): string[] {
  const words: string[] = [];
  for (const token of tokenizeWords(context)) {
    if (exclude && token.start < exclude.end && token.end > exclude.start) continue;
    const lower = token.text.toLowerCase();
    words.push(lower);
    if (lower.includes("-")) words.push(...lower.split("-").filter((part) => part !== ""));
  }
  return words;
}

/** A cue matches a word when they are equal, or when one starts with the other and the shorter has 4+ letters. */
function cueMatchesWord(cue: string, word: string): boolean {
  if (cue === word) return true;
  const [shorter, longer] = cue.length <= word.length ? [cue, word] : [word, cue];
  return shorter.length >= MIN_PREFIX && longer.startsWith(shorter);
}

/**
 * Ranks the senses of `entry` against `context`. `exclude` is a span of the context to ignore (the abbreviation
 * itself). Ties keep the lexicon order, which lists the most common sense first.
 */
export function rankSenses(entry: AbbreviationEntry, context: string, exclude?: { start: number; end: number }): RankedSense[] {
  const words = contextWords(context, exclude);
  const wordSet = new Set(words);
  const lowerContext = context.toLowerCase();
  const ranked = entry.senses.map((sense) => {
    const matchedCues = sense.cues.filter((cue) => {
      if (!WORD_LIKE.test(cue)) return lowerContext.includes(cue);
      return wordSet.has(cue) || words.some((word) => cueMatchesWord(cue, word));
    });
    return { sense, score: matchedCues.length, matchedCues };
  });
  // Array.prototype.sort is stable, so equal scores keep the lexicon order.
  return ranked.sort((a, b) => b.score - a.score);
}
