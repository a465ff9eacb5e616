/**
 * Server memory. Idle: resident set size of freshly started servers (remote backend configured and reported ready,
 * then left alone for a second), and their CPU time over two seconds once start-up has settled. Growth: a server started with the inspector open (`--inspect` on loopback, through
 * NODE_OPTIONS) serves 1,000 mixed requests, then 1,000 more; after each step a full garbage collection is forced
 * through the inspector and the RSS and V8 heap in use are read. Growth is measured against the same server idle,
 * and the heap's growth over the second 1,000 requests shows whether anything accumulates per request. Three
 * servers are measured: a freshly started process's RSS after GC varies by several MB with the allocator's state.
 * Every server gets the environment the extension gives it (`SERVER_PROCESS_ENV`, which limits glibc's arenas).
 */
import type { MarkupContent } from "vscode-languageserver-protocol/node";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { InspectorClient, inspectorUrl } from "../lib/inspector";
import { wordTokens } from "../lib/pacedStream";
import { processCpuMs, residentMb } from "../lib/procStats";
import { RemoteRig } from "../lib/remoteRig";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Server memory";
const URI = "file:///bench/memory.md";
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function lineText(i: number): string {
  return `Day ${i}: new atrial fibrillation with rapid ventricular response; rate control with metoprolol ${i % 90 + 10} mg.`;
}

/**
 * RSS and heap after forced full GCs: four collections 300 ms apart (the first lets the process return what it
 * freed), and the median of the reads after the last three.
 */
async function settledMemory(cdp: InspectorClient, pid: number): Promise<Settled> {
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < 4; i++) {
    await cdp.collectGarbage();
    await sleep(300);
    if (i === 0) continue;
    rss.push(residentMb(pid));
    heap.push((await cdp.heapUsage()).usedMb);
  }
  const mid = (values: number[]): number => [...values].sort((a, b) => a - b)[1] ?? Number.NaN;
  return { rssMb: mid(rss), heapMb: mid(heap) };
}

/** One request of the mix, chosen by its number: asks with and without a document, cached and new hovers. */
async function mixedRequest(rig: RemoteRig, n: number, lines: number): Promise<void> {
  const kind = n % 10;
  const lsp = rig.session.lsp;
  if (kind < 4) {
    await rig.session.ask({ question: `Question ${n}: what is the next step?` });
  } else if (kind < 5) {
    const line = n % lines;
    await rig.session.ask({ question: "Is the dose right?", textDocument: { uri: URI }, range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } } });
  } else if (kind < 7) {
    const text = lineText(0);
    await lsp.hover(URI, 0, 3, { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } });
  } else if (kind < 9) {
    // A selection never hovered before: a new backend call and a new cache entry.
    const line = 1 + (Math.floor(n / 10) * 2 + (kind - 7)) % (lines - 1);
    const start = n % 7;
    const hover = await lsp.hover(URI, line, start + 1, { start: { line, character: start }, end: { line, character: lineText(line).length } });
    if (!(hover?.contents as MarkupContent | undefined)?.value) throw new Error("a hover came back empty");
  } else {
    // A medical term: answered once per sentence, then from the cache.
    await lsp.hover(URI, n % lines, 12);
  }
}

async function serve(rig: RemoteRig, from: number, count: number, lines: number): Promise<void> {
  // Four at a time, as an editor with a chat streaming and hovers firing might.
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < from + count) await mixedRequest(rig, next++, lines);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

interface Settled {
  rssMb: number;
  heapMb: number;
}

interface GrowthRun {
  before: Settled;
  afterFirst: Settled;
  afterSecond: Settled;
  requestsPerSecond: number;
}

