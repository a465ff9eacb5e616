/**
 * A made-up patient that every fault-suite document carries, and the scans that prove the server never writes it
 * anywhere but the backend request: no stderr line, log, message, progress text, error or file.
 */
import { readdirSync, readFileSync, lstatSync } from "node:fs";
import { join } from "node:path";

/** A name and a record number no real note holds; the PHI detector recognises both (a NAME and an MRN). */
export const CANARY_NAME = "Zebulon Quargwhistle";
export const CANARY_MRN = "4829175036";
/** The line put at the top of every document. */
export const CANARY_LINE = `Patient: ${CANARY_NAME}, MRN ${CANARY_MRN}, seen today.`;

/** Pieces that must never leak, each on its own (a surname or the number alone is still identifying). */
const PIECES = [CANARY_NAME, "Quargwhistle", CANARY_MRN];

/** The canary piece found in `text`, or undefined. */
export function canaryIn(text: string): string | undefined {
  return PIECES.find((piece) => text.includes(piece));
}

/**
 * Every file under `dir` (recursively) whose name or content holds the canary, in UTF-8 or UTF-16; symbolic links are
 * not followed.
 */
export function filesWithCanary(dir: string): string[] {
  const found: string[] = [];
  const visit = (path: string): void => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat || stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (canaryIn(entry)) found.push(join(path, entry));
        visit(join(path, entry));
      }
      return;
    }
    if (!stat.isFile()) return;
    const bytes = readFileSync(path);
    // UTF-16 text may start at an odd offset in a binary file: both alignments are read.
    const decoded = [bytes.toString("utf8"), bytes.toString("utf16le"), bytes.subarray(1).toString("utf16le")];
    if (decoded.some((text) => canaryIn(text))) found.push(path);
  };
  visit(dir);
  return found;
}
