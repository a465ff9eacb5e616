/**
 * Coalesces streamed answer text so the webview gets at most one update per interval: the first piece goes out at
 * once (the writer sees the answer start without delay), later pieces are joined and sent when the interval ends.
 * Token streams can deliver hundreds of pieces a second; re-rendering Markdown for each would stutter.
 */

/** Starts a timer and returns a function that stops it. Injectable so tests drive time by hand. */
export type StartTimer = (callback: () => void, ms: number) => () => void;

export const startNodeTimer: StartTimer = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
};

/** The default interval: about 20 updates a second, smooth to read and cheap to render. */
export const DEFAULT_COALESCE_MS = 50;

export class DeltaCoalescer {
  private pendingOffset = 0;
  private pending = "";
  private stopTimer: (() => void) | undefined;

  /**
   * @param emit receives the joined text and its offset in the whole answer.
   */
  constructor(
    private readonly emit: (offset: number, text: string) => void,
    private readonly intervalMs = DEFAULT_COALESCE_MS,
    private readonly startTimer: StartTimer = startNodeTimer,
  ) {}

  /** Adds `text`, which starts at `offset` in the answer. */
  push(offset: number, text: string): void {
    if (text === "") return;
    if (this.pending !== "" && offset !== this.pendingOffset + this.pending.length) this.flush();
    if (this.pending === "") this.pendingOffset = offset;
    this.pending += text;
    if (this.stopTimer === undefined) {
      this.flush();
      this.arm();
    }
  }

  /** Sends whatever is pending now (before a final or status update, so the order of text is kept). */
  flush(): void {
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.emit(this.pendingOffset, text);
  }

  /** Drops pending text because a full snapshot that already contains it has been sent. */
  discard(): void {
    this.pending = "";
  }

  /** Stops the timer; pending text is dropped. */
  dispose(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.pending = "";
  }

  private arm(): void {
    this.stopTimer = this.startTimer(() => {
      this.stopTimer = undefined;
      if (this.pending === "") return;
      this.flush();
      this.arm();
    }, this.intervalMs);
  }
}
