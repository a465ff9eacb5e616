/**
 * Abbreviation rules for frequencies, routes, sites and other shorthand (QD, QOD, qhs, HS, SC, IN, OD, D/C, UD, …).
 * One precompiled pattern finds every candidate token; a handler per token reads the context and decides whether, and
 * with which replacement, to report it.
 */

import { ABBREVIATION_EXPANSIONS, abbreviationKey, drugAbbreviationHandlers, DRUG_TOKEN_SOURCES, isDefinition } from "./drugAbbreviationRules";
import {
  DROPS_RE, DRUG_NAMES, EAR_RE, EYE_EXAM_WORDS, EYE_RE, FREQUENCY_RE, HALF_STRENGTH_RE, INFECTION_RE, INSULIN_RE, ANTIDEPRESSANT_RE,
  OVERDOSE_RE, ROUTE_WORDS,
} from "./lexicon";
import type { LineScan, Word } from "./lineScan";

/** Decides about one candidate token. */
export type TokenHandler = (scan: LineScan, token: string, start: number, end: number) => void;

const TOKEN_SOURCES: ReadonlyArray<readonly [string, string]> = [
  ["qd", String.raw`[Qq]\.[Dd]\.?|[Qq][Dd]`],
  ["qod", String.raw`[Qq]\.[Oo]\.[Dd]\.?|[Qq][Oo][Dd]`],
  ["qhs", String.raw`[Qq]\.[Hh]\.?[Ss]\.?|[Qq][Hh][Ss]`],
  ["qn", String.raw`[Qq]\.[Nn]\.?|[Qq][Nn]`],
  ["q1d", String.raw`[Qq]\.1\.[Dd]\.?|[Qq]1[Dd]|i\/d`],
  ["achs", String.raw`[Aa][Cc][ \t]?(?:\/|&|and)[ \t]?[Hh][Ss]|ACHS|achs`],
  ["hs", String.raw`[Hh]\.[Ss]\.?|HS|hs|Hs`],
  ["bt", String.raw`BT|b\.t\.`],
  ["biw", String.raw`[Bb]\.[Ii]\.[Ww]\.?|BIW|biw`],
  ["tiw", String.raw`[Tt]\.[Ii]\.[Ww]\.?|TIW|tiw`],
  ["dc", String.raw`[Dd]\/[Cc](?:'?[Ee]?[Dd]|'?[Ii][Nn][Gg])?`],
  ["ij", "IJ"],
  ["in", "IN"],
  ["it", "IT"],
  ["sc", String.raw`SC|SQ|sc|sq|[Ss]\.[CcQq]\.`],
  ["subq", String.raw`[Ss][Uu][Bb][ \t-]?[Qq]`],
  ["peros", String.raw`[Pp]er[ \t]+os|PER[ \t]+OS`],
  ["ud", String.raw`UD|[Uu]\.[Dd]\.|ut dict\.?`],
  ["oj", String.raw`OJ|O\.J\.`],
  ["eye", String.raw`OD|OS|OU|od|[Oo]\.[DdSsUu]\.?`],
  ["ear", String.raw`AD|AS|AU|[Aa]\.[DdSsUu]\.`],
  ["ss", String.raw`ss|s\.s\.`],
  ["ssi", "SSI"],
  ["ssri", "SSRI"],
  ...DRUG_TOKEN_SOURCES,
];

/** Every character a token can start with; checked first so most word starts fail at once. */
const TOKEN_FIRST_CHARS = "ABCDHILMNOPQSTUVZabdhilnopqrstuv";
// Starting with the separator (rather than a lookbehind) lets the engine skip positions inside words quickly.
const TOKEN_RE = new RegExp(
  String.raw`(?:^|[^A-Za-z0-9_\\@#.])(?=[${TOKEN_FIRST_CHARS}])(${TOKEN_SOURCES.map(([, source]) => source).join("|")})(?![A-Za-z0-9_])`,
  "g",
);

