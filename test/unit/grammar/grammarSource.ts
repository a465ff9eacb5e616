/**
 * The source of the TextMate grammars in syntaxes/. The JSON files there are generated from this module, so the
 * header alternations always list the spellings of server/src/medical/sectionHeaders.ts. Regenerate with
 * `npx tsx test/unit/grammar/writeGrammars.ts`; grammarSource.test.ts fails when the JSON and this source differ.
 * (It lives under test/ because scripts/ belongs to the build; it can move there without change.)
 */

import { SECTION_HEADERS } from "../../../server/src/medical/sectionHeaders";

/** A TextMate rule as written in a .tmLanguage.json file. */
export type GrammarRule = Record<string, unknown>;

const SUFFIX = "clinical-note";

/** Scope name with the language suffix: `scope("constant.numeric.dose")` → "constant.numeric.dose.clinical-note". */
function scope(name: string): string {
  return `${name}.${SUFFIX}`;
}

function captures(...names: (string | undefined)[]): Record<string, { name: string }> {
  const out: Record<string, { name: string }> = {};
  names.forEach((name, index) => {
    if (name) out[String(index + 1)] = { name: scope(name) };
  });
  return out;
}

// Headers -------------------------------------------------------------------------------------------------------

function escapePhrase(phrase: string): string {
  return phrase
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/ and /g, " (?:and|&) ")
    .replace(/ /g, "[ \\t]+");
}

