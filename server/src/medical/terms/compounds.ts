/**
 * Multi-word terms that are not listed but are built the way clinicians build them:
 * - a name or descriptor before "syndrome" or "disease" ("Budd-Chiari syndrome", "dumping syndrome"); "disorder"
 *   is left out because ordinary English has "public disorder";
 * - a recognised anatomical or descriptive word before a lesion word or a recognised condition
 *   ("esophageal stricture", "retroperitoneal hematoma", "ischemic colitis", "hepatic hydrothorax").
 */
import type { TextSpan } from "../text/words";
import { joined } from "./adjacency";
import { classifyWord } from "./classifyTerm";
import { normalizeWord } from "./normalize";
import type { MedicalTermMatch } from "./types";

const NAMED_HEADS = new Set(["syndrome", "syndromes", "disease", "diseases"]);

/** Words before a named head that make an ordinary phrase ("this disease", "a rare syndrome"). */
const NOT_A_NAME = new Set([
  "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "your", "my", "any", "no",
  "each", "every", "such", "same", "other", "another", "which", "whose", "what", "of", "with", "without", "for", "in",
  "on", "to", "by", "from", "and", "or", "as", "rare", "common", "new", "known", "similar", "different", "serious",
  "underlying", "previous", "prior", "current", "active", "advanced", "possible", "suspected", "presumed",
  "probable", "likely", "clinical", "human", "complex", "systemic", "chronic", "acute", "mild", "moderate", "severe",
  "stable", "progressive", "associated", "related", "specific", "certain", "one", "two", "many", "some", "several",
  "more", "most", "less", "overall", "global", "major", "minor", "primary", "secondary", "late", "early", "end-stage",
  "whole", "entire", "hers", "theirs", "disease", "syndrome", "infectious", "treat", "treated", "cure", "cured",
]);

/** Nouns for a lesion or a failing part, which a recognised anatomical word turns into a term. */
const LESION_HEADS = new Set([
  "cyst", "cysts", "pseudocyst", "stricture", "injury", "injuries", "mass", "masses", "lesion", "lesions", "nodule",
  "nodules", "tumor", "tumour", "tumors", "tumours", "infection", "insufficiency", "failure", "dysfunction",
  "deficiency", "fracture", "fractures", "obstruction", "perforation", "bleeding", "bleed", "infarct", "infarction",
  "laceration", "rupture", "tear", "dissection", "occlusion", "thrombus", "polyp", "polyps", "calculus", "stone",
  "stones", "abscess", "ulcer", "ulcers", "effusion", "hematoma", "haematoma", "hemorrhage", "stenosis",
  "thrombosis", "carcinoma", "cancer", "metastasis", "metastases", "enlargement", "atrophy", "edema", "oedema",
  "inflammation", "spasm", "fistula", "sinus", "varices", "aneurysm", "embolism", "ischemia", "necrosis",
]);

function isName(word: string): boolean {
  const normal = normalizeWord(word);
  return normal.length >= 3 && /^\p{L}/u.test(normal) && !NOT_A_NAME.has(normal);
}

function isModifier(word: string): boolean {
  const found = classifyWord(word);
  return found !== undefined && (found.kind === "anatomy" || found.kind === "other");
}

function isLesion(word: string): boolean {
  return LESION_HEADS.has(normalizeWord(word)) || classifyWord(word)?.kind === "condition";
}

function pairMatch(line: string, left: TextSpan, right: TextSpan): MedicalTermMatch | undefined {
  if (!joined(line, left, right)) return undefined;
  const head = normalizeWord(right.text);
  const named = NAMED_HEADS.has(head) && isName(left.text);
  const lesion = !named && isModifier(left.text) && isLesion(right.text);
  if (!named && !lesion) return undefined;
  const term = line.slice(left.start, right.end);
  return {
    term,
    normalized: `${normalizeWord(left.text)} ${head}`,
    kind: "condition",
    source: "morphology",
    start: left.start,
    end: right.end,
  };
}

/** A built two-word term that contains word `index`, preferring the one where the word is the modifier. */
export function compoundAt(line: string, words: readonly TextSpan[], index: number): MedicalTermMatch | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  const next = words[index + 1];
  const previous = words[index - 1];
  return (next ? pairMatch(line, word, next) : undefined) ?? (previous ? pairMatch(line, previous, word) : undefined);
}
