import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { classifyTerm, classifyWord } from "../../../server/src/medical/terms/classifyTerm";
import { findMedicalTermAt, findMedicalTermInText } from "../../../server/src/medical/terms/findMedicalTerm";
import { classifyByMorphology } from "../../../server/src/medical/terms/morphology";
import { singularCandidates } from "../../../server/src/medical/terms/normalize";
import type { MedicalTermMatch } from "../../../server/src/medical/terms/types";

function at(line: string, needle: string): MedicalTermMatch | undefined {
  const index = line.indexOf(needle);
  assert.notEqual(index, -1, `"${needle}" is in the line`);
  return findMedicalTermAt(line, index + 1);
}

describe("findMedicalTermAt", () => {
  it("returns the longest listed phrase around the cursor, with its range and kind", () => {
    const line = "Left ventricular ejection fraction of 35% on echo.";
    for (const word of ["Left", "ventricular", "ejection", "fraction"]) {
      const match = at(line, word);
      assert.equal(match?.term, "Left ventricular ejection fraction");
      assert.equal(match?.start, 0);
      assert.equal(match?.kind, "test");
    }
  });

  it("prefers the phrase to the single word inside it", () => {
    const line = "History of atrial fibrillation and myocardial infarction.";
    assert.equal(at(line, "fibrillation")?.term, "atrial fibrillation");
    assert.equal(at(line, "infarction")?.term, "myocardial infarction");
    assert.equal(at(line, "infarction")?.kind, "condition");
  });

  it("does not join words across punctuation", () => {
    const line = "atrial, fibrillation";
    assert.equal(at(line, "atrial")?.term, "atrial", "the adjective alone is still anatomy");
    assert.equal(at(line, "fibrillation"), undefined);
  });

  it("accepts a plural last word and possessive or accented spellings", () => {
    assert.equal(at("Bilateral pulmonary emboli seen.", "emboli")?.normalized, "pulmonary embolus");
    assert.equal(at("Known Parkinson's disease.", "disease")?.normalized, "parkinsons disease");
    assert.equal(at("Known Parkinson disease.", "disease")?.kind, "condition");
    assert.equal(at("Guillain-Barré syndrome", "syndrome")?.normalized, "guillain-barre syndrome");
    assert.equal(at("E. coli bacteremia", "coli")?.term, "E. coli");
  });

  it("recognises single drugs, procedures and anatomy from the vocabulary", () => {
    assert.deepEqual(
      ["apixaban", "cholecystectomy", "duodenum", "procalcitonin"].map((word) => at(`on ${word} now`, word)?.kind),
      ["drug", "procedure", "anatomy", "test"],
    );
  });

  it("recognises unlisted words by their parts and says so", () => {
    const match = at("Underwent pancreaticojejunostomy in 2019.", "pancreaticojejunostomy");
    assert.equal(match?.kind, "procedure");
    assert.equal(match?.source, "morphology");
    assert.equal(at("Started tinzaparin.", "tinzaparin")?.kind, "drug");
    assert.equal(at("Marked thyromegaly.", "thyromegaly")?.kind, "condition");
  });

  it("builds terms from an anatomical word and a lesion or an eponym and a syndrome", () => {
    assert.equal(at("Esophageal stricture on EGD.", "stricture")?.term, "Esophageal stricture");
    assert.equal(at("Pancreatic pseudocyst seen.", "Pancreatic")?.term, "Pancreatic pseudocyst");
    assert.equal(at("Consistent with Budd-Chiari syndrome.", "syndrome")?.term, "Budd-Chiari syndrome");
    assert.equal(at("Features of this syndrome vary.", "syndrome"), undefined);
    assert.equal(at("Public disorder was reported.", "disorder"), undefined);
  });

  it("takes the part of a hyphenated word under the cursor when only that part is a term", () => {
    const line = "metformin-associated lactic acidosis";
    const match = at(line, "metformin");
    assert.equal(match?.term, "metformin");
    assert.equal(match?.end, "metformin".length);
    assert.equal(at(line, "associated"), undefined);
  });

  it("finds the term when the cursor rests just after it", () => {
    const line = "on warfarin";
    assert.equal(findMedicalTermAt(line, line.length)?.term, "warfarin");
  });

  it("ignores ordinary words, numbers and empty lines", () => {
    const line = "Patient denies chest pain and reports feeling better today; follow up in 2 weeks.";
    for (const word of ["Patient", "denies", "chest", "pain", "reports", "better", "today", "follow", "2", "weeks"]) {
      assert.equal(at(line, word), undefined, word);
    }
    assert.equal(findMedicalTermAt("", 0), undefined);
  });
});

