/**
 * A first-in, first-out queue that lets one request use the engine at a time. A request whose signal fires while it
 * waits leaves the queue at once.
 */

export class RequestQueue {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  /** Requests waiting for their turn (not counting the one running). */
  get pending(): number {
    return this.waiting.length;
  }

  /**
   * Resolves with a release function when it is this caller's turn; rejects with the signal's reason if the signal
   * fires first. The release function must be called exactly once.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener("abort", onAbort);
        resolve(this.releaser());
      };
      const onAbort = (): void => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(abortReason(signal));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    };
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException("The request was cancelled", "AbortError");
}
