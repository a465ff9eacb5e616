/**
 * A chat handler for the scripted backend that streams tokens on an exact schedule: the first token at once, token i
 * at i / rate seconds after it. The schedule is absolute, so a late timer sends the tokens that fell due together
 * (as a real server's batches do) instead of slowing the stream down; at 5,000 tokens/s that means a few tokens per
 * millisecond tick. Every emission time is recorded so the backend's own rate can be set against the client's.
 */
import { chunksFor } from "../../test/support/scriptedBackend";
import type { Handler } from "../../test/support/scriptedBackend";

export interface PacedPlan {
  tokens: readonly string[];
  /** Tokens per second; `Infinity` sends them all in one go. */
  ratePerSecond: number;
}

/** What the backend did for one request. */
export interface Emission {
  /** When the request's body had arrived. */
  receivedAt: number;
  /** When each token was handed to the socket. */
  emittedAt: number[];
  /** The client closed the connection before the stream ended. */
  cutShort: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A handler streaming `plan()` (read per request); `onEmission` receives the record when the request ends. */
export function pacedHandler(plan: () => PacedPlan, onEmission: (emission: Emission) => void): Handler {
  return async (request, reply) => {
    const receivedAt = performance.now();
    const { tokens, ratePerSecond } = plan();
    // Serialized before the clock starts, so JSON work never delays a token.
    const events = chunksFor([...tokens]).map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`);
    const intervalMs = Number.isFinite(ratePerSecond) && ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
    const emittedAt: number[] = [];
    const gone = (): boolean => reply.raw.destroyed || request.socket.destroyed;
    const emission = (cutShort: boolean): Emission => ({ receivedAt, emittedAt, cutShort });

    reply.startStream();
    reply.raw.write(events[0] ?? "");
    const start = performance.now();
    let next = 0;
    while (next < tokens.length) {
      if (gone()) {
        onEmission(emission(true));
        return;
      }
      const now = performance.now();
      while (next < tokens.length && start + next * intervalMs <= now) {
        reply.raw.write(events[next + 1] ?? "");
        emittedAt.push(performance.now());
        next++;
      }
      if (next < tokens.length) await sleep(Math.max(0, start + next * intervalMs - performance.now()));
    }
    for (const event of events.slice(tokens.length + 1)) reply.raw.write(event);
    reply.raw.write("data: [DONE]\n\n");
    reply.end();
    onEmission(emission(false));
  };
}

/** `count` distinct word tokens (" w0", " w1", …), so order and completeness can be checked on arrival. */
export function wordTokens(count: number): string[] {
  return Array.from({ length: count }, (_, i) => ` w${i}`);
}
