/**
 * Clinical values that must never be treated as identifiers: doses and measurements with units, vital signs, lab
 * results after their name, diagnosis and procedure codes. The detector drops weak findings that land on them, as a
 * second line of defence behind each recognizer's own rules.
 */

import { forEachMatch } from "./patternTools";

/** A half-open range of UTF-16 offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

const NUMBER = "\\d+(?:[.,]\\d+)?";
const MEASUREMENT = new RegExp(
  `(?<![\\w.])${NUMBER}(?:\\s*[-–/]\\s*${NUMBER})*\\s*(?:mg|mcg|µg|ug|g|kg|mL|ml|L|dL|mmol|mEq|units?|IU|%|mmHg|bpm|cm|mm|ng|pg|nmol|pmol|µmol|mOsm|kPa|cmH2O|mL\\/min|mg\\/dL|g\\/dL|mmol\\/L|U\\/L)(?![\\w])`,
  "g",
);
const VITAL_OR_LAB = new RegExp(
  `\\b(?:BP|HR|RR|SpO2|SaO2|O2\\s*sat|sats?|Temp|MAP|CVP|PEEP|FiO2|GCS|NIHSS|Na|K|Cl|HCO3|BUN|Cr|Hgb|Hb|Hct|WBC|Plt|INR|PTT|aPTT|TSH|A1c|HbA1c|LDL|HDL|BNP|CRP|ESR|AST|ALT|ALP|Mg|Phos|Ca|Glucose|Lactate|Troponin|pH|PaO2|PaCO2|QTc|QRS|PR|EF|LVEF|eGFR|CHA2DS2-VASc|HAS-BLED|MELD(?:-Na)?|APACHE(?:\\s+II)?|SOFA|CURB-65|PHQ-9|GAD-7|MMSE|MoCA|ASPECTS|TIMI|Apgar|score|scale)\\s*[:=]?\\s*(?:of\\s+)?[<>≤≥]?\\s*${NUMBER}(?:\\s*[/:]\\s*${NUMBER})*`,
  "g",
);
const CODE = /\b(?:[A-TV-Z]\d{2}(?:\.\d{1,4}[A-Z]?)|CPT\s*#?\s*\d{5}|HCPCS\s*#?\s*[A-Z]\d{4}|LOINC\s*#?\s*\d{1,5}-\d)\b/g;

/** Spans of clinical values in `text`, unsorted and possibly overlapping. */
export function findClinicalSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const pattern of [MEASUREMENT, VITAL_OR_LAB, CODE]) {
    forEachMatch(pattern, text, (m) => spans.push({ start: m.index, end: m.index + m[0].length }));
  }
  return spans;
}
