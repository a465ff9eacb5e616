/**
 * Relay cost: `medgemma/ask` through the language server against the direct client, both streaming from the same
 * scripted backend at 50, 500 and 5,000 tokens/s. Runs alternate between the two paths (which goes first alternates
 * too), so drift in the machine's load falls on both alike.
 *
 * - Added time to first token: (server's first delta − request sent) − (direct client's first token − request sent),
 *   paired run by run over short 10-token streams at the same rate. The backend sends the first token the moment the
 *   request arrives.
 * - Delivered share: tokens/s arriving at the client (first to last token) ÷ tokens/s the backend emitted for that
 *   same request (first to last write). The direct client's share is printed beside it as the control.
 * - Server CPU per 1,000 tokens: CPU time of all the server's threads during the request (from /proc), per token.
 */
import { askMessages } from "../../server/src/prompts/prompts";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { processCpuMs } from "../lib/procStats";
import type { RemoteRig } from "../lib/remoteRig";
import { wordTokens } from "../lib/pacedStream";
import { paired, ratePerSecond } from "../lib/stats";
import type { SuiteContext, SuiteResult, Timeline } from "../lib/suite";

const GROUP = "Relay cost (medgemma/ask vs direct)";
const QUESTION = "Summarize the relay benchmark answer.";

interface PathRun {
  ttftMs: number;
  share: number;
  deliveredPerSecond: number;
  backendPerSecond: number;
  /** Arrival and emission times, ms after the request was sent. */
  arrivals: number[];
  emissions: number[];
}

interface ServerRun extends PathRun {
  cpuMsPer1000: number;
}

function checkComplete(what: string, received: string, tokens: readonly string[]): void {
  if (received !== tokens.join("")) throw new Error(`${what}: the streamed text differs from what the backend sent`);
}

/** A path's figures from when its tokens arrived, against when the backend emitted them (its last stream). */
function pathRun(rig: RemoteRig, arrivals: readonly number[], sentAt: number, tokenCount: number): PathRun {
  const emission = rig.lastEmission();
  const delivered = ratePerSecond(arrivals, tokenCount);
  const emitted = ratePerSecond(emission.emittedAt);
  return {
    ttftMs: (arrivals[0] ?? Number.NaN) - sentAt,
    share: (delivered / emitted) * 100,
    deliveredPerSecond: delivered,
    backendPerSecond: emitted,
    arrivals: arrivals.map((t) => t - sentAt),
    emissions: emission.emittedAt.map((t) => t - sentAt),
  };
}

async function serverRun(rig: RemoteRig, tokens: readonly string[]): Promise<ServerRun> {
  const pid = rig.session.pid;
  const cpuBefore = processCpuMs(pid).ms;
  const ask = await rig.session.ask({ question: QUESTION });
  const cpuMs = processCpuMs(pid).ms - cpuBefore;
  checkComplete("through the server", ask.deltas.join(""), tokens);
  if (ask.result.text !== tokens.join("")) throw new Error("the ask result differs from the streamed deltas");
  return { ...pathRun(rig, ask.arrivals, ask.sentAt, tokens.length), cpuMsPer1000: (cpuMs / tokens.length) * 1000 };
}

async function directRun(rig: RemoteRig, tokens: readonly string[]): Promise<PathRun> {
  const stream = await rig.direct.stream(askMessages({ question: QUESTION }), 1024);
  checkComplete("direct", stream.texts.join(""), tokens);
  return pathRun(rig, stream.arrivals, stream.sentAt, tokens.length);
}

/** Median over tokens of (arrival − emission), the per-token delay a path adds. */
function medianDelay(run: PathRun): number {
  // Only meaningful when each message carried one token.
  if (run.arrivals.length !== run.emissions.length) return Number.NaN;
  const delays = run.arrivals.map((t, i) => t - (run.emissions[i] ?? Number.NaN)).sort((a, b) => a - b);
  return delays[Math.floor(delays.length / 2)] ?? Number.NaN;
}

