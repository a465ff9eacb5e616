import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PhiRedactor, placeholderFor } from "../../../server/src/medical/phi/phiRedactor";

describe("PhiRedactor", () => {
  it("replaces findings with typed, numbered placeholders", () => {
    const redactor = new PhiRedactor();
    const out = redactor.redact("Mr. Ostrowski was seen on 3/14/2024 and again on 3/21/2024.");
    assert.equal(out, "Mr. [NAME-1] was seen on [DATE-1] and again on [DATE-2].");
  });

  it("gives the same value the same placeholder, also across texts", () => {
    const redactor = new PhiRedactor();
    const [question, context] = redactor.redactAll([
      "What happened to Mr. Ostrowski on 3/14/2024?",
      "Patient: Harold Ostrowski. Mr. Ostrowski had an NSTEMI on 3/14/2024; seen 3/16/2024.",
    ]);
    assert.equal(question, "What happened to Mr. [NAME-1] on [DATE-1]?");
    assert.equal(context, "Patient: [NAME-2]. Mr. [NAME-1] had an NSTEMI on [DATE-1]; seen [DATE-2].");
    assert.equal(redactor.size, 4);
  });

  it("never issues a placeholder that already appears literally in the input", () => {
    const redactor = new PhiRedactor();
    const [first] = redactor.redactAll(["Template uses [NAME-1] and [DATE-1]; patient Mr. Ostrowski seen 3/14/2024."]);
    assert.equal(first, "Template uses [NAME-1] and [DATE-1]; patient Mr. [NAME-2] seen [DATE-2].");
    assert.equal(redactor.restore("[NAME-1] and [NAME-2]"), "[NAME-1] and Ostrowski");
  });

  it("counts what it replaced by type", () => {
    const redactor = new PhiRedactor();
    redactor.redactAll(["Mr. Ostrowski, DOB 04/12/1951, seen 3/14/2024, phone (555) 214-0187.", "Mr. Ostrowski again."]);
    assert.deepEqual(redactor.summary(), { total: 5, byType: { NAME: 2, DATE: 2, PHONE: 1 } });
  });

  it("reuses findings it is given and skips overlapping or out-of-range ones", () => {
    const redactor = new PhiRedactor();
    const text = "abc def ghi";
    const out = redactor.redactWithFindings(text, [
      { type: "ID", start: 4, end: 7, score: 1, recognizer: "test" },
      { type: "ID", start: 5, end: 9, score: 1, recognizer: "test" },
      { type: "ID", start: 8, end: 40, score: 1, recognizer: "test" },
    ]);
    assert.equal(out.text, "abc [ID-1] ghi");
    assert.equal(out.findings.length, 1);
  });

  it("restores its own placeholders and forgets them when cleared", () => {
    const redactor = new PhiRedactor();
    const redacted = redactor.redact("Call Mr. Ostrowski at (555) 214-0187.");
    assert.equal(redacted, "Call Mr. [NAME-1] at [PHONE-1].");
    assert.equal(redactor.restore("Please call [NAME-1] at [PHONE-1]."), "Please call Ostrowski at (555) 214-0187.");
    redactor.clear();
    assert.equal(redactor.restore("Please call [NAME-1]."), "Please call [NAME-1].");
    assert.equal(redactor.size, 0);
  });

  it("leaves identifier-free text unchanged", () => {
    const redactor = new PhiRedactor();
    assert.equal(redactor.redact("Metformin 500 mg BID; BP 120/80."), "Metformin 500 mg BID; BP 120/80.");
    assert.deepEqual(redactor.summary(), { total: 0, byType: {} });
    assert.equal(placeholderFor("HEALTH_PLAN", 3), "[HEALTH_PLAN-3]");
  });
});
