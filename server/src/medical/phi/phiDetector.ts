/**
 * The PHI detector: runs every recognizer over a text, adds repeated mentions of names it found, drops weak findings
 * that sit on clinical values, and merges what overlaps into sorted, non-overlapping findings. Pure and synchronous;
 * it never logs or keeps the text.
 */

import type { PhiDetectOptions, PhiFinding, PhiRecognizer } from "./phiTypes";
import { ageRecognizer } from "./ageRecognizer";
import { findClinicalSpans } from "./clinicalValues";
import { emailRecognizer, ipRecognizer, phoneRecognizer, urlRecognizer } from "./contactRecognizers";
import { dateRecognizer } from "./dateRecognizer";
import { labelledIdRecognizer, validatedIdRecognizer } from "./identifierRecognizers";
import { addressRecognizer } from "./addressRecognizer";
import { placeRecognizer } from "./placeRecognizer";
import { nameRecognizer } from "./nameRecognizer";
import { propagateNames } from "./namePropagation";
import { makeFinding } from "./patternTools";
import { tableRecognizer } from "./tableRecognizers";

/** Every recognizer the detector runs, in no particular order (overlaps are resolved afterwards). */
export const PHI_RECOGNIZERS: readonly PhiRecognizer[] = [
  nameRecognizer,
  dateRecognizer,
  ageRecognizer,
  phoneRecognizer,
  emailRecognizer,
  urlRecognizer,
  ipRecognizer,
  labelledIdRecognizer,
  validatedIdRecognizer,
  addressRecognizer,
  placeRecognizer,
  tableRecognizer,
];

/** Findings below this score are dropped when they overlap a clinical value. */
const WEAK = 0.75;

/**
 * "Walter Abernathy (93)", "Gerald Fontaine, 94, MRN …", "Pressley, Opal — 99 —": a bare number over 89 right after
 * a name is an age.
 */
function agesAfterNames(text: string, names: readonly PhiFinding[]): PhiFinding[] {
  const found: PhiFinding[] = [];
  for (const name of names) {
    const m = /^[ \t]*(?:\([ \t]*(\d{2,3})[ \t]*\)|(?:,|[—–]|-(?=[ \t]))[ \t]*(\d{2,3})(?=[ \t]*(?:[,;)—–]|-[ \t])))/.exec(
      text.slice(name.end, name.end + 12),
    );
    const digits = m?.[1] ?? m?.[2] ?? "";
    const value = Number(digits);
    if (!m || value < 90 || value > 125) continue;
    const start = name.end + m[0].lastIndexOf(digits);
    found.push(makeFinding("AGE", start, start + digits.length, 0.8, "ageAfterName"));
  }
  return found;
}

function dropWeakOnClinicalValues(text: string, findings: PhiFinding[]): PhiFinding[] {
  if (!findings.some((finding) => finding.score < WEAK && finding.type !== "NAME")) return findings;
  const spans = findClinicalSpans(text).sort((a, b) => a.start - b.start);
  if (spans.length === 0) return findings;
  return findings.filter((finding) => {
    if (finding.score >= WEAK || finding.type === "NAME") return true;
    // Spans are sorted by start; a binary search finds the last one starting before the finding ends.
    let low = 0;
    let high = spans.length - 1;
    let candidate = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((spans[middle]?.start ?? 0) < finding.end) {
        candidate = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    for (let i = candidate; i >= 0 && i > candidate - 8; i--) {
      const span = spans[i];
      if (span && span.end > finding.start) return false;
    }
    return true;
  });
}

/**
 * Merges overlapping findings into one finding over their union, so nothing a recognizer saw is left uncovered. The
 * merged finding takes the type, score and recognizer of its strongest member (longer wins a tie).
 */
export function mergeFindings(findings: readonly PhiFinding[]): PhiFinding[] {
  const sorted = [...findings].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PhiFinding[] = [];
  let current: PhiFinding | undefined;
  let best: PhiFinding | undefined;
  const flush = (): void => {
    if (current && best) merged.push({ ...best, start: current.start, end: current.end });
  };
  for (const finding of sorted) {
    if (current && best && finding.start < current.end) {
      current = { ...current, end: Math.max(current.end, finding.end) };
      const longer = finding.end - finding.start > best.end - best.start;
      if (finding.score > best.score || (finding.score === best.score && longer)) best = finding;
      continue;
    }
    flush();
    current = finding;
    best = finding;
  }
  flush();
  return merged;
}

/**
 * Finds PHI in `text`. Returns findings sorted by start, never overlapping, with UTF-16 offsets. The findings hold
 * no text; slice the input to see what was found.
 */
export function detectPhi(text: string, options: PhiDetectOptions = {}): PhiFinding[] {
  if (text.length === 0) return [];
  const raw = PHI_RECOGNIZERS.flatMap((recognizer) => recognizer.find(text));
  const names = raw.filter((finding) => finding.type === "NAME");
  raw.push(...propagateNames(text, names), ...agesAfterNames(text, names));
  const types = options.types ? new Set(options.types) : undefined;
  const minScore = options.minScore ?? 0;
  const kept = dropWeakOnClinicalValues(text, raw).filter(
    (finding) => finding.score >= minScore && (!types || types.has(finding.type)),
  );
  return mergeFindings(kept);
}