function sortedUnique(phrases: readonly string[]): string[] {
  // Longest first, then by code point, so the file is stable across machines.
  return [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

const isMinor = (tier: string): boolean => tier === "minor";
const headingPhrases = sortedUnique(SECTION_HEADERS.filter((h) => !isMinor(h.tier)).flatMap((h) => h.phrases));
const headingColonOnly = sortedUnique(
  SECTION_HEADERS.filter((h) => !isMinor(h.tier)).flatMap((h) => h.colonOnly ?? []).filter((p) => p.length > 1),
);
const subsectionPhrases = sortedUnique(SECTION_HEADERS.filter((h) => isMinor(h.tier)).flatMap((h) => h.phrases));
const subsectionColonOnly = sortedUnique(SECTION_HEADERS.filter((h) => isMinor(h.tier)).flatMap((h) => h.colonOnly ?? []));

const NUMBERING = String.raw`(?:((?:\d{1,2}\.)+\d{0,2}|\d{1,2}|[IVX]{1,6}\.|[A-H]\.)[ \t]+)?`;
const BOLD = String.raw`(\*\*|__)?`;
const PARENTHETICAL = String.raw`(?:[ \t]*\([^()]*\))?`;
const ENDS_LABEL = String.raw`(?=${PARENTHETICAL}(?:\*\*|__)?[ \t]*(?::|$|[-\x{2013}\x{2014}][ \t]))`;
const ENDS_WITH_COLON = String.raw`(?=${PARENTHETICAL}(?:\*\*|__)?[ \t]*:)`;
const LABEL_TAIL = String.raw`${PARENTHETICAL}${BOLD}[ \t]*(?:(:)${BOLD})?`;

/** A known label at line start: numbering, bold, the phrase, then a colon, a spaced dash or the end of the line. */
function labelRule(name: string, phraseScope: string, phrases: readonly string[], colonOnly: readonly string[]): GrammarRule {
  const alternatives = [`(?i:${phrases.map(escapePhrase).join("|")})${ENDS_LABEL}`];
  if (colonOnly.length > 0) alternatives.push(`(?i:${colonOnly.map(escapePhrase).join("|")})${ENDS_WITH_COLON}`);
  return {
    match: `^[ \\t]*${NUMBERING}${BOLD}(${alternatives.join("|")})${LABEL_TAIL}`,
    name: scope(name),
    captures: captures(
      "markup.heading.number", "punctuation.definition.bold", phraseScope, "punctuation.definition.bold",
      "punctuation.separator.key-value", "punctuation.definition.bold",
    ),
  };
}

const CAPS_STOP = String.raw`(?!(?:NO|NOT|NEGATIVE|DENIES|NONE|FULL CODE|DNR|DNI|SEE ABOVE|SEE BELOW|AS ABOVE)(?![\w]))`;

const headerRules: Record<string, GrammarRule> = {
  "markdown-heading": {
    comment: "'# Heading' lines; '# of stools' is the shorthand for 'number of'.",
    match: String.raw`^[ ]{0,3}(#{1,6})[ \t]+(?!(?i:of)(?![\w]))(.*?)(?:[ \t]+#+)?[ \t]*$`,
    name: scope("markup.heading"),
    captures: captures("punctuation.definition.heading", "entity.name.section"),
  },
  "section-heading": {
    comment: "Known section headers at line start, before a colon or alone on the line. Generated from server/src/medical/sectionHeaders.ts.",
    ...labelRule("markup.heading.section", "entity.name.section", headingPhrases, headingColonOnly),
  },
  "subsection-label": {
    comment: "Body systems and paper subsections ('Lungs:', 'Statistical analysis'), plus one-letter SOAP labels.",
    patterns: [
      labelRule("entity.name.tag.subsection", "entity.name.tag", subsectionPhrases, subsectionColonOnly),
      {
        match: String.raw`^[ \t]*(\*\*|__)?([SOAP])(\*\*|__)?[ \t]*(:)(\*\*|__)?(?![ \t]*\d)`,
        name: scope("markup.heading.section"),
        captures: captures(
          "punctuation.definition.bold", "entity.name.section", "punctuation.definition.bold",
          "punctuation.separator.key-value", "punctuation.definition.bold",
        ),
      },
    ],
  },
  "caps-heading": {
    comment: "A short ALL-CAPS line is a section header even when it is not in the lexicon.",
    match: String.raw`^[ \t]*${CAPS_STOP}([A-Z][A-Z&/'()+-]*(?:[ \t]+[A-Z&/'()+-]+){1,5}|[A-Z][A-Z&/'()+-]{4,})[ \t]*(:)?[ \t]*$`,
    name: scope("markup.heading.section"),
    captures: captures("entity.name.section", "punctuation.separator.key-value"),
  },
  "caps-label": {
    comment: "'HEENT: ...': an ALL-CAPS label before text; a label before a number ('BP: 120/80') is a field, not a header.",
    match: String.raw`^[ \t]*${CAPS_STOP}([A-Z][A-Z&/'()+-]+(?:[ \t]+[A-Z&/'()+-]+){0,5})[ \t]*(:)(?=[ \t]+[^\d\s<>~.]|[ \t]*$)`,
    name: scope("entity.name.tag.subsection"),
    captures: captures("entity.name.tag", "punctuation.separator.key-value"),
  },
};

// Doses and error-prone tokens ----------------------------------------------------------------------------------

const DOSE_UNITS = "mcg|mg|ng|g|kg|mEq|meq|mmol|mL|ml|L|units?|Units?|tabs?|tablets?|caps?|capsules?|puffs?|sprays?|drops?|gtts?|patch(?:es)?|vials?|ampules?|amps?|suppositor(?:y|ies)|lozenges?|applications?|sachets?|packets?|inhalations?";
const RATE_SUFFIX = String.raw`(?:/(?:kg(?:/(?:min|hr?|day|dose))?|m2|min|hr?|day|dose))?`;
const ROUTES = String.raw`PO|p\.o\.|IVPB|IVP|IV|IM|SC|SQ|subcut|subcutaneous(?:ly)?|SL|PR|INH|inhaled|neb(?:ulized)?|topical(?:ly)?|TD|transdermal(?:ly)?|NG|PEG|per tube|via (?:NG|PEG|G-tube|J-tube)|intranasal(?:ly)?|intrathecal(?:ly)?|intravenous(?:ly)?|intramuscular(?:ly)?|by mouth|orally|per rectum|rectally|sublingual(?:ly)?|ophthalmic|otic|vaginal(?:ly)?`;
const ERROR_PRONE_FREQUENCIES = String.raw`Q\.O\.D\.|q\.o\.d\.|QOD|qod|Q\.D\.|q\.d\.|QD|qd`;
const FREQUENCIES = String.raw`once daily|twice daily|three times daily|four times daily|twice a day|once a day|daily|BID|bid|b\.i\.d\.|TID|tid|t\.i\.d\.|QID|qid|q\.i\.d\.|q ?\d+(?:-\d+)? ?(?:hours?|hrs?|h)|every \d+(?:-\d+)? (?:hours?|days?|weeks?|minutes?)|every (?:other day|morning|evening|night|day|week)|qAM|qPM|qHS|qhs|nightly|at bedtime|weekly|monthly|once|x ?1|STAT|stat|PRN|prn|as needed|with meals|before meals|AC|PC|continuous(?:ly)?`;
const NUMBER = String.raw`(?:(\d+\.\d*0)(?!\d)|(\.\d+)|((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?))`;
const RANGE = String.raw`(?:[ \t]?(?:-|\x{2013}|to)[ \t]?(\d+(?:\.\d+)?))?`;
/** Between number and unit: nothing, a space, or LaTeX's ~ and \, spacing. */
const UNIT_GAP = String.raw`(?:[ \t]|~|\\[,;: ])?`;
const UNIT = String.raw`(?:(IU|U|u|cc|[\x{00B5}\x{03BC}]g)(?![\w/])|((?:${DOSE_UNITS})${RATE_SUFFIX})(?![\w/]))`;

const dose: GrammarRule = {
  comment: "Number, unit, optional route and frequency: '500 mg PO BID', '0.5 mg IV q6h', '10 units subcut nightly'. Error-prone numbers (5.0, .5), units (U, IU, cc, µg) and frequencies (QD, QOD) get invalid.deprecated scopes.",
  match: String.raw`(?<![\w.])${NUMBER}${RANGE}${UNIT_GAP}${UNIT}(?:[ \t]+(${ROUTES})(?![\w]))?(?:[ \t]+(?:(${ERROR_PRONE_FREQUENCIES})|(${FREQUENCIES}))(?![\w]))?(?:[ \t]+(PRN|prn|as needed)(?![\w]))?`,
  name: scope("meta.dose"),
  captures: captures(
    "invalid.deprecated.trailing-zero", "invalid.deprecated.leading-zero", "constant.numeric.dose",
    "constant.numeric.dose", "invalid.deprecated.unit", "keyword.other.unit.dose", "constant.language.route",
    "invalid.deprecated.frequency", "constant.language.frequency", "constant.language.frequency",
  ),
};

const errorProne: GrammarRule = {
  comment: "The Joint Commission 'Do Not Use' items and ISMP's µg, outside a dose too.",
  patterns: [
    { match: String.raw`(?<![\w./-])(?:Q\.O\.D|q\.o\.d|QOD|qod|Qod)(?![\w])\.?`, name: scope("invalid.deprecated.qod") },
    { match: String.raw`(?<![\w./-])(?:Q\.D|q\.d|QD|qd|Qd)(?![\w])\.?`, name: scope("invalid.deprecated.qd") },
    { match: String.raw`(?<![\w])(?i:MSO4|MgSO4)(?![\w])`, name: scope("invalid.deprecated.sulfate-abbreviation") },
    {
      comment: "MS is also multiple sclerosis and mitral stenosis: flagged only right before a dose.",
      match: String.raw`(?<![\w])MS(?=[ \t]+(?:\d+(?:\.\d+)?|\.\d+)[ \t]?(?:mg|mcg)(?![\w]))`,
      name: scope("invalid.deprecated.ms"),
    },
    { match: String.raw`(?<![\w])[\x{00B5}\x{03BC}]g(?![\w])`, name: scope("invalid.deprecated.unit") },
  ],
};

// Vitals, labs, codes, statistics -------------------------------------------------------------------------------

function vital(kind: string, names: string, value: string, unit: string): GrammarRule {
  return {
    match: String.raw`(?<![\w])(${names})[ \t]*[:=]?[ \t]*(${value})(?:[ \t]*(${unit}))?(?![\w])`,
    name: scope(`meta.vital-sign.${kind}`),
    captures: captures("variable.other.vital-sign", "constant.numeric.vital-sign", "keyword.other.unit.vital-sign"),
  };
}

const vitals: GrammarRule = {
  patterns: [
    vital("blood-pressure", "BP|B/P|(?i:blood pressure)", String.raw`\d{2,3}/\d{2,3}`, "mm ?Hg"),
    vital("heart-rate", "HR|P|(?i:heart rate|pulse)", String.raw`\d{2,3}(?![\d.])`, "bpm|/min|beats/min"),
    vital("respiratory-rate", "RR|(?i:resp(?:iratory)? rate|resp)", String.raw`\d{1,2}(?![\d.])`, "/min|breaths/min"),
    vital("temperature", "T|Tmax|Tm|Temp|(?i:temp|temperature)", String.raw`\d{2,3}(?:\.\d{1,2})?(?![\d.])`,
      String.raw`(?:\x{00B0}|\x{00BA})[ \t]?[CF]|deg(?:rees)?[ \t]?[CF]|[CF]`),
    {
      match: String.raw`(?<![\w])(SpO2|SaO2|O2 ?[Ss]at(?:uration)?|[Ss]ats?|(?i:pulse ox))[ \t]*[:=]?[ \t]*(\d{2,3})[ \t]?(%)(?:[ \t]+(on)[ \t]+(RA|(?i:room air)|\d+(?:\.\d+)?[ \t]?(?:L/min|LPM|L)(?:[ \t]*(?:NC|NRB|HFNC|FM|(?i:nasal cannula|face mask)))?|NC|NRB|HFNC|BiPAP|CPAP|(?i:vent(?:ilator)?)))?(?![\w])`,
      name: scope("meta.vital-sign.oxygen-saturation"),
      captures: captures(
        "variable.other.vital-sign", "constant.numeric.vital-sign", "keyword.other.unit.vital-sign",
        "keyword.other.preposition", "constant.language.oxygen",
      ),
    },
    vital("body-size", "Wt|Ht|BMI|(?i:weight|height)", String.raw`\d+(?:\.\d+)?`, String.raw`kg/m2|kg/m\x{00B2}|kg|lbs?|cm|m|in`),
  ],
};

const ANALYTES = String.raw`NT-?proBNP|HbA1c|A1c|hs-?c?Tn[IT]|Tn[IT]|Trop|BNP|Na|K\+?|Cl|HCO3|CO2|BUN|Creat|Cr|Glu|iCa|Ca|Mg|Phos|PO4|WBC|Hgb|Hb|Hct|Plt|PLT|MCV|INR|aPTT|PTT|PT|AST|ALT|ALP|Alk Phos|[TD] ?[Bb]ili|Alb|Lac|TSH|fT4|CRP|ESR|PCT|pH|pCO2|pO2|PaO2|PaCO2|LDL|HDL|TG|eGFR|GFR|ANC|CK|LDH|(?i:creatinine|glucose|sodium|potassium|chloride|bicarbonate|calcium|magnesium|phosphorus|ha?emoglobin|hematocrit|platelets?|albumin|bilirubin|lactate|troponin|ferritin|lipase|d-dimer|procalcitonin|ammonia|uric acid)`;
const LAB_UNITS = String.raw`mmol/L|mEq/L|mg/dL|g/dL|g/L|mg/L|[\x{00B5}u]mol/L|ng/mL|ng/dL|ng/L|pg/mL|[\x{00B5}u]g/mL|[\x{00B5}u]g/dL|U/L|IU/L|mIU/L|[\x{00B5}u]IU/mL|K/[\x{00B5}u]L|(?:x|\x{00D7})[ \t]?10\^?[39]/L|10\^?[39]/L|/[\x{00B5}u]L|/mm3|cells/[\x{00B5}u]L|%|sec|s|mm/hr?|mm ?Hg|mL/min(?:/1\.73[ \t]?m[2\x{00B2}])?|fL|pg`;

const labValue: GrammarRule = {
  comment: "Analyte, value and unit: 'K 4.1 mmol/L', 'Hgb 10.2 g/dL'. A value followed by a dose unit is a dose, not a lab.",
  match: String.raw`(?<![\w])(${ANALYTES})(?![\w])[ \t]*(?:[:=][ \t]*|(?i:of|was|is)[ \t]+)?([<>\x{2264}\x{2265}]?[ \t]?\d+(?:\.\d+)?)(?:[ \t]*(${LAB_UNITS})(?![\w/])|(?![\w.%]|[ \t]*(?:mcg|mg|g|mEq|mmol|units?|mL|tabs?|tablets?)(?![\w/])))`,
  name: scope("meta.lab-value"),
  captures: captures("variable.other.lab", "constant.numeric.lab", "keyword.other.unit.lab"),
};

function labelledCode(system: string, label: string, code: string, codeScope: string): GrammarRule {
  return {
    match: String.raw`(?<![\w])(${label})[ \t]*(?:code)?[ \t]*:?[ \t]*(${code})(?![\w-])`,
    captures: captures("keyword.other.code-system", `${codeScope}.${system}`),
  };
}

const codes: GrammarRule = {
  comment: "ICD-10-CM, LOINC, CPT and SNOMED CT codes; PMID, PMCID, DOI and NCT identifiers. Bare codes only where the shape is unambiguous.",
  patterns: [
    labelledCode("icd10cm", "ICD-?10(?:-?CM)?|ICD", String.raw`[A-TV-Z]\d[0-9AB](?:\.?[0-9A-TV-Z]{1,4})?`, "support.type.code"),
    { match: String.raw`(?<![\w.])[A-TV-Z]\d[0-9AB]\.[0-9A-TV-Z]{1,4}(?![\w]|\.\w)`, name: scope("support.type.code.icd10cm") },
    labelledCode("loinc", "LOINC", String.raw`\d{1,7}-\d`, "support.type.code"),
    { match: String.raw`(?<![\w./-])\d{3,7}-\d(?![\w-]|\.\d)`, name: scope("support.type.code.loinc") },
    labelledCode("cpt", "CPT", String.raw`\d{4}[0-9FTU]`, "support.type.code"),
    labelledCode("snomed", "SNOMED(?:[ -]?CT)?|SCTID", String.raw`\d{6,18}`, "support.type.code"),
    labelledCode("pmid", "PMID|PubMed ID", String.raw`\d{1,8}`, "markup.underline.link"),
    { match: String.raw`(?<![\w])PMC\d{4,9}(?![\w])`, name: scope("markup.underline.link.pmcid") },
    {
      match: String.raw`(?<![\w/])(?:((?i:doi))[ \t]*:[ \t]*|(https?://(?:dx\.)?doi\.org/))?(10\.\d{4,9}/[^\s"<>{}]*[^\s"<>{}.,;:)\]])`,
      captures: captures("keyword.other.code-system", "markup.underline.link.doi", "markup.underline.link.doi"),
    },
    { match: String.raw`(?<![\w])NCT\d{8}(?![\w])`, name: scope("markup.underline.link.nct") },
  ],
};

const statistics: GrammarRule = {
  patterns: [
    {
      match: String.raw`(?<![\w.])(\d{2}(?:\.\d+)?)[ \t]?(%)[ \t]?(CI|CrI|(?i:confidence interval|credible interval))(?![\w])`,
      captures: captures("constant.numeric.statistic", "keyword.other.unit.statistic", "keyword.other.statistic"),
    },
    {
      match: String.raw`(?<![\w])([pP])[ \t]*(<=|>=|[<>=\x{2264}\x{2265}])[ \t]*(0?\.\d+|1(?:\.0+)?|\d(?:\.\d+)?[ \t]?(?:[x\x{00D7}][ \t]?10\^?|[eE])[-\x{2212}]?\d+)(?![\w])`,
      captures: captures("keyword.other.statistic", "keyword.operator.comparison", "constant.numeric.statistic"),
    },
    {
      comment: "Ratios need a decimal, so 'HR 72' stays a heart rate.",
      match: String.raw`(?<![\w])(aOR|aHR|aRR|OR|HR|RR|IRR|RRR|ARR|SMD|MD)[ \t]*[:=,]?[ \t]*(\d+\.\d+)(?![\w])`,
      captures: captures("keyword.other.statistic", "constant.numeric.statistic"),
    },
  ],
};

// Negation --------------------------------------------------------------------------------------------------------

const NEGATION_CUES = String.raw`no evidence of|no signs? of|negative for|absence of|free of|fail(?:s|ed)? to reveal|(?:does|did) not demonstrate|not demonstrated?|ruled out for|rules out|unremarkable for|denie[sd]|deny(?:ing)?|without|no|not|resolved`;
const NEGATION_END = String.raw`(?=[ \t]*(?<![\w])(?i:but|however|although|though|except|aside from|apart from|secondary to|due to|cause of|source of|reason for|which|who)(?![\w])|[.;:!?](?:[ \t]|$)|$)`;

const negation: GrammarRule = {
  patterns: [
    {
      comment: "Pseudo-negations first, so 'no change' and 'gram negative' do not negate.",
      match: String.raw`(?<![\w])(?i:no (?:significant |interval )?(?:increase|change)|not (?:cause|extend|necessarily|only)|gram[- ]negative|without difficulty)(?![\w])`,
      name: scope("meta.pseudo-negation"),
    },
    {
      match: String.raw`(?<![\w])(?i:cannot be (?:excluded|ruled out)|can not be (?:excluded|ruled out)|may be ruled out|rule out|r/o|possible|possibly|probable|probably|suspected|concerning for|questionable)(?![\w])`,
      name: scope("keyword.control.hedge"),
    },
    {
      comment: "A negation cue and the finding it negates, up to a terminator ('but', 'however', 'except' ...) or the end of the sentence. A grammar cannot count words, so the five-word window belongs to the server.",
      begin: String.raw`(?<![\w])((?i:${NEGATION_CUES}))(?![\w])`,
      beginCaptures: captures("keyword.control.negation"),
      end: NEGATION_END,
      contentName: scope("markup.italic.negated"),
      patterns: [
        { include: "#error-prone" }, { include: "#codes" }, { include: "#statistics" }, { include: "#vitals" },
        { include: "#lab-value" }, { include: "#dose" },
        { match: String.raw`(?<![\w])(?i:${NEGATION_CUES})(?![\w])`, name: scope("keyword.control.negation") },
      ],
    },
    {
      match: String.raw`(?<![\w])(?i:unlikely|(?:was|were|is|are|has been|have been) ruled out|free(?![ \t]+T[34]))(?![\w])`,
      name: scope("keyword.control.negation.post"),
    },
  ],
};

// Grammars --------------------------------------------------------------------------------------------------------

const SCHEMA = "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json";

/** The `text.clinical-note` grammar. */
export function clinicalNoteGrammar(): GrammarRule {
  return {
    $schema: SCHEMA,
    name: "Clinical Note",
    scopeName: "text.clinical-note",
    comment: "Generated by test/unit/grammar/grammarSource.ts; edit that file, not this one.",
    fileTypes: ["note", "soap"],
    patterns: [
      { include: "#markdown-heading" }, { include: "#section-heading" }, { include: "#subsection-label" },
      { include: "#caps-heading" }, { include: "#caps-label" }, { include: "#inline" },
    ],
    repository: {
      ...headerRules,
      inline: {
        patterns: [
          { include: "#error-prone" }, { include: "#codes" }, { include: "#statistics" }, { include: "#vitals" },
          { include: "#lab-value" }, { include: "#dose" }, { include: "#negation" },
        ],
      },
      "error-prone": errorProne,
      dose,
      vitals,
      "lab-value": labValue,
      codes,
      statistics,
      negation,
    },
  };
}

/** The injection that adds doses, codes and error-prone tokens to Markdown and LaTeX prose. */
export function injectionGrammar(): GrammarRule {
  return {
    $schema: SCHEMA,
    name: "Clinical note tokens in Markdown and LaTeX",
    scopeName: "clinical-note.injection",
    comment: "Generated by test/unit/grammar/grammarSource.ts. Adds doses, codes and error-prone tokens to prose; never inside code, math, comments, link targets or references.",
    injectionSelector: [
      "L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -markup.math -meta.embedded -comment -markup.underline.link -meta.link.reference.def",
      "L:text.tex.latex -string.other.math -meta.math -markup.raw -meta.embedded -comment -constant.other.reference -markup.underline.link -meta.preamble",
    ].join(", "),
    patterns: [
      { include: "text.clinical-note#error-prone" },
      { include: "text.clinical-note#codes" },
      { include: "text.clinical-note#dose" },
    ],
  };
}

/** Grammar files and their content, relative to the repository root. */
export function grammarFiles(): Record<string, GrammarRule> {
  return {
    "syntaxes/clinical-note.tmLanguage.json": clinicalNoteGrammar(),
    "syntaxes/clinical-injection.tmLanguage.json": injectionGrammar(),
  };
}

/** The text written to each grammar file. */
export function serializeGrammar(grammar: GrammarRule): string {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}
