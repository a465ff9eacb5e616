/**
 * A backend that sends one byte a second. While bytes keep coming nothing times out, however long the answer takes
 * (the limit is on the gap between bytes, not on the whole answer), the answer completes intact, and a slow answer
 * can be cancelled at any byte. A backend that stops sending altogether is given up after the gap limit, with a
 * message naming it and the text so far kept.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CancellationTokenSource } from "vscode-languageserver-protocol/node";
import type { GenerationResult } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import { startScriptedBackend, within } from "../support/scriptedBackend";
import type { RecordedRequest, Reply, ScriptedBackend } from "../support/scriptedBackend";
import { FaultSession, backendSettings, userText } from "./faultSession";

/** The gap limit; each dribbled byte comes 1 s after the last, and the twelve bytes take 12 s, far past it. */
const GAP_LIMIT_MS = 3000;
const DRIBBLED = "drip by drip";
const URI = "file:///fault/slow.md";

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams an answer whose one content event arrives a byte a second; stops when the client goes away. */
async function dribble(request: RecordedRequest, reply: Reply, text: string, onByte: (count: number) => void): Promise<void> {
  let gone = false;
  void request.closed.then(() => {
    gone = true;
  });
  await reply.event({ choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
  await reply.write('data: {"choices":[{"index":0,"delta":{"content":"');
  for (let i = 0; i < text.length; i++) {
    await sleep(1000);
    if (gone || !(await reply.write(text.charAt(i)))) return;
    onByte(i + 1);
  }
  await reply.write('"},"finish_reason":null}]}\n\n');
  await reply.event({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
  await reply.done();
}

describe("fault: a backend that sends one byte a second", { timeout: 60_000 }, () => {
  let backend: ScriptedBackend;
  let env: FaultSession;

  before(async () => {
    backend = await startScriptedBackend();
    env = await FaultSession.start({ backend, settings: backendSettings(backend, { backend: { firstByteTimeoutMs: GAP_LIMIT_MS }, maxConcurrentRequests: 4 }) });
    await env.ready();
    await env.open(URI, "markdown", "Vitals: BP 88/52, HR 118, lactate 4.1 mmol/L.\nImpression: septic shock, likely urinary source.");
  });
  after(async () => {
    await env.finish();
  });

  it("completes a slow answer with no timeout, cancels another mid-byte, and gives up on a silent one after the gap limit", async () => {
    const { session } = env;
    let cancelBytes = 0;
    env.onChat(async (request, reply) => {
      const question = userText(request);
      if (question.startsWith("complete")) return dribble(request, reply, DRIBBLED, () => undefined);
      if (question.startsWith("cancel")) return dribble(request, reply, DRIBBLED, (count) => (cancelBytes = count));
      // Silent: one token, then nothing at all until the client gives up.
      await reply.event({ choices: [{ index: 0, delta: { content: "Septic " }, finish_reason: null }] });
      await request.closed;
    });

    const completing = session.progressToken();
    const complete: Promise<GenerationResult> = session.connection.sendRequest(Methods.ask, { question: "complete: explain", textDocument: { uri: URI }, partialResultToken: completing.token });
    const silent = session.progressToken();
    const stalled: Promise<GenerationResult> = session.connection.sendRequest(Methods.ask, { question: "silent: explain", partialResultToken: silent.token });
    const source = new CancellationTokenSource();
    const cancelled: Promise<GenerationResult> = session.connection.sendRequest(Methods.ask, { question: "cancel: explain" }, source.token);

    await session.until(() => cancelBytes >= 3, 10_000, "three slow bytes of the answer to cancel");
    const cancelRequest = env.chatRequests().find((r) => userText(r).startsWith("cancel"));
    assert.ok(cancelRequest);
    source.cancel();
    const stopped = await within(cancelled, 5000, "the cancelled ask to end");
    assert.equal(stopped.finishReason, "cancelled");
    await within(cancelRequest.closed, 5000, "the backend seeing the cancelled connection closed");

    await env.expectFailure(stalled, /stopped sending in the middle of the answer for 3 s\. The text so far is kept; retry.*medgemma\.backend\.firstByteTimeoutMs/);
    assert.equal(silent.deltas().map((d) => d.delta).join(""), "Septic ", "the text that arrived before the silence is kept");

    const result = await within(complete, 30_000, "the slow answer to complete");
    assert.equal(result.finishReason, "stop");
    assert.equal(result.text, DRIBBLED);
    assert.equal(completing.deltas().map((d) => d.delta).join(""), DRIBBLED);

    env.onChat((_request, reply) => void reply.tokens(["Quick ", "again."]));
    assert.equal((await env.ask("next")).text, "Quick again.");
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
