/**
 * Tables: a column header names what its cells hold, so "| Screen # | Age |" makes "S-0412" an identifier and "91"
 * an age although no label stands next to them. Markdown tables and delimited exports (CSV, TSV) with a header row.
 */

import type { PhiFinding, PhiRecognizer, PhiType } from "./phiTypes";
import { identifierTypeOfLabel, plausibleValue } from "./identifierRecognizers";
import { forEachMatch, makeFinding } from "./patternTools";

interface Cell {
  text: string;
  start: number;
  end: number;
}

type ColumnKind = PhiType | "NAME_CELL";

const NAME_HEADER = /^(?:name|patient|patient name|pt name|full name|member name|contact|caller|guardian)$/i;
const AGE_HEADER = /^(?:age|age \(y(?:ears)?\)|age, y)$/i;

/** Column names of data exports, normalised to lower case without spaces, dashes or underscores. */
const EXPORT_COLUMNS: Record<string, ColumnKind> = {
  name: "NAME_CELL", firstname: "NAME_CELL", lastname: "NAME_CELL", surname: "NAME_CELL", givenname: "NAME_CELL",
  familyname: "NAME_CELL", middlename: "NAME_CELL", patientname: "NAME_CELL", fullname: "NAME_CELL", fname: "NAME_CELL",
  lname: "NAME_CELL", zip: "ZIP", zipcode: "ZIP", postalcode: "ZIP", postcode: "ZIP", mrn: "MRN",
  medicalrecordnumber: "MRN", recordid: "ID", patientid: "ID", subjectid: "ID", studyid: "ID", participantid: "ID",
  ssn: "SSN", phone: "PHONE", telephone: "PHONE", email: "EMAIL", address: "ADDRESS", street: "ADDRESS",
  city: "LOCATION", town: "LOCATION", county: "LOCATION", age: "AGE", account: "ACCOUNT", accountnumber: "ACCOUNT",
};

/** Cells of one Markdown table row with their offsets (trimmed of spaces). */
function markdownCells(line: string, offset: number): Cell[] {
  const cells: Cell[] = [];
  let start = line.indexOf("|") + 1;
  while (start > 0 && start <= line.length) {
    const bar = line.indexOf("|", start);
    const end = bar < 0 ? line.length : bar;
    const raw = line.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (bar >= 0 || text) cells.push({ text, start: offset + start + lead, end: offset + start + lead + text.length });
    if (bar < 0) break;
    start = bar + 1;
  }
  return cells;
}

/** Cells of one delimited line (no quoting: exports of identifiers rarely need it). */
function delimitedCells(line: string, offset: number, delimiter: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  for (const part of line.split(delimiter)) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim().replace(/^"(.*)"$/, "$1");
    const quote = part.trim().startsWith('"') ? 1 : 0;
    cells.push({ text, start: offset + start + lead + quote, end: offset + start + lead + quote + text.length });
    start += part.length + delimiter.length;
  }
  return cells;
}

