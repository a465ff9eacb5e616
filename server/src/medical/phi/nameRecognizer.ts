/**
 * Person names. A capitalised word is not evidence of a name in clinical text (headings, drugs, eponyms, organisms
 * and abbreviations are capitalised too), so a name is reported only where something announces it:
 * - a title: "Mr. Ostrowski", "Dr.~Andersen";
 * - a label: "Patient: DOE, JANE", "Electronically signed by …", "Caller: …", sign-offs such as "Sincerely,";
 * - a role word before it ("Pharmacist Dev Patel") or an identifier label after it ("Delgado, MRN 81290034");
 * - a credential after it: "J. Smith, MD", "Kendra Wallace, FNP-C";
 * - a relative's word before it: "his wife Dorothy", "daughter, Elena Gutierrez";
 * - a greeting or introduction: "Hi Tasha", "this is Doctor Patil";
 * - a known given name before a surname ("Kevin Walsh"), or a surname before one ("Brooks, Yolanda");
 * - an initial before a surname ("J. Ruiz"), or a double-barrelled surname ("Agatha Pemberton-Hale");
 * - in lower-case notes, "dr feinstein" and signatures such as "- j. okoye rn".
 * The text is read once, word by word: each word is looked up in a table of cue words, and only a matching cue runs
 * its pattern at that spot. Candidates are judged by `cleanNameCandidate`; repeated mentions by `propagateNames`.
 */

import type { PhiFinding, PhiRecognizer } from "./phiTypes";
import { alternation, before, forEachMatch, makeFinding } from "./patternTools";
import { LETTER, LOWER, UPPER } from "./letterClasses";
import { CREDENTIALS, EPONYMS, GIVEN_NAMES, RELATIONS, TITLES } from "./nameLexicon";
import {
  BY_PHRASES,
  ID_LABELS_AFTER_NAME,
  INTRODUCTIONS,
  LOWER_NOT_NAME,
  ROLES_BEFORE_NAME,
  ROLE_LABELS,
  SIGN_OFFS,
} from "./nameCueWords";
import type { NameEvidence } from "./nameShapes";
import {
  LABEL_SHAPES,
  MIXED,
  SHAPES,
  WORD,
  addNamesAt,
  cleanNameCandidate,
  isCapitals,
  isNonName,
  isUpperChar,
  nameEndingAt,
  titleCase,
} from "./nameShapes";

type CueHandler = (text: string, match: RegExpExecArray, found: PhiFinding[]) => void;

interface Cue {
  /** Sticky pattern run at the cue word. */
  pattern: RegExp;
  handle: CueHandler;
  /** A character right before the cue that cancels it (e.g. "-" in "e-mail to"). */
  notAfter: RegExp;
}

/** Cue word (lower case) → the cues that start with it. */
const CUES = new Map<string, Cue[]>();

