import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { tokenizeWords, wordAt } from "../../../server/src/medical/text/words";

function wordIn(line: string, needle: string, offsetInNeedle = 0): string | undefined {
  const at = line.indexOf(needle);
  assert.notEqual(at, -1, `"${needle}" is in the line`);
  return wordAt(line, at + offsetInNeedle)?.text;
}

describe("wordAt", () => {
  it("keeps clinical tokens with digits, hyphens and periods whole", () => {
    const line = "Give 0.5 mg IV q6h; SpO2 92%, HbA1c 8.1, CHA2DS2-VASc 4, COVID-19 negative, I21.4.";
    for (const token of ["0.5", "q6h", "SpO2", "HbA1c", "8.1", "CHA2DS2-VASc", "COVID-19", "I21.4"]) {
      assert.equal(wordIn(line, token), token);
      assert.equal(wordIn(line, token, token.length - 1), token);
    }
  });

  it("keeps an apostrophe inside a word but not around it", () => {
    assert.equal(wordIn("History of Parkinson's disease.", "Parkinson's"), "Parkinson's");
    assert.equal(wordIn("the 'stent' was placed", "stent"), "stent");
  });

  it("leaves out sentence punctuation after a word", () => {
    assert.equal(wordIn("Started heparin.", "heparin"), "heparin");
    assert.equal(wordIn("(apixaban)", "apixaban"), "apixaban");
  });

  it("finds the word when the cursor rests just after it", () => {
    const line = "metformin 500";
    assert.deepEqual(wordAt(line, 9), { text: "metformin", start: 0, end: 9 });
  });

  it("returns the range of the word", () => {
    assert.deepEqual(wordAt("on apixaban daily", 5), { text: "apixaban", start: 3, end: 11 });
  });

  it("returns undefined between words and on punctuation", () => {
    assert.equal(wordAt("a  b", 2), undefined);
    assert.equal(wordAt("x , y", 2), undefined);
    assert.equal(wordAt("", 0), undefined);
  });

  it("splits slashes, which join separate words", () => {
    assert.equal(wordIn("HTN/DM", "DM"), "DM");
    assert.equal(wordIn("and/or", "or"), "or");
  });
});

describe("tokenizeWords", () => {
  it("lists every word with its offsets", () => {
    const text = "BP 120/80, HR 72.";
    assert.deepEqual(
      tokenizeWords(text).map((word) => [word.text, word.start, word.end]),
      [["BP", 0, 2], ["120", 3, 6], ["80", 7, 9], ["HR", 11, 13], ["72", 14, 16]],
    );
  });

  it("handles accents and subscript digits as word characters", () => {
    assert.deepEqual(tokenizeWords("Guillain-Barré SpO₂").map((word) => word.text), ["Guillain-Barré", "SpO₂"]);
  });
});
