/**
 * Abbreviated drug names (MS, MSO4, MgSO4, APAP, MTX, HCTZ, tPA, "Levo", "Nitro" drip, …). Unambiguous ones are
 * reported wherever they appear as medicines; ambiguous ones only where a dose or an infusion says they are a drug,
 * with the replacement that fits the context.
 */

import type { TokenHandler } from "./abbreviationRules";
import { CHEMISTRY_RE } from "./lexicon";
import type { LineScan } from "./lineScan";
import type { Quantity } from "./quantities";

/** Candidate patterns of drug abbreviations, merged into the abbreviation scanner's token pattern. */
export const DRUG_TOKEN_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ["ms", "MS"],
  ["mso4", String.raw`MSO4|MS04|MSO₄`],
  ["mgso4", String.raw`MgSO4|MgSO₄|MGSO4`],
  ["znso4", String.raw`ZnSO4|ZnSO₄|ZNSO4`],
  ["apap", "APAP"],
  ["azt", "AZT"],
  ["cpz", "CPZ"],
  ["hctz", String.raw`HCTZ|[Hh]ctz`],
  ["hct", "HCT"],
  ["mtx", "MTX"],
  ["pca", "PCA"],
  ["ptu", "PTU"],
  ["t3", "T3"],
  ["tac", String.raw`TAC|[Tt]ac`],
  ["tnk", String.raw`TNK-t-?PA|TNK`],
  ["tpa", String.raw`(?:r-?)?t-?PA|r?TPA`],
  ["txa", "TXA"],
  ["nitro", String.raw`[Nn]itro|NITRO`],
  ["levo", String.raw`[Ll]evo|LEVO`],
  ["neo", String.raw`[Nn]eo|NEO`],
  ["vanc", String.raw`[Vv]anco?|VANCO?`],
];

const INFUSION_WORDS_RE = /^[ \t]*(?:drip|gtts?|infusion|inf)\b/i;
const PRESSOR_RE = /\b(?:pressors?|vasopressors?|MAP|titrat\w*|wean\w*|norepi|shock|hypotension)\b/i;
const MORPHINE_FORMS_RE = /^[ \t]*(?:IR|ER|SR|CR|IV|IVP|PO|SL|IM|PCA|elixir|oral|push|liquid)\b/;
const PSYCH_RE = /\b(?:psychos\w*|schizophren\w*|agitation|equivalents?|antipsychotic\w*|hiccups|delirium|mania)\b/i;
const NAUSEA_RE = /\b(?:nausea|vomiting|N\/V|antiemetic\w*|emesis|migraine)\b/i;
const ARRHYTHMIA_RE = /\b(?:arrhythmi\w*|VT|WPW|SVT|antiarrhythmic\w*|NAPA|QRS|atrial fibrillation|afib|AF)\b/i;
const ANALGESIA_RE = /\b(?:pump|morphine|hydromorphone|fentanyl|dilaudid|demand|lockout|basal|analgesi\w*|pain|arter\w*|component)\b/i;
const TOPICAL_RE = /\b(?:cream|ointment|lotion|topical\w*|apply|%)|%/i;
const LACERATION_RE = /\b(?:laceration|gel|wound)\b/i;
const STROKE_RE = /\b(?:stroke|CVA|thromboly\w*|alteplase|door|NIHSS|LVO|PE|embolism|bolus|given|administered|mg\/kg|catheter|occlusion|cath ?flo)\b/i;
const PROTEIN_AFTER_RE = /^[ \t-]*(?:expression|antigen|activity|gene|mRNA|protein|release|secretion|assay|ELISA|knockout|deficien\w*|levels?|\/PAI|-\/-|inhibitor|promoter|signal\w*)/i;
const PROTEIN_BEFORE_RE = /\b(?:endogenous|plasma|serum|murine|mouse|human|PAI-?1|uPA)\s*$/i;
const NITRO_FORMS_RE = /^[ \t]*(?:drip|gtts?|infusion|paste|patch|ointment|spray|SL|sublingual|tabs?|tablets?|prn|x[ \t]?\d)\b/i;
const SEIZURE_RE = /\b(?:seizures?|epilep\w*|Keppra|convuls\w*|status|AED)\b/i;
const INFECTION_DRUG_RE = /\b(?:pneumonia|PNA|UTI|infections?|antibiotics?|abx|cellulitis|sinusitis|pyelo\w*|CAP|HAP)\b/i;
const REVERSAL_RE = /\b(?:reversal|reverse|glyco|glycopyrrolate|NMB|paralysis|twitch\w*|TOF|extubat\w*)\b/i;
const IV_PO_BEFORE_RE = /\b(?:IV|PO|iv|po|oral|intravenous)[ \t]+$/;
const PAIN_RE = /\b(?:pain|prn|tabs?|tablets?)\b/i;

