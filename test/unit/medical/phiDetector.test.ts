import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PHI_RECOGNIZERS, detectPhi, mergeFindings } from "../../../server/src/medical/phi/phiDetector";
import type { PhiFinding } from "../../../server/src/medical/phi/phiTypes";

const NOTE = [
  "Patient: Harold Ostrowski   MRN: 00482913   DOB: 04/12/1951",
  "Mr. Ostrowski, a 72-year-old man, lives with his wife Dorothy at 418 Linden Avenue, Millbrook, NY 12545.",
  "Phone (555) 214-0187; e-mail harold.o@example.com. BP 148/92, HR 96, K 4.0, troponin 4.8 ng/mL.",
  "Electronically signed by Priya Raman, MD on 03/14/2024 22:41",
].join("\n");

function finding(type: PhiFinding["type"], start: number, end: number, score: number): PhiFinding {
  return { type, start, end, score, recognizer: "test" };
}

describe("detectPhi", () => {
  it("returns sorted, non-overlapping findings with offsets into the text", () => {
    const findings = detectPhi(NOTE);
    assert.ok(findings.length >= 12, `${findings.length} findings`);
    for (let i = 1; i < findings.length; i++) {
      const previous = findings[i - 1];
      const current = findings[i];
      assert.ok(previous && current && previous.end <= current.start, `finding ${i} overlaps or is out of order`);
    }
    const values = findings.map((f) => NOTE.slice(f.start, f.end));
    for (const expected of ["Harold Ostrowski", "00482913", "04/12/1951", "Dorothy", "418 Linden Avenue", "12545", "(555) 214-0187", "harold.o@example.com", "Priya Raman", "03/14/2024"]) {
      assert.ok(values.includes(expected), `missing ${expected}`);
    }
    for (const clinical of ["148/92", "96", "4.0", "4.8"]) assert.ok(!values.some((value) => value.includes(clinical)), `flagged ${clinical}`);
  });

  it("reports UTF-16 offsets when the text has astral characters before a finding", () => {
    const text = "🩺👩‍⚕️ Note for Mr. Ostrowski on 3/14/2024";
    const values = detectPhi(text).map((f) => text.slice(f.start, f.end));
    assert.deepEqual(values, ["Ostrowski", "3/14/2024"]);
  });

  it("filters by type and by score", () => {
    const dates = detectPhi(NOTE, { types: ["DATE"] });
    assert.ok(dates.length >= 2);
    assert.ok(dates.every((f) => f.type === "DATE"));
    const strong = detectPhi(NOTE, { minScore: 0.95 });
    assert.ok(strong.length > 0 && strong.length < detectPhi(NOTE).length);
    assert.ok(strong.every((f) => f.score >= 0.95));
  });

  it("returns nothing for empty or identifier-free text", () => {
    assert.deepEqual(detectPhi(""), []);
    assert.deepEqual(detectPhi("Metformin 500 mg twice daily; eGFR 45; HbA1c 8.1%; continue lisinopril 10 mg."), []);
  });

  it("never throws or loops on unusual input", () => {
    for (const text of ["[", "\\", "MRN", "MRN:", "Dr.", "Patient:", "-", "1/1", "@", "::", "|---|", "a,b,c\n", "é".repeat(500), "9".repeat(2000)]) {
      assert.ok(Array.isArray(detectPhi(text)));
    }
  });

  it("lists each recognizer once with a name and types", () => {
    const names = PHI_RECOGNIZERS.map((r) => r.name);
    assert.equal(new Set(names).size, names.length);
    assert.ok(PHI_RECOGNIZERS.every((r) => r.types.length > 0));
  });
});

describe("mergeFindings", () => {
  it("unions overlapping findings and keeps the strongest type", () => {
    const merged = mergeFindings([finding("PHONE", 10, 20, 0.8), finding("ACCOUNT", 15, 25, 0.95), finding("DATE", 30, 35, 0.9)]);
    assert.deepEqual(
      merged.map((f) => [f.type, f.start, f.end]),
      [
        ["ACCOUNT", 10, 25],
        ["DATE", 30, 35],
      ],
    );
  });

  it("prefers the longer finding on a tie, sorts, and keeps touching findings apart", () => {
    const merged = mergeFindings([finding("DATE", 40, 45, 0.9), finding("NAME", 0, 4, 0.7), finding("NAME", 2, 10, 0.7), finding("AGE", 10, 12, 0.9)]);
    assert.deepEqual(
      merged.map((f) => [f.type, f.start, f.end]),
      [
        ["NAME", 0, 10],
        ["AGE", 10, 12],
        ["DATE", 40, 45],
      ],
    );
  });
});
