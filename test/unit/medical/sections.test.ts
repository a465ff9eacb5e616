import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NoteFormat, NoteSection } from "../../../server/src/medical/sections";
import {
  flattenSections,
  noteFormatForLanguage,
  parseSections,
  sectionPathAt,
} from "../../../server/src/medical/sections";
import { SECTION_HEADERS, lookupHeader, normalizeHeaderText } from "../../../server/src/medical/sectionHeaders";

const NOTES = join(import.meta.dirname, "..", "..", "fixtures", "notes");

function fixture(name: string): string {
  return readFileSync(join(NOTES, name), "utf8");
}

/** A compact view of the tree: "title@line-end" with children indented by two spaces. */
function outline(sections: readonly NoteSection[], depth = 0): string[] {
  return sections.flatMap((section) => [
    `${"  ".repeat(depth)}${section.title}@${section.line}-${section.endLine}`,
    ...outline(section.children, depth + 1),
  ]);
}

function titles(text: string, format: NoteFormat = "plain"): string[] {
  return flattenSections(parseSections(text, format)).map((section) => section.title);
}

describe("parseSections: what counts as a header", () => {
  it("finds known headers with a colon, alone on a line, in any case, with or without inline text", () => {
    const text = [
      "Chief complaint: cough",
      "HPI",
      "Three days of cough.",
      "past medical history:",
      "asthma",
      "ASSESSMENT AND PLAN",
      "Plan - chest x-ray",
    ].join("\n");
    assert.deepEqual(titles(text), ["Chief complaint", "HPI", "past medical history", "ASSESSMENT AND PLAN", "Plan"]);
  });

  it("does not take ordinary sentences that start with a header word for headers", () => {
    const text = [
      "Plan to discharge tomorrow if stable.",
      "Results show improvement in renal function.",
      "Assessment of volume status is difficult.",
      "Medications were reconciled with the pharmacist.",
      "Exam limited by body habitus.",
      "The plan: see below.",
      "Plan.",
      "- Plan: follow up in clinic",
      "Discussed plan with family: agreeable.",
    ].join("\n");
    assert.deepEqual(titles(text), []);
  });

  it("requires a colon for ambiguous abbreviations such as PE, CT and CC", () => {
    assert.deepEqual(titles("PE\nCT\nCC"), []);
    assert.deepEqual(titles("PE: lungs clear\nCT: no bleed\nCC: cough"), ["PE", "CT", "CC"]);
  });

  it("reads one-letter SOAP labels only in capitals and not before a number", () => {
    assert.deepEqual(titles("S: feels better\nO: afebrile\nA: improving\nP: continue"), ["S", "O", "A", "P"]);
    assert.deepEqual(titles("P: 88\ns: lower case"), []);
  });

  it("takes short ALL-CAPS lines as headers but not fields, values or negations", () => {
    const text = [
      "CONDITION AT DISCHARGE",
      "CARDIOVASCULAR: regular rhythm",
      "BP: 120/80",
      "ADMISSION DATE: 01/02",
      "NKDA",
      "NO ACUTE DISTRESS",
      "FULL CODE",
      "SERVICE: Medicine",
      "PATIENT SEEN AND EXAMINED AT BEDSIDE TODAY WITH FAMILY PRESENT",
    ].join("\n");
    assert.deepEqual(titles(text), ["CONDITION AT DISCHARGE", "CARDIOVASCULAR"]);
  });

  it("uses a document title only on a line of its own", () => {
    assert.deepEqual(titles("DISCHARGE SUMMARY\nHPI: cough"), ["DISCHARGE SUMMARY", "HPI"]);
    assert.deepEqual(titles("Discharge summary: sent to the clinic"), []);
  });

  it("reads numbered paper headings, and unknown titles only with multi-level numbering", () => {
    const text = ["1. Introduction", "2 Methods", "2.1 Study population and setting", "1. Aspirin 81 mg daily",
      "II. RESULTS", "3. Acute kidney injury"].join("\n");
    assert.deepEqual(titles(text), ["Introduction", "Methods", "Study population and setting", "RESULTS"]);
  });

  it("reads # headings in plain notes but not the shorthand '# of'", () => {
    assert.deepEqual(titles("# Hospital course\n# of stools: 3\n#1 CHF exacerbation"), ["Hospital course"]);
  });

  it("ignores colons in URLs and clock times", () => {
    assert.deepEqual(titles("https://example.org/plan\nAt 10:30 the patient was seen."), []);
  });

  it("accepts bold Markdown labels and a parenthetical note after the label", () => {
    assert.deepEqual(titles("**HPI:** cough\n**Plan**: rest\nLabs (today): pending", "markdown"), ["HPI", "Plan", "Labs (today)"]);
  });

  it("records the title offsets, the inline text and the lexicon entry", () => {
    const [section] = parseSections("  **A/P:** improving");
    assert.ok(section);
    assert.equal(section.title, "A/P");
    assert.equal(section.titleStart, 4);
    assert.equal(section.titleEnd, 7);
    assert.equal(section.hasInlineContent, true);
    assert.equal(section.id, "assessmentAndPlan");
    assert.equal(section.label, "Assessment and plan");
  });
});

