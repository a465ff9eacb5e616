import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { findAbbreviationAt } from "../../../server/src/medical/abbreviations/findAbbreviation";
import { tokenizeWords } from "../../../server/src/medical/text/words";
import { findMedicalTermAt } from "../../../server/src/medical/terms/findMedicalTerm";
import type { TermKind } from "../../../server/src/medical/terms/types";
import { parseTermList, vocabularyEntries } from "../../../server/src/medical/terms/vocabularyIndex";
import { DRUGS } from "../../../server/src/medical/terms/vocabulary/drugs";

const FIXTURES = join(import.meta.dirname, "../../fixtures/vocabulary");

function fixtureLines(name: string): string[] {
  return readFileSync(join(FIXTURES, name), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}

const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)}%`;

describe("term vocabulary", () => {
  it("lists several hundred drugs and terms of every kind", () => {
    const counts = new Map<TermKind, number>();
    for (const [, kind] of vocabularyEntries()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    console.log(`term vocabulary: ${vocabularyEntries().length} keys`, Object.fromEntries(counts));
    assert.ok(parseTermList(DRUGS).length >= 300);
    for (const kind of ["drug", "condition", "procedure", "anatomy", "test", "other"] as const) {
      assert.ok((counts.get(kind) ?? 0) >= 100, `${kind}: ${counts.get(kind) ?? 0}`);
    }
  });
});

describe("precision on ordinary English", () => {
  const words = [...new Set(fixtureLines("ordinaryWords.txt"))];

  it("has at least 1,000 ordinary words to check", () => {
    assert.ok(words.length >= 1000, `${words.length} words`);
  });

  it("recognises none of them as a term or an abbreviation, in lower case or capitalised", () => {
    const taken: string[] = [];
    for (const word of words) {
      for (const written of [word, capitalised(word)]) {
        const term = findMedicalTermAt(written, 0);
        if (term) taken.push(`${written} → term ${term.term} (${term.kind})`);
        const abbreviation = findAbbreviationAt(written, 0);
        if (abbreviation) taken.push(`${written} → abbreviation ${abbreviation.entry.abbreviation}`);
      }
    }
    console.log(`ordinary words: ${words.length}, false positives: ${taken.length}`);
    assert.deepEqual(taken, []);
  });

  it("recognises no word of ordinary prose", () => {
    const taken: string[] = [];
    let checked = 0;
    for (const line of fixtureLines("ordinaryProse.txt")) {
      for (const word of tokenizeWords(line)) {
        checked++;
        const term = findMedicalTermAt(line, word.start);
        if (term) taken.push(`${term.term} in "${line}"`);
        const abbreviation = findAbbreviationAt(line, word.start);
        if (abbreviation) taken.push(`${abbreviation.text} in "${line}"`);
      }
    }
    console.log(`ordinary prose: ${checked} word positions, false positives: ${taken.length}`);
    assert.deepEqual(taken, []);
  });
});

describe("recall on medical terms", () => {
  it("recognises every listed medical term whole and with the expected kind", () => {
    const rows = fixtureLines("medicalTerms.txt").map((line) => {
      const [term = "", kind = ""] = line.split("|").map((part) => part.trim());
      return { term, kind };
    });
    assert.ok(rows.length >= 300, `${rows.length} terms`);
    const problems: string[] = [];
    let byMorphology = 0;
    for (const { term, kind } of rows) {
      const match = findMedicalTermAt(term, 0);
      if (match?.start !== 0 || match.end !== term.length) problems.push(`${term}: found ${match?.term ?? "nothing"}`);
      else if (match.kind !== kind) problems.push(`${term}: ${match.kind}, expected ${kind}`);
      else if (match.source === "morphology") byMorphology++;
    }
    console.log(`medical terms: ${rows.length}, recognised ${rows.length - problems.length}, by word parts ${byMorphology}`);
    assert.deepEqual(problems, []);
  });

  it("keeps recall on the later-written term batches above its floor", () => {
    const terms = fixtureLines("recallTerms.txt");
    let whole = 0;
    let onLastWord = 0;
    for (const term of terms) {
      const first = findMedicalTermAt(term, 0);
      if (first?.start === 0 && first.end === term.length) whole++;
      if (findMedicalTermAt(term, term.lastIndexOf(" ") + 1)) onLastWord++;
    }
    console.log(`recall terms: ${terms.length}, whole ${percent(whole, terms.length)}, last word ${percent(onLastWord, terms.length)}`);
    assert.ok(whole / terms.length >= 0.85);
    assert.ok(onLastWord / terms.length >= 0.9);
  });
});