const SIDE_WORDS: ReadonlySet<string> = new Set(["r", "l", "right", "left", "rt", "lt", "bilateral", "b/l", "ipsilateral", "contralateral"]);
const SUBCUT_NON_DOSE_NOUNS: ReadonlySet<string> = new Set(
  "joint joints fat nodule nodules emphysema air tissue tissues crepitus cells injury lesion lesions mass edema cord level transplant dissection mets metastasis metastases abscess hematoma collection layer layers".split(" "),
);
const SUBCUT_ADJECTIVE_NOUNS: ReadonlySet<string> = new Set("injection injections route administration dose doses use formulation infusion".split(" "));
const ORAL_NOUNS: ReadonlySet<string> = new Set("intake feeding feeds diet challenge trial route medications meds administration".split(" "));
const DOSE_VERBS: ReadonlySet<string> = new Set("use take apply inject instill give inhale administer administered given injected taken applied".split(" "));
const JUGULAR_WORDS: ReadonlySet<string> = new Set(
  "line cvc cvl catheter cordis vein central tlc access introducer hd dialysis port triple approach cannulation sheath venous".split(" "),
);
const IT_DRUGS_RE = /^[ \t]*(?:chemo\w*|methotrexate|MTX|cytarabine|ara-?C|baclofen|hydrocortisone|nusinersen|trastuzumab|topotecan|thiotepa|injection|dose)\b/i;
const DISCHARGE_BEFORE: ReadonlySet<string> = new Set("at on upon after post prior before for pending until anticipate anticipated ready plan planned awaiting expected tentative possible likely".split(" "));
const DISCHARGE_AFTER: ReadonlySet<string> = new Set(
  "home to summary summaries planning plan instructions date today tomorrow criteria med rec disposition paperwork teaching when once".split(" "),
);
const DISCONTINUE_OBJECTS: ReadonlySet<string> = new Set(
  "foley catheter line picc drain iv ivf drip gtt infusion abx antibiotics tele telemetry o2 oxygen pressors sutures staples ngt ng tube restraints precautions isolation monitoring all this it nsaids nsaid opioids opiates steroids diuretics statin antihypertensives anticoagulation insulin heparin".split(" "),
);

/** Each token kind's pattern on its own, anchored, to tell which kind a match is. */
const TOKEN_KIND_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = TOKEN_SOURCES.map(([name, source]) => [name, new RegExp(`^(?:${source})$`)]);

/** Spellings already classified; tokens come from a small vocabulary, so this stays small (and is capped anyway). */
const KIND_CACHE = new Map<string, string | undefined>();

/** The handler name of a matched token. */
function tokenKind(token: string): string | undefined {
  if (KIND_CACHE.has(token)) return KIND_CACHE.get(token);
  const kind = TOKEN_KIND_PATTERNS.find(([, pattern]) => pattern.test(token))?.[0];
  if (KIND_CACHE.size < 2000) KIND_CACHE.set(token, kind);
  return kind;
}

/** "q.d." at the end of a sentence keeps its final period for the sentence. */
function withoutSentenceDot(scan: LineScan, token: string, end: number): number {
  if (!token.endsWith(".") || token.indexOf(".") === token.length - 1) return end;
  const rest = scan.text.slice(end);
  return rest.trim() === "" || /^\s+[A-Z]/.test(rest) ? end - 1 : end;
}

function adjacentBefore(scan: LineScan, word: Word | undefined, pos: number): Word | undefined {
  return word && /^\s*$/.test(scan.text.slice(word.end, pos)) ? word : undefined;
}

function isDrugOrDose(word: Word | undefined): boolean {
  return word !== undefined && (DRUG_NAMES.has(word.norm) || word.norm === "insulin" || word.norm === "heparin");
}

/** Bedtime context for HS and BT: a dose, a route or "at" right before. */
function bedtimeContext(scan: LineScan, start: number, end: number): { at: boolean; found: boolean } {
  const before = scan.wordBefore(start, 12);
  const at = before?.norm === "at";
  if (at) return { at, found: true };
  if (scan.doseBefore(start, 3, 30)) return { at, found: true };
  if (before && (ROUTE_WORDS.has(before.norm) || DRUG_NAMES.has(before.norm))) return { at, found: true };
  const after = scan.wordAfter(end, 8);
  return { at, found: after?.norm === "prn" && scan.doseContextAt(start) };
}

