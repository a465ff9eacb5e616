/**
 * Fifty asks at once: every one is answered (with its own answer) or cleanly refused (a rate limit with a message,
 * or a cancellation), the backend never sees more requests at once than medgemma.maxConcurrentRequests allows, and
 * the server answers other requests while the queue drains.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CancellationTokenSource, ResponseError } from "vscode-languageserver-protocol/node";
import type { GenerationResult } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import { startScriptedBackend, within } from "../support/scriptedBackend";
import type { ScriptedBackend } from "../support/scriptedBackend";
import { concurrencyMeter } from "./concurrencyMeter";
import type { ConcurrencyMeter } from "./concurrencyMeter";
import { FaultSession, QUICK_MS, assertActionable, backendSettings, userText } from "./faultSession";

const URI = "file:///fault/concurrent.md";
const COUNT = 50;

function questionNumber(text: string): number {
  return Number(/Question (\d+)/.exec(text)?.[1] ?? -1);
}

describe("fault: 50 concurrent asks", { timeout: 60_000 }, () => {
  let backend: ScriptedBackend;
  let env: FaultSession;
  let meter: ConcurrencyMeter;

  before(async () => {
    backend = await startScriptedBackend();
    env = await FaultSession.start({ backend, settings: backendSettings(backend, { maxConcurrentRequests: 2 }) });
    await env.ready();
    await env.open(URI, "markdown", "Indication: DVT prophylaxis after hip replacement.\nPlan: enoxaparin 40 mg daily for 35 days.");
  });
  after(async () => {
    await env.finish();
  });

  it("answers all fifty, each with its own answer, never more than two at the backend at once", async () => {
    meter = concurrencyMeter();
    env.onChat(meter.wrap(async (request, reply) => void (await reply.tokens(["Answer ", "to ", `${questionNumber(userText(request))}.`], { intervalMs: 2 }))));
    const pending = Array.from({ length: COUNT }, (_, i): Promise<GenerationResult> => env.ask(`Question ${i}: how long?`, { textDocument: { uri: URI } }));
    // Code actions do not wait for a backend slot.
    const actions = await within(env.session.codeActions(URI, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }), QUICK_MS, "code actions during the queue");
    assert.ok(actions.length > 0);
    const results = await within(Promise.all(pending), 45_000, "fifty answers");
    results.forEach((result, i) => {
      assert.equal(result.text, `Answer to ${i}.`);
      assert.equal(result.finishReason, "stop");
    });
    assert.equal(meter.served, COUNT);
    assert.equal(meter.peak, 2);
  });

  it("refuses some cleanly when the backend rate-limits, cancels others in the queue, answers the rest", async () => {
    meter = concurrencyMeter();
    env.onChat(
      meter.wrap(async (request, reply) => {
        const n = questionNumber(userText(request));
        if (n % 7 === 0) return reply.json(429, { error: { message: "Too many requests", type: "rate_limit" } }, { "retry-after": "2" });
        await reply.tokens(["Fine ", `${n}.`], { intervalMs: 2 });
      }),
    );
    const sources = new Map<number, CancellationTokenSource>();
    const pending = Array.from({ length: COUNT }, (_, i) => {
      const source = new CancellationTokenSource();
      sources.set(i, source);
      return env.session.connection.sendRequest<GenerationResult>(Methods.ask, { question: `Question ${i}` }, source.token);
    });
    // The last ten are cancelled while they wait for a slot.
    for (let i = COUNT - 10; i < COUNT; i++) sources.get(i)?.cancel();
    const settled = await within(Promise.allSettled(pending), 45_000, "fifty outcomes");
    let answered = 0;
    let refused = 0;
    let cancelled = 0;
    settled.forEach((outcome, i) => {
      if (outcome.status === "rejected") {
        assert.ok(outcome.reason instanceof ResponseError, `request ${i} failed without an LSP error`);
        env.shownTexts.push(outcome.reason.message);
        assertActionable(outcome.reason.message, /rate-limiting requests \(HTTP 429\)\. Try again in 2 s\. Lowering medgemma\.maxConcurrentRequests helps\./);
        assert.equal(i % 7, 0, `request ${i} was refused though the backend answered it`);
        refused++;
      } else if (outcome.value.finishReason === "cancelled") {
        assert.ok(i >= COUNT - 10, `request ${i} was cancelled though nobody cancelled it`);
        cancelled++;
      } else {
        assert.equal(outcome.value.text, `Fine ${i}.`);
        answered++;
      }
    });
    assert.equal(answered + refused + cancelled, COUNT);
    assert.ok(refused >= 5 && cancelled >= 1 && answered >= 30, `answered ${answered}, refused ${refused}, cancelled ${cancelled}`);
    assert.ok(meter.peak <= 2, `the backend saw ${meter.peak} requests at once`);
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