/** A handler for an abbreviation with one meaning. */
function simple(ruleId: string, expansion: string): TokenHandler {
  return (scan, _token, start, end) => scan.emit(ruleId, start, end, [expansion]);
}

/** MgSO4 and ZnSO4 are also laboratory reagents; those are left alone. */
function sulfate(ruleId: string, expansion: string): TokenHandler {
  return (scan, _token, start, end) => {
    if (!scan.near(CHEMISTRY_RE, start, end, 60, 60)) scan.emit(ruleId, start, end, [expansion]);
  };
}

function massUnit(q: Quantity | undefined): string | undefined {
  return q && (q.family === "mg" || q.family === "mcg" || q.family === "µg" || q.family === "g") ? q.family : undefined;
}

/**
 * What each abbreviation stands for, to recognise a writer defining it ("tranexamic acid (TXA)"). A defined
 * abbreviation is not reported anywhere in that document.
 */
export const ABBREVIATION_EXPANSIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ["mso4", ["morphine sulfate", "morphine sulphate"]],
  ["mgso4", ["magnesium sulfate", "magnesium sulphate"]],
  ["znso4", ["zinc sulfate", "zinc sulphate"]],
  ["apap", ["acetaminophen", "paracetamol", "n-acetyl-p-aminophenol"]],
  ["azt", ["zidovudine", "azidothymidine"]],
  ["cpz", ["chlorpromazine", "prochlorperazine"]],
  ["hctz", ["hydrochlorothiazide"]],
  ["hct", ["hydrocortisone", "hydrochlorothiazide"]],
  ["mtx", ["methotrexate"]],
  ["pca", ["procainamide"]],
  ["ptu", ["propylthiouracil"]],
  ["t3", ["liothyronine", "triiodothyronine"]],
  ["tac", ["triamcinolone", "tacrolimus"]],
  ["tnk", ["tenecteplase"]],
  ["tpa", ["alteplase", "tissue plasminogen activator", "tissue-type plasminogen activator"]],
  ["txa", ["tranexamic acid"]],
  ["ssi", ["sliding scale insulin", "sliding-scale insulin", "sliding scale"]],
]);

/** Rules whose findings disappear once the document defines the abbreviation. */
export const DEFINABLE_RULES: ReadonlySet<string> = new Set([
  "tjc-mso4", "tjc-mgso4", "ismp-drug-znso4", "ismp-drug-apap", "ismp-drug-azt", "ismp-drug-cpz", "ismp-drug-hctz",
  "ismp-drug-hct", "ismp-drug-mtx", "ismp-drug-pca", "ismp-drug-ptu", "ismp-drug-t3", "ismp-drug-tac", "ismp-drug-tnk",
  "ismp-drug-tpa", "ismp-drug-txa", "ismp-ssi",
]);

/** The form under which a defined abbreviation is remembered: "tPA", "t-PA" and "TPA" are the same. */
export function abbreviationKey(token: string): string {
  return token.toUpperCase().replace(/[.\s-]/g, "");
}

