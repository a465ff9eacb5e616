import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SECTION_HEADERS } from "../../../server/src/medical/sectionHeaders";
import type { Token } from "./textmate";
import { describe as show, fragmentHas, fragmentLacks, lineHas, tokenize, tokenizeLine, tokensOf } from "./textmate";

const SCOPE = "text.clinical-note";

async function line(text: string): Promise<Token[]> {
  return tokenizeLine(SCOPE, text);
}

/** Asserts that every token of `fragment` has a scope starting with `prefix`. */
function expectScope(tokens: readonly Token[], fragment: string, prefix: string): void {
  assert.ok(fragmentHas(tokens, fragment, prefix), `"${fragment}" should be ${prefix}\n${show(tokens)}`);
}

function expectNoScope(tokens: readonly Token[], fragment: string, prefix: string): void {
  assert.ok(fragmentLacks(tokens, fragment, prefix), `"${fragment}" should not be ${prefix}\n${show(tokens)}`);
}

describe("clinical-note grammar: section headers", () => {
  it("marks known headers with a colon or alone on the line, in any case", async () => {
    for (const text of ["HPI: 67-year-old with cough", "Assessment and Plan:", "PAST MEDICAL HISTORY", "plan", "History & Physical"]) {
      const tokens = await line(text);
      const header = text.split(":")[0] ?? text;
      expectScope(tokens, header, "markup.heading.section.clinical-note");
      expectScope(tokens, header, "entity.name.section.clinical-note");
    }
    const tokens = await line("HPI: cough");
    expectScope(tokens, ":", "punctuation.separator.key-value.clinical-note");
    expectNoScope(tokens, "cough", "markup.heading");
  });

  it("marks body systems and paper subsections as labels", async () => {
    for (const text of ["Lungs: clear", "CV: regular", "Statistical analysis", "HEENT: normocephalic"]) {
      const tokens = await line(text);
      expectScope(tokens, text.split(":")[0] ?? text, "entity.name.tag");
    }
  });

  it("marks every header spelling in the lexicon", async () => {
    // A spelling that is also a section ("Objective" in SOAP and in an abstract) is coloured as the section.
    const sections = new Set(SECTION_HEADERS.filter((definition) => definition.tier !== "minor").flatMap((definition) => definition.phrases));
    for (const definition of SECTION_HEADERS) {
      for (const phrase of definition.phrases) {
        const scope = definition.tier === "minor" && !sections.has(phrase) ? "entity.name.tag" : "markup.heading";
        const tokens = await line(`${phrase}: text`);
        assert.ok(fragmentHas(tokens, phrase, scope), `"${phrase}:" is not ${scope}; regenerate with test/unit/grammar/writeGrammars.ts\n${show(tokens)}`);
      }
      for (const phrase of definition.colonOnly ?? []) {
        const written = phrase.length === 1 ? phrase.toUpperCase() : phrase;
        const tokens = await line(`${written}: text`);
        const scope = definition.tier === "minor" ? "entity.name.tag" : "markup.heading";
        assert.ok(fragmentHas(tokens, written, scope), `"${written}:" is not ${scope}\n${show(tokens)}`);
      }
    }
  });

  it("does not mark sentences that start with a header word", async () => {
    for (const text of [
      "Plan to discharge tomorrow.",
      "Results show improvement in renal function.",
      "Assessment of volume status is difficult.",
      "Plan.",
      "- Plan: follow up",
      "PE",
      "P: 88",
    ]) {
      const tokens = await line(text);
      assert.ok(!lineHas(tokens, "markup.heading") && !lineHas(tokens, "entity.name.tag"), `"${text}"\n${show(tokens)}`);
    }
  });

  it("marks short ALL-CAPS lines and labels, but not negations or fields with numbers", async () => {
    expectScope(await line("CONDITION AT DISCHARGE"), "CONDITION AT DISCHARGE", "markup.heading");
    expectScope(await line("NEUROLOGIC EXAM: nonfocal"), "NEUROLOGIC EXAM", "entity.name.tag");
    for (const text of ["NO ACUTE DISTRESS", "NKDA", "ADMISSION DATE: 01/02"]) {
      const tokens = await line(text);
      assert.ok(!lineHas(tokens, "markup.heading") && !lineHas(tokens, "entity.name.tag"), `"${text}"\n${show(tokens)}`);
    }
  });

  it("marks Markdown-style headings and numbered paper headings", async () => {
    const heading = await line("## Hospital course");
    expectScope(heading, "##", "punctuation.definition.heading");
    expectScope(heading, "Hospital course", "entity.name.section");
    const shorthand = await line("# of stools: 3");
    assert.ok(!lineHas(shorthand, "markup.heading"), show(shorthand));
    const numbered = await line("2.1 Statistical analysis");
    expectScope(numbered, "2.1", "markup.heading.number");
    expectScope(numbered, "Statistical analysis", "entity.name.tag");
  });
});

