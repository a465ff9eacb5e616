/**
 * Outline (document symbols) and folding for clinical notes and papers, built on the section parser. For Markdown,
 * VS Code's own Markdown support already lists and folds `#` headings, so only the clinical labels it does not know
 * ("HPI:", "**Assessment:**") are returned, and nothing appears twice.
 */

import type { DocumentSymbol, FoldingRange, SymbolKind } from "vscode-languageserver";
import type { NoteSection } from "../medical/sections";
import { noteFormatForLanguage, parseSections } from "../medical/sections";

// SymbolKind values from the LSP specification, kept local so this pure feature loads no LSP runtime.
const FILE_KIND: SymbolKind = 1;
const MODULE_KIND: SymbolKind = 2;
const NAMESPACE_KIND: SymbolKind = 3;
const FIELD_KIND: SymbolKind = 8;

/** Sections ranked at or below this level are subsections (exam systems, structured-abstract labels). */
const SUBSECTION_LEVEL = 30;

/** Sections to show for `languageId`: Markdown drops the `#` headings its own outline already shows. */
function outlineSections(text: string, languageId: string): NoteSection[] {
  const sections = parseSections(text, noteFormatForLanguage(languageId));
  return languageId === "markdown" ? withoutMarkdownHeadings(sections) : sections;
}

/** Removes Markdown headings and lifts their subsections into their place. */
function withoutMarkdownHeadings(sections: readonly NoteSection[]): NoteSection[] {
  return sections.flatMap((section) => {
    const children = withoutMarkdownHeadings(section.children);
    return section.source === "markdownHeading" ? children : [{ ...section, children }];
  });
}

function kindOf(section: NoteSection, depth: number): SymbolKind {
  if (section.tier === "title") return FILE_KIND;
  if (section.level >= SUBSECTION_LEVEL) return FIELD_KIND;
  return depth === 0 ? NAMESPACE_KIND : MODULE_KIND;
}

function detailOf(section: NoteSection): string | undefined {
  if (!section.label) return undefined;
  const title = section.title.toLowerCase();
  return title === section.label.toLowerCase() ? undefined : section.label;
}

function toSymbol(section: NoteSection, lines: readonly string[], depth: number): DocumentSymbol {
  const symbol: DocumentSymbol = {
    name: section.title,
    kind: kindOf(section, depth),
    range: {
      start: { line: section.line, character: 0 },
      end: { line: section.endLine, character: lines[section.endLine]?.length ?? 0 },
    },
    selectionRange: {
      start: { line: section.line, character: section.titleStart },
      end: { line: section.line, character: section.titleEnd },
    },
    children: section.children.map((child) => toSymbol(child, lines, depth + 1)),
  };
  const detail = detailOf(section);
  if (detail) symbol.detail = detail;
  return symbol;
}

/**
 * Document symbols for the outline: one per section, nested as in the note. Titles such as "DISCHARGE SUMMARY"
 * are files, top-level sections namespaces, nested sections modules and subsections (exam systems, abstract
 * labels) fields. `detail` spells out abbreviated headers ("HPI" → "History of present illness").
 */
export function documentSymbols(text: string, languageId: string): DocumentSymbol[] {
  const lines = text.split(/\r\n|\r|\n/);
  return outlineSections(text, languageId).map((section) => toSymbol(section, lines, 0));
}

/** Folding ranges, one per section that spans more than its header line. */
export function foldingRanges(text: string, languageId: string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (sections: readonly NoteSection[]): void => {
    for (const section of sections) {
      if (section.endLine > section.line) ranges.push({ startLine: section.line, endLine: section.endLine });
      visit(section.children);
    }
  };
  visit(outlineSections(text, languageId));
  return ranges;
}