function markdownColumnKind(header: string): ColumnKind | undefined {
  const text = header.replace(/[*_`]/g, "").trim();
  if (AGE_HEADER.test(text)) return "AGE";
  if (NAME_HEADER.test(text)) return "NAME_CELL";
  return identifierTypeOfLabel(text);
}

const IDENTIFIER_CELL = /^[A-Za-z0-9][\w./-]*$/;
const NAME_CELL = /^\p{Lu}[\p{L}'’ .,-]*$/u;
const ZIP_CELL = /^(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2})$/;

/** The finding a cell of a column of this kind holds, if its value has the right shape. */
function cellFinding(kind: ColumnKind, cell: Cell): PhiFinding | undefined {
  const value = cell.text;
  if (!value) return undefined;
  const add = (type: PhiType, score: number): PhiFinding => makeFinding(type, cell.start, cell.end, score, "tableCell");
  if (kind === "AGE") return /^\d{2,3}$/.test(value) && Number(value) >= 90 && Number(value) <= 125 ? add("AGE", 0.8) : undefined;
  if (kind === "NAME_CELL") return NAME_CELL.test(value) ? add("NAME", 0.75) : undefined;
  if (kind === "ZIP") return ZIP_CELL.test(value) ? add("ZIP", 0.8) : undefined;
  if (kind === "LOCATION" || kind === "ADDRESS") return /\p{L}/u.test(value) ? add(kind, 0.7) : undefined;
  if (kind === "PHONE" || kind === "EMAIL") return value.length >= 5 ? add(kind, 0.75) : undefined;
  // Record numbers in exports are often short: any digits identify the row's person.
  if (kind === "ID") return IDENTIFIER_CELL.test(value) && /\d/.test(value) ? add("ID", 0.75) : undefined;
  return IDENTIFIER_CELL.test(value) && plausibleValue(value) ? add(kind, 0.8) : undefined;
}

interface Line {
  text: string;
  start: number;
  /** Offset just past the line break (the next line's start), or the text length. */
  next: number;
}

/** The line starting at `start` (without its line break). */
function lineAt(text: string, start: number): Line {
  const newline = text.indexOf("\n", start);
  const end = newline < 0 ? text.length : newline;
  const value = text.slice(start, end);
  return { text: value.endsWith("\r") ? value.slice(0, -1) : value, start, next: newline < 0 ? text.length : newline + 1 };
}

/** The line ending right before the line that starts at `start`, if any. */
function lineBefore(text: string, start: number): Line | undefined {
  if (start === 0) return undefined;
  return lineAt(text, text.lastIndexOf("\n", start - 2) + 1);
}

const SEPARATOR_LINE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*\r?$/gm;

function markdownTables(text: string, found: PhiFinding[]): void {
  forEachMatch(SEPARATOR_LINE, text, (m) => {
    const header = lineBefore(text, m.index);
    if (!header?.text.includes("|")) return;
    const kinds = markdownCells(header.text, header.start).map((cell) => markdownColumnKind(cell.text));
    if (kinds.every((kind) => kind === undefined)) return;
    let row = lineAt(text, m.index).next;
    while (row < text.length) {
      const line = lineAt(text, row);
      if (!line.text.trimStart().startsWith("|")) break;
      markdownCells(line.text, line.start).forEach((cell, column) => {
        const kind = kinds[column];
        const finding = kind ? cellFinding(kind, cell) : undefined;
        if (finding) found.push(finding);
      });
      row = line.next;
    }
  });
}

/** A line of at least three short column names separated by commas or tabs. */
const HEADER_LINE = /^[ \t]*"?[A-Za-z_#][\w #()-]{0,40}"?(?:[,\t][ \t]*"?[A-Za-z_#][\w #()-]{0,40}"?){2,}[ \t]*\r?$/gm;

function exportTables(text: string, found: PhiFinding[]): void {
  forEachMatch(HEADER_LINE, text, (m) => {
    const header = lineAt(text, m.index);
    const delimiter = header.text.includes("\t") ? "\t" : ",";
    const names = header.text.split(delimiter).map((name) => name.trim().replace(/^"|"$/g, "").toLowerCase().replace(/[\s_-]/g, ""));
    const kinds = names.map((name) => EXPORT_COLUMNS[name]);
    if (kinds.every((kind) => kind === undefined)) return;
    let row = header.next;
    while (row < text.length) {
      const line = lineAt(text, row);
      if (line.text.split(delimiter).length !== names.length) break;
      delimitedCells(line.text, line.start, delimiter).forEach((cell, column) => {
        const kind = kinds[column];
        const finding = kind ? cellFinding(kind, cell) : undefined;
        if (finding) found.push(finding);
      });
      row = line.next;
    }
  });
}

/** Identifiers, names and ages in table columns whose header says what they are. */
export const tableRecognizer: PhiRecognizer = {
  name: "table",
  types: ["AGE", "NAME", "MRN", "ACCOUNT", "HEALTH_PLAN", "LICENSE", "SSN", "NPI", "DEA", "DEVICE", "VEHICLE", "ID", "ZIP", "LOCATION", "ADDRESS", "PHONE", "EMAIL"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    if (text.includes("|")) markdownTables(text, found);
    if (text.includes(",") || text.includes("\t")) exportTables(text, found);
    return found;
  },
};