describe("parseSections: hierarchy and ranges", () => {
  it("runs a section until the next header of the same or higher level, without trailing blank lines", () => {
    const text = ["HPI: cough", "more history", "", "", "ROS:", "Respiratory: cough", "Cardiovascular: no pain", "",
      "Plan:", "rest"].join("\n");
    assert.deepEqual(outline(parseSections(text)), [
      "HPI@0-1",
      "ROS@4-6",
      "  Respiratory@5-5",
      "  Cardiovascular@6-6",
      "Plan@8-9",
    ]);
  });

  it("nests every section of a SOAP note under its S, O, A or P", () => {
    assert.deepEqual(outline(parseSections(fixture("progress-note.soap"))), [
      "PROGRESS NOTE@0-22",
      "  Subjective@3-5",
      "  Objective@7-12",
      "    Vitals@8-8",
      "    Lungs@9-9",
      "    CV@10-10",
      "    Labs@11-11",
      "    Imaging@12-12",
      "  Assessment@14-16",
      "  Plan@18-22",
    ]);
  });

  it("keeps Assessment and Plan as ordinary sections when the note is not SOAP", () => {
    const sections = parseSections("HPI: cough\nAssessment: bronchitis\nPlan: rest");
    assert.deepEqual(sections.map((section) => section.title), ["HPI", "Assessment", "Plan"]);
  });

  it("outlines an H&P with the exam systems and vital signs inside the physical exam", () => {
    const sections = parseSections(fixture("history-and-physical.note"));
    const [title] = sections;
    assert.equal(title?.id, "historyAndPhysical");
    const exam = title?.children.find((section) => section.id === "physicalExam");
    assert.deepEqual(exam?.children.map((section) => section.title), ["Vitals", "General", "Neck", "Lungs", "Heart", "Extremities"]);
    const ros = title?.children.find((section) => section.id === "reviewOfSystems");
    assert.deepEqual(ros?.children.map((section) => section.title), ["Constitutional", "Respiratory", "Cardiovascular"]);
    const labs = title?.children.find((section) => section.id === "labs");
    assert.deepEqual(labs?.children.map((section) => section.title), ["ECG"]);
  });

  it("outlines a discharge summary under its title", () => {
    const [title] = parseSections(fixture("discharge-summary.note"));
    assert.equal(title?.title, "DISCHARGE SUMMARY");
    assert.deepEqual(title?.children.map((section) => section.id), [
      "diagnosis", "dischargeDiagnosis", "hpi", "hospitalCourse", "labs", "dischargeMedications", "disposition",
      "dischargeInstructions", "followUp",
    ]);
    // "Results show improvement ..." inside the hospital course is prose, not a section.
    const course = title?.children.find((section) => section.id === "hospitalCourse");
    assert.deepEqual(course?.children, []);
  });

  it("does not let an exam line after Vitals become part of the vital signs", () => {
    const text = "Vitals: BP 120/80\nLungs: clear\nCV: regular";
    assert.deepEqual(outline(parseSections(text)), ["Vitals@0-0", "Lungs@1-1", "CV@2-2"]);
  });

  it("reads a plain-text paper: structured abstract under ABSTRACT, numbered sections and subsections", () => {
    assert.deepEqual(outline(parseSections(fixture("research-abstract.txt"))), [
      "ABSTRACT@4-8",
      "  Background@5-5",
      "  Methods@6-6",
      "  Results@7-7",
      "  Conclusions@8-8",
      "INTRODUCTION@10-11",
      "METHODS@13-19",
      "  Study design@14-15",
      "  Outcomes@16-19",
      "    Statistical analysis@18-19",
      "RESULTS@21-22",
      "DISCUSSION@24-26",
      "  Limitations@25-26",
      "REFERENCES@28-29",
    ]);
  });

  it("reads ambiguous words by the kind of document", () => {
    const paper = parseSections("Abstract\nIntroduction\nMethods\nResults\nDiscussion");
    assert.equal(paper.find((section) => section.title === "Results")?.id, "results");
    const note = parseSections("HPI: cough\nExam: clear\nResults\nK 4.1");
    assert.equal(note.find((section) => section.title === "Results")?.id, "labs");
  });

  it("finds the sections that contain a line", () => {
    const sections = parseSections(fixture("history-and-physical.note"));
    assert.deepEqual(sectionPathAt(sections, 24).map((section) => section.title), ["HISTORY AND PHYSICAL", "Physical Exam", "Lungs"]);
    assert.deepEqual(sectionPathAt(parseSections("prose\nHPI: x"), 0), []);
  });

  it("handles CRLF line ends", () => {
    assert.deepEqual(outline(parseSections("HPI: a\r\nmore\r\nPlan: b\r\n")), ["HPI@0-1", "Plan@2-2"]);
  });
});