describe("clinical-note grammar: doses", () => {
  it("splits a dose into number, unit, route and frequency", async () => {
    const cases: [string, string, string, string, string][] = [
      ["500 mg PO BID", "500", "mg", "PO", "BID"],
      ["0.5 mg IV q6h", "0.5", "mg", "IV", "q6h"],
      ["10 units subcut nightly", "10", "units", "subcut", "nightly"],
      ["2 mcg/kg/min IV continuous", "2", "mcg/kg/min", "IV", "continuous"],
    ];
    for (const [text, amount, unit, route, frequency] of cases) {
      const tokens = await line(`Give ${text}.`);
      expectScope(tokens, text, "meta.dose.clinical-note");
      expectScope(tokens, amount, "constant.numeric.dose");
      expectScope(tokens, unit, "keyword.other.unit.dose");
      expectScope(tokens, route, "constant.language.route");
      expectScope(tokens, frequency, "constant.language.frequency");
    }
  });

  it("reads ranges, PRN and doses without a route", async () => {
    const tokens = await line("oxycodone 1-2 tabs PO q4h PRN, aspirin 81 mg daily");
    expectScope(tokens, "1", "constant.numeric.dose");
    expectScope(tokens, "2 tabs", "meta.dose");
    expectScope(tokens, "PRN", "constant.language.frequency");
    expectScope(tokens, "81", "constant.numeric.dose");
    expectScope(tokens, "daily", "constant.language.frequency");
  });

  it("does not read measurements or concentrations as doses", async () => {
    for (const text of ["a 1.0 cm nodule", "glucose 5.5 mmol/L", "Hgb 10.2 g/dL", "size 12 French"]) {
      const tokens = await line(text);
      assert.ok(!lineHas(tokens, "meta.dose") && !lineHas(tokens, "invalid.deprecated"), `"${text}"\n${show(tokens)}`);
    }
  });
});

describe("clinical-note grammar: error-prone tokens", () => {
  it("flags the Joint Commission items and ISMP's cc and µg", async () => {
    const cases: [string, string, string][] = [
      ["lisinopril 5.0 mg daily", "5.0", "invalid.deprecated.trailing-zero"],
      ["colchicine .5 mg PO", ".5", "invalid.deprecated.leading-zero"],
      ["insulin 10 U subcut", "U", "invalid.deprecated.unit"],
      ["insulin 10U subcut", "U", "invalid.deprecated.unit"],
      ["vitamin D 1000 IU daily", "IU", "invalid.deprecated.unit"],
      ["NS 500 cc IV", "cc", "invalid.deprecated.unit"],
      ["fentanyl 50 µg IV", "µg", "invalid.deprecated.unit"],
      ["fentanyl 50 μg IV", "μg", "invalid.deprecated.unit"],
      ["dose in µg per kg", "µg", "invalid.deprecated.unit"],
      ["furosemide 40 mg PO QD", "QD", "invalid.deprecated.frequency"],
      ["Lasix qd", "qd", "invalid.deprecated.qd"],
      ["Lasix q.d.", "q.d.", "invalid.deprecated.qd"],
      ["aspirin QOD", "QOD", "invalid.deprecated.qod"],
      ["give MSO4 for pain", "MSO4", "invalid.deprecated.sulfate-abbreviation"],
      ["MgSO4 2 g IV", "MgSO4", "invalid.deprecated.sulfate-abbreviation"],
      ["MS 4 mg IV q4h", "MS", "invalid.deprecated.ms"],
    ];
    for (const [text, fragment, scope] of cases) expectScope(await line(text), fragment, scope);
  });

  it("leaves valid look-alikes alone", async () => {
    for (const text of [
      "1.0 cm nodule",
      "K 4.0 mmol/L",
      "ALT 45 U/L",
      "CC: chest pain",
      "history of MS, on no treatment",
      "0.5 mg IV",
      "2.5 mg PO daily",
      "10 units subcut",
      "see https://example.org/qd/list",
      "CU and US findings",
      "Lasix 40 mg daily",
    ]) {
      const tokens = await line(text);
      assert.ok(!lineHas(tokens, "invalid"), `"${text}"\n${show(tokens)}`);
    }
  });
});

