/**
 * Finds the sections of a clinical note or a research paper: labelled headers ("HPI:", "Assessment and Plan"),
 * ALL-CAPS header lines, numbered paper headings, Markdown `#` headings and LaTeX sectioning commands. Returns a
 * hierarchy with line ranges; a section runs until the next header of the same or a higher level.
 *
 * Ordinary sentences must not become headers, so a labelled header needs all of: line start, a short label that
 * is in the lexicon (or is ALL CAPS), and either a colon / dash after it or nothing else on the line. "Plan to
 * discharge tomorrow" and "Results show improvement" therefore stay prose. Pure: no I/O, no logging.
 */

import type { HeaderDefinition, HeaderFamily, HeaderMatch, HeaderTier } from "./sectionHeaders";
import { isNonHeaderLabel, lookupHeader } from "./sectionHeaders";

/** The markup a document is written in; it decides which heading syntaxes count. */
export type NoteFormat = "plain" | "markdown" | "latex";

/** Which syntax produced a header. */
export type SectionSource = "markdownHeading" | "latexCommand" | "label" | "capsLine";

/** One section of a document, with its subsections. */
export interface NoteSection {
  /** Header text as written, without markup, numbering or the trailing colon. */
  title: string;
  /** Stable id of a recognised header ("hpi", "methods"); undefined for headers outside the lexicon. */
  id: string | undefined;
  /** Plain-English name of a recognised header ("History of present illness" for "HPI"). */
  label: string | undefined;
  /** Family of a recognised header; "generic" for ALL-CAPS lines, numbered and Markdown/LaTeX headings. */
  family: HeaderFamily | "generic";
  /** Tier of a recognised header; "heading" when Markdown, LaTeX or numbering fixed the level. */
  tier: HeaderTier | "heading";
  source: SectionSource;
  /** Nesting rank: smaller is higher. Only comparisons between levels are meaningful. */
  level: number;
  /** Zero-based line of the header. */
  line: number;
  /** UTF-16 offsets of the title on the header line. */
  titleStart: number;
  titleEnd: number;
  /** Last line of the section, inclusive, with trailing blank lines left out (never before `line`). */
  endLine: number;
  /** True when text follows the header on the same line ("HPI: 67-year-old man ..."). */
  hasInlineContent: boolean;
  children: NoteSection[];
}

/** Nesting ranks. Markdown headings use 1-6 and LaTeX commands 1-7, so every labelled header nests inside them. */
const RANK = { title: 10, soap: 15, major: 20, minor: 30 } as const;
/** Each level of numbering ("2.1" under "2.") sits this much lower, staying above minor labels. */
const NUMBERED_STEP = 4;
const LATEX_LEVELS: Readonly<Record<string, number>> = {
  part: 1, chapter: 2, section: 3, subsection: 4, subsubsection: 5, paragraph: 6, subparagraph: 7,
};
const LATEX_SECTION_LEVEL = 3;
/** A label longer than this is a sentence, not a header. */
const MAX_LABEL_LENGTH = 60;
const MAX_CAPS_WORDS = 6;

interface Candidate {
  line: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  source: SectionSource;
  /** Level fixed by markup (Markdown, LaTeX); labels are ranked from the lexicon instead. */
  fixedLevel?: number;
  /** Depth of a leading number ("2.1" is 2); it fixes the level of a labelled header. */
  numberDepth?: number;
  matches: readonly HeaderMatch[];
  inline: boolean;
  /** ALL-CAPS line outside the lexicon. */
  caps: boolean;
  /** Line of an explicit end (LaTeX `\end{abstract}`), which belongs to the section. */
  closeLine?: number;
}

interface DocumentContext {
  /** The note uses Subjective / Objective, so S-O-A-P outrank the other sections. */
  soap: boolean;
  /** More research headers than clinical ones: ambiguous words are read as paper sections. */
  research: boolean;
}

/** Maps an LSP language id to the markup the parser should expect. */
export function noteFormatForLanguage(languageId: string): NoteFormat {
  switch (languageId) {
    case "markdown":
      return "markdown";
    case "latex":
    case "tex":
      return "latex";
    default:
      return "plain";
  }
}

