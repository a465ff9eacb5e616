/** Names an attached selection by file and lines, the only thing about it the webview ever sees. */
import type { Range } from "../../../common/protocol";
import type { AttachmentView } from "../../../common/webviewProtocol";

/** The last path segment of a URI path ("/notes/note.md" → "note.md"; "Untitled-1" stays as it is). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  const slash = trimmed.lastIndexOf("/");
  const name = slash >= 0 ? trimmed.slice(slash + 1) : trimmed;
  return name === "" ? path : name;
}

/**
 * One-based first and last line a selection covers. A selection that ends at the very start of a line (as when
 * whole lines are selected with the keyboard) does not cover that line.
 */
export function selectedLines(range: Range): { first: number; last: number } {
  const first = range.start.line + 1;
  const endsAtLineStart = range.end.character === 0 && range.end.line > range.start.line;
  const last = endsAtLineStart ? range.end.line : range.end.line + 1;
  return { first, last };
}

/** The chip for a selection: "note.md:12–18" with "notes/note.md, lines 12 to 18" as its description. */
export function describeAttachment(fileName: string, relativePath: string, range: Range): AttachmentView {
  const { first, last } = selectedLines(range);
  if (first === last) return { label: `${fileName}:${first}`, detail: `${relativePath}, line ${first}` };
  return { label: `${fileName}:${first}–${last}`, detail: `${relativePath}, lines ${first} to ${last}` };
}
