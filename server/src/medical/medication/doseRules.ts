/**
 * Dose-designation rules: how numbers and units are written (trailing and missing leading zeros, spacing, periods,
 * thousands separators, U/IU/cc/µg, ratio strengths) and number-bound shorthand (x3d, q6PM, q4°).
 */

import { SPACING_HANDLED_ELSEWHERE, unitFamily } from "./lexicon";
import type { LineScan } from "./lineScan";
import type { Quantity } from "./quantities";
import { plainDecimal, spaced, withoutTrailingZeros, withThousandsSeparators } from "./replacementText";

const TRAILING_ZERO_RE = /\.\d*0$/;
const UNIT_CONTINUATION_RE = /^\.(?:[ \t]*(?:[a-z(/]|(?:PO|IV|IM|SL|PR|SC|SQ|IVP|IVPB|BID|TID|QID|PRN|QHS|QD|q\d)\b)|[A-Za-z])/;
const DOSE_JOIN_RE = /^([ \t]*)([+&])[ \t]*\d/;
/** x3d, q6PM and q4° in one pass: group 1 days; group 2 clock hour with 3 AM/PM; group 4 hours with a degree sign. */
const SHORTHAND_RE = /(?:^|[^A-Za-z0-9])(?=[x×Qq])(?:[x×][ \t]?(\d{1,3})[ \t]?d(?![A-Za-z0-9])|[Qq][ \t]?(?:(\d{1,2})[ \t]?([AaPp])\.?[Mm]\.?(?![A-Za-z0-9])|(\d{1,2})[ \t]?°))/g;
const RATIO_RE = /(?<![\d.,:/])1[ \t]?:[ \t]?(\d{1,3}(?:,\d{3})+|\d{3,7})(?![\d,]|\.\d)/g;
const RATIO_DRUG_RE = /\b(?:epinephrine|epi|adrenaline|adrenalin|isoproterenol|norepinephrine|lidocaine|bupivacaine)\b/i;
const RATIO_OTHER_RE = /\b(?:dilut\w*|antibod\w*|randomi[sz]\w*|ratio|odds|allocation|serum|titer|titre|primary|secondary|blocking|scale|map|ANA)\b/i;
/** Three letters directly followed by a digit: where a drug name (three letters or more) can run into its dose. */
const LETTER_DIGIT_RE = /[A-Za-z]{3}\d/g;
/** What every shorthand match contains; lines without it skip the full pattern. */
const SHORTHAND_HINT_RE = /[x×Qq][ \t]?\d/;
const NAME_RE = /^(?:[A-Z]?[a-z]{3,}|[A-Z]{4,})$/;
const DOSE_AFTER_NAME_RE = /\d+(?:\.\d+)?(?=([ \t]?)([A-Za-zµμ][A-Za-zµμ']*))/y;
/** Words that end in a letter before a number for reasons other than a drug name. */
const NOT_DRUG_WORDS: ReadonlySet<string> = new Set(["covid", "sars", "cov", "type", "grade", "stage", "class", "dose", "doses", "day", "days", "week", "weeks", "bed", "room", "level", "page", "figure", "table", "step", "phase", "cycle", "version"]);

function sentenceDotFollows(text: string, end: number): boolean {
  const rest = text.slice(end);
  return rest === "" || /^\s*$/.test(rest) || /^\s+[A-Z]/.test(rest);
}

function checkNumbers(scan: LineScan, q: Quantity): void {
  for (const n of q.numbers) {
    const decimal = n.text.includes(".");
    if (decimal && TRAILING_ZERO_RE.test(n.text)) {
      scan.emit("tjc-trailing-zero", n.start, n.end, [withoutTrailingZeros(n.text)]);
    }
    if (decimal && n.text.startsWith(".")) {
      scan.emit("tjc-leading-zero", n.start, n.end, [`0${n.text}`]);
    }
    const integer = decimal ? n.text.slice(0, n.text.indexOf(".")) : n.text;
    if (integer.length >= 5 && /^\d+$/.test(integer)) {
      scan.emit("ismp-large-number", n.start, n.start + integer.length, [withThousandsSeparators(integer)]);
    }
  }
}

/** Span and replacement for a unit that is replaced by a word: the number is included when they run together. */
function unitFix(q: Quantity, word: string): { start: number; end: number; replacement: string } {
  if (q.gap === "") {
    const last = q.numbers[q.numbers.length - 1]!;
    return { start: last.start, end: q.unitEnd, replacement: `${last.text} ${word}` };
  }
  return { start: q.unitStart, end: q.unitEnd, replacement: word };
}

function checkUnit(scan: LineScan, q: Quantity): void {
  const text = scan.text;
  if (q.family === "cc") {
    const fix = unitFix(q, "mL");
    scan.emit("ismp-cc", fix.start, fix.end, [fix.replacement]);
  } else if (q.family === "U") {
    if (text[q.unitEnd] === "." && /[A-Za-z]/.test(text[q.unitEnd + 1] ?? "")) return; // U.S., U.K.
    const single = q.numbers.length === 1 && Number(q.numbers[0]!.text) === 1;
    const fix = unitFix(q, single ? "unit" : "units");
    scan.emit("tjc-u", fix.start, fix.end, [fix.replacement]);
  } else if (q.family === "IU") {
    const first = unitFix(q, "units");
    const second = unitFix(q, "international units");
    scan.emit("tjc-iu", first.start, first.end, [first.replacement, second.replacement]);
  } else if (q.family === "µg" && !/^\/[ \t]?(?:m?L|dL|µL|μL|uL|g)\b/i.test(q.denominator)) {
    // A concentration (µg/mL) is a lab or reagent value; the rule is about doses.
    const fix = unitFix(q, "mcg");
    scan.emit("ismp-microgram", fix.start, fix.end, [fix.replacement]);
  }
}

function checkLayout(scan: LineScan, q: Quantity): void {
  const text = scan.text;
  if (q.gap === "" && !SPACING_HANDLED_ELSEWHERE.has(q.family)) {
    const last = q.numbers[q.numbers.length - 1]!;
    scan.emit("ismp-dose-unit-spacing", last.start, q.unitEnd, [`${last.text} ${q.unit}`]);
  }
  if (q.denominator === "" && text.charCodeAt(q.unitEnd) === 46 /* . */ && UNIT_CONTINUATION_RE.test(text.slice(q.unitEnd, q.unitEnd + 8))) {
    scan.emit("ismp-unit-period", q.unitStart, q.unitEnd + 1, [q.unit]);
  }
  if (q.slashSeparatesDoses) {
    for (let slash = text.indexOf("/", q.unitEnd); slash >= 0 && slash < q.end; slash = text.indexOf("/", slash + 1)) {
      if (/^\/[ \t]?\d/.test(text.slice(slash, slash + 3))) scan.emit("ismp-slash", slash, slash + 1, [spaced(text, "and", slash, slash + 1)]);
    }
  }
  let after = q.end;
  while (text.charCodeAt(after) === 32 || text.charCodeAt(after) === 9) after++;
  const joiner = text.charCodeAt(after);
  const join = joiner === 43 || joiner === 38 ? DOSE_JOIN_RE.exec(text.slice(q.end, q.end + 12)) : null;
  if (join) {
    const at = q.end + join[1]!.length;
    scan.emit("ismp-plus-ampersand", at, at + 1, [spaced(text, "and", at, at + 1)]);
  }
}

function checkQuantities(scan: LineScan): void {
  for (const q of scan.quantities) {
    if (q.kind !== "dose") continue;
    checkNumbers(scan, q);
    checkUnit(scan, q);
    checkLayout(scan, q);
  }
}

function checkShorthand(scan: LineScan): void {
  const text = scan.text;
  if (!SHORTHAND_HINT_RE.test(text)) return;
  SHORTHAND_RE.lastIndex = 0;
  for (let m = SHORTHAND_RE.exec(text); m; m = SHORTHAND_RE.exec(text)) {
    const start = /^[xX×Qq]/.test(m[0]) ? m.index : m.index + 1;
    let end = m.index + m[0].length;
    if (m[1] !== undefined) {
      const days = Number(m[1]);
      scan.emit("ismp-x-days", start, end, [`for ${days} ${days === 1 ? "day" : "days"}`]);
    } else if (m[2] !== undefined) {
      if (m[0].endsWith(".") && sentenceDotFollows(text, end)) end--;
      const hour = Number(m[2]);
      if (hour >= 1 && hour <= 12) scan.emit("ismp-q6pm", start, end, [`daily at ${hour} ${m[3]!.toUpperCase()}M`]);
    } else {
      const hours = Number(m[4]);
      scan.emit("ismp-degree-hour", start, end, [`every ${hours} ${hours === 1 ? "hour" : "hours"}`]);
    }
  }
}

function checkRatios(scan: LineScan): void {
  const text = scan.text;
  if (!text.includes("1:") && !text.includes("1 :")) return;
  RATIO_RE.lastIndex = 0;
  for (let m = RATIO_RE.exec(text); m; m = RATIO_RE.exec(text)) {
    if (!scan.inSentence(RATIO_DRUG_RE, m.index) || scan.inSentence(RATIO_OTHER_RE, m.index)) continue;
    const parts = Number(m[1]!.replace(/,/g, ""));
    if (parts < 1000) continue;
    const mgPerMl = 1000 / parts;
    const mcgPerMl = mgPerMl * 1000;
    const options = [`${plainDecimal(mgPerMl)} mg/mL`];
    if (mgPerMl < 0.1) options.push(`${plainDecimal(mcgPerMl)} mcg/mL`);
    scan.emit("ismp-ratio-strength", m.index, m.index + m[0].length, options);
  }
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function checkDrugDoseSpacing(scan: LineScan): void {
  const text = scan.text;
  LETTER_DIGIT_RE.lastIndex = 0;
  for (let m = LETTER_DIGIT_RE.exec(text); m; m = LETTER_DIGIT_RE.exec(text)) {
    const digitsAt = m.index + 3;
    let wordStart = m.index;
    while (wordStart > 0 && isLetter(text.charCodeAt(wordStart - 1))) wordStart--;
    const before = text.charCodeAt(wordStart - 1);
    if (wordStart > 0 && ((before >= 48 && before <= 57) || before === 95 || before === 92)) continue;
    const word = text.slice(wordStart, digitsAt);
    if (!NAME_RE.test(word) || NOT_DRUG_WORDS.has(word.toLowerCase())) continue;
    DOSE_AFTER_NAME_RE.lastIndex = digitsAt;
    const dose = DOSE_AFTER_NAME_RE.exec(text);
    if (!dose || unitFamily(dose[2]!) === undefined) continue;
    const end = digitsAt + dose[0].length;
    scan.emit("ismp-drug-dose-spacing", wordStart, end, [`${word} ${dose[0]}`]);
    LETTER_DIGIT_RE.lastIndex = end;
  }
}

/** Runs the number-bound rules; cheap no-op on lines without digits. */
export function checkDoseDesignations(scan: LineScan): void {
  if (!/\d/.test(scan.text)) return;
  checkQuantities(scan);
  checkShorthand(scan);
  checkRatios(scan);
  checkDrugDoseSpacing(scan);
}
