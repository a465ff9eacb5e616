import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  findAbbreviationAt,
  findAbbreviationInText,
  type AbbreviationMatch,
} from "../../../server/src/medical/abbreviations/findAbbreviation";
import { rankSenses } from "../../../server/src/medical/abbreviations/rankSenses";
import type { AbbreviationEntry } from "../../../server/src/medical/abbreviations/types";

/** The match with the cursor inside the n-th occurrence of `needle` (at its second character when it has one). */
function at(line: string, needle: string, occurrence = 0): AbbreviationMatch | undefined {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = line.indexOf(needle, index + 1);
  assert.notEqual(index, -1, `"${needle}" is in the line`);
  return findAbbreviationAt(line, index + Math.min(1, needle.length - 1));
}

function best(match: AbbreviationMatch | undefined): string | undefined {
  return match?.senses[0]?.sense.expansion;
}

describe("findAbbreviationAt: what counts as the abbreviation", () => {
  it("matches a whole token and returns its range", () => {
    const line = "Hx of CAD, s/p CABG.";
    const match = at(line, "CABG");
    assert.equal(match?.text, "CABG");
    assert.equal(line.slice(match?.start, match?.end), "CABG");
    assert.equal(match?.entry.abbreviation, "CABG");
  });

  it("leaves a sentence-final period out but keeps the periods of a dotted form", () => {
    assert.equal(at("Concern for PE.", "PE")?.text, "PE");
    const dotted = at("metoprolol 25 mg p.o. q.d.", "q.d.");
    assert.equal(dotted?.text, "q.d.");
    assert.equal(dotted?.entry.abbreviation, "qd");
    assert.equal(at("She is 65 y.o. and well.", "y.o.")?.entry.abbreviation, "y.o.");
  });

  it("accepts upper-case plurals and possessives", () => {
    assert.equal(at("History of two MIs.", "MIs")?.entry.abbreviation, "MI");
    assert.equal(at("Recurrent PEs despite warfarin.", "PEs")?.text, "PEs");
    assert.equal(at("The MI's location was inferior.", "MI's")?.entry.abbreviation, "MI");
    assert.equal(at("two UTIs this year", "UTIs")?.entry.abbreviation, "UTI");
  });

  it("matches slashed and ampersand forms whole, and single abbreviations joined by a slash", () => {
    assert.equal(at("A/P: NSTEMI", "A/P")?.entry.abbreviation, "A/P");
    assert.equal(at("s/p appendectomy", "s/p")?.entry.abbreviation, "s/p");
    assert.equal(at("h/o DVT", "h/o")?.entry.abbreviation, "h/o");
    assert.equal(at("r/o ACS", "r/o")?.entry.abbreviation, "r/o");
    assert.equal(at("I&D of abscess", "I&D")?.entry.abbreviation, "I&D");
    assert.equal(at("PMH: HTN/DM", "DM")?.entry.abbreviation, "DM");
    assert.equal(at("PMH: HTN/DM", "HTN")?.entry.abbreviation, "HTN");
    assert.equal(at("History of non-STEMI", "STEMI")?.entry.abbreviation, "STEMI");
  });

  it("ignores quotes, brackets and Markdown emphasis around the abbreviation", () => {
    assert.equal(at("(PID)", "PID")?.text, "PID");
    assert.equal(at("the **COPD** flare", "COPD")?.text, "COPD");
    assert.equal(at('"CHF" exacerbation', "CHF")?.text, "CHF");
  });

  it("finds the abbreviation when the cursor rests right after it", () => {
    const line = "on ASA";
    assert.equal(findAbbreviationAt(line, line.length)?.entry.abbreviation, "ASA");
  });

  it("respects case: Ms is a title, MS an abbreviation", () => {
    assert.equal(at("Ms. Jones presents.", "Ms"), undefined);
    assert.equal(at("Pt with MS on natalizumab.", "MS")?.entry.abbreviation, "MS");
  });

  it("does not match inside longer words or on ordinary words", () => {
    assert.equal(at("PEGylated interferon", "PEG"), undefined);
    assert.equal(at("as planned or not at all", "as"), undefined);
    assert.equal(at("as planned or not at all", "or"), undefined);
    assert.equal(findAbbreviationAt("  ", 1), undefined);
  });

  it("skips English-word abbreviations in all-capital text", () => {
    assert.equal(at("THE PATIENT WAS SEEN AS PLANNED", "AS"), undefined);
    assert.equal(at("Severe AS on echo, TAVR planned.", "AS")?.entry.abbreviation, "AS");
    assert.equal(at("PMH: AS, CAD, HTN", "AS")?.entry.abbreviation, "AS", "a line of abbreviations is not shouting");
  });

  it("reads English-word spellings such as 'bid' only after a dose", () => {
    assert.equal(at("metformin 500 mg bid with meals", "bid")?.entry.abbreviation, "bid");
    assert.equal(at("in a bid to reduce costs", "bid"), undefined);
    assert.equal(at("65 yo male", "yo")?.entry.abbreviation, "y.o.");
    assert.equal(at("yo, what's up", "yo"), undefined);
  });

  it("carries the caution of an error-prone abbreviation", () => {
    assert.match(at("Lasix 40 mg QD", "QD")?.entry.caution ?? "", /daily/u);
    assert.match(at("Insulin 10 U subcut", "U")?.entry.caution ?? "", /units/u);
  });
});

