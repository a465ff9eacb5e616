/** The plain-text table printed at the end of `npm run bench`. */
import type { Figure } from "../lib/figures";
import { figureRow } from "./format";

const HEADERS = { label: "Figure", median: "Median", spread: "Spread", target: "Target", verdict: "Met" };

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

/** Renders the figures grouped by section, with aligned columns. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => ({ group: figure.group, ...figureRow(figure) }));
  const width = (key: keyof typeof HEADERS): number => Math.max([...HEADERS[key]].length, ...rows.map((row) => [...row[key]].length));
  const widths = { label: width("label"), median: width("median"), spread: width("spread"), target: width("target"), verdict: width("verdict") };
  const line = (cells: typeof HEADERS): string =>
    [pad(cells.label, widths.label), pad(cells.median, widths.median), pad(cells.spread, widths.spread), pad(cells.target, widths.target), cells.verdict].join("  ");
  const out: string[] = [line(HEADERS), "-".repeat(line(HEADERS).length + 4)];
  let group = "";
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group;
      out.push("", `${group}`);
    }
    out.push(line(row));
  }
  return out.join("\n");
}