describe("parseSections: Markdown", () => {
  it("reads ATX and setext headings with their levels, and labels below them", () => {
    const text = ["# Case", "", "Background", "==========", "", "Subtitle", "--------", "HPI: cough", "## Next"].join("\n");
    // A level-1 setext heading contains the "##" heading that follows it.
    assert.deepEqual(outline(parseSections(text, "markdown")), [
      "Case@0-0",
      "Background@2-8",
      "  Subtitle@5-7",
      "    HPI@7-7",
      "  Next@8-8",
    ]);
  });

  it("skips fenced code, HTML comments, math blocks, front matter and indented code", () => {
    const text = [
      "---", "title: HPI: not a header", "---",
      "```", "HPI: in code", "# not a heading", "```",
      "<!--", "Plan: in a comment", "-->",
      "$$", "Plan: in math", "$$",
      "    Plan: indented code",
      "Plan: real",
    ].join("\n");
    assert.deepEqual(titles(text, "markdown"), ["Plan"]);
  });

  it("outlines the sample case report", () => {
    const sections = parseSections(fixture("case-report.md"), "markdown");
    const all = flattenSections(sections);
    assert.ok(!all.some((section) => section.line >= 27 && section.line <= 30), "no header inside the code block");
    const presentation = sections[0]?.children.find((section) => section.title === "Case presentation");
    assert.deepEqual(presentation?.children.map((section) => section.title), [
      "Chief Complaint", "HPI", "Vitals", "Physical Exam", "Labs", "Treatment",
    ]);
  });
});

describe("parseSections: LaTeX", () => {
  it("reads sectioning commands, the abstract environment and the bibliography", () => {
    assert.deepEqual(outline(parseSections(fixture("research-abstract.tex"), "latex")), [
      "Abstract@7-13",
      "  Background@8-8",
      "  Methods@9-9",
      "  Results@10-11",
      "  Conclusions@12-12",
      "Introduction@15-16",
      "Methods@18-22",
      "  Study design and participants@19-20",
      "  Statistical analysis@21-22",
      "Results@24-25",
      "Discussion@27-29",
      "  Limitations@28-29",
      "Acknowledgements@31-34",
      "References@35-35",
    ]);
  });

  it("cleans titles and points the title range at the braces' content", () => {
    const line = "\\section*[Short]{Materials \\& \\textit{Methods}\\label{sec:m}} % comment";
    const [section] = parseSections(line, "latex");
    assert.equal(section?.title, "Materials & Methods");
    assert.equal(section?.id, "methods");
    assert.equal(line.slice(section?.titleStart, section?.titleEnd), "Materials \\& \\textit{Methods}\\label{sec:m}");
  });

  it("ignores comments, verbatim blocks and the preamble", () => {
    const text = [
      "\\documentclass{article}", "Plan: preamble", "\\begin{document}",
      "% Plan: commented out", "\\begin{verbatim}", "Plan: verbatim", "\\end{verbatim}",
      "\\section{Plan}", "\\end{document}", "Plan: after the end",
    ].join("\n");
    assert.deepEqual(outline(parseSections(text, "latex")), ["Plan@7-7"]);
  });
});

describe("noteFormatForLanguage", () => {
  it("maps language ids to the markup to expect", () => {
    assert.equal(noteFormatForLanguage("markdown"), "markdown");
    assert.equal(noteFormatForLanguage("latex"), "latex");
    assert.equal(noteFormatForLanguage("tex"), "latex");
    assert.equal(noteFormatForLanguage("clinical-note"), "plain");
    assert.equal(noteFormatForLanguage("plaintext"), "plain");
  });
});

describe("section header lexicon", () => {
  it("has unique ids and lower-case, normalised spellings", () => {
    const ids = SECTION_HEADERS.map((definition) => definition.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const definition of SECTION_HEADERS) {
      for (const phrase of [...definition.phrases, ...(definition.colonOnly ?? [])]) {
        assert.equal(normalizeHeaderText(phrase), phrase, `${definition.id}: "${phrase}"`);
      }
    }
  });

  it("points every nestsUnder entry at a real section id", () => {
    const ids = new Set(SECTION_HEADERS.map((definition) => definition.id));
    for (const definition of SECTION_HEADERS) {
      for (const parent of definition.nestsUnder ?? []) assert.ok(ids.has(parent), `${definition.id} → ${parent}`);
    }
  });

  it("recognises every spelling as a header in a note", () => {
    for (const definition of SECTION_HEADERS) {
      for (const phrase of definition.phrases) {
        const line = definition.tier === "title" ? phrase.toUpperCase() : `${phrase}:`;
        const [section] = parseSections(line);
        assert.ok(section, `"${line}" is not a header`);
        assert.ok(lookupHeader(phrase).some((match) => match.definition.id === section.id), `"${line}" → ${section.id}`);
      }
    }
  });
});
