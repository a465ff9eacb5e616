/**
 * Bytes that are not valid UTF-8 in the backend's stream: inside answer text they become replacement characters and
 * the answer ends normally; where they break the JSON of an event the answer ends with a clear message and keeps
 * what came before; in an error body they are shown replaced. A valid character split across two network writes
 * is never mistaken for an invalid one. The server never crashes.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { GenerationResult } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import type { Reply } from "../support/scriptedBackend";
import { FaultSession } from "./faultSession";

const URI = "file:///fault/utf8.md";
const REPLACEMENT = "\uFFFD";

/** A content event written as raw bytes around `middle`, which may be anything. */
function contentEvent(before: string, middle: Buffer, after: string): Buffer {
  return Buffer.concat([Buffer.from(`data: {"choices":[{"index":0,"delta":{"content":"${before}`), middle, Buffer.from(`${after}"},"finish_reason":null}]}\n\n`)]);
}

async function finish(reply: Reply): Promise<void> {
  await reply.event({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
  await reply.done();
}

describe("fault: invalid UTF-8 in the stream", { timeout: 60_000 }, () => {
  let env: FaultSession;

  before(async () => {
    env = await FaultSession.withDocument(URI, "markdown", "Allergies: penicillin (rash).\nMedications: cefalexin 500 mg four times daily.");
  });
  after(async () => {
    await env.finish();
  });

  it("turns invalid bytes in answer text into replacement characters and ends the answer normally", async () => {
    const { session } = env;
    env.onChat(async (_request, reply) => {
      await reply.event({ choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
      // Two bytes that never occur in UTF-8, a truncated three-byte sequence, and an overlong encoding of "/".
      await reply.write(contentEvent("ab", Buffer.from([0xff, 0xfe]), "cd "));
      await reply.write(contentEvent("", Buffer.from([0xe2, 0x82]), "x "));
      await reply.write(contentEvent("", Buffer.from([0xc0, 0xaf]), "y "));
      // A valid "é" whose two bytes arrive in separate writes.
      const split = contentEvent("caf", Buffer.from([0xc3, 0xa9]), "");
      const cut = split.indexOf(0xa9);
      await reply.write(split.subarray(0, cut));
      await reply.write(split.subarray(cut));
      await finish(reply);
    });
    const { token, deltas } = session.progressToken();
    const result: GenerationResult = await session.connection.sendRequest(Methods.ask, { question: "Cross-reactivity?", textDocument: { uri: URI }, partialResultToken: token });
    assert.equal(result.finishReason, "stop");
    assert.equal(result.text, `ab${REPLACEMENT}${REPLACEMENT}cd ${REPLACEMENT}x ${REPLACEMENT}${REPLACEMENT}y café`);
    assert.equal(deltas().map((d) => d.delta).join(""), result.text);
  });

  it("ends with a clear message when invalid bytes break an event's JSON, keeping the text before", async () => {
    const { session } = env;
    env.onChat(async (_request, reply) => {
      await reply.event({ choices: [{ index: 0, delta: { content: "Low risk " }, finish_reason: null }] });
      await reply.write(Buffer.concat([Buffer.from('data: {"choices":[{"index":0,'), Buffer.from([0xff, 0x80]), Buffer.from('"delta":{}}]}\n\n')]));
      await finish(reply);
    });
    const { token, deltas } = session.progressToken();
    await env.expectFailure(
      session.connection.sendRequest(Methods.ask, { question: "Risk?", partialResultToken: token }),
      /broke off: the server sent a line that is not valid JSON\. The text so far is kept; retry/,
    );
    assert.equal(deltas().map((d) => d.delta).join(""), "Low risk ");
  });

  it("shows an error body with invalid bytes with them replaced", async () => {
    env.onChat((_request, reply) => {
      reply.raw.writeHead(400, { "content-type": "application/json" });
      reply.raw.end(Buffer.concat([Buffer.from('{"error":{"message":"bad '), Buffer.from([0xff]), Buffer.from(' input","type":"invalid_request_error"}}')]));
    });
    await env.expectFailure(env.ask("Anything?"), /rejected the request \(HTTP 400\): bad \uFFFD input\. Check medgemma\.backend\.model/);
  });

  it("explains a selection in a hover whose answer holds invalid bytes", async () => {
    env.onChat(async (_request, reply) => {
      await reply.write(contentEvent("Beta-lactam ", Buffer.from([0xf0, 0x9f]), "allergy."));
      await finish(reply);
    });
    const markdown = await env.hoverText(URI, 1, 2, { start: { line: 1, character: 0 }, end: { line: 1, character: 28 } });
    assert.ok(markdown?.includes(`Beta-lactam ${REPLACEMENT}allergy.`), markdown);
  });

  it("keeps serving and the documents match", async () => {
    env.onChat((_request, reply) => void reply.tokens(["Still ", "fine."]));
    assert.equal((await env.ask("OK?")).text, "Still fine.");
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