const handlers: Record<string, TokenHandler> = {
  qd(scan, token, start, end) {
    // Upper-case QD also means quantum dot; require a dose, route or drug in the sentence.
    if (token === "QD" && (!scan.doseContextAt(start) || scan.inSentence(/quantum/i, start) || /^-[A-Za-z]/.test(scan.text.slice(end)))) return;
    scan.emit("tjc-qd", start, withoutSentenceDot(scan, token, end), ["daily"]);
  },
  qod(scan, token, start, end) {
    scan.emit("tjc-qod", start, withoutSentenceDot(scan, token, end), ["every other day"]);
  },
  qhs(scan, token, start, end) {
    scan.emit("ismp-qhs", start, withoutSentenceDot(scan, token, end), ["nightly at bedtime"]);
  },
  qn(scan, token, start, end) {
    if (!scan.doseContextAt(start)) return;
    scan.emit("ismp-qn", start, withoutSentenceDot(scan, token, end), ["nightly"]);
  },
  q1d(scan, token, start, end) {
    if (token === "i/d" && !scan.doseBefore(start, 2, 20)) return;
    scan.emit("ismp-q1d", start, withoutSentenceDot(scan, token, end), ["daily"]);
  },
  achs(scan, _token, start, end) {
    if (!scan.doseContextAt(start) && !scan.inSentence(/\b(?:FSBG|FSBS|BG|CBG|glucose|fingersticks?|accuchecks?|POC|insulin)\b/i, start)) return;
    scan.emit("ismp-hs", start, end, ["before meals and at bedtime"]);
  },
  hs(scan, token, start, end) {
    const next = scan.text.slice(end, end + 12);
    if (/^-|^\s*(?:CRP|troponin|TnT|TnI|cTn)/i.test(next)) return;
    const half = scan.near(HALF_STRENGTH_RE, start, end, 25, 25);
    const bed = bedtimeContext(scan, start, end);
    const bedtime = bed.at ? "bedtime" : "at bedtime";
    const trimmedEnd = withoutSentenceDot(scan, token, end);
    if (half && bed.found) scan.emit("ismp-hs", start, trimmedEnd, [bedtime, "half-strength"], true);
    else if (half) scan.emit("ismp-hs", start, trimmedEnd, ["half-strength"]);
    else if (bed.found) scan.emit("ismp-hs", start, trimmedEnd, [bedtime]);
  },
  bt(scan, token, start, end) {
    if (/^\s*shunt/i.test(scan.text.slice(end, end + 8))) return;
    const bed = bedtimeContext(scan, start, end);
    if (!bed.found) return;
    scan.emit("ismp-bt", start, withoutSentenceDot(scan, token, end), [bed.at ? "bedtime" : "at bedtime"]);
  },
  biw(scan, token, start, end) {
    scan.emit("ismp-biw", start, withoutSentenceDot(scan, token, end), ["2 times weekly", "twice weekly"]);
  },
  tiw(scan, token, start, end) {
    scan.emit("ismp-tiw", start, withoutSentenceDot(scan, token, end), ["3 times weekly"]);
  },
  dc(scan, token, start, end) {
    if (scan.text[end] === "/" || (start > 0 && scan.text[start - 1] === "/")) return; // N/V/D/C
    const lower = token.toLowerCase();
    const form = /ing$/.test(lower) ? "ing" : /d$/.test(lower) ? "ed" : "";
    const discontinue = form === "ing" ? "discontinuing" : form === "ed" ? "discontinued" : "discontinue";
    const discharge = form === "ing" ? "discharging" : form === "ed" ? "discharged" : "discharge";
    // Only words joined to the token by spaces count: "Plan: d/c lisinopril" is not "plan d/c".
    const prev = adjacentBefore(scan, scan.wordBefore(start, 16), start);
    const prev2 = prev && adjacentBefore(scan, scan.wordBefore(prev.start, 16), prev.start);
    const following = scan.wordAfter(end, 16);
    const next = following && /^\s*$/.test(scan.text.slice(end, following.start)) ? following : undefined;
    let meaning: "discharge" | "discontinue" | undefined;
    if (next && (DRUG_NAMES.has(next.norm) || DISCONTINUE_OBJECTS.has(next.norm))) meaning = "discontinue";
    else if ((prev && DISCHARGE_BEFORE.has(prev.norm)) || (prev?.norm === "to" && prev2?.norm === "prior")) meaning = "discharge";
    else if (next && DISCHARGE_AFTER.has(next.norm)) meaning = "discharge";
    else if (prev && (DRUG_NAMES.has(prev.norm) || DISCONTINUE_OBJECTS.has(prev.norm))) meaning = "discontinue";
    else if (prev && (prev.norm === "was" || prev.norm === "were" || prev.norm === "been") && prev2 &&
      (DRUG_NAMES.has(prev2.norm) || DISCONTINUE_OBJECTS.has(prev2.norm))) meaning = "discontinue";
    if (meaning === "discharge") scan.emit("ismp-dc", start, end, [discharge]);
    else if (meaning === "discontinue") scan.emit("ismp-dc", start, end, [discontinue]);
    else scan.emit("ismp-dc", start, end, [discontinue, discharge], true);
  },
  ij(scan, _token, start, end) {
    const prev = scan.wordBefore(start, 10);
    const next = scan.wordAfter(end, 16);
    if ((prev && SIDE_WORDS.has(prev.norm)) || (next && JUGULAR_WORDS.has(next.norm))) return;
    if (!scan.doseBefore(start, 1, 16)) return;
    scan.emit("ismp-ij", start, end, ["injection"]);
  },
  in(scan, _token, start, end) {
    if (scan.shouting) return;
    if (/^[ \t]*(?:\d|NS|D5W|water|saline|sterile|normal)/i.test(scan.text.slice(end, end + 10))) return;
    if (!scan.doseBefore(start, 1, 16)) return;
    scan.emit("ismp-in", start, end, ["intranasal"]);
  },
  it(scan, _token, start, end) {
    if (scan.shouting) return;
    if (scan.doseBefore(start, 1, 16) || IT_DRUGS_RE.test(scan.text.slice(end, end + 20))) {
      scan.emit("ismp-it", start, end, ["intrathecal"]);
    }
  },
  sc(scan, token, start, end) {
    const prev = scan.wordBefore(start, 14);
    const next = scan.wordAfter(end, 16);
    if ((prev && SIDE_WORDS.has(prev.norm)) || (next && SUBCUT_NON_DOSE_NOUNS.has(next.norm))) return;
    const lowerCase = token === "sc" || token === "sq";
    const dose = scan.doseBefore(start, 2, 24) !== undefined;
    const drug = isDrugOrDose(prev) || (prev !== undefined && DOSE_VERBS.has(prev.norm));
    const frequencyNext = next !== undefined && (FREQUENCY_RE.test(next.norm) || SUBCUT_ADJECTIVE_NOUNS.has(next.norm));
    if (lowerCase ? !dose : !(dose || drug || (frequencyNext && scan.doseContextAt(start)))) return;
    const adjective = next !== undefined && SUBCUT_ADJECTIVE_NOUNS.has(next.norm);
    scan.emit("ismp-sc", start, withoutSentenceDot(scan, token, end), adjective ? ["subcutaneous"] : ["subcutaneously", "subcut"]);
  },
  subq(scan, _token, start, end) {
    const next = scan.wordAfter(end, 16);
    if (next && SUBCUT_NON_DOSE_NOUNS.has(next.norm)) return;
    const adjective = next !== undefined && SUBCUT_ADJECTIVE_NOUNS.has(next.norm);
    scan.emit("ismp-sc", start, end, adjective ? ["subcutaneous"] : ["subcutaneously", "subcut"]);
  },
  peros(scan, _token, start, end) {
    const next = scan.wordAfter(end, 16);
    const noun = next !== undefined && ORAL_NOUNS.has(next.norm);
    scan.emit("ismp-per-os", start, end, noun ? ["oral"] : ["by mouth", "orally"]);
  },
  ud(scan, token, start, end) {
    const prev = scan.wordBefore(start, 14);
    const dose = scan.doseBefore(start, 3, 30) !== undefined;
    if (!(dose || (prev && (DOSE_VERBS.has(prev.norm) || prev.norm === "as" || ROUTE_WORDS.has(prev.norm) || FREQUENCY_RE.test(prev.norm))))) return;
    const trimmedEnd = withoutSentenceDot(scan, token, end);
    if (prev?.norm === "as" && prev.end === start - 1) scan.emit("ismp-ud", prev.start, trimmedEnd, [`${prev.text} directed`]);
    else scan.emit("ismp-ud", start, trimmedEnd, ["as directed"]);
  },
  oj(scan, token, start, end) {
    const before = scan.words(start - 24, start).map((w) => w.norm);
    const cue = before.some((w) => ["with", "in", "of", "glass", "cup", "oz", "mix", "mixed", "take", "drink", "juice", "and", "or", "into"].includes(w));
    if (!cue && !scan.doseContextAt(start)) return;
    scan.emit("ismp-oj", start, withoutSentenceDot(scan, token, end), ["orange juice"]);
  },
  eye(scan, token, start, end) {
    const text = scan.text;
    if (text[end] === "'" || /^[ \t]*(?:on|of)\b/i.test(text.slice(end, end + 6))) return; // "OD'd", "OD on heroin"
    const letter = token.replace(/\./g, "").toUpperCase();
    if ((letter === "OS" || letter === "OD") && scan.shouting) return;
    const next = scan.wordAfter(end, 10);
    const prev = scan.wordBefore(start, 10);
    // "VA OD 20/25", "IOP 14 OU": a measurement of the eye, not a dose for it.
    const exam = (next !== undefined && /^\d/.test(next.text)) || (prev !== undefined && (EYE_EXAM_WORDS.has(prev.norm) || /^[\d/.]+$/.test(prev.text)));
    const eyeDose = !exam && !scan.near(EAR_RE, start, end, 40, 30) &&
      (scan.near(EYE_RE, start, end, 60, 40) || scan.near(DROPS_RE, start, end, 40, 10));
    const trimmedEnd = withoutSentenceDot(scan, token, end);
    if (letter === "OD") {
      const overdose = scan.inSentence(OVERDOSE_RE, start);
      if (token !== "od" && eyeDose && !overdose) {
        scan.emit("ismp-od", start, trimmedEnd, ["right eye"]);
      } else if (!overdose && !eyeDose && scan.doseBefore(start, 2, 24)) {
        scan.emit("ismp-od", start, trimmedEnd, ["daily"]);
      }
      return;
    }
    if (token === "od" || !eyeDose) return;
    if (letter === "OS") scan.emit("ismp-os", start, trimmedEnd, ["left eye"]);
    else scan.emit("ismp-ou", start, trimmedEnd, ["each eye", "both eyes"]);
  },
  ear(scan, token, start, end) {
    if (scan.shouting) return;
    const earDose = scan.near(EAR_RE, start, end, 60, 40) ||
      (scan.near(DROPS_RE, start, start, 40, 0) && !scan.near(EYE_RE, start, end, 60, 40) && scan.doseBefore(start, 2, 24) !== undefined);
    if (!earDose) return;
    const letter = token.replace(/\./g, "").toUpperCase();
    const trimmedEnd = withoutSentenceDot(scan, token, end);
    if (letter === "AD") scan.emit("ismp-ad", start, trimmedEnd, ["right ear"]);
    else if (letter === "AS") scan.emit("ismp-as", start, trimmedEnd, ["left ear"]);
    else scan.emit("ismp-au", start, trimmedEnd, ["each ear", "both ears"]);
  },
  ss(scan, token, start, end) {
    const prev = scan.wordBefore(start, 12);
    const trimmedEnd = withoutSentenceDot(scan, token, end);
    if (scan.near(/\b(?:insulin|scale|lispro|aspart|regular|Humalog|Novolog|coverage)\b/i, start, end, 30, 30)) {
      scan.emit("ismp-ss", start, trimmedEnd, ["sliding scale"]);
    } else if (prev && ["tab", "tabs", "tablet", "gr", "i", "ii"].includes(prev.norm)) {
      scan.emit("ismp-ss", start, trimmedEnd, ["one-half"]);
    }
  },
  ssi(scan, _token, start, end) {
    if (!scan.inSentence(INSULIN_RE, start) || scan.inSentence(INFECTION_RE, start)) return;
    scan.emit("ismp-ssi", start, end, ["sliding scale insulin"]);
  },
  ssri(scan, _token, start, end) {
    if (!scan.inSentence(/\b(?:insulin|lispro|aspart|Humalog|Novolog|coverage|FSBG|accuchecks?|fingersticks?|sliding)\b/i, start) || scan.inSentence(ANTIDEPRESSANT_RE, start)) return;
    scan.emit("ismp-ssri-insulin", start, end, ["sliding scale regular insulin"]);
  },
  ...drugAbbreviationHandlers,
};

/** Runs every abbreviation rule over the line. */
export function checkAbbreviations(scan: LineScan): void {
  const text = scan.text;
  const re = TOKEN_RE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const token = m[1]!;
    const name = tokenKind(token);
    if (name === undefined) continue;
    const end = m.index + m[0].length;
    const start = end - token.length;
    const expansions = ABBREVIATION_EXPANSIONS.get(name);
    if (expansions && isDefinition(scan, start, end, expansions)) {
      scan.define(abbreviationKey(token));
      continue;
    }
    handlers[name]?.(scan, token, start, end);
  }
}
