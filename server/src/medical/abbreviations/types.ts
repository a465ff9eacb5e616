/** Types of the clinical abbreviation lexicon. */

/** The specialty or field a sense belongs to. */
export type Domain =
  | "general"
  | "pharmacy"
  | "cardiology"
  | "pulmonology"
  | "gastroenterology"
  | "hepatology"
  | "nephrology"
  | "urology"
  | "neurology"
  | "psychiatry"
  | "endocrinology"
  | "hematology"
  | "oncology"
  | "infectious disease"
  | "immunology"
  | "rheumatology"
  | "orthopedics"
  | "obstetrics"
  | "gynecology"
  | "pediatrics"
  | "neonatology"
  | "surgery"
  | "anesthesia"
  | "emergency"
  | "critical care"
  | "radiology"
  | "laboratory"
  | "ophthalmology"
  | "otolaryngology"
  | "dermatology"
  | "research"
  | "administration";

/**
 * One sense as written in the data files: the expansion, a one-line plain-language gloss, the domain, and cue words
 * (space-separated, case-insensitive) whose presence in the sentence makes this sense more likely.
 */
export type SenseRow = readonly [expansion: string, gloss: string, domain: Domain, cues: string];

/** One abbreviation as written in the data files. */
export interface EntryRow {
  /** Accepted spellings, space-separated, case-sensitive; the first is the usual one ("qd QD q.d. Q.D."). */
  forms: string;
  /** Senses, most common first (the order breaks ties when no cue decides). */
  senses: readonly SenseRow[];
  /** For abbreviations on error-prone lists: why it is risky and the safer wording. */
  caution?: string;
  /** The upper-case form is also an English word ("ALL", "OR"); skipped in all-caps text, where it is ambiguous. */
  commonWord?: boolean;
  /**
   * Spellings (space-separated, also listed in `forms`) that are ordinary English words ("bid", "yo"). They count
   * only right after a number or a dose unit or route ("500 mg bid", "65 yo"), never in running prose.
   */
  wordForms?: string;
}

/** A sense of an abbreviation. */
export interface AbbreviationSense {
  expansion: string;
  /** One line in plain language. */
  gloss: string;
  domain: Domain;
  /** Lower-case cue words. */
  cues: readonly string[];
}

/** An abbreviation with all its spellings and senses. */
export interface AbbreviationEntry {
  /** The usual spelling. */
  abbreviation: string;
  /** Every accepted spelling, the usual one first. */
  forms: readonly string[];
  senses: readonly AbbreviationSense[];
  caution?: string;
  commonWord: boolean;
  /** Spellings that are also English words and need a dose or number before them. */
  wordForms: readonly string[];
}
