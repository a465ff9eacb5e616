/**
 * Finds stop strings in streamed text. Text that could be the start of a stop string is held back until the next
 * chunk shows whether it is one, so a stop string split across tokens never leaks into the answer.
 */

export interface StopScan {
  /** Text that is safe to show now. */
  text: string;
  /** True when a stop string was found; nothing after it is shown. */
  stopped: boolean;
}

export class StopStringScanner {
  private held = "";
  private readonly stops: string[];

  constructor(stops: readonly string[]) {
    this.stops = stops.filter((stop) => stop !== "");
  }

  /** Feeds one chunk of generated text. */
  push(chunk: string): StopScan {
    const text = this.held + chunk;
    this.held = "";
    let first = -1;
    for (const stop of this.stops) {
      const index = text.indexOf(stop);
      if (index >= 0 && (first < 0 || index < first)) first = index;
    }
    if (first >= 0) return { text: text.slice(0, first), stopped: true };
    const hold = this.partialStopLength(text);
    this.held = text.slice(text.length - hold);
    return { text: text.slice(0, text.length - hold), stopped: false };
  }

  /** Ends the stream: text held back because it might have begun a stop string is released. */
  flush(): string {
    const rest = this.held;
    this.held = "";
    return rest;
  }

  /** Length of the longest suffix of `text` that is a proper prefix of some stop string. */
  private partialStopLength(text: string): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(text.length, stop.length - 1); length > longest; length--) {
        if (text.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
