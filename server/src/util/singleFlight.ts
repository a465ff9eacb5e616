/**
 * De-duplicates identical concurrent work: callers asking for the same key share one run. Each caller may cancel
 * its own wait; the shared run is aborted only when every caller has gone.
 */

export class CancelledError extends Error {
  constructor(message = "The request was cancelled.") {
    super(message);
    this.name = "CancelledError";
  }
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  /** Number of distinct runs in progress. */
  get inFlight(): number {
    return this.flights.size;
  }

  /**
   * Joins the run for `key`, starting it with `work` if there is none. Rejects with `CancelledError` when this
   * caller's `signal` aborts, whatever happens to the shared run.
   */
  run(key: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const created: Flight<T> = { controller, waiters: 0, promise: Promise.resolve() as Promise<T> };
      created.promise = (async () => {
        try {
          return await work(controller.signal);
        } finally {
          if (this.flights.get(key) === created) this.flights.delete(key);
        }
      })();
      // Rejections are delivered to the waiters; this keeps an abandoned run from being "unhandled".
      created.promise.catch(() => undefined);
      this.flights.set(key, created);
      flight = created;
    }
    const joined = flight;
    joined.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const leave = (): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener("abort", onAbort);
        joined.waiters--;
      };
      const onAbort = (): void => {
        if (settled) return;
        leave();
        if (joined.waiters === 0) {
          joined.controller.abort();
          if (this.flights.get(key) === joined) this.flights.delete(key);
        }
        reject(new CancelledError());
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      joined.promise.then(
        (value) => {
          if (settled) return;
          leave();
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          leave();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}
