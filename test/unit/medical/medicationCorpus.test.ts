import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkMedicationSafety, MEDICATION_RULE_BY_ID, type MedicationFinding } from "../../../server/src/medical/medication/index";

const CORPUS_DIR = join(import.meta.dirname, "../../fixtures/medication");
const LABEL_RE = /\|((?:tjc|ismp)-[a-z0-9-]+)(?:\|([^|]*))?$/;

interface Expected {
  ruleId: string;
  start: number;
  end: number;
  replacement?: string;
}

interface Sample {
  file: string;
  lineNumber: number;
  languageId: string;
  text: string;
  expected: Expected[];
}

/** Strips `⟦text|rule|replacement⟧` marks (which may nest) and returns the text and the labelled spans. */
function parseMarks(marked: string, where: string): { text: string; expected: Expected[] } {
  let out = "";
  const open: number[] = [];
  const expected: Expected[] = [];
  for (const ch of marked) {
    if (ch === "⟦") {
      open.push(out.length);
    } else if (ch === "⟧") {
      const start = open.pop();
      assert.ok(start !== undefined, `${where}: unbalanced ⟧`);
      const inner = out.slice(start);
      const label = LABEL_RE.exec(inner);
      assert.ok(label, `${where}: mark without a rule id: ${inner}`);
      const ruleId = label[1]!;
      assert.ok(MEDICATION_RULE_BY_ID.has(ruleId), `${where}: unknown rule ${ruleId}`);
      out = out.slice(0, start) + inner.slice(0, label.index);
      expected.push({ ruleId, start, end: out.length, ...(label[2] !== undefined ? { replacement: label[2] } : {}) });
    } else {
      out += ch;
    }
  }
  assert.equal(open.length, 0, `${where}: unbalanced ⟦`);
  return { text: out, expected };
}

function loadCorpus(): Sample[] {
  const samples: Sample[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((name) => name.endsWith(".corpus")).sort()) {
    const lines = readFileSync(join(CORPUS_DIR, file), "utf8").split("\n");
    let languageId = "plaintext";
    let block: string[] | undefined;
    let blockStart = 0;
    lines.forEach((line, index) => {
      const where = `${file}:${index + 1}`;
      if (block) {
        if (line === ">>>") {
          samples.push({ file, lineNumber: blockStart, languageId, ...parseMarks(block.join("\n"), where) });
          block = undefined;
        } else {
          block.push(line);
        }
        return;
      }
      if (line.trim() === "" || line.startsWith("//")) return;
      if (/^@[a-z-]+$/.test(line)) {
        languageId = line.slice(1);
        return;
      }
      if (line === "<<<") {
        block = [];
        blockStart = index + 1;
        return;
      }
      samples.push({ file, lineNumber: index + 1, languageId, ...parseMarks(line, where) });
    });
    assert.equal(block, undefined, `${file}: unterminated <<< block`);
  }
  return samples;
}

function sameSpan(f: MedicationFinding, e: Expected): boolean {
  return f.ruleId === e.ruleId && f.start === e.start && f.end === e.end;
}

describe("medication-safety corpus", () => {
  const samples = loadCorpus();

  it("has at least 300 labelled samples across every language mode", () => {
    assert.ok(samples.length >= 300, `only ${samples.length} samples`);
    const languages = new Set(samples.map((s) => s.languageId));
    for (const id of ["plaintext", "clinical-note", "markdown", "latex"]) assert.ok(languages.has(id), `no ${id} samples`);
    const positives = samples.filter((s) => s.expected.length > 0).length;
    assert.ok(positives >= 100 && samples.length - positives >= 100, `positives ${positives}, negatives ${samples.length - positives}`);
  });

  it("finds what clinicians would fix and little else (precision and recall at least 0.95)", () => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    const problems: string[] = [];
    const wrongReplacements: string[] = [];
    for (const sample of samples) {
      const found = checkMedicationSafety(sample.text, { languageId: sample.languageId });
      const where = `${sample.file}:${sample.lineNumber}`;
      for (const f of found) {
        const match = sample.expected.find((e) => sameSpan(f, e));
        if (match) {
          truePositives++;
          if (match.replacement !== undefined && f.replacements[0] !== match.replacement) {
            wrongReplacements.push(`${where} ${f.ruleId} "${f.matched}" → "${f.replacements[0]}", expected "${match.replacement}"`);
          }
        } else {
          falsePositives++;
          problems.push(`${where} unexpected ${f.ruleId} "${f.matched}"`);
        }
      }
      for (const e of sample.expected) {
        if (!found.some((f) => sameSpan(f, e))) {
          falseNegatives++;
          problems.push(`${where} missed ${e.ruleId} "${sample.text.slice(e.start, e.end)}"`);
        }
      }
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    console.log(
      `medication corpus: ${samples.length} samples, ${truePositives + falseNegatives} expected findings, ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (TP ${truePositives}, FP ${falsePositives}, FN ${falseNegatives})`,
    );
    if (problems.length > 0) console.log(problems.join("\n"));
    assert.deepEqual(wrongReplacements, []);
    assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}`);
    assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}`);
  });

  it("every finding's preferred fix removes that finding", () => {
    for (const sample of samples) {
      for (const f of checkMedicationSafety(sample.text, { languageId: sample.languageId })) {
        const fixed = sample.text.slice(0, f.start) + f.replacements[0]! + sample.text.slice(f.end);
        const replacedEnd = f.start + f.replacements[0]!.length;
        const again = checkMedicationSafety(fixed, { languageId: sample.languageId });
        const remaining = again.find((g) => g.ruleId === f.ruleId && g.start < replacedEnd && g.end > f.start);
        assert.equal(remaining, undefined, `${sample.file}:${sample.lineNumber} fixing ${f.ruleId} "${f.matched}" left "${remaining?.matched}"`);
      }
    }
  });
});