function firstWord(phrase: string): string {
  return /^[a-z]+(?:'[a-z]+)?/.exec(phrase.replace(/\\/g, "").replace(/’/g, "'").toLowerCase())?.[0] ?? "";
}

function register(phrases: readonly string[], source: string, flags: string, notAfter: RegExp, handle: CueHandler): void {
  const cue: Cue = { pattern: new RegExp(source, `${flags}y`), handle, notAfter };
  for (const key of new Set(phrases.map(firstWord))) {
    if (!key) continue;
    const list = CUES.get(key) ?? [];
    list.push(cue);
    CUES.set(key, list);
  }
}

const STRONG: NameEvidence = { strength: "strong", score: 0.85, recognizer: "labelledName" };
const LABEL_PUNCT = "(?:\\*\\*|__|\\}|\\\\text(?:bf|it)\\{)?";
const NOT_WORD_BEFORE = /[\w/-]/;
const NO_LETTER_BEFORE = new RegExp(`[${LETTER}]`);

register(TITLES, `(?:${alternation(TITLES)})(?:\\.(?=[ \\t~]*[${UPPER}])|(?=[ \\t~]+[${UPPER}]))`, "", NO_LETTER_BEFORE, (text, m, found) => {
  addNamesAt(text, m.index, [SHAPES.mixed, SHAPES.capsSeq], { strength: "strong", score: 0.9, recognizer: "titledName" }, found);
});

register(
  ROLE_LABELS,
  `(?:${alternation(ROLE_LABELS)})(?:[ \\t]+(?:physician|provider|name))?[ \\t]*${LABEL_PUNCT}[ \\t]*(?:[:=&|]|-(?=[ \\t]))[ \\t]*${LABEL_PUNCT}[ \\t]*`,
  "i",
  NOT_WORD_BEFORE,
  (text, m, found) => addNamesAt(text, m.index + m[0].length, LABEL_SHAPES, STRONG, found),
);

register(BY_PHRASES, `(?:${alternation(BY_PHRASES)})\\b:?[ \\t]*`, "i", NOT_WORD_BEFORE, (text, m, found) => {
  addNamesAt(text, m.index + m[0].length, LABEL_SHAPES, STRONG, found);
});

register(ROLES_BEFORE_NAME, `(?:${alternation(ROLES_BEFORE_NAME)})[ \\t]+(?=[${UPPER}])`, "i", NOT_WORD_BEFORE, (text, m, found) => {
  const evidence: NameEvidence = { strength: "strong", score: 0.8, recognizer: "labelledName", minTokens: 2 };
  addNamesAt(text, m.index + m[0].length, [SHAPES.capsLastFirst, SHAPES.lastFirst, SHAPES.mixedInitial], evidence, found);
});

const SIGNATURE: NameEvidence = { strength: "strong", score: 0.8, recognizer: "signature" };
register(SIGN_OFFS, `(?:${alternation(SIGN_OFFS)})[ \\t]*,[ \\t]*(?:\\\\\\\\)?[ \\t]*(?:\\r?\\n[ \\t]*){0,3}`, "i", /\w/, (text, m, found) => {
  addNamesAt(text, m.index + m[0].length, [SHAPES.mixed], SIGNATURE, found);
});

register(INTRODUCTIONS, `(?:${alternation(INTRODUCTIONS)})[ \\t]*,?[ \\t]+(?=[${UPPER}])`, "i", NO_LETTER_BEFORE, (text, m, found) => {
  addNamesAt(text, m.index + m[0].length, [SHAPES.mixedInitial], { strength: "weak", score: 0.7, recognizer: "cuedName" }, found);
});

const AT_RELATION_GAP = /[ \t]*(?:[,:(]|-(?=[ \t]))?[ \t]*(?:\r?\n[ \t]*)?(?:named[ \t]+|is[ \t]+)?/y;
const LOWER_WORD_AT = /[a-z][a-z'-]+/y;
register(RELATIONS, `(?:${alternation(RELATIONS)})(?![${LETTER}-])`, "i", new RegExp(`[${LETTER}-]`), (text, m, found) => {
  AT_RELATION_GAP.lastIndex = m.index + m[0].length;
  const at = m.index + m[0].length + (AT_RELATION_GAP.exec(text)?.[0].length ?? 0);
  if (addNamesAt(text, at, [SHAPES.mixed], { strength: "weak", score: 0.75, recognizer: "relativeName" }, found) > 0) return;
  // Lower-case notes: "wife sharon at bedside" — only a known given name counts.
  LOWER_WORD_AT.lastIndex = at;
  const lower = LOWER_WORD_AT.exec(text)?.[0];
  if (lower && GIVEN_NAMES.has(titleCase(lower))) found.push(makeFinding("NAME", at, at + lower.length, 0.6, "relativeName"));
});

/** What may stand between a name and the marker after it: " , (", ", ". */
const GAP_BEFORE_MARKER = /[ \t]*,?[ \t]*\(?$/;
const BEFORE_CREDENTIAL = new RegExp(`[${LETTER}.][ \\t]*,?[ \\t]+$`);
const BEFORE_ID_LABEL = new RegExp(`[${LETTER}.][ \\t]*,?[ \\t]*\\(?$`);

/** Where a name would end before a marker at `index`: before the spaces, comma and bracket between them. */
function endBeforeMarker(text: string, index: number): number {
  const gap = GAP_BEFORE_MARKER.exec(before(text, index, 8));
  return index - (gap?.[0].length ?? 0);
}

const unescaped = CREDENTIALS.map((credential) => credential.replace(/\\/g, ""));
/** A credential right before another one ("MD, PhD", "MB BCh BAO"): the first one already read the name. */
const CREDENTIAL_BEFORE = new RegExp(`(?<![${LETTER}])(?:${alternation(CREDENTIALS, { raw: true })})[ \\t]*,?[ \\t]+$`);
register(unescaped, `(?:${alternation(CREDENTIALS, { raw: true })})(?![${LETTER}0-9-])`, "", new RegExp(`[${LETTER}0-9-]`), (text, m, found) => {
  const preceding = before(text, m.index, 16);
  if (!BEFORE_CREDENTIAL.test(preceding) || CREDENTIAL_BEFORE.test(preceding)) return;
  // "Baltimore, MD 21287" is a state and a ZIP code, not a credential.
  if (/^(?:MD|PA|MS|DE|OR|ME|IN)$/.test(m[0]) && /^[ \t]+\d{5}/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return;
  const span = nameEndingAt(text, endBeforeMarker(text, m.index), [SHAPES.lastFirst, SHAPES.mixed], "strong");
  if (span) found.push(makeFinding("NAME", span.start, span.end, 0.85, "credentialName"));
});

register(
  ID_LABELS_AFTER_NAME,
  "(?:MRN|MR#|D\\.?O\\.?B\\b\\.?|NHS\\s+(?:number|no)|hospital\\s+(?:number|no)|date of birth)",
  "i",
  NO_LETTER_BEFORE,
  (text, m, found) => {
    if (!BEFORE_ID_LABEL.test(before(text, m.index, 8))) return;
    const span = nameEndingAt(text, endBeforeMarker(text, m.index), [SHAPES.capsLastFirst, SHAPES.lastFirst, SHAPES.mixed], "weak");
    if (span) found.push(makeFinding("NAME", span.start, span.end, 0.75, "nameBeforeId"));
  },
);

register(["dr"], "dr\\.?[ \\t]+([a-z][a-z'-]{2,})\\b", "", NO_LETTER_BEFORE, (_text, m, found) => {
  const word = m[1] ?? "";
  if (LOWER_NOT_NAME.has(word) || isNonName(titleCase(word))) return;
  const start = m.index + m[0].length - word.length;
  found.push(makeFinding("NAME", start, start + word.length, 0.6, "lowerCaseName"));
});

const CAPITALISED_SCAN = new RegExp(`[${UPPER}][${LETTER}'’]*`, "g");
const LETTER_CHAR = new RegExp(`[${LETTER}]`);
/** Built after every `register` call: any cue word, so one scan finds every place a cue may start. */
let cueScan: RegExp | undefined;

function cueScanPattern(): RegExp {
  cueScan ??= new RegExp(`(?<![A-Za-z])(?:${alternation([...CUES.keys()])})(?![A-Za-z'])`, "gi");
  return cueScan;
}
const NOT_BEFORE_NAME = /[0-9'’.-]/;
/** Words of three letters or more, for judging whether a line is written in title case. */
const TITLE_CASE_WORD = new RegExp(`[${LETTER}]{3,}`, "g");
const AT_LAST_GIVEN = new RegExp(`,[ \\t]*(${WORD})`, "y");
const AT_INITIAL_SURNAME = new RegExp(`[${UPPER}]\\.(?:[ \\t]?|~)${WORD}`, "y");
const BEFORE_INITIAL = /[\s([,;:"']/;
const AT_DOUBLE_BARRELLED = new RegExp(`[${UPPER}][${LOWER}]+-[${UPPER}][${LOWER}]+(?![${LETTER}-])`, "y");
const WORD_BEFORE = new RegExp(`([${UPPER}][${LOWER}]+)[ \\t]+$`);
const GIVEN: NameEvidence = { strength: "weak", score: 0.7, recognizer: "givenName", minTokens: 2 };
const GIVEN_IN_CAPITALS: ReadonlySet<string> = new Set([...GIVEN_NAMES].map((name) => name.toUpperCase()));
const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** A given name, also when written with accents the list does not have ("Tomás", "José"). */
function isGivenName(word: string): boolean {
  if (GIVEN_NAMES.has(word) || GIVEN_IN_CAPITALS.has(word)) return true;
  if (!NON_ASCII.test(word)) return false;
  const plain = word.normalize("NFD").replace(DIACRITICS, "");
  return GIVEN_NAMES.has(plain) || GIVEN_IN_CAPITALS.has(plain);
}

/** Names shaped by the word itself: a given name, "Surname, Given", "J. Ruiz", "Agatha Pemberton-Hale". */
/**
 * True when the line around `index` is written in title case ("Frank Hematuria Noted On Exam"): a heading, where a
 * given name followed by capitalised words is no evidence of a person.
 */
function inTitleCaseLine(text: string, index: number): boolean {
  const start = text.lastIndexOf("\n", index) + 1;
  const newline = text.indexOf("\n", index);
  const line = text.slice(start, newline < 0 ? Math.min(text.length, index + 200) : newline);
  const words = line.match(TITLE_CASE_WORD) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((word) => isUpperChar(word.charAt(0))).length;
  return capitalised / words.length >= 0.75;
}

function wordShapedNames(text: string, word: string, index: number, found: PhiFinding[]): void {
  const end = index + word.length;
  const next = text.charAt(end);
  const given = isGivenName(word);
  if (!given && next !== "," && next !== "." && next !== "-") return;
  const previous = text.charAt(index - 1);
  if (previous && NOT_BEFORE_NAME.test(previous)) return;
  const afterColon = /:[ \t]*$/.test(before(text, index, 4));
  if (next !== "," && next !== "." && !afterColon && inTitleCaseLine(text, index)) return;
  if (given && addNamesAt(text, index, isCapitals(word) ? [SHAPES.capsSeq] : [SHAPES.mixed], GIVEN, found) > 0) return;
  if (next === ",") {
    AT_LAST_GIVEN.lastIndex = end;
    const first = AT_LAST_GIVEN.exec(text);
    if (first && GIVEN_NAMES.has(first[1] ?? "") && !isNonName(word) && !EPONYMS.has(word)) {
      const span = cleanNameCandidate(text, index, end + first[0].length, "weak");
      if (span) found.push(makeFinding("NAME", span.start, span.end, 0.7, "givenName"));
    }
  } else if (next === "." && word.length === 1 && (index === 0 || BEFORE_INITIAL.test(previous))) {
    AT_INITIAL_SURNAME.lastIndex = index;
    const m = AT_INITIAL_SURNAME.exec(text);
    const span = m ? cleanNameCandidate(text, index, index + m[0].length, "weak") : undefined;
    if (span && span.tokens >= 2) found.push(makeFinding("NAME", span.start, span.end, 0.75, "initialName"));
  } else if (next === "-" && isUpperChar(text.charAt(end + 1)) && (previous === " " || previous === "\t")) {
    AT_DOUBLE_BARRELLED.lastIndex = index;
    const m = AT_DOUBLE_BARRELLED.exec(text);
    const head = m ? WORD_BEFORE.exec(before(text, index, 30)) : null;
    const span = m && head ? cleanNameCandidate(text, index - head[0].length, index + m[0].length, "weak") : undefined;
    if (span && span.tokens >= 2) found.push(makeFinding("NAME", span.start, span.end, 0.65, "doubleBarrelledName"));
  }
}

const DASH_SIGNATURE = /(?:^|\n)[ \t]*(?:—|–|--|-)[ \t]*/g;
/** A line that opens with a person and their age: "Tomás Echeverría, 17, varsity soccer", "Jane Roe (92) returns". */
const NAME_THEN_AGE = new RegExp(`(?:^|\\n)[ \\t]*(?:[-*•][ \\t]+)?(${MIXED})(?=[ \\t]*(?:,[ \\t]*\\d{1,3}(?:[ \\t]*(?:[MF]\\b|y\\b|yo\\b|yr|years?)|[ \\t]*,)|\\([ \\t]*\\d{1,3}[ \\t]*\\)))`, "g");
const SLASH_SIGNATURE = /\/s\/[ \t]*/g;
const LOWER_SIGNATURE =
  /(?:^|\n)[ \t]*(?:—|–|--|-)[ \t]*([a-z]\.?[ \t]?[a-z][a-z'-]+|[a-z][a-z'-]+[ \t]+[a-z][a-z'-]+)[ \t]*,?[ \t]*(?:rn|md|np|pa|do|lpn|cna|rt)\b/g;

function signatures(text: string, found: PhiFinding[]): void {
  forEachMatch(DASH_SIGNATURE, text, (m) => addNamesAt(text, m.index + m[0].length, [SHAPES.mixed], SIGNATURE, found));
  forEachMatch(SLASH_SIGNATURE, text, (m) => addNamesAt(text, m.index + m[0].length, [SHAPES.mixed], SIGNATURE, found));
  forEachMatch(NAME_THEN_AGE, text, (m) => {
    const start = m.index + m[0].length - (m[1] ?? "").length;
    const span = cleanNameCandidate(text, start, m.index + m[0].length, "weak");
    if (span && span.tokens >= 2) found.push(makeFinding("NAME", span.start, span.end, 0.7, "nameThenAge"));
  });
  forEachMatch(LOWER_SIGNATURE, text, (m) => {
    const name = m[1] ?? "";
    const start = m.index + m[0].indexOf(name);
    found.push(makeFinding("NAME", start, start + name.length, 0.6, "lowerCaseName"));
  });
}

/** Finds names announced by titles, labels, credentials, relatives, cues, given names and initials. */
export const nameRecognizer: PhiRecognizer = {
  name: "name",
  types: ["NAME"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    forEachMatch(cueScanPattern(), text, (m) => {
      const previous = text.charAt(m.index - 1);
      for (const cue of CUES.get(m[0].toLowerCase().replace(/’/g, "'")) ?? []) {
        if (previous && cue.notAfter.test(previous)) continue;
        cue.pattern.lastIndex = m.index;
        const match = cue.pattern.exec(text);
        if (match) cue.handle(text, match, found);
      }
    });
    forEachMatch(CAPITALISED_SCAN, text, (m) => {
      if (!LETTER_CHAR.test(text.charAt(m.index - 1))) wordShapedNames(text, m[0], m.index, found);
    });
    signatures(text, found);
    return found;
  },
};
