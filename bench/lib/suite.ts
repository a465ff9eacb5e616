/** What every benchmark suite receives and returns. */
import type { Figure } from "./figures";

export interface SuiteContext {
  /** Fewer repetitions, for a quick look while developing (figures are then rougher). */
  quick: boolean;
  /** A progress line on stderr (kept off the results table). */
  log: (line: string) => void;
  /** A scratch folder for this run, removed afterwards. */
  scratch: string;
}

/** One point series of the streaming timeline chart: milliseconds since the request was sent, per token. */
export interface TimelineSeries {
  name: string;
  /** Time of each token, ms after the request was sent. */
  times: number[];
}

/** The streaming timeline of one request per path at one rate, for the chart. */
export interface Timeline {
  ratePerSecond: number;
  tokens: number;
  backend: TimelineSeries;
  direct: TimelineSeries;
  server: TimelineSeries;
  /** When the backend emitted each token, on each path's own request (ms after that request was sent). */
  backendForDirect: number[];
}

export interface SuiteResult {
  figures: Figure[];
  /** Extra measurements kept in the JSON results (not in the table). */
  details?: Record<string, unknown>;
  timeline?: Timeline;
}

export interface Suite {
  name: string;
  run(context: SuiteContext): Promise<SuiteResult>;
}