describe("findAbbreviationAt: ranking senses by context", () => {
  it("ranks pulmonary embolism first when the sentence talks about clots", () => {
    const match = at("Concern for PE; CTPA ordered and D-dimer elevated, started anticoagulation.", "PE");
    assert.equal(best(match), "pulmonary embolism");
    assert.ok((match?.senses[0]?.score ?? 0) >= 2);
    assert.ok(match?.senses[0]?.matchedCues.includes("ctpa"));
  });

  it("ranks physical examination first in an exam sentence", () => {
    assert.equal(best(at("PE: HEENT unremarkable, lungs clear to auscultation.", "PE")), "physical examination");
  });

  it("ranks pleural effusion first next to thoracentesis", () => {
    assert.equal(best(at("CXR shows a right PE, plan thoracentesis.", "PE")), "pleural effusion");
  });

  it("tells the senses of PID, MS, RA and PT apart", () => {
    assert.equal(best(at("Cervical motion tenderness; treat PID with doxycycline.", "PID")), "pelvic inflammatory disease");
    assert.equal(best(at("Recurrent infections, low IgG: PID suspected, start immunoglobulin.", "PID")), "primary immunodeficiency (disease)");
    assert.equal(best(at("MS with new demyelinating lesions on MRI.", "MS")), "multiple sclerosis");
    assert.equal(best(at("Rheumatic fever as a child, now MS with a diastolic murmur on echo.", "MS")), "mitral stenosis");
    assert.equal(best(at("RA on methotrexate with active synovitis.", "RA")), "rheumatoid arthritis");
    assert.equal(best(at("SpO2 94% on RA.", "RA")), "room air");
    assert.equal(best(at("PT/INR elevated on warfarin.", "PT")), "prothrombin time");
    assert.equal(best(at("Continue PT for gait and mobility.", "PT")), "physical therapy");
  });

  it("keeps the lexicon order when no cue decides", () => {
    const match = at("PID.", "PID");
    assert.deepEqual(match?.senses.map((ranked) => ranked.score), [0, 0, 0]);
    assert.equal(best(match), "pelvic inflammatory disease");
  });

  it("does not count the abbreviation itself as a cue", () => {
    const entry: AbbreviationEntry = {
      abbreviation: "XY",
      forms: ["XY"],
      commonWord: false,
      wordForms: [],
      senses: [
        { expansion: "first", gloss: "First.", domain: "general", cues: ["alpha"] },
        { expansion: "second", gloss: "Second.", domain: "general", cues: ["xy"] },
      ],
    };
    const twice = rankSenses(entry, "XY and XY", { start: 0, end: 2 });
    assert.equal(twice[0]?.sense.expansion, "second", "another XY in the sentence still counts");
    const once = rankSenses(entry, "XY alone", { start: 0, end: 2 });
    assert.equal(once[0]?.sense.expansion, "first");
    assert.deepEqual(once[1]?.matchedCues, []);
  });

  it("matches cue words by shared stems of four letters or more", () => {
    assert.deepEqual(at("PE: examined, lungs clear.", "PE")?.senses[0]?.matchedCues, ["exam"]);
    assert.equal(best(at("AS on exam", "AS")), "aortic stenosis", "'ear' does not match 'exam'");
  });

  it("uses a caller's context text when given one", () => {
    const line = "PE noted.";
    const match = findAbbreviationAt(line, 0, "Thoracentesis planned for the effusion seen on CXR.");
    assert.equal(best(match), "pleural effusion");
  });
});

describe("findAbbreviationInText", () => {
  it("returns offsets in the whole text and ranks by a sentence that spans lines", () => {
    const text = "HPI: 54M with dyspnea.\nCTPA shows\nPE in the right lower lobe. Heparin started.";
    const offset = text.indexOf("PE in");
    const match = findAbbreviationInText(text, offset + 1);
    assert.equal(match?.start, offset);
    assert.equal(text.slice(match?.start, match?.end), "PE");
    assert.equal(best(match), "pulmonary embolism");
    assert.deepEqual(match?.senses[0]?.matchedCues, ["ctpa"]);
  });

  it("returns undefined away from any abbreviation", () => {
    assert.equal(findAbbreviationInText("plain words here", 3), undefined);
  });
});
