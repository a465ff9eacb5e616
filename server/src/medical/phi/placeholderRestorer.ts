/**
 * Puts original values back into a streamed model answer. A placeholder may arrive split across chunks ("[DA",
 * "TE-1]"), so the restorer holds back only a tail that could still become one and releases everything else at once.
 *
 * Model alterations it tolerates, because each still names exactly one placeholder we issued:
 * - letter case of the type ("[date-1]"), since models re-case words;
 * - the separator: "-", "_", "–", "—", a space or none ("[DATE 1]", "[DATE_1]", "[DATE1]"), and up to two spaces
 *   inside the brackets ("[ DATE-1 ]");
 * - leading zeros in the number ("[DATE-01]");
 * - Markdown-escaped brackets ("\[DATE-1\]"), which some models emit in Markdown answers.
 * What it does not guess: a changed type ("[PERSON-1]"), a missing bracket ("DATE-1"), or a number we never issued.
 * Those stay as written, so the writer sees a placeholder rather than a wrong value.
 */

/** A complete placeholder in any tolerated spelling. Group 1: type; group 2: number. */
const PLACEHOLDER = /\\?\[ {0,2}([A-Za-z]+(?:_[A-Za-z]+)*) {0,2}[-_–—]? {0,2}(\d{1,6}) {0,2}\\?\]/g;
const MAX_TYPE_LENGTH = 24;

/** Canonical map key for a type and number: "DATE-1". */
export function placeholderKey(type: string, number: string | number): string {
  return `${type.toUpperCase()}-${Number(number)}`;
}

/** True when `text` (starting with "[" or "\[") could still grow into a tolerated placeholder. */
export function isPlaceholderPrefix(text: string): boolean {
  let i = 0;
  const at = (): string => text.charAt(i);
  const done = (): boolean => i >= text.length;
  const spaces = (): void => {
    for (let n = 0; n < 2 && at() === " "; n++) i++;
  };
  if (at() === "\\") i++;
  if (done()) return true;
  if (at() !== "[") return false;
  i++;
  spaces();
  if (done()) return true;
  const typeStart = i;
  if (!/[A-Za-z]/.test(at())) return false;
  while (!done() && /[A-Za-z_]/.test(at())) i++;
  if (i - typeStart > MAX_TYPE_LENGTH) return false;
  if (done()) return true;
  spaces();
  if (done()) return true;
  if (/[-–—]/.test(at())) i++;
  spaces();
  if (done()) return true;
  const digitStart = i;
  while (!done() && /\d/.test(at()) && i - digitStart < 6) i++;
  if (i === digitStart) return false;
  if (done()) return true;
  spaces();
  if (done()) return true;
  if (at() === "\\") i++;
  return done();
}

/** Where in `tail` a possible placeholder prefix starts, or `tail.length` when nothing needs holding back. */
function holdStart(tail: string): number {
  const bracket = tail.lastIndexOf("[");
  if (bracket >= 0) {
    const start = bracket > 0 && tail.charAt(bracket - 1) === "\\" ? bracket - 1 : bracket;
    if (isPlaceholderPrefix(tail.slice(start))) return start;
  }
  // A lone trailing backslash may open an escaped bracket: "\[NAME-1\]".
  return tail.endsWith("\\") ? tail.length - 1 : tail.length;
}

/** Restores placeholders in a streamed answer; one instance per answer. Fits the server's `AnswerRestorer`. */
export class PlaceholderRestorer {
  private held = "";

  /** @param originals canonical key ("DATE-1") → original value; read live, never copied or logged. */
  constructor(private readonly originals: ReadonlyMap<string, string>) {}

  /** Feeds one chunk of the answer; returns the text that can be shown now, with originals restored. */
  push(chunk: string): string {
    if (this.originals.size === 0 && this.held === "") return chunk;
    const text = this.held + chunk;
    this.held = "";
    let out = "";
    let last = 0;
    PLACEHOLDER.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = PLACEHOLDER.exec(text)) !== null) {
      const original = this.originals.get(placeholderKey(m[1] ?? "", m[2] ?? "0"));
      if (original === undefined) continue;
      out += text.slice(last, m.index) + original;
      last = m.index + m[0].length;
    }
    const tail = text.slice(last);
    const hold = this.originals.size === 0 ? tail.length : holdStart(tail);
    this.held = tail.slice(hold);
    return out + tail.slice(0, hold);
  }

  /** Ends the answer: anything held back that never became a placeholder is released as written. */
  flush(): string {
    const rest = this.held;
    this.held = "";
    return rest;
  }
}
