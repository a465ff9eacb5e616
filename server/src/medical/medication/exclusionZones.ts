/**
 * Parts of a line the medication rules must not look at: code, math, links, e-mail addresses and LaTeX command names.
 * They are blanked with spaces so offsets stay valid. Fences, display math and LaTeX environments span lines, so each
 * line starts in a state (a short string, "" outside any zone) and reports the state the next line starts in.
 */

/** How a language id is treated. */
export type ZoneMode = "markdown" | "latex" | "plain";

/** The zone mode of a VS Code language id; unknown ids are treated as plain text. */
export function zoneMode(languageId: string): ZoneMode {
  switch (languageId) {
    case "markdown":
    case "mdx":
    case "quarto":
    case "rmd":
      return "markdown";
    case "latex":
    case "tex":
    case "bibtex":
      return "latex";
    default:
      return "plain";
  }
}

/** A line with its excluded parts blanked, and the zone state at its end. */
export interface MaskedLine {
  readonly text: string;
  readonly endState: string;
  /** True when at least one character was blanked. */
  readonly masked: boolean;
}

const URL_SOURCE = String.raw`(?:https?|ftp|file|ssh|git):\/\/[^\s<>"'\`]+|\bwww\.[^\s<>"'\`]+|\bmailto:[^\s<>"'\`]+|\bdoi:\s?[^\s<>"'\`]+|\b10\.\d{4,9}\/[^\s<>"'\`]+`;
const EMAIL_SOURCE = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`;

const URL_RE = new RegExp(URL_SOURCE, "g");
const EMAIL_RE = new RegExp(`(?:^|[^A-Za-z0-9._%+-])(${EMAIL_SOURCE})`, "g");

const MARKDOWN_OPENERS = new RegExp(
  String.raw`(\`+)|(\$\$)|(\$)|(\\\(|\\\[)|(<!--)|(\]\()`,
  "g",
);
const LATEX_OPENERS = new RegExp(
  String.raw`(%)|(\\begin\{([A-Za-z]+\*?)\})|(\$\$)|(\$)|(\\\(|\\\[)|(\\verb\*?)|(\\[A-Za-z@]+\*?|\\.)|(~)`,
  "g",
);
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const BLANK = /^[ \t]*$/;

/** LaTeX environments whose body is math or verbatim. */
const LATEX_SKIPPED_ENVIRONMENTS: ReadonlySet<string> = new Set(
  [
    "equation", "align", "alignat", "gather", "multline", "flalign", "eqnarray", "displaymath", "math", "dmath",
    "verbatim", "Verbatim", "lstlisting", "minted", "comment", "filecontents", "tikzpicture", "BVerbatim", "LVerbatim",
  ].flatMap((name) => [name, `${name}*`]),
);

/** LaTeX commands whose braced arguments are keys, paths or URLs rather than prose. */
const LATEX_KEY_COMMANDS: ReadonlySet<string> = new Set([
  "\\cite", "\\citep", "\\citet", "\\citealt", "\\citeauthor", "\\citeyear", "\\parencite", "\\textcite", "\\autocite",
  "\\nocite", "\\ref", "\\eqref", "\\pageref", "\\autoref", "\\cref", "\\Cref", "\\label", "\\url", "\\href",
  "\\input", "\\include", "\\includegraphics", "\\bibliography", "\\bibliographystyle", "\\addbibresource",
  "\\usepackage", "\\documentclass", "\\end", "\\begin", "\\hyperref", "\\newcommand", "\\renewcommand", "\\SI",
  "\\si", "\\qty", "\\unit", "\\num", "\\ce", "\\texttt", "\\lstinline", "\\mintinline", "\\path", "\\code",
]);

class Masker {
  private ranges: number[] | undefined;

  constructor(readonly line: string) {}

  add(start: number, end: number): void {
    if (end > start) (this.ranges ??= []).push(start, end);
  }

  /** Orders the ranges by start when they were added out of order. */
  sort(): void {
    const ranges = this.ranges;
    if (ranges === undefined || ranges.length <= 2) return;
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
    pairs.sort((a, b) => a[0] - b[0]);
    this.ranges = pairs.flat();
  }

  result(endState: string): MaskedLine {
    const ranges = this.ranges;
    if (ranges === undefined) return { text: this.line, endState, masked: false };
    let text = "";
    let cursor = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      const start = Math.max(ranges[i]!, cursor);
      const end = ranges[i + 1]!;
      if (end <= start) continue;
      text += this.line.slice(cursor, start) + " ".repeat(end - start);
      cursor = end;
    }
    text += this.line.slice(cursor);
    return { text, endState, masked: true };
  }
}