/** One server: idle, after `batch` requests, after `batch` more; each reading after forced GCs. */
async function growthRun(batch: number): Promise<GrowthRun> {
  const rig = await RemoteRig.start({ env: { NODE_OPTIONS: "--inspect=127.0.0.1:0" } });
  let cdp: InspectorClient | undefined;
  try {
    await rig.session.lsp.until(() => inspectorUrl(rig.session.lsp.stderr) !== undefined, 5000, "the inspector URL");
    cdp = await InspectorClient.connect(inspectorUrl(rig.session.lsp.stderr) ?? "");
    const lines = 2 * batch + 20;
    await rig.session.lsp.open(URI, "markdown", Array.from({ length: lines }, (_, i) => lineText(i)).join("\n"));
    rig.setPlan({ tokens: wordTokens(20), ratePerSecond: Infinity });
    // Start-up work (settings, the first document's checks) settles before the idle reading.
    await sleep(1000);
    const pid = rig.session.pid;
    const before = await settledMemory(cdp, pid);
    const started = performance.now();
    await serve(rig, 0, batch, lines);
    const afterFirst = await settledMemory(cdp, pid);
    await serve(rig, batch, batch, lines);
    const afterSecond = await settledMemory(cdp, pid);
    return { before, afterFirst, afterSecond, requestsPerSecond: (2 * batch) / ((performance.now() - started) / 1000) };
  } finally {
    cdp?.close();
    await rig.stop();
  }
}

export async function runMemory(context: SuiteContext): Promise<SuiteResult> {
  const idle: number[] = [];
  const idleCpu: number[] = [];
  const idleServers = context.quick ? 2 : 3;
  for (let i = 0; i < idleServers; i++) {
    context.log(`memory: idle server ${i + 1} of ${idleServers}`);
    const rig = await RemoteRig.start();
    try {
      await sleep(1000);
      idle.push(residentMb(rig.session.pid));
      // Start-up's tail (JIT, collections) takes a few seconds more; idle CPU is read after it.
      await sleep(2000);
      const cpuBefore = processCpuMs(rig.session.pid).ms;
      await sleep(2000);
      idleCpu.push((processCpuMs(rig.session.pid).ms - cpuBefore) / 2);
    } finally {
      await rig.stop();
    }
  }

  const batch = context.quick ? 300 : 1000;
  const servers = context.quick ? 1 : 3;
  const runs: GrowthRun[] = [];
  for (let i = 0; i < servers; i++) {
    context.log(`memory: server ${i + 1} of ${servers}, ${batch} + ${batch} mixed requests with the inspector attached`);
    runs.push(await growthRun(batch));
  }
  const rssGrowth = runs.map((run) => ((run.afterFirst.rssMb - run.before.rssMb) / run.before.rssMb) * 100);
  const heapSecond = runs.map((run) => run.afterSecond.heapMb - run.afterFirst.heapMb);
  const count = batch.toLocaleString("en-US");
  const figures: Figure[] = [
    figure({ id: "memory.idleRss", group: GROUP, label: "Idle RSS (fresh server, remote backend)", unit: "MB", digits: 1, target: { op: "<=", value: 120 } }, idle),
    figure({ id: "memory.idleCpu", group: GROUP, label: "  idle CPU of a server (all threads)", unit: "ms/s", digits: 2 }, idleCpu),
    figure(
      { id: "memory.rssGrowth", group: GROUP, label: `RSS growth after ${count} requests (after GC)`, unit: "%", digits: 1, target: { op: "<", value: 10 }, note: runs.map((r) => `${r.before.rssMb.toFixed(1)} → ${r.afterFirst.rssMb.toFixed(1)} MB`).join("; ") },
      rssGrowth,
    ),
    figure({ id: "memory.rssAfter", group: GROUP, label: `  RSS after ${count} requests (after GC)`, unit: "MB", digits: 1 }, runs.map((r) => r.afterFirst.rssMb)),
    figure(
      { id: "memory.heapGrowthSecond", group: GROUP, label: `Heap growth over the next ${count} requests (after GC)`, unit: "MB", digits: 2, target: { op: "<", value: 1 }, note: `V8 heap in use ${runs.map((r) => `${r.before.heapMb.toFixed(1)} → ${r.afterFirst.heapMb.toFixed(1)} → ${r.afterSecond.heapMb.toFixed(1)}`).join("; ")} MB; the hover cache keeps about ${Math.round((batch * 3) / 10)} new answers per batch by design` },
      heapSecond,
    ),
  ];
  return { figures, details: { runs } };
}
