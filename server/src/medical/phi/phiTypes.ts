/**
 * Shared shapes of the PHI detector. A finding names a kind of identifier and where it is; it never carries the
 * identifying text itself, so findings can be logged, counted and shown without leaking what they point at.
 */

/** Short upper-case tags for the HIPAA Safe Harbor identifiers that text can show. */
export type PhiType =
  | "NAME"
  | "DATE"
  | "AGE"
  | "PHONE"
  | "FAX"
  | "EMAIL"
  | "SSN"
  | "MRN"
  | "ACCOUNT"
  | "HEALTH_PLAN"
  | "LICENSE"
  | "NPI"
  | "DEA"
  | "URL"
  | "IP"
  | "ZIP"
  | "ADDRESS"
  | "LOCATION"
  | "DEVICE"
  | "VEHICLE"
  | "ID";

/** Every PHI type, in the order summaries list them when counts tie. */
export const PHI_TYPES: readonly PhiType[] = [
  "NAME",
  "DATE",
  "AGE",
  "PHONE",
  "FAX",
  "EMAIL",
  "SSN",
  "MRN",
  "ACCOUNT",
  "HEALTH_PLAN",
  "LICENSE",
  "NPI",
  "DEA",
  "URL",
  "IP",
  "ZIP",
  "ADDRESS",
  "LOCATION",
  "DEVICE",
  "VEHICLE",
  "ID",
];

/** One identifier found in a text. Offsets are UTF-16 code units, `end` exclusive. */
export interface PhiFinding {
  type: PhiType;
  start: number;
  end: number;
  /** Confidence from 0 to 1. */
  score: number;
  /** Name of the recognizer that produced it, e.g. "titledName" or "ssn". */
  recognizer: string;
}

/** A recognizer looks for one family of identifiers and reports raw, possibly overlapping findings. */
export interface PhiRecognizer {
  readonly name: string;
  readonly types: readonly PhiType[];
  find(text: string): PhiFinding[];
}

/** Options of `detectPhi`. */
export interface PhiDetectOptions {
  /** Report only these types (all when omitted). */
  types?: readonly PhiType[];
  /** Drop findings scored below this (default 0: report everything). */
  minScore?: number;
}
