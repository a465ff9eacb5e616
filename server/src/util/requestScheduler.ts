/**
 * Limits concurrent backend calls. Chat and summaries go before hovers, and a new hover supersedes hovers still
 * waiting for a slot: the reader has moved on, so their answers would arrive for a spot nobody looks at.
 */
import { CancelledError } from "./singleFlight";

export type RequestPriority = "interactive" | "hover";

interface Pending {
  priority: RequestPriority;
  start: () => void;
  cancel: (error: Error) => void;
}

export class RequestScheduler {
  private running = 0;
  private readonly queue: Pending[] = [];

  constructor(private limit: number) {}

  /** Changes the limit; waiting work starts at once if slots opened. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.pump();
  }

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /**
   * Runs `task` when a slot is free. Rejects with `CancelledError` if `signal` aborts while waiting, or when a
   * newer hover supersedes this waiting hover.
   */
  run<T>(priority: RequestPriority, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    if (priority === "hover") this.supersedeWaitingHovers();
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.queue.indexOf(pending);
        if (index >= 0) {
          this.queue.splice(index, 1);
          reject(new CancelledError());
        }
      };
      const pending: Pending = {
        priority,
        start: () => {
          signal?.removeEventListener("abort", onAbort);
          this.running++;
          task()
            .then(resolve, reject)
            .finally(() => {
              this.running--;
              this.pump();
            });
        },
        cancel: (error) => {
          signal?.removeEventListener("abort", onAbort);
          reject(error);
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.enqueue(pending);
      this.pump();
    });
  }

  private enqueue(pending: Pending): void {
    if (pending.priority === "interactive") {
      // Ahead of every hover, behind earlier interactive work.
      const firstHover = this.queue.findIndex((p) => p.priority === "hover");
      if (firstHover >= 0) this.queue.splice(firstHover, 0, pending);
      else this.queue.push(pending);
    } else {
      this.queue.push(pending);
    }
  }

  private supersedeWaitingHovers(): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const pending = this.queue[i];
      if (pending?.priority === "hover") {
        this.queue.splice(i, 1);
        pending.cancel(new CancelledError("A newer hover took this one's place."));
      }
    }
  }

  private pump(): void {
    while (this.running < this.limit) {
      const next = this.queue.shift();
      if (!next) return;
      next.start();
    }
  }
}
