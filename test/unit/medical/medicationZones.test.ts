import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { checkMedicationSafety, zoneMode } from "../../../server/src/medical/medication/index";

/** "rule:matched@start" for each finding. */
function found(text: string, languageId: string): string[] {
  return checkMedicationSafety(text, { languageId }).map((f) => `${f.ruleId}:${f.matched}@${f.start}`);
}

const QD_AT_END = "Aspirin 81 mg QD";
const qdAt = (text: string): number => text.lastIndexOf("QD");

describe("exclusion zones", () => {
  it("maps language ids to zone modes", () => {
    assert.equal(zoneMode("markdown"), "markdown");
    assert.equal(zoneMode("latex"), "latex");
    assert.equal(zoneMode("plaintext"), "plain");
    assert.equal(zoneMode("clinical-note"), "plain");
    assert.equal(zoneMode("something-else"), "plain");
  });

  it("skips URLs and e-mail addresses in every language", () => {
    for (const languageId of ["plaintext", "clinical-note", "markdown", "latex"]) {
      const text = `See https://example.org/orders?dose=5.0mg&f=qd and write to rx.qd@example.org; ${QD_AT_END}`;
      assert.deepEqual(found(text, languageId), [`tjc-qd:QD@${qdAt(text)}`], languageId);
      assert.deepEqual(found("doi:10.1000/qd.5.0mg and www.example.org/10U", languageId), [], languageId);
    }
  });

  it("treats backticks and dollars as plain characters outside Markdown and LaTeX", () => {
    assert.deepEqual(found("Order: `aspirin 81 mg QD`", "plaintext").length, 1);
    assert.deepEqual(found("Cost $5 for aspirin 81 mg QD$", "clinical-note").length, 1);
  });

  describe("in Markdown", () => {
    it("skips inline code spans but not text after them", () => {
      const text = "Use `10mg qd` in code, but Lasix 10 mg QD here.";
      assert.deepEqual(found(text, "markdown"), [`tjc-qd:QD@${text.indexOf("QD")}`]);
      assert.deepEqual(found("Double ``code with ` and 10mg qd`` here", "markdown"), []);
      assert.deepEqual(found("Unclosed `backtick: aspirin 81 mg QD", "markdown").length, 1);
    });

    it("skips fenced code blocks of either fence character and keeps the fence open until a long enough fence", () => {
      const text = ["````", "```", "aspirin 81 mg QD", "```", "still code 10mg", "````", QD_AT_END].join("\n");
      assert.deepEqual(found(text, "markdown"), [`tjc-qd:QD@${qdAt(text)}`]);
      const tilde = ["~~~ text", "aspirin 81 mg QD", "~~~", QD_AT_END].join("\n");
      assert.deepEqual(found(tilde, "markdown"), [`tjc-qd:QD@${qdAt(tilde)}`]);
    });

    it("skips inline and display math, but reads prices as text", () => {
      assert.deepEqual(found("Clearance $CL = 5.0\\,mg \\cdot QD$ per day", "markdown"), []);
      const display = ["$$", "D = 5.0 mg QD", "$$", QD_AT_END].join("\n");
      assert.deepEqual(found(display, "markdown"), [`tjc-qd:QD@${qdAt(display)}`]);
      assert.deepEqual(found("Inline \\(5.0 mg\\) and display \\[QD\\]", "markdown"), []);
      const bracket = ["\\[", "5.0 mg QD", "\\]", QD_AT_END].join("\n");
      assert.deepEqual(found(bracket, "markdown"), [`tjc-qd:QD@${qdAt(bracket)}`]);
      const price = "Costs $5 a month and $10 later; aspirin 81 mg QD";
      assert.deepEqual(found(price, "markdown"), [`tjc-qd:QD@${qdAt(price)}`]);
      assert.deepEqual(found("Escaped \\[sic\\] text: aspirin 81 mg QD", "markdown").length, 1);
    });

    it("skips HTML comments and link destinations but not link text", () => {
      const comment = ["<!-- draft", "aspirin 81 mg QD", "-->", QD_AT_END].join("\n");
      assert.deepEqual(found(comment, "markdown"), [`tjc-qd:QD@${qdAt(comment)}`]);
      const link = "See [aspirin 81 mg QD](notes/aspirin-10mg-qd.md) now";
      assert.deepEqual(found(link, "markdown"), [`tjc-qd:QD@${link.indexOf("QD")}`]);
    });
  });

  describe("in LaTeX", () => {
    it("skips inline math, also across lines, and ends it at a paragraph break", () => {
      assert.deepEqual(found("The dose $d = 5.0 mg$ was QD-free", "latex"), []);
      const across = ["Let $x", "= 5.0 mg QD$ be it.", QD_AT_END].join("\n");
      assert.deepEqual(found(across, "latex"), [`tjc-qd:QD@${qdAt(across)}`]);
      const unclosed = ["A stray $ sign", "5.0 mg QD", "", QD_AT_END].join("\n");
      assert.deepEqual(found(unclosed, "latex"), [`tjc-qd:QD@${qdAt(unclosed)}`]);
    });

    it("skips display math and math environments", () => {
      const environments = ["\\begin{align*}", "x &= 5.0 mg QD", "\\end{align*}", "\\begin{equation} .5 mg \\end{equation}", QD_AT_END].join("\n");
      assert.deepEqual(found(environments, "latex"), [`tjc-qd:QD@${qdAt(environments)}`]);
      assert.deepEqual(found("$$ 10 mg QD $$ and \\[ QD \\] and \\( 5.0 mg \\)", "latex"), []);
      const multiline = ["\\[", "10 mg QD", "\\]", QD_AT_END].join("\n");
      assert.deepEqual(found(multiline, "latex"), [`tjc-qd:QD@${qdAt(multiline)}`]);
    });

    it("skips verbatim, comments, command names and key arguments", () => {
      const verbatim = ["\\begin{lstlisting}", "dose = '10mg qd'", "\\end{lstlisting}", QD_AT_END].join("\n");
      assert.deepEqual(found(verbatim, "latex"), [`tjc-qd:QD@${qdAt(verbatim)}`]);
      assert.deepEqual(found("% TODO aspirin 81 mg QD", "latex"), []);
      assert.deepEqual(found("We used \\verb|10mg qd| here", "latex"), []);
      assert.deepEqual(found("\\newcommand{\\qd}{daily} Dose \\qd\\ given, see \\cite{qd2019} and \\label{sec:10mg}", "latex"), []);
      assert.deepEqual(found("\\SI{5.0}{\\milli\\gram} twice", "latex"), []);
      assert.deepEqual(found("The variable \\texttt{dose\\_qd} held 10mg", "latex").map((f) => f.split(":")[0]), ["ismp-dose-unit-spacing"]);
    });

    it("reads ~ and thin spaces as spaces and still checks text inside formatting commands", () => {
      const tilde = "Warfarin 5.0~mg tonight";
      assert.deepEqual(found(tilde, "latex"), [`tjc-trailing-zero:5.0@${tilde.indexOf("5.0")}`]);
      const thin = "Lorazepam .5\\,mg IV";
      assert.deepEqual(found(thin, "latex"), [`tjc-leading-zero:.5@${thin.indexOf(".5")}`]);
      const bold = "Give \\textbf{MTX} 15 mg weekly";
      assert.deepEqual(found(bold, "latex"), [`ismp-drug-mtx:MTX@${bold.indexOf("MTX")}`]);
      assert.deepEqual(found("Lidocaine 1\\% 5 mL", "latex"), []);
    });
  });
});
