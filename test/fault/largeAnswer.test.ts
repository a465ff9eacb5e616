/**
 * A 10 MB answer (multi-byte characters split anywhere across network reads): it streams through, the result is
 * complete and equal to the concatenated deltas, and the server keeps answering other requests while it streams.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { GenerationResult } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import { chunksFor, within } from "../support/scriptedBackend";
import { FaultSession, QUICK_MS } from "./faultSession";

const URI = "file:///fault/large-answer.md";
const TARGET_BYTES = 10 * 1024 * 1024;

/** About 4 KB per token, with 2-, 3- and 4-byte UTF-8 characters (é, —, 🫀) throughout. */
function largeAnswerTokens(): string[] {
  const tokens: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const token = `§${i}: ${"Cardiac output é— 🫀 stroke volume × heart rate; ".repeat(80)}\n`;
    tokens.push(token);
    bytes += Buffer.byteLength(token);
  }
  return tokens;
}

describe("fault: a 10 MB answer", { timeout: 90_000 }, () => {
  let env: FaultSession;

  before(async () => {
    env = await FaultSession.withDocument(URI, "markdown", "Echo: LVEF 25%, global hypokinesis.\nPlan: start guideline-directed therapy.");
  });
  after(async () => {
    await env.finish();
  });

  it("streams through complete, equal to its deltas, while the server keeps answering", async () => {
    const { session } = env;
    const tokens = largeAnswerTokens();
    const expected = tokens.join("");
    const chunks = chunksFor(tokens);
    const half = Math.floor(chunks.length / 2);
    let answeredMeanwhile: () => void = () => undefined;
    const meanwhile = new Promise<void>((resolve) => (answeredMeanwhile = resolve));
    let halfway: () => void = () => undefined;
    const reachedHalfway = new Promise<void>((resolve) => (halfway = resolve));
    env.onChat(async (_request, reply) => {
      for (const [index, chunk] of chunks.entries()) {
        if (index === half) {
          halfway();
          // The rest of the answer waits until the server has answered another request mid-stream.
          await meanwhile;
        }
        if (!(await reply.event(chunk))) return;
      }
      await reply.done();
    });

    const { token, deltas } = session.progressToken();
    const pending: Promise<GenerationResult> = session.connection.sendRequest(Methods.ask, { question: "Write a very long answer.", partialResultToken: token });
    await within(reachedHalfway, 30_000, "the backend streaming half the answer");
    const actions = await within(session.codeActions(URI, { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }), QUICK_MS, "code actions mid-stream");
    assert.ok(actions.length > 0);
    const status = await within(session.connection.sendRequest(Methods.checkBackend), QUICK_MS, "a backend check mid-stream");
    assert.ok(status);
    answeredMeanwhile();

    const result = await within(pending, 60_000, "the 10 MB answer");
    assert.equal(result.finishReason, "stop");
    assert.equal(result.text.length, expected.length);
    assert.ok(result.text === expected, "the result is the whole answer, character for character");
    assert.ok(!result.text.includes("\uFFFD"), "no character was broken at a read boundary");
    const streamed = deltas().map((d) => d.delta).join("");
    assert.ok(streamed === result.text, "the deltas add up to the result");

    env.onChat((_request, reply) => void reply.tokens(["Short ", "one."]));
    assert.equal((await env.ask("And a short one?")).text, "Short one.");
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
