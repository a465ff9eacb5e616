/**
 * Symbol rules: "@", "<" and ">", arrows and "Ø" written in medication instructions. Symbols are common in other
 * writing (e-mail, statistics, Markdown quotes), so each is reported only inside a dosing context.
 */

import type { LineScan } from "./lineScan";
import { spaced } from "./replacementText";

const SYMBOL_RE = /[@<>↑↓→Ø]/g;
const AT_FOLLOW_RE = /^[ \t]?(?:\d|bedtime|night|noon|meals|breakfast|lunch|dinner|supper|HS\b|hs\b)/;
const ORDER_CUE_RE = /\b(?:hold|give|if|titrate|titrating|goal|keep|maintain|target|call|notify|until|when|while|for|unless|prn|PRN)\b/i;
const STATISTIC_BEFORE_RE = /(?:\b[pP]|\bOR|\bCI|\br|\bn|\bN|\bage|\bAge|\bBMI)[ \t]*$/;
const DIAMETER_RE = /^[ \t]?\d+(?:\.\d+)?[ \t]?(?:mm|cm|µm|μm|in|Fr)\b/;

function arrow(scan: LineScan, at: number, verb: string, participle: string): void {
  if (!scan.doseContextAt(at)) return;
  const text = scan.text;
  const prev = at > 0 ? text[at - 1]! : " ";
  const nextWord = /^[ \t]?[A-Za-z0-9]/.test(text.slice(at + 1, at + 3));
  const verbFirst = nextWord && !/[A-Za-z0-9]/.test(prev) && !/[A-Za-z0-9][ \t]*$/.test(text.slice(Math.max(0, at - 3), at));
  const options = verbFirst ? [verb, participle] : [participle, verb];
  scan.emit("ismp-arrow", at, at + 1, options.map((word) => spaced(text, word, at, at + 1)), true);
}

/** Runs the symbol rules over the line. */
export function checkSymbols(scan: LineScan): void {
  const text = scan.text;
  SYMBOL_RE.lastIndex = 0;
  for (let m = SYMBOL_RE.exec(text); m; m = SYMBOL_RE.exec(text)) {
    const at = m.index;
    const symbol = m[0];
    const prev = at > 0 ? text[at - 1]! : "";
    const next = text[at + 1] ?? "";
    if (symbol === "@") {
      if (prev !== "" && !/\s/.test(prev)) continue;
      if (!AT_FOLLOW_RE.test(text.slice(at + 1, at + 10)) || !scan.doseContextAt(at)) continue;
      scan.emit("ismp-at-sign", at, at + 1, [spaced(text, "at", at, at + 1)]);
    } else if (symbol === "<" || symbol === ">") {
      if (/[<>=-]/.test(prev) || /[<>=-]/.test(next)) continue;
      if (symbol === ">" && /^\s*$/.test(text.slice(0, at))) continue; // a Markdown quote
      if (!/^[ \t]?\d/.test(text.slice(at + 1, at + 3))) continue;
      const before = text.slice(Math.max(0, at - 40), at);
      if (STATISTIC_BEFORE_RE.test(before) || !ORDER_CUE_RE.test(before) || !scan.doseContextAt(at)) continue;
      scan.emit("ismp-less-greater", at, at + 1, [spaced(text, symbol === "<" ? "less than" : "greater than", at, at + 1)]);
    } else if (symbol === "↑") {
      arrow(scan, at, "increase", "increased");
    } else if (symbol === "↓") {
      arrow(scan, at, "decrease", "decreased");
    } else if (symbol === "→") {
      if (!/\d[ \t]*$/.test(text.slice(Math.max(0, at - 12), at)) || !/^[ \t]*\d/.test(text.slice(at + 1, at + 6))) continue;
      if (!scan.doseContextAt(at)) continue;
      scan.emit("ismp-arrow", at, at + 1, [spaced(text, "to", at, at + 1)]);
    } else {
      if (/[A-Za-zÀ-ÿ]/.test(prev) || /[A-Za-zÀ-ÿ]/.test(next)) continue; // a letter in a word (Ørsted)
      if (DIAMETER_RE.test(text.slice(at + 1, at + 12)) || !scan.doseContextAt(at)) continue;
      const wordNext = /^[ \t]?[A-Za-z]/.test(text.slice(at + 1, at + 3));
      const options = wordNext ? ["no", "none", "zero"] : ["none", "zero", "no"];
      scan.emit("ismp-null-sign", at, at + 1, options.map((word) => spaced(text, word, at, at + 1)), true);
    }
  }
}
