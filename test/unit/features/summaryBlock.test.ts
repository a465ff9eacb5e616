import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { REVIEW_NOTE, TRUNCATED_NOTE, escapeLatex, formatSummaryBlock, insertionAfter, relocatePassage } from "../../../server/src/features/summaryBlock";

describe("formatSummaryBlock", () => {
  it("writes a Markdown blockquote that says who wrote it and that it must be reviewed", () => {
    const block = formatSummaryBlock("markdown", "clinical", "Line one.\n\nLine two.");
    assert.equal(block, `> **MedGemma clinical summary**: ${REVIEW_NOTE}\n>\n> Line one.\n>\n> Line two.`);
  });

  it("writes a LaTeX quote environment with escaped text and bullets as itemize", () => {
    const block = formatSummaryBlock("latex", "bullets", "- K 3.1 & Mg 1.6\n- Give 40% of $dose_1\\n");
    assert.ok(block.startsWith(`% MedGemma key points: ${REVIEW_NOTE}\n\\begin{quote}`));
    assert.ok(block.includes("\\begin{itemize}\n  \\item K 3.1 \\& Mg 1.6\n  \\item Give 40\\% of \\$dose\\_1\\textbackslash{}n\n\\end{itemize}"));
    assert.ok(block.endsWith("\\end{quote}"));
  });

  it("writes plain text between marker lines, with the truncation note inside", () => {
    const block = formatSummaryBlock("plaintext", "patient", "You had a mild heart attack.", true);
    const lines = block.split("\n");
    assert.match(lines[0] ?? "", /^----- MedGemma summary for patients \(AI-generated.*review/);
    assert.equal(lines.at(-1), "----- end of MedGemma summary for patients -----");
    assert.ok(block.includes(TRUNCATED_NOTE));
  });

  it("escapes every LaTeX special character", () => {
    assert.equal(escapeLatex("\\ { } $ & # ^ _ % ~"), "\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}");
  });
});

describe("placement", () => {
  const doc = "Title\n\nHPI: chest pain.\nPlan: ECG.\n\nNext section";

  it("inserts after the last line of the passage, separated by a blank line", () => {
    const end = doc.indexOf("ECG.") + 4;
    const { offset, text } = insertionAfter(doc, end, "BLOCK");
    const result = doc.slice(0, offset) + text + doc.slice(offset);
    assert.equal(result, "Title\n\nHPI: chest pain.\nPlan: ECG.\n\nBLOCK\n\nNext section");
  });

  it("keeps a blank line after the block when the next line has text (no Markdown lazy continuation)", () => {
    const end = doc.indexOf("chest pain.") + 11;
    const { offset, text } = insertionAfter(doc, end, "BLOCK");
    assert.equal(doc.slice(0, offset) + text + doc.slice(offset), "Title\n\nHPI: chest pain.\n\nBLOCK\n\nPlan: ECG.\n\nNext section");
  });

  it("treats a selection that ends at a line start as ending on the line before", () => {
    const end = doc.indexOf("Plan:");
    const { offset } = insertionAfter(doc, end, "B");
    assert.equal(offset, doc.indexOf("\nPlan:"));
  });

  it("finds the passage again after edits elsewhere, nearest to where it was", () => {
    const passage = "Plan: ECG.";
    const edited = `Inserted line\n${doc}\n${passage}`;
    const found = relocatePassage(edited, passage, doc.indexOf(passage));
    assert.equal(found?.start, edited.indexOf(passage));
    assert.equal(relocatePassage(edited.replace(/Plan: ECG\./g, "Plan: echo."), passage, 0), undefined);
  });
});
