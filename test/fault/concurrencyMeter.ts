/** Counts how many chat requests a scripted backend is serving at once, and the most it ever served. */
import type { Handler } from "../support/scriptedBackend";

export interface ConcurrencyMeter {
  /** Wraps a handler so its requests are counted from arrival until the handler is done with them. */
  wrap(handler: Handler): Handler;
  readonly active: number;
  readonly peak: number;
  readonly served: number;
}

export function concurrencyMeter(): ConcurrencyMeter {
  let active = 0;
  let peak = 0;
  let served = 0;
  return {
    wrap: (handler) => async (request, reply) => {
      active++;
      peak = Math.max(peak, active);
      try {
        await handler(request, reply);
      } finally {
        active--;
        served++;
      }
    },
    get active() {
      return active;
    },
    get peak() {
      return peak;
    },
    get served() {
      return served;
    },
  };
}