describe("morphology guards", () => {
  it("keeps ordinary look-alikes out", () => {
    for (const word of [
      "diagnosis", "prognosis", "analysis", "hypothesis", "synthesis", "emphasis", "dichotomy", "anatomy", "academia",
      "nostalgia", "sympathy", "telepathy", "photography", "biography", "program", "diagram", "histogram", "geometry",
      "symmetry", "diploma", "aroma", "osmosis", "hypnosis", "metamorphosis", "intercept", "mongrel", "equine",
      "hypotenuse", "hyperlink", "hypocrisy", "purposes", "chooses", "isosceles", "shorelines", "utopia",
    ]) {
      assert.equal(classifyByMorphology(word), undefined, word);
      assert.equal(classifyWord(word), undefined, word);
    }
  });

  it("still accepts the medical words next to them", () => {
    assert.equal(classifyByMorphology("spondylodiscitis"), "condition");
    assert.equal(classifyByMorphology("electroretinography"), "test");
    assert.equal(classifyByMorphology("otoscopy"), "procedure");
    assert.equal(classifyByMorphology("hyperkalemia"), "condition");
    assert.equal(classifyByMorphology("hypoechoic"), "other");
    assert.equal(classifyByMorphology("nephroprotective"), "other");
    assert.equal(classifyByMorphology("pseudohypoparathyroidism"), "condition");
    assert.equal(classifyByMorphology("vericiguat"), "drug");
  });

  it("does not judge short words by their endings", () => {
    assert.equal(classifyByMorphology("april"), undefined);
    assert.equal(classifyByMorphology("trophy"), undefined);
  });
});

describe("classifyTerm and plurals", () => {
  it("classifies words and phrases directly", () => {
    assert.equal(classifyTerm("atrial fibrillation")?.kind, "condition");
    assert.equal(classifyTerm("lymph nodes")?.kind, "anatomy");
    assert.equal(classifyTerm("stenoses")?.normalized, "stenosis");
    assert.equal(classifyTerm("left the room"), undefined);
    assert.equal(classifyTerm("  "), undefined);
  });

  it("offers Greco-Latin and English singulars", () => {
    assert.ok(singularCandidates("stenoses").includes("stenosis"));
    assert.ok(singularCandidates("emboli").includes("embolus"));
    assert.ok(singularCandidates("vertebrae").includes("vertebra"));
    assert.ok(singularCandidates("arteries").includes("artery"));
    assert.ok(singularCandidates("apices").includes("apex"));
    assert.ok(singularCandidates("stents").includes("stent"));
    assert.deepEqual(singularCandidates("mass"), []);
  });
});

describe("findMedicalTermInText", () => {
  it("finds the term on the offset's line and returns offsets in the whole text", () => {
    const text = "Assessment:\nNew atrial fibrillation.\nPlan: apixaban.";
    const offset = text.indexOf("fibrillation");
    const match = findMedicalTermInText(text, offset);
    assert.equal(match?.term, "atrial fibrillation");
    assert.equal(text.slice(match?.start, match?.end), "atrial fibrillation");
    assert.equal(findMedicalTermInText(text, text.indexOf("Plan")), undefined);
    assert.equal(findMedicalTermInText(text, text.indexOf("apixaban") + 2)?.kind, "drug");
  });
});
