/**
 * Numbers that identify a person or a thing of theirs: SSN, record, account, health-plan, licence, NPI, DEA, device
 * and vehicle numbers. Clinical text is full of digit runs (labs, doses, codes), so most of these are found by the
 * label in front of them; only formats distinctive enough to stand alone (a valid SSN, MBI, DEA or VIN) are reported
 * without one.
 */

import type { PhiFinding, PhiRecognizer, PhiType } from "./phiTypes";
import { before, forEachMatch, makeFinding } from "./patternTools";
import { MBI_SOURCE, isValidDea, isValidMbi, isValidNpi, isValidSsn, isValidVin } from "./validators";

interface LabelRule {
  type: PhiType;
  /** Label pattern, matched case-insensitively unless `caseSensitive`. */
  label: string;
  caseSensitive?: boolean;
  /** Checks the value; a value that fails is reported as a generic ID (a label still says it identifies someone). */
  validate?: (value: string) => boolean;
  /** A value shape this label also accepts, tried at the value's start before the general one. */
  extraValue?: RegExp;
}

const NUMBER_WORDS = "(?:\\s*(?:number|num\\.?|no\\.?|#|ID|identifier))?";

/** Labels, most specific first; the first rule whose label ends right before a value wins. */
const LABEL_RULES: readonly LabelRule[] = [
  { type: "SSN", label: `(?:SSN|SS#|social\\s+security${NUMBER_WORDS})`, validate: isValidSsn },
  { type: "NPI", label: `NPI${NUMBER_WORDS}`, validate: isValidNpi },
  { type: "DEA", label: `DEA(?:\\s+registration)?${NUMBER_WORDS}`, validate: isValidDea },
  {
    type: "HEALTH_PLAN",
    label: `(?:medicare\\s+(?:MBI|ID|number|no\\.?|#)|MBI|HICN|medicaid(?:\\s+(?:ID|number|no\\.?|#))?|member\\s*(?:ID|number|no\\.?|#)|subscriber\\s*(?:ID|number|no\\.?|#)|beneficiary\\s*(?:ID|number|no\\.?)|policy${NUMBER_WORDS}|group${NUMBER_WORDS}|insurance\\s*(?:ID|number|no\\.?|#)|(?:health\\s+)?plan\\s*(?:ID|number|#)|(?:transport\\s+)?authori[sz]ation${NUMBER_WORDS}|prior\\s+auth${NUMBER_WORDS})`,
  },
  {
    type: "MRN",
    label: `(?:MRN|MR\\s*#|MR\\s*no\\.?|medical\\s+record(?:\\s+(?:number|no\\.?|#))?|med\\.?\\s*rec\\.?${NUMBER_WORDS}|hospital\\s+(?:number|no\\.?|#)|hosp\\.?\\s*(?:no\\.?|#)|chart${NUMBER_WORDS}|NHS\\s+(?:number|no\\.?)|unit\\s+number|(?:patient\\s+)?record(?:\\s+(?:number|no\\.?|#))?)`,
  },
  {
    type: "ACCOUNT",
    label: `(?:account${NUMBER_WORDS}|acct\\.?${NUMBER_WORDS}|billing\\s+(?:account|number)|FIN|CSN|HAR|visit\\s*(?:number|no\\.?|#|ID)|encounter${NUMBER_WORDS}|enc\\.?\\s*#|claim${NUMBER_WORDS}|invoice${NUMBER_WORDS})`,
  },
  {
    type: "VEHICLE",
    label: `(?:(?:licen[cs]e\\s+)?plate${NUMBER_WORDS}|VIN|vehicle\\s+(?:ID|identification\\s+number|number)|registration\\s+plate|tag${NUMBER_WORDS})`,
    // Plates are often written in two groups: "KLM 4471".
    extraValue: /^[A-Z0-9]{1,4}[ -][A-Z0-9]{2,5}(?![\w-])/i,
  },
  {
    type: "LICENSE",
    label: `(?:(?:driver'?s?\\s+|state\\s+|medical\\s+|nursing\\s+|professional\\s+|NH\\s+|[A-Z]{2}\\s+)?licen[cs]e${NUMBER_WORDS}|lic\\.?\\s*#|DL\\s*#?|certificate${NUMBER_WORDS}|cert\\.?\\s*(?:number|no\\.?|#)|GMC${NUMBER_WORDS}|IMC${NUMBER_WORDS}|CLIA${NUMBER_WORDS}|commission${NUMBER_WORDS}|(?:state\\s+)?file\\s+number|worksheet\\s+(?:number|no\\.?)|registration\\s*(?:number|no\\.?|#))`,
  },
  {
    type: "DEVICE",
    label: `(?:S\\/N|SN|serial(?:s)?${NUMBER_WORDS}|lead\\s+serials?|device\\s*(?:ID|serial|identifier|number)|UDI|lot\\s*(?:number|no\\.?|#)|lot\\/serial|IMEI|MAC\\s+address|station\\s+ID|implant\\s+ID)`,
  },
  {
    type: "ID",
    label: `(?:patient\\s+ID|pt\\.?\\s+ID|subject\\s+ID|participant(?:\\s+ID)?|study\\s*(?:ID|#|number)|screen(?:ing)?\\s*(?:#|number|ID)|accession${NUMBER_WORDS}|acc\\.?\\s*#|case${NUMBER_WORDS}|specimen\\s*(?:ID|number|#)|requisition${NUMBER_WORDS}|kit\\s*(?:number|#)|run\\s*(?:#|number)|report\\s*(?:number|no\\.?|#)|Rx\\s*#|prescription\\s*(?:number|#)|employee\\s*(?:ID|number|#)|badge${NUMBER_WORDS}|interpreter\\s+ID|card\\s+number|reference\\s+(?:number|no\\.?)|confirmation\\s+(?:number|no\\.?)|order\\s*(?:number|#)|tracking\\s+number|MedWatch${NUMBER_WORDS}|incident${NUMBER_WORDS}|job${NUMBER_WORDS}|dictation\\s*(?:ID|number|#)|ticket${NUMBER_WORDS}|voucher${NUMBER_WORDS})`,
  },
  { type: "ID", label: "(?:ID|Acc)", caseSensitive: true },
];