/** Index of the next unescaped `needle` at or after `from`, or -1. */
function indexOfUnescaped(line: string, needle: string, from: number): number {
  let index = line.indexOf(needle, from);
  while (index > 0 && line.charCodeAt(index - 1) === 92 /* \ */) index = line.indexOf(needle, index + 1);
  return index;
}

/** Index of a backtick run of exactly `length` at or after `from`, or -1. */
function closingBackticks(line: string, length: number, from: number): number {
  const run = "`".repeat(length);
  let index = line.indexOf(run, from);
  while (index >= 0) {
    let end = index + length;
    if (line.charCodeAt(end) !== 96 && (index === 0 || line.charCodeAt(index - 1) !== 96)) return index;
    while (line.charCodeAt(end) === 96) end++;
    index = line.indexOf(run, end);
  }
  return -1;
}

/** Closing `$` of Pandoc-style inline math: non-space before it, no digit after it. */
function closingDollar(line: string, from: number): number {
  let index = line.indexOf("$", from);
  while (index >= 0) {
    const before = line.charCodeAt(index - 1);
    const after = line.charCodeAt(index + 1);
    const escaped = before === 92;
    if (!escaped && before !== 32 && before !== 9 && !(after >= 48 && after <= 57)) return index;
    index = line.indexOf("$", index + 1);
  }
  return -1;
}

/** Position after a balanced `{…}` or `[…]` group starting at `open`, or -1 when it does not close on the line. */
function afterGroup(line: string, open: number): number {
  const opener = line[open];
  const closer = opener === "{" ? "}" : "]";
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === opener) depth++;
    else if (ch === closer && --depth === 0) return i + 1;
  }
  return -1;
}

/** Continues a zone opened on an earlier line; returns where normal text resumes (or -1) and the state. */
function resumeZone(line: string, state: string, masker: Masker): { resume: number; state: string } {
  let closer: string;
  if (state.startsWith("env:")) closer = `\\end{${state.slice(4)}}`;
  else if (state === "\\[") closer = "\\]";
  else if (state === "\\(") closer = "\\)";
  else if (state === "<!--") closer = "-->";
  else closer = state; // "$" or "$$"
  const index = closer.startsWith("$") ? indexOfUnescaped(line, closer, 0) : line.indexOf(closer);
  if (index < 0) {
    masker.add(0, line.length);
    return { resume: -1, state };
  }
  masker.add(0, index + closer.length);
  return { resume: index + closer.length, state: "" };
}

function maskPlain(line: string, masker: Masker): void {
  if (line.includes("://") || line.includes("www.") || line.includes("mailto:") || line.includes("doi:") || line.includes("10.")) {
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(line); m; m = URL_RE.exec(line)) masker.add(m.index, m.index + m[0].length);
  }
  if (line.includes("@")) {
    EMAIL_RE.lastIndex = 0;
    for (let m = EMAIL_RE.exec(line); m; m = EMAIL_RE.exec(line)) masker.add(m.index + m[0].length - m[1]!.length, m.index + m[0].length);
  }
  masker.sort();
}

