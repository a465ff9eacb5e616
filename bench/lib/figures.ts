/** The figures a benchmark run reports: a measured value with its spread, the target it is held to, and the verdict. */
import type { Stats } from "./stats";
import { summarize } from "./stats";

/** A target such as "at most 5 ms" (`<=`) or "at least 99 %" (`>=`). */
export interface Target {
  op: "<=" | ">=" | "<";
  value: number;
}

export interface Figure {
  /** Stable id for the JSON results, e.g. `relay.ttftAdded.50`. */
  id: string;
  /** Section of the table, e.g. "Relay cost". */
  group: string;
  label: string;
  unit: string;
  /** Decimal places when printed. */
  digits: number;
  /** Absent when the figure could not be measured (see `note`). */
  stats?: Stats;
  /** Absent for figures reported for information, with no target set for them. */
  target?: Target;
  /** True or false against the target; undefined without a target or a measurement. */
  met?: boolean;
  /** What exactly is measured, or why it could not be. */
  note?: string;
}

export interface FigureInput {
  id: string;
  group: string;
  label: string;
  unit: string;
  digits?: number;
  target?: Target;
  note?: string;
}

/** Whether a median meets its target. */
export function meets(value: number, target: Target): boolean {
  if (!Number.isFinite(value)) return false;
  switch (target.op) {
    case "<=":
      return value <= target.value;
    case ">=":
      return value >= target.value;
    case "<":
      return value < target.value;
  }
}

/** A figure from its samples; the verdict is taken on the median. */
export function figure(input: FigureInput, samples: readonly number[]): Figure {
  const stats = summarize(samples);
  return {
    digits: 2,
    ...input,
    stats,
    ...(input.target ? { met: meets(stats.median, input.target) } : {}),
  };
}

/** A figure that could not be measured on this machine; `reason` says why. */
export function unmeasured(input: FigureInput, reason: string): Figure {
  return { digits: 2, ...input, note: reason };
}

/** A target in words for the table, e.g. "≤ 5 ms". */
export function describeTarget(target: Target | undefined, unit: string): string {
  if (!target) return "none set";
  const op = target.op === "<=" ? "≤" : target.op === ">=" ? "≥" : "<";
  return `${op} ${target.value}${unit === "%" ? " %" : unit ? ` ${unit}` : ""}`;
}
