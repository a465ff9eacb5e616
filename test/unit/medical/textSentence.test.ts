import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_MAX_SENTENCE_LENGTH, sentenceAround } from "../../../server/src/medical/text/sentence";

function sentenceAt(text: string, needle: string): string {
  const at = text.indexOf(needle);
  assert.notEqual(at, -1, `"${needle}" is in the text`);
  const span = sentenceAround(text, at);
  assert.equal(text.slice(span.start, span.end), span.text, "the range matches the text");
  return span.text;
}

describe("sentenceAround", () => {
  it("splits ordinary sentences at periods, question and exclamation marks", () => {
    const text = "Chest pain since noon. Is it pleuritic? No! Troponin pending.";
    assert.equal(sentenceAt(text, "noon"), "Chest pain since noon.");
    assert.equal(sentenceAt(text, "pleuritic"), "Is it pleuritic?");
    assert.equal(sentenceAt(text, "Troponin"), "Troponin pending.");
  });

  it("does not end a sentence at titles, dotted abbreviations or decimals", () => {
    const text = "Seen by Dr. Smith today. Takes metoprolol 12.5 mg p.o. b.i.d. and aspirin, e.g. for CAD. Next.";
    assert.equal(sentenceAt(text, "Smith"), "Seen by Dr. Smith today.");
    assert.equal(sentenceAt(text, "aspirin"), "Takes metoprolol 12.5 mg p.o. b.i.d. and aspirin, e.g. for CAD.");
  });

  it("does not end a sentence when a lower-case word follows the period", () => {
    const text = "Pt. denies fever. Approx. three days of cough.";
    assert.equal(sentenceAt(text, "denies"), "Pt. denies fever.");
    assert.equal(sentenceAt(text, "three"), "Approx. three days of cough.");
  });

  it("joins lines inside a paragraph", () => {
    const text = "CTPA shows a filling defect in the\nright lower lobe consistent with PE. Heparin started.";
    assert.equal(sentenceAt(text, "right"), "CTPA shows a filling defect in the\nright lower lobe consistent with PE.");
  });

  it("ends a sentence at a blank line even without a period", () => {
    const text = "Plan: start heparin\n\nFollow up in clinic";
    assert.equal(sentenceAt(text, "heparin"), "Plan: start heparin");
    assert.equal(sentenceAt(text, "clinic"), "Follow up in clinic");
  });

  it("treats each list item as its own sentence and drops the marker", () => {
    const text = "Problems:\n- HTN, on lisinopril\n- DM2 on metformin\n  with good control\n1. CKD stage 3";
    assert.equal(sentenceAt(text, "lisinopril"), "HTN, on lisinopril");
    assert.equal(sentenceAt(text, "control"), "DM2 on metformin\n  with good control");
    assert.equal(sentenceAt(text, "CKD"), "CKD stage 3");
    assert.equal(sentenceAt(text, "Problems"), "Problems:");
  });

  it("keeps headings and table rows apart from the text around them", () => {
    const text = "## Assessment\nPE confirmed.\n| Drug | Dose |\nNext line";
    assert.equal(sentenceAt(text, "Assessment"), "Assessment");
    assert.equal(sentenceAt(text, "confirmed"), "PE confirmed.");
    assert.equal(sentenceAt(text, "Dose"), "| Drug | Dose |");
  });

  it("returns an empty span on a blank line", () => {
    const text = "One.\n\nTwo.";
    const span = sentenceAround(text, 5);
    assert.equal(span.text, "");
    assert.equal(span.start, span.end);
  });

  it("caps a long sentence to a window around the offset", () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    words[150] = "TARGET";
    const text = `${words.join(" ")}.`;
    const span = sentenceAround(text, text.indexOf("TARGET"));
    assert.ok(span.text.length <= DEFAULT_MAX_SENTENCE_LENGTH);
    assert.ok(span.text.includes("TARGET"));
    assert.match(span.text, /^word\d+ /u, "the window starts on a whole word");
    const short = sentenceAround(text, text.indexOf("TARGET"), 60);
    assert.ok(short.text.length <= 60 && short.text.includes("TARGET"));
  });

  it("clamps offsets outside the text", () => {
    assert.equal(sentenceAround("Only one.", 99).text, "Only one.");
    assert.equal(sentenceAround("Only one.", -3).text, "Only one.");
  });
});