export async function runRelay(rig: RemoteRig, context: SuiteContext): Promise<SuiteResult> {
  const plans = context.quick
    ? [{ rate: 50, tokens: 50 }, { rate: 500, tokens: 250 }, { rate: 5000, tokens: 2500 }]
    : [{ rate: 50, tokens: 100 }, { rate: 500, tokens: 500 }, { rate: 5000, tokens: 5000 }];
  const repetitions = context.quick ? 3 : 7;
  const firstTokenPairs = context.quick ? 6 : 20;
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  let timeline: Timeline | undefined;

  // Warm-up: JIT, keep-alive connections and the server's first-request paths, not measured.
  rig.setPlan({ tokens: wordTokens(200), ratePerSecond: 5000 });
  for (let i = 0; i < 3; i++) {
    await serverRun(rig, wordTokens(200));
    await directRun(rig, wordTokens(200));
  }

  for (const { rate, tokens: count } of plans) {
    const tokens = wordTokens(count);
    rig.setPlan({ tokens, ratePerSecond: rate });
    const server: ServerRun[] = [];
    const direct: PathRun[] = [];
    for (let rep = 0; rep < repetitions; rep++) {
      context.log(`relay ${rate} tokens/s: run ${rep + 1} of ${repetitions}`);
      if (rep % 2 === 0) {
        server.push(await serverRun(rig, tokens));
        direct.push(await directRun(rig, tokens));
      } else {
        direct.push(await directRun(rig, tokens));
        server.push(await serverRun(rig, tokens));
      }
    }
    context.log(`relay ${rate} tokens/s: time to first token, ${firstTokenPairs} pairs`);
    const short = wordTokens(10);
    rig.setPlan({ tokens: short, ratePerSecond: rate });
    const serverFirst: number[] = [];
    const directFirst: number[] = [];
    for (let pair = 0; pair < firstTokenPairs; pair++) {
      if (pair % 2 === 0) {
        serverFirst.push((await serverRun(rig, short)).ttftMs);
        directFirst.push((await directRun(rig, short)).ttftMs);
      } else {
        directFirst.push((await directRun(rig, short)).ttftMs);
        serverFirst.push((await serverRun(rig, short)).ttftMs);
      }
    }
    const label = `${rate.toLocaleString("en-US")} tok/s`;
    figures.push(
      figure(
        { id: `relay.ttftAdded.${rate}`, group: GROUP, label: `Added time to first token @ ${label}`, unit: "ms", target: { op: "<=", value: 5 } },
        paired(serverFirst, directFirst, (s, d) => s - d),
      ),
      figure(
        { id: `relay.share.${rate}`, group: GROUP, label: `Delivered tokens/s as share of backend's @ ${label}`, unit: "%", digits: 2, target: { op: ">=", value: 99 } },
        server.map((r) => r.share),
      ),
      figure(
        { id: `relay.directShare.${rate}`, group: GROUP, label: `  control: direct client's share @ ${label}`, unit: "%", digits: 2 },
        direct.map((r) => r.share),
      ),
      figure(
        { id: `relay.cpuPer1000.${rate}`, group: GROUP, label: `Server CPU per 1,000 tokens @ ${label}`, unit: "ms", digits: 1, note: "all server threads, from /proc/<pid>/task/*/schedstat" },
        server.map((r) => r.cpuMsPer1000),
      ),
    );
    details[`rate${rate}`] = {
      tokens: count,
      repetitions,
      serverTtftMs: serverFirst,
      directTtftMs: directFirst,
      serverDeliveredPerSecond: server.map((r) => r.deliveredPerSecond),
      directDeliveredPerSecond: direct.map((r) => r.deliveredPerSecond),
      backendPerSecond: server.map((r) => r.backendPerSecond),
      serverMedianTokenDelayMs: server.map(medianDelay),
      directMedianTokenDelayMs: direct.map(medianDelay),
      serverCpuMsPer1000: server.map((r) => r.cpuMsPer1000),
    };
    if (rate === 500) {
      // The middle run of the series, not a chosen one.
      const middle = Math.floor(repetitions / 2);
      const s = server[middle];
      const d = direct[middle];
      if (s && d) {
        timeline = {
          ratePerSecond: rate,
          tokens: count,
          backend: { name: "backend emits (server run)", times: s.emissions },
          backendForDirect: d.emissions,
          server: { name: "through the language server", times: s.arrivals },
          direct: { name: "direct HTTP client", times: d.arrivals },
        };
      }
    }
  }
  return { figures, details, ...(timeline ? { timeline } : {}) };
}