/** True for "methotrexate (MTX)" or "MTX (methotrexate)": the writer is defining the abbreviation. */
export function isDefinition(scan: LineScan, start: number, end: number, expansions: readonly string[]): boolean {
  const text = scan.text;
  const opensBefore = /\(\s*$/.test(text.slice(Math.max(0, start - 4), start));
  const opensAfter = /^\s*\(/.test(text.slice(end, end + 4));
  if (!opensBefore && !opensAfter) return false;
  const before = opensBefore ? text.slice(Math.max(0, start - 40), start).replace(/\s*\(\s*$/, "").toLowerCase() : "";
  const after = opensAfter ? text.slice(end, end + 40).replace(/^\s*\(\s*/, "").toLowerCase() : "";
  return expansions.some((e) => (opensBefore && before.endsWith(e)) || (opensAfter && after.startsWith(e)));
}

export const drugAbbreviationHandlers: Record<string, TokenHandler> = {
  ms(scan, _token, start, end) {
    const rest = scan.text.slice(end, end + 12);
    if (/^[ \t]*Contin\b/i.test(rest)) return; // a brand name
    const after = scan.doseAfter(end, 1, 12);
    const before = scan.doseBefore(start, 0, 3);
    const form = MORPHINE_FORMS_RE.test(rest);
    const infusion = INFUSION_WORDS_RE.test(rest);
    if (!after && !before && !form && !infusion) return;
    const dose = after ?? before;
    if (dose?.family === "g") scan.emit("tjc-ms", start, end, ["magnesium sulfate", "morphine sulfate"]);
    else if (dose && (dose.family === "mg" || dose.family === "mcg")) scan.emit("tjc-ms", start, end, ["morphine sulfate", "magnesium sulfate"]);
    else if (form && !/^[ \t]*IV\b/.test(rest)) scan.emit("tjc-ms", start, end, ["morphine sulfate"]);
    else scan.emit("tjc-ms", start, end, ["morphine sulfate", "magnesium sulfate"], true);
  },
  mso4: simple("tjc-mso4", "morphine sulfate"),
  mgso4: sulfate("tjc-mgso4", "magnesium sulfate"),
  znso4: sulfate("ismp-drug-znso4", "zinc sulfate"),
  apap: simple("ismp-drug-apap", "acetaminophen"),
  azt: simple("ismp-drug-azt", "zidovudine"),
  hctz: simple("ismp-drug-hctz", "hydrochlorothiazide"),
  mtx: simple("ismp-drug-mtx", "methotrexate"),
  ptu: simple("ismp-drug-ptu", "propylthiouracil"),
  txa: simple("ismp-drug-txa", "tranexamic acid"),
  tnk: simple("ismp-drug-tnk", "tenecteplase"),
  cpz(scan, _token, start, end) {
    const psych = scan.inSentence(PSYCH_RE, start);
    const nausea = scan.inSentence(NAUSEA_RE, start);
    if (psych && !nausea) scan.emit("ismp-drug-cpz", start, end, ["chlorpromazine"]);
    else if (nausea && !psych) scan.emit("ismp-drug-cpz", start, end, ["prochlorperazine"]);
    else scan.emit("ismp-drug-cpz", start, end, ["prochlorperazine", "chlorpromazine"], true);
  },
  hct(scan, _token, start, end) {
    const dose = scan.doseAfter(end, 0, 4);
    if (!massUnit(dose)) return; // hematocrit, or hematopoietic cell transplant
    const amount = dose!.numbers[0]!.text;
    const iv = /^[^;.]{0,20}\b(?:IV|IM|IVP)\b/.test(scan.text.slice(dose!.end, dose!.end + 24));
    if (amount === "12.5") scan.emit("ismp-drug-hct", start, end, ["hydrochlorothiazide"]);
    else if (iv) scan.emit("ismp-drug-hct", start, end, ["hydrocortisone"]);
    else scan.emit("ismp-drug-hct", start, end, ["hydrocortisone", "hydrochlorothiazide"], true);
  },
  pca(scan, _token, start, end) {
    if (!scan.inSentence(ARRHYTHMIA_RE, start) || scan.inSentence(ANALGESIA_RE, start)) return;
    if (!scan.doseAfter(end, 1, 12) && !INFUSION_WORDS_RE.test(scan.text.slice(end, end + 12))) return;
    scan.emit("ismp-drug-pca", start, end, ["procainamide"]);
  },
  t3(scan, _token, start, end) {
    const dose = scan.doseAfter(end, 0, 4);
    if (!dose) return;
    if (dose.family === "mcg" || dose.family === "µg") scan.emit("ismp-drug-t3", start, end, ["liothyronine"]);
    else if (dose.family === "count" && PAIN_RE.test(scan.text.slice(dose.end, dose.end + 30))) {
      scan.emit("ismp-drug-t3", start, end, ["acetaminophen with codeine No. 3"]);
    }
  },
  tac(scan, token, start, end) {
    const rest = scan.text.slice(end, end + 30);
    const dose = scan.doseAfter(end, 1, 10);
    const topical = TOPICAL_RE.test(rest);
    if (!dose && !topical) {
      if (token === "TAC" && LACERATION_RE.test(rest)) scan.emit("ismp-drug-tac", start, end, ["tetracaine, epinephrine and cocaine"]);
      return;
    }
    if (topical) scan.emit("ismp-drug-tac", start, end, ["triamcinolone"]);
    else if (token === "tac" || token === "Tac") scan.emit("ismp-drug-tac", start, end, ["tacrolimus", "triamcinolone"]);
    else scan.emit("ismp-drug-tac", start, end, ["triamcinolone", "tacrolimus"], true);
  },
  tpa(scan, token, start, end) {
    if (PROTEIN_AFTER_RE.test(scan.text.slice(end, end + 20)) || PROTEIN_BEFORE_RE.test(scan.text.slice(Math.max(0, start - 20), start))) return;
    if (/TPA$/.test(token) && !scan.inSentence(STROKE_RE, start)) return;
    scan.emit("ismp-drug-tpa", start, end, ["alteplase"]);
  },
  nitro(scan, _token, start, end) {
    const rest = scan.text.slice(end, end + 16);
    if (rest.startsWith("-")) return;
    const prev = scan.wordBefore(start, 14);
    const sublingual = prev !== undefined && (prev.norm === "sl" || prev.norm === "sublingual");
    if (!NITRO_FORMS_RE.test(rest) && !sublingual) return;
    if (INFUSION_WORDS_RE.test(rest)) scan.emit("ismp-drug-nitro", start, end, ["nitroglycerin", "nitroprusside"]);
    else scan.emit("ismp-drug-nitro", start, end, ["nitroglycerin"]);
  },
  levo(scan, _token, start, end) {
    const rest = scan.text.slice(end, end + 16);
    if (rest.startsWith("-")) return;
    const dose = scan.doseAfter(end, 1, 12);
    if (INFUSION_WORDS_RE.test(rest) || (dose && dose.family === "mcg" && /min/.test(dose.denominator))) {
      scan.emit("ismp-drug-levo", start, end, ["norepinephrine"]);
    } else if (dose && (dose.family === "mcg" || dose.family === "µg")) {
      scan.emit("ismp-drug-levo", start, end, ["levothyroxine"]);
    } else if (dose && dose.family === "mg") {
      const seizure = scan.inSentence(SEIZURE_RE, start);
      const infection = scan.inSentence(INFECTION_DRUG_RE, start);
      if (seizure && !infection) scan.emit("ismp-drug-levo", start, end, ["levetiracetam"]);
      else if (infection && !seizure) scan.emit("ismp-drug-levo", start, end, ["levofloxacin"]);
      else scan.emit("ismp-drug-levo", start, end, ["levofloxacin", "levetiracetam"], true);
    } else if (!dose && scan.inSentence(PRESSOR_RE, start)) {
      scan.emit("ismp-drug-levo", start, end, ["norepinephrine"]);
    }
  },
  neo(scan, _token, start, end) {
    const rest = scan.text.slice(end, end + 16);
    if (rest.startsWith("-")) return;
    const dose = scan.doseAfter(end, 1, 12);
    if (INFUSION_WORDS_RE.test(rest) || (dose && (dose.family === "mcg" || dose.family === "µg"))) {
      scan.emit("ismp-drug-neo", start, end, ["phenylephrine"]);
    } else if (dose && dose.family === "mg") {
      if (scan.inSentence(REVERSAL_RE, start)) scan.emit("ismp-drug-neo", start, end, ["neostigmine"]);
      else scan.emit("ismp-drug-neo", start, end, ["neostigmine", "phenylephrine"], true);
    }
  },
  vanc(scan, _token, start, end) {
    const ivBefore = IV_PO_BEFORE_RE.test(scan.text.slice(Math.max(0, start - 14), start));
    if (!ivBefore && !scan.doseAfter(end, 1, 12)) return;
    scan.emit("ismp-drug-vanc", start, end, ["vancomycin"]);
  },
};