/** Parses the sections of `text`. Lines are split on LF, CRLF or CR; line numbers are zero-based. */
export function parseSections(text: string, format: NoteFormat = "plain"): NoteSection[] {
  const lines = text.split(/\r\n|\r|\n/);
  const scan = format === "markdown" ? scanMarkdown(lines) : format === "latex" ? scanLatex(lines) : scanPlain(lines);
  const context = documentContext(scan.candidates);
  return buildTree(lines, scan.candidates, scan.closeAllLine, context);
}

/** Every section in document order (depth first). */
export function flattenSections(sections: readonly NoteSection[]): NoteSection[] {
  const out: NoteSection[] = [];
  const visit = (list: readonly NoteSection[]): void => {
    for (const section of list) {
      out.push(section);
      visit(section.children);
    }
  };
  visit(sections);
  return out;
}

/** The chain of sections that contain `line`, outermost first; empty when the line is outside every section. */
export function sectionPathAt(sections: readonly NoteSection[], line: number): NoteSection[] {
  const path: NoteSection[] = [];
  let level: readonly NoteSection[] = sections;
  for (;;) {
    const hit = level.find((section) => section.line <= line && line <= section.endLine);
    if (!hit) return path;
    path.push(hit);
    level = hit.children;
  }
}

interface ScanResult {
  candidates: Candidate[];
  /** `\end{document}`: every open section ends before it. */
  closeAllLine?: number;
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

function atxHeading(text: string, line: number): Candidate | undefined {
  const match = ATX_HEADING.exec(text);
  const hashes = match?.[1];
  const raw = match?.[2]?.trim();
  if (!hashes || !raw) return undefined;
  const start = text.indexOf(raw, text.indexOf(hashes) + hashes.length);
  const title = stripInlineMarkup(raw);
  if (!title) return undefined;
  return {
    line, title, titleStart: start, titleEnd: start + raw.length, source: "markdownHeading",
    fixedLevel: hashes.length, matches: lookupHeader(title), inline: false, caps: false,
  };
}

function stripInlineMarkup(text: string): string {
  return text.replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
}

/** "# of stools: 3" is the clinical shorthand for "number of", not a heading. */
const NUMBER_OF = /^\s*#\s+of\b/i;

function scanPlain(lines: readonly string[]): ScanResult {
  const candidates: Candidate[] = [];
  lines.forEach((text, line) => {
    const heading = NUMBER_OF.test(text) ? undefined : atxHeading(text, line);
    const found = heading ?? detectLabel(text, line, true);
    if (found) candidates.push(found);
  });
  return { candidates };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s/;

function scanMarkdown(lines: readonly string[]): ScanResult {
  const candidates: Candidate[] = [];
  let fence: { char: string; length: number } | undefined;
  let inHtmlComment = false;
  let inMath = false;
  let frontMatterEnd = -1;
  if (lines[0]?.trim() === "---") {
    frontMatterEnd = lines.findIndex((text, index) => index > 0 && (text.trim() === "---" || text.trim() === "..."));
  }
  /** Index of the previous line when it is paragraph text (a setext underline turns it into a heading). */
  let paragraphLine = -1;

  lines.forEach((text, line) => {
    const previousParagraph = paragraphLine;
    paragraphLine = -1;
    if (line <= frontMatterEnd) return;
    if (fence) {
      const close = FENCE.exec(text);
      const marker = close?.[1];
      if (marker?.[0] === fence.char && marker.length >= fence.length && text.trim() === marker) fence = undefined;
      return;
    }
    if (inHtmlComment) {
      if (text.includes("-->")) inHtmlComment = false;
      return;
    }
    if (inMath) {
      if (text.trim().endsWith("$$")) inMath = false;
      return;
    }
    const open = FENCE.exec(text)?.[1];
    if (open) {
      fence = { char: open[0] ?? "`", length: open.length };
      return;
    }
    if (text.includes("<!--") && !text.includes("-->", text.indexOf("<!--"))) {
      inHtmlComment = true;
      return;
    }
    if (text.trim() === "$$") {
      inMath = true;
      return;
    }
    const underline = SETEXT.exec(text)?.[1];
    if (underline && previousParagraph === line - 1) {
      const heading = setextHeading(lines[line - 1] ?? "", line - 1, underline.startsWith("=") ? 1 : 2);
      if (heading) {
        if (candidates.at(-1)?.line === line - 1) candidates.pop();
        candidates.push(heading);
      }
      return;
    }
    if (text.trim() === "") return;
    const heading = atxHeading(text, line);
    if (heading) {
      candidates.push(heading);
      return;
    }
    // Four spaces of indentation start a code block in Markdown.
    const label = /^(?: {4}|\t)/.test(text) ? undefined : detectLabel(text, line, true);
    if (label) candidates.push(label);
    if (!LIST_ITEM.test(text) && !text.trimStart().startsWith(">")) paragraphLine = line;
  });
  return { candidates };
}

function setextHeading(text: string, line: number, level: number): Candidate | undefined {
  const raw = text.trim();
  const title = stripInlineMarkup(raw);
  if (!title) return undefined;
  const start = text.indexOf(raw);
  return {
    line, title, titleStart: start, titleEnd: start + raw.length, source: "markdownHeading", fixedLevel: level,
    matches: lookupHeader(title), inline: false, caps: false,
  };
}

const LATEX_SECTION = /^\s*\\(part|chapter|section|subsection|subsubsection|paragraph|subparagraph)\*?\s*(?:\[[^\]]*\]\s*)?\{/;
const LATEX_BEGIN = /^\s*\\begin\{([A-Za-z*]+)\}/;
const LATEX_VERBATIM = new Set(["verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment", "alltt"]);
const LATEX_WRAPPER = /^(\s*)(?:\\noindent\s*)?\\(?:textbf|textsc|textit|textsf|emph|underline)\{([^{}]*)\}/;

function scanLatex(lines: readonly string[]): ScanResult {
  const candidates: Candidate[] = [];
  const documentStart = lines.findIndex((text) => /^\s*\\begin\{document\}/.test(text));
  let verbatimEnd: string | undefined;
  let closeAllLine: number | undefined;
  const openEnvironments: { name: string; candidate: Candidate }[] = [];

  lines.forEach((rawText, line) => {
    if (line <= documentStart || closeAllLine !== undefined) return;
    if (verbatimEnd) {
      if (rawText.includes(verbatimEnd)) verbatimEnd = undefined;
      return;
    }
    const text = stripLatexComment(rawText);
    if (text.trim() === "") return;
    if (/^\s*\\end\{document\}/.test(text)) {
      closeAllLine = line;
      return;
    }
    const end = /^\s*\\end\{([A-Za-z*]+)\}/.exec(text)?.[1];
    if (end) {
      const open = openEnvironments.findLast((environment) => environment.name === end);
      if (open) open.candidate.closeLine = line;
      return;
    }
    const begin = LATEX_BEGIN.exec(text)?.[1];
    if (begin && LATEX_VERBATIM.has(begin)) {
      verbatimEnd = `\\end{${begin}}`;
      return;
    }
    if (begin === "abstract" || begin === "thebibliography") {
      const nameStart = text.indexOf(begin);
      const title = begin === "abstract" ? "Abstract" : "References";
      const candidate: Candidate = {
        line, title, titleStart: nameStart, titleEnd: nameStart + begin.length, source: "latexCommand",
        fixedLevel: LATEX_SECTION_LEVEL, matches: lookupHeader(title), inline: false, caps: false,
      };
      candidates.push(candidate);
      openEnvironments.push({ name: begin, candidate });
      return;
    }
    const bibliography = /^\s*\\(bibliography|printbibliography)\b/.exec(text);
    if (bibliography?.[1]) {
      const start = text.indexOf(bibliography[1]) - 1;
      candidates.push({
        line, title: "References", titleStart: start, titleEnd: start + bibliography[1].length + 1,
        source: "latexCommand", fixedLevel: LATEX_SECTION_LEVEL, matches: lookupHeader("references"),
        inline: false, caps: false,
      });
      return;
    }
    const section = latexSection(text, line);
    if (section) {
      candidates.push(section);
      return;
    }
    // "\textbf{Background:} ..." labels a structured abstract; blank out the wrapper so offsets stay true.
    const unwrapped = text.replace(LATEX_WRAPPER, (whole, indent: string, inner: string) => {
      const lead = whole.indexOf(inner, indent.length);
      return " ".repeat(lead) + inner + " ".repeat(whole.length - lead - inner.length);
    });
    const label = detectLabel(unwrapped, line, false);
    if (label) candidates.push(label);
  });
  return { candidates, closeAllLine };
}

function stripLatexComment(text: string): string {
  for (let index = 0; index < text.length; index++) {
    if (text[index] === "\\") {
      index++;
      continue;
    }
    if (text[index] === "%") return text.slice(0, index);
  }
  return text;
}

function latexSection(text: string, line: number): Candidate | undefined {
  const match = LATEX_SECTION.exec(text);
  const command = match?.[1];
  if (!match || !command) return undefined;
  const open = match[0].length;
  let depth = 1;
  let close = open;
  for (; close < text.length && depth > 0; close++) {
    if (text[close] === "\\") close++;
    else if (text[close] === "{") depth++;
    else if (text[close] === "}") depth--;
  }
  const end = depth === 0 ? close - 1 : text.length;
  const title = cleanLatexTitle(text.slice(open, end));
  if (!title) return undefined;
  return {
    line, title, titleStart: open, titleEnd: end, source: "latexCommand", fixedLevel: LATEX_LEVELS[command] ?? 3,
    matches: lookupHeader(title), inline: false, caps: false,
  };
}

function cleanLatexTitle(raw: string): string {
  let title = raw.replace(/\\(?:label|footnote|cite|ref)\{[^{}]*\}/g, "");
  // Unwrap \textbf{...} and friends from the inside out.
  for (let previous = ""; previous !== title; ) {
    previous = title;
    title = title.replace(/\\[A-Za-z]+\*?\{([^{}]*)\}/g, "$1");
  }
  return title
    .replace(/\\([&%#_$])/g, "$1")
    .replace(/\\[A-Za-z]+\*?/g, "")
    .replace(/[{}]/g, "")
    .replace(/~/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const BULLET = /^\s*(?:[-*+\u2022]|\d{1,3}\)|\(\w{1,3}\))\s/;
const NUMBERING = /^((?:\d{1,2}\.)+\d{0,2}|\d{1,2}|[IVX]{1,6}\.|[A-H]\.)[ \t]+/;
const CAPS_LABEL = /^[A-Z][A-Z &/'()+-]*[A-Z)]$|^[A-Z]$/;
const NEGATED_START = /^(?:NO|NOT|NEGATIVE|DENIES|NONE)\b/;

interface Separator {
  /** Offset of the separator in the searched text. */
  at: number;
  /** Offset of the content after it. */
  contentStart: number;
  kind: "colon" | "dash";
}

/** A colon (or spaced dash) that ends a short label; never the colon of a URL or a clock time. */
function findSeparator(text: string): Separator | undefined {
  const limit = Math.min(text.length, MAX_LABEL_LENGTH + 4);
  for (let index = 0; index < limit; index++) {
    const char = text[index];
    if (char === ":") {
      const next = text[index + 1];
      if (next === "/" || (next !== undefined && /\d/.test(next) && /\d$/.test(text.slice(0, index)))) return undefined;
      return { at: index, contentStart: index + 1, kind: "colon" };
    }
    if (char === "." && /\s/.test(text[index + 1] ?? "")) return undefined;
    if ((char === "-" || char === "\u2013" || char === "\u2014") && text[index - 1] === " " && text[index + 1] === " ") {
      return { at: index - 1, contentStart: index + 1, kind: "dash" };
    }
  }
  return undefined;
}

/** Recognises a labelled header ("HPI:", "Plan", "2.1 Study design", "CARDIOVASCULAR:") on one line. */
function detectLabel(text: string, line: number, allowCaps: boolean): Candidate | undefined {
  if (BULLET.test(text)) return undefined;
  const indent = text.length - text.trimStart().length;
  const numbering = NUMBERING.exec(text.slice(indent));
  if (numbering?.[1]) {
    const depth = numbering[1].split(".").filter((part) => part !== "").length;
    const numbered = labelAt(text, line, indent + numbering[0].length, depth, allowCaps);
    if (numbered) return numbered;
  }
  // "24h events:" starts with a number that is part of the label.
  return labelAt(text, line, indent, undefined, allowCaps);
}

function labelAt(
  text: string,
  line: number,
  start: number,
  numberDepth: number | undefined,
  allowCaps: boolean,
): Candidate | undefined {
  let position = start;
  if (text.startsWith("**", position) || text.startsWith("__", position)) position += 2;
  const rest = text.slice(position);
  const separator = findSeparator(rest);
  let labelRaw = separator ? rest.slice(0, separator.at) : rest;
  let content = separator ? rest.slice(separator.contentStart) : "";
  labelRaw = labelRaw.replace(/(?:\*\*|__)\s*$/, "").trimEnd();
  content = content.replace(/^\s*(?:\*\*|__)/, "").trim();
  const label = labelRaw.trim();
  if (label === "" || label.length > MAX_LABEL_LENGTH || !/^[A-Za-z0-9]/.test(label)) return undefined;
  if (!separator && /[.,;!?]$/.test(label)) return undefined;
  if (isNonHeaderLabel(label)) return undefined;

  const titleStart = position + labelRaw.indexOf(label);
  const base = {
    line, title: label, titleStart, titleEnd: titleStart + label.length, source: "label" as const,
    inline: content !== "", numberDepth,
  };
  const hasColon = separator?.kind === "colon";
  const matches = lookupHeader(label).filter((match) => acceptMatch(match, label, content, hasColon));
  if (matches.length > 0) return { ...base, matches, caps: false };
  if (!/^[A-Za-z]/.test(label)) return undefined;

  // Unknown words count only with the structure of a heading: multi-level numbering on a short title line...
  if (numberDepth !== undefined && numberDepth >= 2 && !separator && isTitleLike(label)) {
    return { ...base, matches: [], caps: false };
  }
  // ...or ALL CAPS.
  if (allowCaps && separator?.kind !== "dash" && numberDepth === undefined && isCapsHeader(label, content)) {
    return { ...base, matches: [], caps: true };
  }
  return undefined;
}

function acceptMatch(match: HeaderMatch, label: string, content: string, hasColon: boolean): boolean {
  if (match.colonOnly && !hasColon) return false;
  // One-letter SOAP labels: capital only, and "P: 88" is a pulse, not the Plan.
  if (label.length === 1 && (label !== label.toUpperCase() || /^\d/.test(content))) return false;
  // A title names the whole document only on a line of its own.
  if (match.definition.tier === "title" && content !== "") return false;
  return true;
}

function isTitleLike(label: string): boolean {
  const words = label.split(/\s+/);
  return /^[A-Z]/.test(label) && words.length <= 10 && !/\d/.test(label) && !/[.;!?]$/.test(label);
}

function isCapsHeader(label: string, content: string): boolean {
  if (!CAPS_LABEL.test(label) || NEGATED_START.test(label)) return false;
  const words = label.split(/\s+/);
  if (words.length > MAX_CAPS_WORDS) return false;
  const letters = label.replace(/[^A-Z]/g, "").length;
  // "BP: 120/80" and "ADMISSION DATE: 01/02" are fields with values, not sections.
  if (content !== "") return letters >= 2 && !/^[\d<>~.]/.test(content);
  return words.length >= 2 ? letters >= 4 : letters >= 5;
}

function documentContext(candidates: readonly Candidate[]): DocumentContext {
  let research = 0;
  let clinical = 0;
  let soap = false;
  for (const candidate of candidates) {
    const families = new Set(candidate.matches.map((match) => match.definition.family));
    if (candidate.matches.some((match) => match.definition.id === "subjective")) soap = true;
    if (families.size !== 1) continue;
    if (families.has("research")) research++;
    else clinical++;
  }
  return { soap, research: research > clinical };
}

function chooseDefinition(matches: readonly HeaderMatch[], context: DocumentContext): HeaderDefinition | undefined {
  const definitions = matches.map((match) => match.definition);
  const preferred = context.soap
    ? definitions.find((definition) => definition.tier === "soap")
    : undefined;
  return preferred
    ?? definitions.find((definition) => (definition.family === "research") === context.research)
    ?? definitions[0];
}

interface OpenSection {
  section: NoteSection;
  /** A paper section on a line of its own: structured-abstract labels under it are subsections. */
  researchBlock: boolean;
  closeLine?: number;
}

function buildTree(
  lines: readonly string[],
  candidates: readonly Candidate[],
  closeAllLine: number | undefined,
  context: DocumentContext,
): NoteSection[] {
  const roots: NoteSection[] = [];
  const stack: OpenSection[] = [];
  const lastLine = (closeAllLine ?? lines.length) - 1;

  const finish = (open: OpenSection, boundary: number): void => {
    let end = Math.max(open.section.line, Math.min(boundary, lastLine));
    while (end > open.section.line && (lines[end] ?? "").trim() === "") end--;
    open.section.endLine = end;
  };
  const closeExplicitEnds = (beforeLine: number): void => {
    // A LaTeX environment ends at its \end line, together with everything opened inside it.
    for (;;) {
      const index = stack.findIndex((open) => open.closeLine !== undefined && open.closeLine < beforeLine);
      const closeLine = stack[index]?.closeLine;
      if (index < 0 || closeLine === undefined) return;
      while (stack.length > index + 1) {
        const inner = stack.pop();
        if (inner) finish(inner, closeLine - 1);
      }
      const environment = stack.pop();
      if (environment) finish(environment, closeLine);
    }
  };

  for (const candidate of candidates) {
    closeExplicitEnds(candidate.line);
    const definition = chooseDefinition(candidate.matches, context);
    const level = levelFor(candidate, definition, stack, context);
    while (stack.length > 0 && (stack.at(-1)?.section.level ?? 0) >= level) {
      const open = stack.pop();
      if (open) finish(open, candidate.line - 1);
    }
    const section: NoteSection = {
      title: candidate.title,
      id: definition?.id,
      label: definition?.label,
      family: definition?.family ?? "generic",
      tier: candidate.fixedLevel !== undefined || candidate.numberDepth !== undefined
        ? "heading"
        : definition?.tier ?? (level >= RANK.minor ? "minor" : "major"),
      source: candidate.caps ? "capsLine" : candidate.source,
      level,
      line: candidate.line,
      titleStart: candidate.titleStart,
      titleEnd: candidate.titleEnd,
      endLine: candidate.line,
      hasInlineContent: candidate.inline,
      children: [],
    };
    (stack.at(-1)?.section.children ?? roots).push(section);
    stack.push({
      section,
      researchBlock: candidate.source === "label" && !candidate.inline && definition?.family === "research",
      closeLine: candidate.closeLine,
    });
  }
  closeExplicitEnds(Number.POSITIVE_INFINITY);
  while (stack.length > 0) {
    const open = stack.pop();
    if (open) finish(open, lastLine);
  }
  return roots;
}

function levelFor(
  candidate: Candidate,
  definition: HeaderDefinition | undefined,
  stack: readonly OpenSection[],
  context: DocumentContext,
): number {
  if (candidate.fixedLevel !== undefined) return candidate.fixedLevel;
  if (candidate.numberDepth !== undefined) {
    return Math.min(RANK.major + NUMBERED_STEP * (candidate.numberDepth - 1), RANK.minor - 1);
  }
  const inResearchBlock = stack.some((open) => open.researchBlock);
  if (!definition) {
    if (candidate.inline) return RANK.minor;
    return context.research && inResearchBlock ? RANK.minor : RANK.major;
  }
  // The section this header would join: the innermost open one above the subsection rank.
  const parent = stack.findLast((open) => open.section.level < RANK.minor)?.section;
  if (parent?.id !== undefined && definition.nestsUnder?.includes(parent.id)) return RANK.minor;
  switch (definition.tier) {
    case "title":
      return RANK.title;
    case "soap":
      return context.soap ? RANK.soap : RANK.major;
    case "major":
      // "Background: ..." inside ABSTRACT is a structured-abstract label, not a new paper section.
      return definition.family === "research" && candidate.inline && inResearchBlock ? RANK.minor : RANK.major;
    case "minor":
      // "Lungs:" right after "Vitals:" starts a sibling rather than a part of the vital signs.
      return definition.family === "clinical" && isClinicalSection(parent) ? RANK.major : RANK.minor;
  }
}

function isClinicalSection(section: NoteSection | undefined): boolean {
  return section?.source === "label" && section.level === RANK.major && section.family === "clinical";
}
