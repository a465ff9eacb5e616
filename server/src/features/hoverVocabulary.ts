/** The lexicon-backed vocabulary behind hovers: abbreviations with ranked senses, medical terms, sentences. */
import { findAbbreviationInText } from "../medical/abbreviations";
import { findMedicalTermInText } from "../medical/terms";
import { sentenceAround } from "../medical/text";
import type { HoverVocabulary } from "./hover";

export const hoverVocabulary: HoverVocabulary = {
  abbreviationAt(text, offset) {
    const match = findAbbreviationInText(text, offset);
    if (!match) return undefined;
    return {
      text: match.text,
      start: match.start,
      end: match.end,
      senses: match.senses.map((ranked) => ranked.sense),
      ...(match.entry.caution === undefined ? {} : { caution: match.entry.caution }),
    };
  },
  termAt: (text, offset) => findMedicalTermInText(text, offset),
  sentenceAround: (text, offset) => sentenceAround(text, offset),
};
