/**
 * Realistic large notes for the safety-check benchmarks, built from the repository's synthetic fixtures: medication
 * sentences from the medication-safety corpus (marks removed) and narrative lines from the sample notes. Every line
 * gets a unique prefix, so a line cache cannot make a cold check look cheap.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const FIXTURES = join(__dirname, "..", "..", "test", "fixtures");

/** Removes the corpus marks `⟦text|rule|fix⟧`, keeping the text (marks may nest). */
function unmark(line: string): string {
  let text = line;
  for (let previous = ""; previous !== text; ) {
    previous = text;
    text = text.replace(/⟦([^⟦⟧|]*)\|[^⟦⟧]*⟧/g, "$1");
  }
  return text;
}

/** The corpus's one-line samples outside LaTeX sections: dense medication writing, about half with a finding. */
export function medicationSentences(): string[] {
  const dir = join(FIXTURES, "medication");
  const sentences: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".corpus")).sort()) {
    let latex = false;
    let inBlock = false;
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (line === "<<<") inBlock = true;
      else if (line === ">>>") inBlock = false;
      else if (line.startsWith("@")) latex = line.trim() === "@latex";
      else if (!inBlock && !latex && line.trim() !== "" && !line.startsWith("//")) sentences.push(unmark(line));
    }
  }
  return sentences;
}

/** Non-empty lines of the sample clinical notes (Markdown and plain-text ones). */
export function narrativeLines(): string[] {
  const dir = join(FIXTURES, "notes");
  return readdirSync(dir)
    .filter((name) => !name.endsWith(".tex"))
    .sort()
    .flatMap((name) => readFileSync(join(dir, name), "utf8").split("\n"))
    .filter((line) => line.trim().length > 20);
}

export interface NoteShape {
  /** Target size in characters (UTF-16 code units). */
  size: number;
  /** Share of lines taken from the medication corpus (0..1); the rest is narrative. */
  medicationShare: number;
  /** Makes every line of this note differ from every other note's (a run number). */
  variant: number;
}

/** A note of about `shape.size` characters. */
export function buildNote(shape: NoteShape): string {
  const medication = medicationSentences();
  const narrative = narrativeLines();
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < shape.size; i++) {
    // A fixed scatter (not a random one) so every run builds the same mix.
    const isMedication = ((i * 7919) % 1000) / 1000 < shape.medicationShare;
    const source = isMedication ? medication : narrative;
    const line = `N${shape.variant}.${i}: ${source[i % source.length] ?? ""}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n");
}

/** A discharge-summary paragraph with synthetic identifiers (names, dates, record numbers, a phone number). */
export function identifierParagraph(): string {
  const text = readFileSync(join(FIXTURES, "phi", "dischargeSummaries.txt"), "utf8");
  const start = text.indexOf("@@@ ds-01 @@@");
  const end = text.indexOf("@@@", start + 13);
  const document = text.slice(start + 13, end === -1 ? undefined : end).trim();
  // PHI marks are `⟦TYPE:text⟧`.
  return document.replace(/⟦[A-Z_]+:([^⟦⟧]*)⟧/g, "$1");
}