describe("clinical-note grammar: vitals, labs, codes, statistics", () => {
  it("reads vital signs with their units", async () => {
    const tokens = await line("BP 120/80, HR 72, RR 16, T 37.2 °C, SpO2 98% on RA");
    for (const name of ["BP", "HR", "RR", "T", "SpO2"]) expectScope(tokens, name, "variable.other.vital-sign");
    for (const value of ["120/80", "72", "16", "37.2", "98"]) expectScope(tokens, value, "constant.numeric.vital-sign");
    expectScope(tokens, "°C", "keyword.other.unit.vital-sign");
    expectScope(tokens, "RA", "constant.language.oxygen");
    const fahrenheit = await line("Tmax 98.6 F, weight 70.0 kg");
    expectScope(fahrenheit, "98.6", "constant.numeric.vital-sign");
    expectScope(fahrenheit, "F", "keyword.other.unit.vital-sign");
    expectNoScope(fahrenheit, "70.0", "invalid");
  });

  it("reads lab values with units", async () => {
    const tokens = await line("K 4.1 mmol/L, Hgb 10.2 g/dL, creatinine 1.3 mg/dL, HbA1c 7.2%");
    for (const name of ["K", "Hgb", "creatinine", "HbA1c"]) expectScope(tokens, name, "variable.other.lab");
    for (const value of ["4.1", "10.2", "1.3", "7.2"]) expectScope(tokens, value, "constant.numeric.lab");
    for (const unit of ["mmol/L", "g/dL", "mg/dL", "%"]) expectScope(tokens, unit, "keyword.other.unit.lab");
    const dose = await line("Mg 2 g IV once");
    expectScope(dose, "2", "constant.numeric.dose");
    expectNoScope(dose, "Mg", "variable.other.lab");
  });

  it("reads codes and identifiers", async () => {
    const tokens = await line("I21.4; ICD-10 I10; LOINC 2345-7; 718-7; CPT 99213; SNOMED CT 22298006; PMID: 12345678; doi:10.1000/xyz123; NCT01234567.");
    expectScope(tokens, "I21.4", "support.type.code.icd10cm");
    expectScope(tokens, "I10", "support.type.code.icd10cm");
    expectScope(tokens, "2345-7", "support.type.code.loinc");
    expectScope(tokens, "718-7", "support.type.code.loinc");
    expectScope(tokens, "99213", "support.type.code.cpt");
    expectScope(tokens, "22298006", "support.type.code.snomed");
    expectScope(tokens, "12345678", "markup.underline.link.pmid");
    expectScope(tokens, "10.1000/xyz123", "markup.underline.link.doi");
    expectScope(tokens, "NCT01234567", "markup.underline.link.nct");
  });

  it("does not read vitamin names, ranges or dates as codes", async () => {
    for (const text of ["vitamin B12 low", "take 1-2 tablets", "seen 2024-01-05", "call 555-1234", "HbA1c rising"]) {
      const tokens = await line(text);
      assert.ok(!lineHas(tokens, "support.type.code"), `"${text}"\n${show(tokens)}`);
    }
  });

  it("reads confidence intervals, p values and ratios, not vital signs", async () => {
    const tokens = await line("HR 0.82 (95% CI 0.70-0.96), p < 0.05; OR 2.1, p=.001");
    expectScope(tokens, "HR", "keyword.other.statistic");
    expectScope(tokens, "0.82", "constant.numeric.statistic");
    expectScope(tokens, "CI", "keyword.other.statistic");
    expectScope(tokens, "<", "keyword.operator.comparison");
    expectScope(tokens, "0.05", "constant.numeric.statistic");
    expectScope(tokens, "2.1", "constant.numeric.statistic");
    expectScope(tokens, ".001", "constant.numeric.statistic");
    expectNoScope(tokens, "HR", "variable.other.vital-sign");
  });
});

