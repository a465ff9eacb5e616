/** Public API of the medical term recogniser. */
export { classifyTerm, classifyWord, type KeyedTermClass } from "./classifyTerm";
export { findMedicalTermAt, findMedicalTermInText } from "./findMedicalTerm";
export { vocabularySize } from "./vocabularyIndex";
export type { MedicalTermMatch, TermClass, TermKind, TermSource } from "./types";
