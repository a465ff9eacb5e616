/**
 * Joins streamed text into fewer messages when it arrives faster than a reader can see. The first piece goes out at
 * once, and so does any piece after a quiet interval; pieces that follow within the interval wait for its end and go
 * out together. A local engine emits hundreds of tokens a second, and a message per token costs the server a write
 * and the client a parse each time, which slows the engine down, while nobody reads faster than the screen refreshes.
 */

/** About one screen refresh: below what a reader notices, and far more often than an editor repaints a stream. */
export const DELTA_INTERVAL_MS = 16;

export class DeltaCoalescer {
  private pending = "";
  private lastSentAt = -Infinity;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly send: (text: string) => void,
    private readonly intervalMs = DELTA_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(text: string): void {
    if (text === "") return;
    this.pending += text;
    if (this.timer !== undefined) return;
    const wait = this.lastSentAt + this.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends what is waiting now; call it before anything that must follow the text (the result, a status line). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.lastSentAt = this.now();
    this.send(text);
  }
}