describe("clinical-note grammar: negation", () => {
  it("negates only up to a terminator such as 'but'", async () => {
    const tokens = await line("no chest pain but has dyspnea");
    expectScope(tokens, "no", "keyword.control.negation");
    expectScope(tokens, "chest pain", "markup.italic.negated");
    expectNoScope(tokens, "but has dyspnea", "markup.italic.negated");
  });

  it("ends the negated span at sentence punctuation and keeps lists inside it", async () => {
    const tokens = await line("Denies fever, chills, or night sweats. Reports cough.");
    expectScope(tokens, "Denies", "keyword.control.negation");
    expectScope(tokens, "fever, chills, or night sweats", "markup.italic.negated");
    expectNoScope(tokens, "Reports cough", "markup.italic.negated");
    const semicolon = await line("negative for PE; positive for DVT");
    expectScope(semicolon, "PE", "markup.italic.negated");
    expectNoScope(semicolon, "positive for DVT", "markup.italic.negated");
  });

  it("stops at the other terminators and at the end of the line", async () => {
    for (const [text, negated, kept] of [
      ["not tender, however guarding present", "tender", "however guarding present"],
      ["without edema except at the ankles", "edema", "except at the ankles"],
      ["no pain secondary to the fracture", "pain", "secondary to the fracture"],
    ] as const) {
      const tokens = await line(text);
      expectScope(tokens, negated, "markup.italic.negated");
      expectNoScope(tokens, kept, "markup.italic.negated");
    }
    const [first, second] = await tokenize(SCOPE, "no fever\nfever today");
    expectScope(first ?? [], "fever", "markup.italic.negated");
    expectNoScope(second ?? [], "fever today", "markup.italic.negated");
  });

  it("keeps doses and labs coloured inside a negated span", async () => {
    const tokens = await line("no response to furosemide 40 mg IV");
    expectScope(tokens, "40", "constant.numeric.dose");
    expectScope(tokens, "40", "markup.italic.negated");
  });

  it("does not negate after pseudo-negations", async () => {
    for (const text of ["no change in the nodule", "no significant change since prior", "gram negative rods", "walked without difficulty", "not only dyspnea"]) {
      const tokens = await line(text);
      assert.ok(!lineHas(tokens, "markup.italic.negated") && !lineHas(tokens, "keyword.control.negation"), `"${text}"\n${show(tokens)}`);
    }
  });

  it("marks hedges and negations written after the finding", async () => {
    const hedge = await line("possible pneumonia, PE cannot be excluded, r/o sepsis");
    expectScope(hedge, "possible", "keyword.control.hedge");
    expectScope(hedge, "cannot be excluded", "keyword.control.hedge");
    expectScope(hedge, "r/o", "keyword.control.hedge");
    const post = await line("PE was ruled out; infection unlikely");
    expectScope(post, "was ruled out", "keyword.control.negation.post");
    expectScope(post, "unlikely", "keyword.control.negation.post");
  });

  it("does not start a negation inside words such as 'cannot', 'nothing' or 'notable'", async () => {
    const tokens = await line("nothing notable; knot present");
    assert.ok(!lineHas(tokens, "keyword.control.negation"), show(tokens));
    assert.equal(tokensOf(tokens, "nothing").length, 1);
  });
});
