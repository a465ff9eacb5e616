/**
 * A backend whose error quotes the request back (FastAPI validation errors carry the offending "input"; some servers
 * repeat the prompt in their message). The writer still learns what failed and what to do, but the quoted words,
 * which hold the document's patient text, are left out of the message, so they reach no notification or log.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { canaryIn } from "./canary";
import { FaultSession, userText } from "./faultSession";

const URI = "file:///fault/echo.md";
const LEFT_OUT = /its message quoted the text that was sent, so it is not shown/;

describe("fault: a backend whose error quotes the request", { timeout: 60_000 }, () => {
  let env: FaultSession;

  before(async () => {
    env = await FaultSession.withDocument(URI, "markdown", "Diagnosis: type 2 diabetes mellitus, HbA1c 8.9%.\nPlan: add empagliflozin 10 mg daily.");
  });
  after(async () => {
    await env.finish();
  });

  it("leaves the quoted request out of an HTTP 422 validation error, keeping the status and the advice", async () => {
    env.onChat((request, reply) =>
      reply.json(422, { detail: [{ type: "string_type", loc: ["body", "messages", 1, "content"], msg: "Input should be a valid string", input: userText(request).slice(0, 200) }] }),
    );
    const error = await env.expectFailure(env.ask("Is the plan reasonable?", { textDocument: { uri: URI } }), /rejected the request \(HTTP 422\)/);
    assert.match(error.message, LEFT_OUT);
    assert.match(error.message, /Check medgemma\.backend\.model/);
    assert.equal(canaryIn(error.message), undefined);
  });

  it("leaves it out of an error sent inside the stream, and of a selection hover's failure", async () => {
    env.onChat(async (request, reply) => {
      await reply.event({ choices: [{ index: 0, delta: { content: "Partial " }, finish_reason: null }] });
      await reply.event({ error: { message: `cannot tokenize: ${userText(request).slice(-180)}`, type: "server_error", code: 500 } });
      reply.end();
    });
    const error = await env.expectFailure(env.ask("Summarize.", { textDocument: { uri: URI } }), /stopped with an error while answering/);
    assert.match(error.message, LEFT_OUT);
    const markdown = await env.hoverText(URI, 0, 5, { start: { line: 0, character: 0 }, end: { line: 1, character: 30 } });
    assert.match(markdown ?? "", LEFT_OUT);
  });

  it("still shows a server's own words when they quote nothing that was sent", async () => {
    env.onChat((_request, reply) => reply.json(400, { error: { message: "temperature must be between 0 and 2", type: "invalid_request_error" } }));
    const error = await env.expectFailure(env.ask("Anything?", { textDocument: { uri: URI } }), /rejected the request \(HTTP 400\): temperature must be between 0 and 2\./);
    assert.doesNotMatch(error.message, LEFT_OUT);
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