function maskMarkdown(line: string, state: string, masker: Masker): string {
  if (state.startsWith("fence:")) {
    masker.add(0, line.length);
    const close = FENCE_CLOSE.exec(line);
    const fence = state.slice(6);
    if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) return "";
    return state;
  }
  let from = 0;
  if (state !== "") {
    const resumed = resumeZone(line, state, masker);
    if (resumed.resume < 0) return resumed.state;
    from = resumed.resume;
  } else {
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === "`" && line.indexOf("`", open[0].length) >= 0)) {
      masker.add(0, line.length);
      return `fence:${open[1]}`;
    }
  }
  const re = MARKDOWN_OPENERS;
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const at = m.index;
    const escaped = at > 0 && line.charCodeAt(at - 1) === 92;
    if (m[1] !== undefined) {
      const close = escaped ? -1 : closingBackticks(line, m[1].length, at + m[1].length);
      if (close >= 0) {
        masker.add(at, close + m[1].length);
        re.lastIndex = close + m[1].length;
      }
    } else if (m[2] !== undefined) {
      if (escaped) continue;
      const close = indexOfUnescaped(line, "$$", at + 2);
      if (close < 0) {
        masker.add(at, line.length);
        return "$$";
      }
      masker.add(at, close + 2);
      re.lastIndex = close + 2;
    } else if (m[3] !== undefined) {
      const next = line.charCodeAt(at + 1);
      if (escaped || next === 32 || next === 9 || Number.isNaN(next)) continue;
      const close = closingDollar(line, at + 1);
      if (close >= 0) {
        masker.add(at, close + 1);
        re.lastIndex = close + 1;
      }
    } else if (m[4] !== undefined) {
      const display = m[4] === "\\[";
      const close = line.indexOf(display ? "\\]" : "\\)", at + 2);
      if (close >= 0) {
        masker.add(at, close + 2);
        re.lastIndex = close + 2;
      } else if (display && BLANK.test(line.slice(0, at))) {
        masker.add(at, line.length);
        return "\\[";
      }
    } else if (m[5] !== undefined) {
      const close = line.indexOf("-->", at + 4);
      if (close < 0) {
        masker.add(at, line.length);
        return "<!--";
      }
      masker.add(at, close + 3);
      re.lastIndex = close + 3;
    } else if (m[6] !== undefined) {
      const close = line.indexOf(")", at + 2);
      const end = close < 0 ? line.length : close;
      masker.add(at + 2, end);
      re.lastIndex = end;
    }
  }
  return "";
}

function maskLatex(line: string, state: string, masker: Masker): string {
  let from = 0;
  if (state !== "") {
    if ((state === "$" || state === "\\(") && BLANK.test(line)) return ""; // a paragraph break ends inline math
    const resumed = resumeZone(line, state, masker);
    if (resumed.resume < 0) return resumed.state;
    from = resumed.resume;
  }
  const re = LATEX_OPENERS;
  re.lastIndex = from;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const at = m.index;
    if (m[1] !== undefined) {
      masker.add(at, line.length); // comment
      return "";
    }
    if (m[2] !== undefined) {
      const name = m[3]!;
      if (!LATEX_SKIPPED_ENVIRONMENTS.has(name)) {
        masker.add(at, at + m[2].length);
        continue;
      }
      const closer = `\\end{${name}}`;
      const close = line.indexOf(closer, at + m[2].length);
      if (close < 0) {
        masker.add(at, line.length);
        return `env:${name}`;
      }
      masker.add(at, close + closer.length);
      re.lastIndex = close + closer.length;
    } else if (m[4] !== undefined || m[5] !== undefined) {
      const opener = m[4] ?? "$";
      const close = indexOfUnescaped(line, opener, at + opener.length);
      if (close < 0) {
        masker.add(at, line.length);
        return opener;
      }
      masker.add(at, close + opener.length);
      re.lastIndex = close + opener.length;
    } else if (m[6] !== undefined) {
      const closer = m[6] === "\\[" ? "\\]" : "\\)";
      const close = line.indexOf(closer, at + 2);
      if (close < 0) {
        masker.add(at, line.length);
        return m[6];
      }
      masker.add(at, close + 2);
      re.lastIndex = close + 2;
    } else if (m[7] !== undefined) {
      const delimiterAt = at + m[7].length;
      const delimiter = line[delimiterAt];
      const close = delimiter === undefined ? -1 : line.indexOf(delimiter, delimiterAt + 1);
      const end = close < 0 ? line.length : close + 1;
      masker.add(at, end);
      re.lastIndex = end;
    } else if (m[8] !== undefined) {
      let end = at + m[8].length;
      if (LATEX_KEY_COMMANDS.has(m[8].replace(/\*$/, ""))) {
        for (let groups = 0; groups < 3; groups++) {
          let next = end;
          while (line[next] === " ") next++;
          if (line[next] !== "{" && line[next] !== "[") break;
          const after = afterGroup(line, next);
          if (after < 0) {
            end = line.length;
            break;
          }
          end = after;
        }
      }
      masker.add(at, end);
      re.lastIndex = end;
    } else {
      masker.add(at, at + m[0].length);
    }
  }
  return "";
}

/** Blanks the excluded parts of one line (without its line break) that starts in `state`. */
export function maskLine(line: string, state: string, mode: ZoneMode): MaskedLine {
  const masker = new Masker(line);
  let endState = "";
  if (mode === "markdown") endState = maskMarkdown(line, state, masker);
  else if (mode === "latex") endState = maskLatex(line, state, masker);
  maskPlain(line, masker);
  return masker.result(endState);
}
