import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentSymbol, FoldingRange } from "vscode-languageserver";
import { documentSymbols, foldingRanges } from "../../../server/src/features/outline";

const NOTES = join(import.meta.dirname, "..", "..", "fixtures", "notes");

function fixture(name: string): string {
  return readFileSync(join(NOTES, name), "utf8");
}

// LSP SymbolKind values.
const FILE = 1;
const MODULE = 2;
const NAMESPACE = 3;
const FIELD = 8;

/** "name (kind) start-end", children indented. */
function tree(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${"  ".repeat(depth)}${symbol.name} (${symbol.kind}) ${symbol.range.start.line}-${symbol.range.end.line}`,
    ...tree(symbol.children ?? [], depth + 1),
  ]);
}

function all(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...all(symbol.children ?? [])]);
}

function contains(outer: DocumentSymbol["range"], inner: DocumentSymbol["range"]): boolean {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** LSP requires each symbol's range to hold its selection range and its children's ranges. */
function assertWellFormed(symbols: readonly DocumentSymbol[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const symbol of all(symbols)) {
    assert.ok(symbol.name.length > 0);
    assert.ok(contains(symbol.range, symbol.selectionRange), symbol.name);
    for (const child of symbol.children ?? []) assert.ok(contains(symbol.range, child.range), `${symbol.name} > ${child.name}`);
    const { start, end } = symbol.selectionRange;
    assert.equal(lines[start.line]?.slice(start.character, end.character), symbol.name, "selection range covers the title");
  }
}

function folds(ranges: readonly FoldingRange[]): string[] {
  return ranges.map((range) => `${range.startLine}-${range.endLine}`);
}

describe("documentSymbols", () => {
  it("outlines a SOAP note with every section under its S, O, A or P", () => {
    const text = fixture("progress-note.soap");
    const symbols = documentSymbols(text, "clinical-note");
    assert.deepEqual(tree(symbols), [
      "PROGRESS NOTE (1) 0-22",
      "  Subjective (2) 3-5",
      "  Objective (2) 7-12",
      "    Vitals (2) 8-8",
      "    Lungs (2) 9-9",
      "    CV (2) 10-10",
      "    Labs (2) 11-11",
      "    Imaging (2) 12-12",
      "  Assessment (2) 14-16",
      "  Plan (2) 18-22",
    ]);
    assertWellFormed(symbols, text);
    assert.equal(all(symbols).find((symbol) => symbol.name === "CV")?.detail, "Cardiovascular");
  });

  it("outlines a discharge summary and spells out abbreviations in the detail", () => {
    const text = fixture("discharge-summary.note");
    const symbols = documentSymbols(text, "clinical-note");
    const [title] = symbols;
    assert.equal(title?.kind, FILE);
    assert.deepEqual(title?.children?.map((symbol) => symbol.name), [
      "ADMISSION DIAGNOSIS", "DISCHARGE DIAGNOSES", "HISTORY OF PRESENT ILLNESS", "HOSPITAL COURSE", "PERTINENT RESULTS",
      "DISCHARGE MEDICATIONS", "DISCHARGE CONDITION", "DISCHARGE INSTRUCTIONS", "FOLLOW-UP",
    ]);
    assert.equal(title?.children?.[2]?.detail, undefined, "no detail when the title already says it");
    assert.equal(title?.children?.[4]?.detail, "Laboratory results");
    assertWellFormed(symbols, text);
  });

  it("outlines an H&P with body systems as fields", () => {
    const text = fixture("history-and-physical.note");
    const symbols = documentSymbols(text, "clinical-note");
    const exam = all(symbols).find((symbol) => symbol.name === "Physical Exam");
    assert.equal(exam?.kind, MODULE);
    assert.deepEqual(exam?.children?.map((symbol) => [symbol.name, symbol.kind]), [
      ["Vitals", FIELD], ["General", FIELD], ["Neck", FIELD], ["Lungs", FIELD], ["Heart", FIELD], ["Extremities", FIELD],
    ]);
    assert.equal(all(symbols).find((symbol) => symbol.name === "HPI")?.detail, "History of present illness");
    assertWellFormed(symbols, text);
  });

  it("uses namespaces for top-level sections when there is no title", () => {
    const symbols = documentSymbols("HPI: cough\nROS:\nRespiratory: cough", "plaintext");
    assert.deepEqual(tree(symbols), ["HPI (3) 0-0", "ROS (3) 1-2", "  Respiratory (8) 2-2"]);
    assert.equal(symbols[0]?.kind, NAMESPACE);
  });

  it("outlines a research paper in plain text", () => {
    const text = fixture("research-abstract.txt");
    const symbols = documentSymbols(text, "plaintext");
    assert.deepEqual(symbols.map((symbol) => symbol.name), ["ABSTRACT", "INTRODUCTION", "METHODS", "RESULTS", "DISCUSSION", "REFERENCES"]);
    assert.deepEqual(symbols[0]?.children?.map((symbol) => [symbol.name, symbol.kind]), [
      ["Background", FIELD], ["Methods", FIELD], ["Results", FIELD], ["Conclusions", FIELD],
    ]);
    assertWellFormed(symbols, text);
  });

  it("outlines a LaTeX paper with its sectioning commands and abstract labels", () => {
    const text = fixture("research-abstract.tex");
    const symbols = documentSymbols(text, "latex");
    assert.deepEqual(symbols.map((symbol) => symbol.name), [
      "Abstract", "Introduction", "Methods", "Results", "Discussion", "Acknowledgements", "References",
    ]);
    assert.deepEqual(symbols[2]?.children?.map((symbol) => symbol.name), ["Study design and participants", "Statistical analysis"]);
    const methods = symbols[2];
    assert.ok(methods);
    const line = text.split("\n")[methods.selectionRange.start.line] ?? "";
    assert.equal(line.slice(methods.selectionRange.start.character, methods.selectionRange.end.character), "Methods");
  });

  it("lists only clinical labels in Markdown, since VS Code already outlines # headings", () => {
    const text = fixture("case-report.md");
    const symbols = documentSymbols(text, "markdown");
    const names = all(symbols).map((symbol) => symbol.name);
    assert.deepEqual(names, [
      "Background", "Case presentation", "Conclusions", "Chief Complaint", "HPI", "Vitals", "Physical Exam", "Labs",
    ]);
    for (const heading of ["Abstract", "Discussion", "References", "Treatment"]) assert.ok(!names.includes(heading), heading);
    assertWellFormed(symbols, text);
  });

  it("returns nothing for a document without headers", () => {
    assert.deepEqual(documentSymbols("Plan to discharge tomorrow.\nResults show improvement.", "plaintext"), []);
    assert.deepEqual(documentSymbols("", "clinical-note"), []);
  });
});

describe("foldingRanges", () => {
  it("folds each section that spans more than its header line", () => {
    assert.deepEqual(folds(foldingRanges(fixture("progress-note.soap"), "clinical-note")), [
      "0-22", "3-5", "7-12", "14-16", "18-22",
    ]);
  });

  it("folds LaTeX sections and the abstract environment up to \\end{abstract}", () => {
    const ranges = folds(foldingRanges(fixture("research-abstract.tex"), "latex"));
    assert.ok(ranges.includes("7-13"), ranges.join(" "));
    assert.ok(ranges.includes("18-22"), ranges.join(" "));
  });

  it("folds only clinical labels in Markdown", () => {
    const text = "# Case\n\nVitals:\nBP 120/80\nHR 72\n\n## Plan\nrest";
    assert.deepEqual(folds(foldingRanges(text, "markdown")), ["2-4"]);
  });
});
