/** The Markdown report: the committed template in this folder filled with a run's figures. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Figure } from "../lib/figures";
import { figureRow } from "./format";

export interface ReportInput {
  date: string;
  figures: readonly Figure[];
  /** File name of the chart beside the report, or undefined when no timeline was measured. */
  chartFile?: string;
  environment: Record<string, string>;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function markdownTable(figures: readonly Figure[]): string {
  const out: string[] = [];
  let group = "";
  for (const figure of figures) {
    if (figure.group !== group) {
      group = figure.group;
      out.push("", `### ${group}`, "", "| Figure | Median | Spread | Target | Met | Note |", "|---|--:|---|---|---|---|");
    }
    const row = figureRow(figure);
    const label = row.label.trim();
    const indented = row.label.startsWith("  ") ? `↳ ${label}` : label;
    const note = figure.stats ? (figure.note ?? "") : "";
    const verdict = row.verdict === "met" ? "✅ met" : row.verdict === "NOT MET" ? "❌ not met" : row.verdict;
    out.push(`| ${cell(indented)} | ${cell(row.median)} | ${cell(row.spread)} | ${cell(row.target)} | ${cell(verdict)} | ${cell(note)} |`);
  }
  return out.join("\n").trim();
}

function summary(figures: readonly Figure[]): string {
  const withTarget = figures.filter((f) => f.target);
  const met = withTarget.filter((f) => f.met === true).length;
  const missed = withTarget.filter((f) => f.stats && f.met === false);
  const unmeasured = withTarget.filter((f) => !f.stats);
  const parts = [`**${met} of ${withTarget.length} targets met.**`];
  if (missed.length) parts.push(`Missed: ${missed.map((f) => f.label.trim()).join("; ")}.`);
  if (unmeasured.length) parts.push(`Not measured: ${unmeasured.map((f) => `${f.label.trim()} (${f.note ?? "unknown reason"})`).join("; ")}.`);
  return parts.join(" ");
}

/** Fills the template. */
export function markdownReport(input: ReportInput): string {
  const template = readFileSync(join(__dirname, "reportTemplate.md"), "utf8");
  const environment = Object.entries(input.environment)
    .map(([key, value]) => `- ${key}: ${value}`)
    .join("\n");
  const chart = input.chartFile
    ? `![Token arrival through the language server and directly, with each token's delay](${input.chartFile})`
    : "*No timeline was measured in this run.*";
  const values: Record<string, string> = {
    summary: summary(input.figures),
    date: input.date,
    table: markdownTable(input.figures),
    chart,
    environment,
  };
  return template.replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match);
}
