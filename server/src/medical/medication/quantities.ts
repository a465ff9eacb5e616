/**
 * Recognises amounts written as a number (or range) followed by a unit, and decides whether each is a dose, a lab
 * value, a measured volume or an oxygen flow. Only doses are subject to the dose-designation rules.
 */

import { clauseAfter, clauseBefore } from "./clauses";
import { FLUID_RE, LEVEL_RE, MEASURE_AFTER_RE, MEASURE_BEFORE_RE, OXYGEN_RE, unitFamily } from "./lexicon";

/** What an amount is, judged from its unit and the words around it. */
export type QuantityKind = "dose" | "lab" | "measure" | "flow";

/** One number inside an amount; a range has two. */
export interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A number or range followed by a unit, with offsets into the line. */
export interface Quantity {
  readonly start: number;
  readonly end: number;
  readonly numbers: readonly NumberToken[];
  /** Whitespace between the last number and the unit ("" when run together). */
  readonly gap: string;
  readonly unitStart: number;
  readonly unitEnd: number;
  readonly unit: string;
  /** Unit family from the lexicon ("mg", "U", "count", …). */
  readonly family: string;
  /** Everything after the unit that belongs to it, such as "/kg/min" or "/5 mL". */
  readonly denominator: string;
  readonly kind: QuantityKind;
  /** True for "25 units/10 units": a slash separating two doses of the same unit. */
  readonly slashSeparatesDoses: boolean;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+`;
/**
 * A number (or range) and the word after it. The word is looked up as a unit afterwards, which is much faster than
 * an alternation of every unit spelling. The match starts with the separator so positions inside words fail fast.
 */
const AMOUNT_RE = new RegExp(
  String.raw`(?:^|[^A-Za-z0-9_.,\\])(${NUMBER})(?:([ \t]*(?:-|–|to)[ \t]*)(${NUMBER}))?([ \t\u00a0]*)([A-Za-zµμ][A-Za-zµμ']*)`,
  "g",
);
const DENOMINATOR_RE = /(?:\/[ \t]?(?:\d+(?:\.\d+)?[ \t]?)?[A-Za-zµμ][A-Za-z0-9µμ²³]*)+/y;
const DENOMINATOR_PARTS_RE = /^\/[ \t]?(\d+(?:\.\d+)?)?[ \t]?([A-Za-zµμ][A-Za-z0-9µμ²³]*)/;
const LAB_DENOMINATORS: ReadonlySet<string> = new Set(["dl", "l", "mmol", "mol", "24h", "24hr", "24hrs", "24hours", "hpf", "lpf", "gcr", "creatinine", "cr"]);
const PER_VOLUME: ReadonlySet<string> = new Set(["ml", "µl", "μl", "ul"]);

interface Judgement {
  kind: QuantityKind;
  slash: boolean;
}
const DOSE: Judgement = { kind: "dose", slash: false };
const LAB: Judgement = { kind: "lab", slash: false };
const MEASURE: Judgement = { kind: "measure", slash: false };
const FLOW: Judgement = { kind: "flow", slash: false };
const TWO_DOSES: Judgement = { kind: "dose", slash: true };

function classify(line: string, start: number, end: number, family: string, denominator: string): Judgement {
  const volume = family === "L" || family === "mL" || family === "cc";
  if (volume) {
    if (MEASURE_BEFORE_RE.test(clauseBefore(line, start - 40, start)) || MEASURE_AFTER_RE.test(clauseAfter(line, end, end + 30))) return MEASURE;
  }
  if (denominator !== "") {
    const parts = DENOMINATOR_PARTS_RE.exec(denominator);
    const count = parts?.[1];
    const denomUnit = parts?.[2] ?? "";
    const lower = denomUnit.toLowerCase();
    if (count !== undefined && unitFamily(denomUnit) === family && family !== "mL" && family !== "L") return TWO_DOSES;
    if (LAB_DENOMINATORS.has(lower)) return LAB;
    if (lower === "min" && (family === "mL" || family === "cc")) return LAB;
    if (lower === "min" && family === "L") return FLOW;
    if (lower === "g" && family !== "count") return LAB;
    if (PER_VOLUME.has(lower) && (family === "ng" || (count === undefined && LEVEL_RE.test(clauseBefore(line, start - 40, start))))) return LAB;
    return DOSE;
  }
  if (family === "L") {
    const before = clauseBefore(line, start - 40, start);
    const after = clauseAfter(line, end, end + 30);
    if (OXYGEN_RE.test(before.slice(-20)) || OXYGEN_RE.test(after)) return FLOW;
    if (FLUID_RE.test(before) || FLUID_RE.test(after)) return DOSE;
    return MEASURE;
  }
  return DOSE;
}

/** All amounts in a line, left to right. */
export function findQuantities(line: string): Quantity[] {
  const found: Quantity[] = [];
  const re = AMOUNT_RE;
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const unit = m[5]!;
    const family = unitFamily(unit);
    if (family === undefined) {
      // Not a unit: let the next search start at the word, so "2 x 500 mg" still finds "500 mg".
      re.lastIndex = m.index + m[0].length - unit.length;
      continue;
    }
    const unitEnd = m.index + m[0].length;
    const next = line.charCodeAt(unitEnd);
    if (next >= 48 && next <= 57) continue; // "mg5": not a unit
    const first = m[1]!;
    const joiner = m[2];
    const second = m[3];
    const gap = m[4]!;
    // The match begins with the separator before the number, unless the number starts the line.
    const start = line.charCodeAt(m.index) === first.charCodeAt(0) ? m.index : m.index + 1;
    const numbers: NumberToken[] = [{ start, end: start + first.length, text: first }];
    if (joiner !== undefined && second !== undefined) {
      const secondStart = start + first.length + joiner.length;
      numbers.push({ start: secondStart, end: secondStart + second.length, text: second });
    }
    let denominator = "";
    if (next === 47 /* / */) {
      DENOMINATOR_RE.lastIndex = unitEnd;
      const d = DENOMINATOR_RE.exec(line);
      if (d) denominator = d[0];
    }
    const end = unitEnd + denominator.length;
    re.lastIndex = end;
    const { kind, slash } = classify(line, start, end, family, denominator);
    found.push({ start, end, numbers, gap, unitStart: unitEnd - unit.length, unitEnd, unit, family, denominator, kind, slashSeparatesDoses: slash });
  }
  return found;
}
