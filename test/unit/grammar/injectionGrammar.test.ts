import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Token } from "./textmate";
import { describe as show, fragmentHas, lineHas, loadContributes, tokenize } from "./textmate";

const MARKDOWN = "text.html.markdown";
const LATEX = "text.tex.latex";

async function lines(scopeName: string, text: string): Promise<Token[][]> {
  return tokenize(scopeName, text);
}

function at(tokenLines: readonly Token[][], index: number): Token[] {
  const tokens = tokenLines[index];
  assert.ok(tokens, `no line ${index}`);
  return tokens;
}

describe("injection grammar: registration", () => {
  it("is contributed for Markdown and LaTeX, not as a language of its own", () => {
    const injection = loadContributes().grammars.find((grammar) => grammar.scopeName === "clinical-note.injection");
    assert.ok(injection);
    assert.deepEqual(injection.injectTo, [MARKDOWN, LATEX]);
    assert.equal(injection.language, undefined);
  });
});

describe("injection grammar: Markdown", () => {
  it("adds doses, codes and error-prone tokens to Markdown prose", async () => {
    const tokens = at(await lines(MARKDOWN, "Started metoprolol 5.0 mg PO BID for I21.4, then insulin 10 U qd."), 0);
    assert.ok(fragmentHas(tokens, "5.0", "invalid.deprecated.trailing-zero"), show(tokens));
    assert.ok(fragmentHas(tokens, "mg", "keyword.other.unit.dose"), show(tokens));
    assert.ok(fragmentHas(tokens, "PO", "constant.language.route"), show(tokens));
    assert.ok(fragmentHas(tokens, "I21.4", "support.type.code.icd10cm"), show(tokens));
    assert.ok(fragmentHas(tokens, "U", "invalid.deprecated.unit"), show(tokens));
    assert.ok(fragmentHas(tokens, "qd", "invalid.deprecated"), show(tokens));
    assert.ok(fragmentHas(tokens, "Started", "meta.paragraph.markdown"), "the host grammar still applies");
  });

  it("applies in headings and link text but not in link targets", async () => {
    const tokens = at(await lines(MARKDOWN, "## Heparin 5000 U subcut"), 0);
    assert.ok(fragmentHas(tokens, "U", "invalid.deprecated.unit"), show(tokens));
    const link = at(await lines(MARKDOWN, "See [trial NCT01234567](https://example.org/NCT01234567/qd)."), 0);
    assert.ok(fragmentHas(link, "NCT01234567", "markup.underline.link.nct"), show(link));
    const target = link.filter((token) => token.scopes.includes("markup.underline.link.markdown"));
    assert.ok(target.length > 0 && target.every((token) => !token.scopes.some((scope) => scope.endsWith(".clinical-note"))), show(link));
  });

  it("does not apply inside a fenced code block", async () => {
    const tokenLines = await lines(MARKDOWN, ["Before 5.0 mg.", "```", "Heparin 5000 U subcut qd", "dose = 5.0 mg", "```", "After .5 mg."].join("\n"));
    assert.ok(lineHas(at(tokenLines, 0), "invalid.deprecated"), "prose before the fence");
    for (const index of [2, 3]) {
      const tokens = at(tokenLines, index);
      assert.ok(fragmentHas(tokens, tokens.map((token) => token.text).join(""), "markup.fenced_code.block.markdown"));
      assert.ok(!lineHas(tokens, "invalid.deprecated") && !lineHas(tokens, "meta.dose"), show(tokens));
    }
    assert.ok(lineHas(at(tokenLines, 5), "invalid.deprecated.leading-zero"), "prose after the fence");
  });

  it("does not apply inside inline code, math or HTML comments", async () => {
    const tokens = at(await lines(MARKDOWN, "Write `5.0 mg` as 5 mg; $x = 5.0 mg$ <!-- 10 U qd -->"), 0);
    assert.ok(!lineHas(tokens, "invalid.deprecated"), show(tokens));
    assert.ok(fragmentHas(tokens, "5 mg", "meta.dose"), show(tokens));
    const math = at(await lines(MARKDOWN, ["$$", "5.0 mg", "$$"].join("\n")), 1);
    assert.ok(!lineHas(math, "invalid.deprecated"), show(math));
  });

  it("adds only the injected rules: no clinical headers, vitals or negation in Markdown", async () => {
    const tokens = at(await lines(MARKDOWN, "HPI: no chest pain, BP 120/80"), 0);
    for (const scope of ["markup.heading.section.clinical-note", "keyword.control.negation", "variable.other.vital-sign"]) {
      assert.ok(!lineHas(tokens, scope), `${scope}\n${show(tokens)}`);
    }
  });
});

describe("injection grammar: LaTeX", () => {
  it("adds doses and error-prone tokens to LaTeX text, including ~ and \\, spacing", async () => {
    const tokens = at(await lines(LATEX, "Patients received enoxaparin 40~mg subcut daily and 2\\,mg IV, not 5.0 mg."), 0);
    assert.ok(fragmentHas(tokens, "40~mg", "meta.dose"), show(tokens));
    assert.ok(fragmentHas(tokens, "2\\,mg", "meta.dose"), show(tokens));
    assert.ok(fragmentHas(tokens, "5.0", "invalid.deprecated.trailing-zero"), show(tokens));
  });

  it("does not apply inside math, comments, verbatim or citation keys", async () => {
    const tokenLines = await lines(LATEX, [
      "Odds were $5.0 mg$ and \\[ 10 U \\] here.",
      "% 5.0 mg in a comment",
      "\\begin{verbatim}",
      "Heparin 5000 U qd",
      "\\end{verbatim}",
      "As shown \\cite{I21.4} before.",
    ].join("\n"));
    for (const index of [0, 1, 3, 5]) {
      const tokens = at(tokenLines, index);
      assert.ok(!lineHas(tokens, "invalid.deprecated") && !lineHas(tokens, "support.type.code"), `line ${index}\n${show(tokens)}`);
    }
  });
});
