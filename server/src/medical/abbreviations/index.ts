/** Public API of the clinical abbreviation lexicon. */
export { findAbbreviationAt, findAbbreviationInText, type AbbreviationMatch } from "./findAbbreviation";
export { allAbbreviations, lookupAbbreviation } from "./lexicon";
export { rankSenses, type RankedSense } from "./rankSenses";
export type { AbbreviationEntry, AbbreviationSense, Domain } from "./types";
