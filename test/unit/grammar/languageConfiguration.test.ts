import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import { ROOT, loadContributes, tokenizeLine } from "./textmate";

const contributes = loadContributes();
const language = contributes.languages.find((entry) => entry.id === "clinical-note");

interface LanguageConfiguration {
  brackets: [string, string][];
  wordPattern: { pattern: string; flags: string };
  comments?: unknown;
}

function configuration(): LanguageConfiguration {
  assert.ok(language?.configuration);
  return JSON.parse(readFileSync(join(ROOT, language.configuration), "utf8")) as LanguageConfiguration;
}

/** VS Code compiles `firstLine` with `new RegExp`, adding `^` when it is missing. */
function firstLine(): RegExp {
  const source = language?.firstLine ?? "";
  return new RegExp(source.startsWith("^") ? source : `^${source}`);
}

function words(text: string): string[] {
  const { pattern, flags } = configuration().wordPattern;
  return text.match(new RegExp(pattern, flags.includes("g") ? flags : `${flags}g`)) ?? [];
}

describe("clinical-note language contribution", () => {
  it("registers .note and .soap files and points at files that exist", () => {
    assert.ok(language);
    assert.deepEqual(language.extensions, [".note", ".soap"]);
    assert.ok(language.configuration && existsSync(join(ROOT, language.configuration)));
    for (const grammar of contributes.grammars) {
      const path = join(ROOT, grammar.path);
      assert.ok(existsSync(path), grammar.path);
      const raw = JSON.parse(readFileSync(path, "utf8")) as { scopeName: string };
      assert.equal(raw.scopeName, grammar.scopeName, grammar.path);
    }
    const main = contributes.grammars.find((grammar) => grammar.language === "clinical-note");
    assert.equal(main?.scopeName, "text.clinical-note");
  });

  it("recognises a note by its first line, as VS Code does", () => {
    const pattern = firstLine();
    for (const line of ["CHIEF COMPLAINT: chest pain", "HPI: 67-year-old", "SUBJECTIVE:", "Subjective: better",
      "DISCHARGE SUMMARY", "History and Physical", "H&P", "  PROGRESS NOTE  ", "Radiology Report"]) {
      assert.ok(pattern.test(line), line);
    }
    for (const line of ["Subjectively, the patient is better.", "CC: accounting team", "hpi notes", "# README",
      "Dear colleague,", "Discharge summary was sent to the GP."]) {
      assert.ok(!pattern.test(line), line);
    }
  });

  it("keeps clinical tokens whole when selecting words", () => {
    assert.deepEqual(words("q6h SpO2 98% HbA1c I21.4 NT-proBNP 10.2 .5 µg x-ray"),
      ["q6h", "SpO2", "98", "HbA1c", "I21.4", "NT-proBNP", "10.2", ".5", "µg", "x-ray"]);
    assert.deepEqual(words("mg/dL, end. Next"), ["mg", "dL", "end", "Next"]);
  });

  it("pairs brackets but defines no comment syntax that could end up in a chart", () => {
    const config = configuration();
    assert.deepEqual(config.brackets.map(([open]) => open), ["(", "[", "{"]);
    assert.equal(config.comments, undefined);
  });

  it("matches package.json once the lead has merged it", { skip: !mergedIntoPackageJson() }, () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { contributes: typeof contributes };
    assert.deepEqual(pkg.contributes.languages.find((entry) => entry.id === "clinical-note"), language);
    for (const grammar of contributes.grammars) {
      assert.deepEqual(pkg.contributes.grammars.find((entry) => entry.scopeName === grammar.scopeName), grammar);
    }
  });
});

function mergedIntoPackageJson(): boolean {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { contributes?: { languages?: { id: string }[] } };
  return pkg.contributes?.languages?.some((entry) => entry.id === "clinical-note") ?? false;
}

/** Every `match`, `begin` and `end` regex in a grammar. */
function regexes(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) regexes(item, out);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "match" || key === "begin" || key === "end" || key === "while") && typeof value === "string") out.push(value);
      else regexes(value, out);
    }
  }
  return out;
}

describe("grammar files", () => {
  it("compile under Oniguruma, every pattern", async () => {
    await tokenizeLine("text.clinical-note", "");
    for (const grammar of contributes.grammars) {
      const raw = JSON.parse(readFileSync(join(ROOT, grammar.path), "utf8")) as unknown;
      const sources = regexes(raw);
      for (const source of sources) {
        assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `${grammar.path}: ${source.slice(0, 80)}`);
      }
    }
  });

  it("name every scope with the .clinical-note suffix", () => {
    const names: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if ((key === "name" || key === "contentName") && typeof value === "string") names.push(value);
          else collect(value);
        }
      }
    };
    const grammar = JSON.parse(readFileSync(join(ROOT, "syntaxes", "clinical-note.tmLanguage.json"), "utf8")) as { repository: unknown; patterns: unknown };
    collect(grammar.repository);
    collect(grammar.patterns);
    assert.ok(names.length > 50);
    for (const name of names) assert.match(name, /^[a-z]+(?:\.[a-z0-9-]+)*\.clinical-note$/, name);
  });
});
