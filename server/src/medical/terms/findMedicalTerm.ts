/**
 * Finds the medical term under a cursor: the longest listed phrase that covers the word under the cursor
 * ("left ventricular ejection fraction"), else a built two-word term ("esophageal stricture"), else the word itself
 * if it is a term, else the part of a hyphenated word under the cursor ("metformin" in "metformin-associated").
 * Ordinary words give undefined.
 */
import { tokenizeWords, type TextSpan } from "../text/words";
import { joined } from "./adjacency";
import { classifyWord, type KeyedTermClass } from "./classifyTerm";
import { compoundAt } from "./compounds";
import { normalizeWord, singularCandidates } from "./normalize";
import type { MedicalTermMatch } from "./types";
import { lookupVocabulary, maxPhraseWords } from "./vocabularyIndex";

function toMatch(line: string, start: number, end: number, found: KeyedTermClass): MedicalTermMatch {
  return { term: line.slice(start, end), normalized: found.normalized, kind: found.kind, source: found.source, start, end };
}

/** The listed phrase a run of normalised words forms, allowing a plural last word ("pulmonary emboli"). */
function listedPhrase(normals: readonly string[]): KeyedTermClass | undefined {
  const key = normals.join(" ");
  const kind = lookupVocabulary(key);
  if (kind !== undefined) return { kind, source: "vocabulary", normalized: key };
  const head = normals.slice(0, -1).join(" ");
  for (const singular of singularCandidates(normals[normals.length - 1] ?? "")) {
    const singularKind = lookupVocabulary(`${head} ${singular}`);
    if (singularKind !== undefined) return { kind: singularKind, source: "vocabulary", normalized: `${head} ${singular}` };
  }
  return undefined;
}

/** The longest listed phrase of two or more words that contains word `index`. */
function phraseAt(line: string, words: readonly TextSpan[], normals: readonly string[], index: number): MedicalTermMatch | undefined {
  for (let size = Math.min(maxPhraseWords(), words.length); size >= 2; size--) {
    for (let first = Math.max(0, index - size + 1); first <= index && first + size <= words.length; first++) {
      let contiguous = true;
      for (let k = first; k < first + size - 1 && contiguous; k++) {
        const left = words[k];
        const right = words[k + 1];
        contiguous = left !== undefined && right !== undefined && joined(line, left, right);
      }
      if (!contiguous) continue;
      const found = listedPhrase(normals.slice(first, first + size));
      if (found) return toMatch(line, words[first]?.start ?? 0, words[first + size - 1]?.end ?? 0, found);
    }
  }
  return undefined;
}

/** The part of a hyphenated word under `character`, if that part is a term on its own. */
function hyphenPartAt(line: string, word: TextSpan, character: number): MedicalTermMatch | undefined {
  let partStart = word.start;
  for (const part of word.text.split("-")) {
    const partEnd = partStart + part.length;
    if (character >= partStart && character <= partEnd && part.length >= 4) {
      const found = classifyWord(part);
      return found ? toMatch(line, partStart, partEnd, found) : undefined;
    }
    partStart = partEnd + 1;
  }
  return undefined;
}

/** The medical term under `character` in `lineText`, or undefined when the cursor is on an ordinary word. */
export function findMedicalTermAt(lineText: string, character: number): MedicalTermMatch | undefined {
  const words = tokenizeWords(lineText);
  let index = words.findIndex((word) => character >= word.start && character < word.end);
  if (index === -1) index = words.findIndex((word) => word.end === character);
  const word = words[index];
  if (word === undefined) return undefined;
  const normals = words.map((candidate) => normalizeWord(candidate.text));
  const phrase = phraseAt(lineText, words, normals, index) ?? compoundAt(lineText, words, index);
  if (phrase) return phrase;
  const single = classifyWord(word.text);
  if (single) return toMatch(lineText, word.start, word.end, single);
  return word.text.includes("-") ? hyphenPartAt(lineText, word, character) : undefined;
}

/** The medical term at `offset` in a whole text (terms never span lines); offsets are in the whole text. */
export function findMedicalTermInText(text: string, offset: number): MedicalTermMatch | undefined {
  const at = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const newline = text.indexOf("\n", at);
  const line = text.slice(lineStart, newline === -1 ? text.length : newline).replace(/\r$/u, "");
  const match = findMedicalTermAt(line, at - lineStart);
  return match && { ...match, start: match.start + lineStart, end: match.end + lineStart };
}
