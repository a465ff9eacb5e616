/**
 * Builds the user-facing text of a finding (message and quick-fix titles) and small text helpers the rules share for
 * computing exact replacements.
 */

import { medicationRule } from "./rules";

function quoteList(items: readonly string[]): string {
  const quoted = items.map((item) => `"${item.trim()}"`);
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

function lowerFirst(sentence: string): string {
  return /^[A-Z][a-z]/.test(sentence) ? sentence[0]!.toLowerCase() + sentence.slice(1) : sentence;
}

export interface FindingText {
  readonly message: string;
  readonly fixTitles: readonly string[];
}

interface KnownText {
  readonly replacements: readonly string[];
  readonly text: FindingText;
}

/**
 * Texts already built, by rule and matched text: a document repeats the same few findings ("QD", "U") many times.
 * Looked up without building a key string; emptied when it fills.
 */
const DESCRIPTIONS = new Map<string, Map<string, KnownText[]>>();
const MAX_DESCRIPTIONS = 4096;
let descriptionCount = 0;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The one-line message and the fix titles of a finding. */
export function describeFinding(ruleId: string, matched: string, replacements: readonly string[]): FindingText {
  let byMatched = DESCRIPTIONS.get(ruleId);
  const known = byMatched?.get(matched);
  if (known) for (const entry of known) if (sameList(entry.replacements, replacements)) return entry.text;
  const rule = medicationRule(ruleId);
  const message = `Avoid "${matched}": ${lowerFirst(rule.reason)} Use ${quoteList(replacements)} instead.`;
  const fixTitles = replacements.map((r) => `Replace "${matched}" with "${r.trim()}"`);
  const text = { message, fixTitles };
  if (descriptionCount >= MAX_DESCRIPTIONS) {
    DESCRIPTIONS.clear();
    descriptionCount = 0;
    byMatched = undefined;
  }
  if (!byMatched) DESCRIPTIONS.set(ruleId, (byMatched = new Map<string, KnownText[]>()));
  const list = byMatched.get(matched);
  if (list) list.push({ replacements, text });
  else byMatched.set(matched, [{ replacements, text }]);
  descriptionCount++;
  return text;
}

/** A number without trailing zeros after its decimal point: "5.0" → "5", "0.50" → "0.5", "1,000.00" → "1,000". */
export function withoutTrailingZeros(number: string): string {
  if (!number.includes(".")) return number;
  const trimmed = number.replace(/0+$/, "");
  return trimmed.endsWith(".") ? trimmed.slice(0, -1) : trimmed;
}

/** An integer string with thousands separators: "100000" → "100,000". */
export function withThousandsSeparators(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A decimal without exponent or float noise: 0.1 → "0.1", 0.005 → "0.005". */
export function plainDecimal(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** Pads a replacement for a symbol so it does not run into its neighbours: "SBP<90" → "SBP less than 90". */
export function spaced(text: string, word: string, start: number, end: number): string {
  const before = start > 0 && !/\s/.test(text[start - 1]!) ? " " : "";
  const after = end < text.length && !/\s/.test(text[end]!) ? " " : "";
  return `${before}${word}${after}`;
}