/** Between a label and its value: colons, hashes, table cells, LaTeX braces, Markdown bold, "is". */
const SEPARATOR = "(?:[ \\t]*(?:[:#=|&]|\\*\\*|__|\\}|\\\\textbf\\{|\\\\texttt\\{|~|is\\b|was\\b)[ \\t]*){0,4}[ \\t]*(?:\\r?\\n[ \\t]*)?";
/**
 * An identifier value: letters, digits and inner dashes, dots or slashes; or a GS1 UDI with its bracketed
 * application identifiers; or groups of digits separated by single spaces (NHS numbers, "4471 2290").
 */
const VALUE =
  "((?:\\(\\d{2}\\)[0-9A-Za-z]+){2,}|\\d{3,4}(?: \\d{3,4}){1,3}(?![\\w])|[A-Za-z0-9](?:[A-Za-z0-9]|[-./](?=[A-Za-z0-9])){2,29})";

/**
 * One pass for all case-insensitive labels and one for the case-sensitive ones: each label alternative is its own
 * capture group, so the group that matched names the rule; the value is the last group.
 */
function combine(rules: readonly LabelRule[], flags: string): { rules: readonly LabelRule[]; pattern: RegExp } {
  const labels = rules.map((rule) => `(${rule.label})`).join("|");
  return { rules, pattern: new RegExp(`(?<![\\w/])(?:${labels})(?![\\w])${SEPARATOR}${VALUE}`, flags) };
}

const PASSES = [
  combine(LABEL_RULES.filter((rule) => !rule.caseSensitive), "gi"),
  combine(LABEL_RULES.filter((rule) => rule.caseSensitive), "g"),
];

const WHOLE_LABELS = LABEL_RULES.map((rule) => ({
  type: rule.type,
  pattern: new RegExp(`^(?:${rule.label})$`, rule.caseSensitive ? "" : "i"),
}));

