/**
 * Ages over 89. Safe Harbor keeps younger ages and lets older ones be aggregated as "90 or older", so only the number
 * of an age above 89 is reported, and never where the text already aggregates it ("aged 90 or older", "≥ 90").
 */

import type { PhiFinding, PhiRecognizer } from "./phiTypes";
import { after, before, forEachMatch, groupStart, makeFinding } from "./patternTools";

const OLDEST = 125;

/** "92-year-old", "92 years old", "92 yrs of age", "92 y.o.", "92 yo", "92 y/o", "92yo". */
const AGE_WITH_UNIT =
  /\b(\d{2,3})(?:\s*-?\s*(?:years?|yrs?|yr)\.?\s*-?\s*(?:old|of\s+age)\b|\s*-?\s*(?:y\.o\.?|y\/o|yo|YO)(?![\w/])|\s+years?\b(?!\s+(?:ago|later|before|after|of\s+(?!age)))|\s*(?:y|yr)\b(?![\s-]*(?:old|of)))/gd;
/** "age 92", "aged 95", "Age: 93", "age (93)". */
const AGE_AFTER_WORD = /\b(?:[Aa]ged?|AGED?)\b\s*[:=]?\s*\(?\s*(\d{2,3})\b(?!\s*(?:[.,]\d|%|kg|cm|mm))/gd;
/** "93 M", "96F", "(93 M)" — the age-sex shorthand of case reports and lists. */
const AGE_SEX = /(?<![\w.°-])(\d{2,3})\s?(?:M|F)\b(?![\w'’])/gd;

const UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)";
/** Dictated ages: "ninety-one year old", "one hundred and two years old". */
const SPOKEN_AGE = new RegExp(
  `\\b(ninety(?:[- ]${UNITS})?|(?:a|one) hundred(?:(?: and)?[- ](?:${UNITS}|ten))?)(?=[- ](?:years?|yrs?)[- ]old\\b|[- ]year[- ]old\\b|\\s+years\\s+of\\s+age\\b|[- ]yo\\b)`,
  "gdi",
);
/** Appositive ages: "Agatha Pemberton-Hale, then 94, was admitted"; "she turned 95". */
const AGE_APPOSITIVE = /(?:,[ \t]*(?:then|now|aged about)[ \t]+|\b(?:turned|turning)[ \t]+)(\d{2,3})\b(?=[ \t]*[,.;)]|[ \t]+(?:and|in|on|last|this)\b)/gd;

/** Aggregated forms Safe Harbor allows: "90 or older", "90+", "≥ 90", "over 90". */
const AGGREGATE_AFTER = /^\s*(?:\+|or\s+(?:older|over|above)|and\s+(?:older|over|above)|years?\s+(?:and|or)\s+(?:older|over))/i;
const AGGREGATE_BEFORE = /(?:[≥>]|\bover|\babove|\bolder than|\bat least|\bbeyond|\bunder|\bbelow|[<≤])\s*(?:age\s*)?$/i;
/** Temperature cues: "T 101 F" is a fever, not an age. */
const TEMPERATURE_BEFORE = /(?:\bT|\btemp(?:erature)?|\bfever(?:\s+(?:of|to))?|\bTmax|\bpyrexia)\s*:?\s*$/i;
/** Durations: "for 92 years" is not an age. */
const DURATION_BEFORE = /\b(?:for|over|past|last|x|×|in|within|after)\s*$/i;

/** Finds ages above 89 and reports only their number. */
export const ageRecognizer: PhiRecognizer = {
  name: "age",
  types: ["AGE"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    const consider = (match: RegExpExecArray, score: number, name: string): void => {
      const value = Number(match[1]);
      if (value < 90 || value > OLDEST) return;
      const start = groupStart(match, 1);
      const end = start + (match[1] ?? "").length;
      const preceding = before(text, start, 24);
      if (AGGREGATE_BEFORE.test(preceding) || AGGREGATE_AFTER.test(after(text, end, 24))) return;
      if (name !== "ageAfterWord" && DURATION_BEFORE.test(preceding)) return;
      if (name === "ageSex" && TEMPERATURE_BEFORE.test(preceding)) return;
      found.push(makeFinding("AGE", start, end, score, name));
    };
    forEachMatch(AGE_WITH_UNIT, text, (m) => consider(m, 0.9, "ageWithUnit"));
    forEachMatch(AGE_AFTER_WORD, text, (m) => consider(m, 0.9, "ageAfterWord"));
    forEachMatch(AGE_SEX, text, (m) => consider(m, 0.7, "ageSex"));
    forEachMatch(AGE_APPOSITIVE, text, (m) => consider(m, 0.75, "ageAppositive"));
    forEachMatch(SPOKEN_AGE, text, (m) => {
      const start = groupStart(m, 1);
      found.push(makeFinding("AGE", start, start + (m[1] ?? "").length, 0.85, "spokenAge"));
    });
    return found;
  },
};
