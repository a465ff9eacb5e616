/**
 * Hovers over stdio. Cached: the round trip of a selection hover whose answer the server already holds (request
 * written → response dispatched). Uncached: a hover on a new selection, whose answer the backend streams at once,
 * against the backend's own latency for the same kind of request measured by the direct client right beside it.
 */
import type { MarkupContent } from "vscode-languageserver-protocol/node";
import { explainSelectionMessages } from "../../server/src/prompts/prompts";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { wordTokens } from "../lib/pacedStream";
import type { RemoteRig } from "../lib/remoteRig";
import { paired } from "../lib/stats";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Hover";
const URI = "file:///bench/hover.md";

function lineText(i: number): string {
  return `Visit ${i}: mild dyspnea on exertion, improved since the diuretic was increased at visit ${i - 1}.`;
}

async function timedHover(rig: RemoteRig, line: number, expected: string): Promise<number> {
  const text = lineText(line);
  const selection = { start: { line, character: 0 }, end: { line, character: text.length } };
  const started = performance.now();
  const hover = await rig.session.lsp.hover(URI, line, 5, selection);
  const elapsed = performance.now() - started;
  const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? "";
  if (!markdown.includes(expected.trim())) throw new Error(`the hover on line ${line} did not show the backend's answer`);
  return elapsed;
}

export async function runHover(rig: RemoteRig, context: SuiteContext): Promise<SuiteResult> {
  const uncachedCount = context.quick ? 10 : 40;
  const cachedCount = context.quick ? 50 : 300;
  const answer = wordTokens(30);
  rig.setPlan({ tokens: answer, ratePerSecond: Infinity });
  const lines = Array.from({ length: uncachedCount + 25 }, (_, i) => lineText(i));
  await rig.session.lsp.open(URI, "markdown", lines.join("\n"));
  const expected = answer.join("");

  context.log("hover: cached round trips");
  await timedHover(rig, 0, expected);
  for (let i = 0; i < 20; i++) await timedHover(rig, 0, expected);
  const before = rig.backend.chatRequests().length;
  const cached: number[] = [];
  for (let i = 0; i < cachedCount; i++) cached.push(await timedHover(rig, 0, expected));
  if (rig.backend.chatRequests().length !== before) throw new Error("a cached hover reached the backend");

  context.log("hover: uncached hovers beside direct requests");
  // Warm the uncached path on lines that are not measured.
  for (let line = 1; line <= 5; line++) await timedHover(rig, line, expected);
  const hovers: number[] = [];
  const backendOwn: number[] = [];
  for (let i = 0; i < uncachedCount; i++) {
    const line = 20 + i;
    const direct = async (): Promise<void> => {
      const stream = await rig.direct.stream(explainSelectionMessages(lineText(line)), 120);
      backendOwn.push(stream.doneAt - stream.sentAt);
    };
    const requestsBefore = rig.backend.chatRequests().length;
    if (i % 2 === 0) {
      hovers.push(await timedHover(rig, line, expected));
      await direct();
    } else {
      await direct();
      hovers.push(await timedHover(rig, line, expected));
    }
    if (rig.backend.chatRequests().length !== requestsBefore + 2) throw new Error("an uncached hover did not reach the backend exactly once");
  }

  const figures: Figure[] = [
    figure({ id: "hover.cached", group: GROUP, label: "Cached hover round trip (stdio)", unit: "ms", target: { op: "<=", value: 2 } }, cached),
    figure(
      { id: "hover.uncachedOverhead", group: GROUP, label: `Uncached hover overhead above the backend's latency`, unit: "ms", note: "paired with a direct request for the same 30-token answer" },
      paired(hovers, backendOwn, (h, b) => h - b),
    ),
    figure({ id: "hover.uncached", group: GROUP, label: "  uncached hover, whole round trip", unit: "ms" }, hovers),
    figure({ id: "hover.backendOwn", group: GROUP, label: "  backend's own latency (direct client)", unit: "ms" }, backendOwn),
  ];
  return { figures };
}
