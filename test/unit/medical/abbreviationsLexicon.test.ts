import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ABBREVIATION_ROWS } from "../../../server/src/medical/abbreviations/data/index";
import { findAbbreviationAt } from "../../../server/src/medical/abbreviations/findAbbreviation";
import { allAbbreviations, lookupAbbreviation } from "../../../server/src/medical/abbreviations/lexicon";

const entries = allAbbreviations();

describe("abbreviation lexicon data", () => {
  it("holds at least 500 abbreviations", () => {
    assert.ok(entries.length >= 500, `${entries.length} entries`);
    const senses = entries.reduce((sum, entry) => sum + entry.senses.length, 0);
    console.log(`abbreviations: ${entries.length} entries, ${senses} senses`);
  });

  it("never lists the same spelling twice", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const row of ABBREVIATION_ROWS) {
      for (const form of row.forms.split(/\s+/).filter(Boolean)) {
        const owner = seen.get(form);
        if (owner !== undefined) duplicates.push(`${form} (${owner} and ${row.forms})`);
        seen.set(form, row.forms);
      }
    }
    assert.deepEqual(duplicates, []);
  });

  it("gives every sense an expansion, a one-line gloss and cue words", () => {
    const problems: string[] = [];
    for (const entry of entries) {
      if (entry.senses.length === 0) problems.push(`${entry.abbreviation}: no sense`);
      const expansions = new Set<string>();
      for (const sense of entry.senses) {
        const name = `${entry.abbreviation} → ${sense.expansion}`;
        if (sense.expansion.trim() === "") problems.push(`${entry.abbreviation}: empty expansion`);
        if (expansions.has(sense.expansion)) problems.push(`${name}: listed twice`);
        expansions.add(sense.expansion);
        if (sense.gloss.trim() === "" || /\n/u.test(sense.gloss)) problems.push(`${name}: gloss missing or not one line`);
        if (sense.gloss.length > 120) problems.push(`${name}: gloss longer than 120 characters`);
        if (sense.cues.length === 0) problems.push(`${name}: no cue words`);
        if (sense.cues.some((cue) => cue !== cue.toLowerCase())) problems.push(`${name}: cues not lower-cased`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("keeps spellings free of spaces and the usual spelling first", () => {
    for (const entry of entries) {
      assert.ok(entry.forms.length > 0);
      assert.equal(entry.abbreviation, entry.forms[0]);
      for (const form of entry.forms) assert.doesNotMatch(form, /\s/u);
      for (const word of entry.wordForms) assert.ok(entry.forms.includes(word), `${word} is one of ${entry.abbreviation}'s forms`);
    }
  });

  it("distinguishes spellings by case", () => {
    assert.equal(lookupAbbreviation("PT")?.senses[0]?.expansion, "physical therapy");
    assert.equal(lookupAbbreviation("pt")?.senses[0]?.expansion, "patient");
    assert.equal(lookupAbbreviation("mg")?.senses[0]?.expansion, "milligram");
    assert.equal(lookupAbbreviation("Mg")?.senses[0]?.expansion, "magnesium");
    assert.equal(lookupAbbreviation("Ms"), undefined);
  });

  it("lists several senses for the classic ambiguous abbreviations", () => {
    for (const abbreviation of ["PID", "MS", "PE", "RA", "PD", "BS", "CP", "SBP", "PCP", "GBS", "NPH", "CTA"]) {
      const entry = lookupAbbreviation(abbreviation);
      assert.ok(entry, `${abbreviation} is in the lexicon`);
      assert.ok(entry.senses.length >= 2, `${abbreviation} has ${entry.senses.length} senses`);
    }
  });

  it("flags the error-prone abbreviations and names the safer wording", () => {
    const errorProne = [
      "QD", "qd", "q.d.", "QOD", "q.o.d.", "U", "IU", "MS", "MSO4", "MgSO4", "HS", "hs", "cc", "D/C", "d/c", "µg",
      "SC", "SQ", "TIW", "qhs", "SS", "HCTZ", "MTX", "AZT", "OD", "OS", "OU", "AD", "AS", "AU", "IN", "UD", "BIW",
    ];
    for (const form of errorProne) {
      const entry = lookupAbbreviation(form);
      assert.ok(entry, `${form} is in the lexicon`);
      assert.ok(entry.caution, `${form} carries a caution`);
      assert.match(entry.caution, /Write /u, `${form}'s caution names the safer wording`);
    }
  });

  it("finds every listed spelling when it stands alone on a line", () => {
    const missed: string[] = [];
    for (const entry of entries) {
      for (const form of entry.forms) {
        if (entry.wordForms.includes(form)) continue;
        if (findAbbreviationAt(form, 0)?.entry !== entry) missed.push(form);
      }
    }
    assert.deepEqual(missed, []);
  });
});
