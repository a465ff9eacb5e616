/**
 * The abbreviation lexicon, indexed once at module load: a map from every accepted spelling (case-sensitive) to its
 * entry. Rows come from the reviewable data files in `data/`.
 */
import { ABBREVIATION_ROWS } from "./data/index";
import type { AbbreviationEntry, AbbreviationSense, EntryRow } from "./types";

/** Splits a space-separated list from the data files (single spaces there; plain split is fastest at load). */
function splitList(list: string): string[] {
  return list.split(" ").filter((item) => item !== "");
}

function toEntry(row: EntryRow): AbbreviationEntry {
  const forms = splitList(row.forms);
  const senses: AbbreviationSense[] = row.senses.map(([expansion, gloss, domain, cues]) => ({
    expansion,
    gloss,
    domain,
    cues: splitList(cues.toLowerCase()),
  }));
  const wordForms = splitList(row.wordForms ?? "");
  const entry: AbbreviationEntry = {
    abbreviation: forms[0] ?? "",
    forms,
    senses,
    commonWord: row.commonWord === true,
    wordForms,
  };
  if (row.caution !== undefined) entry.caution = row.caution;
  return entry;
}

const ENTRIES: readonly AbbreviationEntry[] = ABBREVIATION_ROWS.map(toEntry);

/** Spelling → entry. A dotted form ("q.d.") is also reachable without its final period ("q.d"). */
const BY_FORM: ReadonlyMap<string, AbbreviationEntry> = (() => {
  const index = new Map<string, AbbreviationEntry>();
  for (const entry of ENTRIES) {
    for (const form of entry.forms) {
      if (!index.has(form)) index.set(form, entry);
      if (form.length > 2 && form.endsWith(".")) {
        const bare = form.slice(0, -1);
        if (!index.has(bare)) index.set(bare, entry);
      }
    }
  }
  return index;
})();

/** The entry for an exact spelling, or undefined. Case matters: "PT", "Pt" and "pt" are different spellings. */
export function lookupAbbreviation(form: string): AbbreviationEntry | undefined {
  return BY_FORM.get(form);
}

/** Every entry of the lexicon, in data order. */
export function allAbbreviations(): readonly AbbreviationEntry[] {
  return ENTRIES;
}
