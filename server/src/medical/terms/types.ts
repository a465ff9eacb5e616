/** Types of the medical term recogniser. */

/** What a recognised term names. `test` covers laboratory tests, imaging, scores and measurements. */
export type TermKind = "drug" | "condition" | "procedure" | "anatomy" | "test" | "other";

/** How a term was recognised: listed in our vocabulary, or by its medical word parts. */
export type TermSource = "vocabulary" | "morphology";

/** A classification of a word or phrase. */
export interface TermClass {
  kind: TermKind;
  source: TermSource;
}

/** A medical term found in a line of text. */
export interface MedicalTermMatch extends TermClass {
  /** The characters as written. */
  term: string;
  /** Lower-case key the term was matched by (diacritics and apostrophes removed, plural made singular). */
  normalized: string;
  /** Offsets of `term` in the line (`end` exclusive). */
  start: number;
  end: number;
}
