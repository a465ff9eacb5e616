/** Number and figure formatting shared by the printed table and the Markdown report. */
import type { Figure } from "../lib/figures";
import { describeTarget } from "../lib/figures";

export function formatNumber(value: number, digits: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function withUnit(text: string, unit: string): string {
  if (!unit) return text;
  return unit === "%" ? `${text} %` : `${text} ${unit}`;
}

/** The cells of one figure's row: label, median, spread, target, verdict. */
export interface FigureRow {
  label: string;
  median: string;
  spread: string;
  target: string;
  verdict: string;
}

export function verdict(figure: Figure): string {
  if (!figure.stats) return "not measured";
  if (figure.met === undefined) return "—";
  return figure.met ? "met" : "NOT MET";
}

export function figureRow(figure: Figure): FigureRow {
  const stats = figure.stats;
  const digits = figure.digits;
  return {
    label: figure.label,
    median: stats ? withUnit(formatNumber(stats.median, digits), figure.unit) : "—",
    spread: !stats
      ? (figure.note ?? "")
      : stats.n === 1
        ? "single measurement"
        : `${formatNumber(stats.low, digits)} – ${formatNumber(stats.high, digits)} (${stats.spread}, n=${stats.n})`,
    target: describeTarget(figure.target, figure.unit),
    verdict: verdict(figure),
  };
}