/** The identifier type a label announces ("MRN" → MRN, "Screen #" → ID), e.g. for a table column header. */
export function identifierTypeOfLabel(label: string): PhiType | undefined {
  const trimmed = label.trim().replace(/[:#]$/, (end) => (end === "#" ? end : "")).trim();
  return WHOLE_LABELS.find((rule) => rule.pattern.test(trimmed))?.type;
}

/** More values of the same label: "Lead serials: LRA-339102, LRV-339877". */
const LIST_CONTINUATION = new RegExp(`^(?:[ \\t]*(?:,|;|and|&)[ \\t]*)${VALUE}`);

/** A value needs digits, and a bare four-digit year is not an identifier. */
export function plausibleValue(value: string): boolean {
  const digits = value.replace(/\D/g, "").length;
  if (digits < 3 && !(digits >= 2 && value.length >= 5)) return false;
  if (/^(?:19|20)\d{2}$/.test(value)) return false;
  // Ranges ("age group 65-74", "ref 3.5-5.0") are values, not identifiers.
  if (/^\d{1,3}(?:\.\d+)?-\d{1,3}(?:\.\d+)?$/.test(value)) return false;
  // Dates after a label ("Date: 3/4/2024") belong to the date recognizer.
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/.test(value) && !/^\d{3}-\d{2}-\d{4}$/.test(value)) return false;
  return true;
}

/** Identifiers announced by a label: "MRN: 00482913", "Member ID XKP902117634", "S/N PJN884190S". */
export const labelledIdRecognizer: PhiRecognizer = {
  name: "labelledId",
  types: ["SSN", "NPI", "DEA", "HEALTH_PLAN", "MRN", "ACCOUNT", "VEHICLE", "LICENSE", "DEVICE", "ID"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    const taken = new Set<number>();
    for (const pass of PASSES) {
      forEachMatch(pass.pattern, text, (m) => {
        const rule = pass.rules[m.slice(1, -1).findIndex((group) => group !== undefined)];
        let value = (m[m.length - 1] ?? "").replace(/[.-]+$/, "");
        const start = m.index + m[0].length - (m[m.length - 1] ?? "").length;
        if (!rule || taken.has(start)) return;
        if (rule.extraValue) value = rule.extraValue.exec(text.slice(start, start + 16))?.[0] ?? value;
        if (!plausibleValue(value)) {
          // The "value" may be the start of another label ("certificate worksheet no. …"): look again from there.
          pass.pattern.lastIndex = start;
          return;
        }
        taken.add(start);
        const valid = rule.validate ? rule.validate(value) : true;
        const type = valid ? rule.type : "ID";
        const score = rule.caseSensitive ? 0.7 : valid ? 0.95 : 0.75;
        const recognizer = type === "ID" ? "labelledId" : "labelled";
        found.push(makeFinding(type, start, start + value.length, score, recognizer));
        let end = start + value.length;
        for (;;) {
          const next = LIST_CONTINUATION.exec(text.slice(end, end + 80));
          const more = next?.[1]?.replace(/[.-]+$/, "");
          if (!next || !more || !plausibleValue(more)) break;
          const moreStart = end + next[0].length - (next[1] ?? "").length;
          found.push(makeFinding(type, moreStart, moreStart + more.length, Math.min(score, 0.7), recognizer));
          end = moreStart + more.length;
        }
      });
    }
    return found;
  },
};

const SSN = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w-])/g;
const MBI = new RegExp(`(?<![\\w-])${MBI_SOURCE}(?![\\w-])`, "g");
const DEA = /(?<![\w-])[ABCDEFGHJKLMPRSTUX][A-Z9]\d{7}(?![\w-])/g;
const VIN = /(?<![\w-])[A-HJ-NPR-Z0-9]{17}(?![\w-])/g;
/** Labels written against their value: "MRN00873341", "FIN7730019552". */
const GLUED_LABEL = /\b(MRN|MR#|FIN|CSN|ACCT|NPI|SSN)(\d{5,12})\b/g;
const GLUED_TYPES: Record<string, PhiType> = { MRN: "MRN", "MR#": "MRN", FIN: "ACCOUNT", CSN: "ACCOUNT", ACCT: "ACCOUNT", NPI: "NPI", SSN: "SSN" };
const VEHICLE_CONTEXT = /\b(?:VIN|vehicle|car|truck|van|motorcycle|plate|MVA|MVC|collision|crash|driver)\b/i;
const SSN_CUE = /\b(?:SSN|SS#|social\s+security(?:\s+(?:number|no\.?|#))?)\s*[:#]?\s*$/i;

/** Identifiers whose format and checksum are distinctive enough to report without a label. */
export const validatedIdRecognizer: PhiRecognizer = {
  name: "validatedId",
  types: ["SSN", "HEALTH_PLAN", "DEA", "VEHICLE", "MRN", "ACCOUNT", "NPI", "ID"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    forEachMatch(SSN, text, (m) => {
      if (!isValidSsn(m[0])) return;
      const cued = SSN_CUE.test(before(text, m.index, 30));
      // Space-separated triples are common in tables; without a label only the dashed form counts.
      if (m[2] === " " && !cued) return;
      found.push(makeFinding("SSN", m.index, m.index + m[0].length, cued ? 0.99 : 0.85, "ssn"));
    });
    forEachMatch(GLUED_LABEL, text, (m) => {
      const start = m.index + (m[1] ?? "").length;
      found.push(makeFinding(GLUED_TYPES[m[1] ?? ""] ?? "ID", start, start + (m[2] ?? "").length, 0.9, "labelled"));
    });
    forEachMatch(MBI, text, (m) => {
      if (isValidMbi(m[0])) found.push(makeFinding("HEALTH_PLAN", m.index, m.index + m[0].length, 0.85, "mbi"));
    });
    forEachMatch(DEA, text, (m) => {
      if (isValidDea(m[0])) found.push(makeFinding("DEA", m.index, m.index + m[0].length, 0.85, "dea"));
    });
    // Seventeen-character runs are costly to scan for; a VIN without its label appears only where vehicles are.
    if (VEHICLE_CONTEXT.test(text)) {
      forEachMatch(VIN, text, (m) => {
        if (/\d/.test(m[0]) && /[A-Z]/.test(m[0]) && isValidVin(m[0])) {
          found.push(makeFinding("VEHICLE", m.index, m.index + m[0].length, 0.85, "vin"));
        }
      });
    }
    return found;
  },
};
