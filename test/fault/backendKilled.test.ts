/**
 * The backend dies in the middle of an answer (its socket is destroyed without a proper end): during an ask, a
 * hover and a summary insertion. The writer gets a message that says the answer broke off and what to do, what
 * already arrived is kept, nothing is inserted, and the next request works.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { InsertSummaryResult } from "../../common/protocol";
import { Methods, ServerCommands } from "../../common/protocol";
import { startScriptedBackend } from "../support/scriptedBackend";
import type { Reply, ScriptedBackend } from "../support/scriptedBackend";
import { FaultSession, backendSettings } from "./faultSession";

const URI = "file:///fault/killed.md";
const BODY = [
  "HPI: 71-year-old with community-acquired pneumonia, on ceftriaxone.",
  "Exam: crackles at the right base; SpO2 91% on room air.",
  "Plan: continue antibiotics, repeat chest film in six weeks.",
].join("\n");
const BROKE_OFF = /broke off: the connection was closed by the server.*text so far is kept; retry/;

/** Streams `sent` tokens, waits until `delivered()` says the client has them, then kills the connection. */
async function dieAfter(reply: Reply, sent: string[], delivered: () => Promise<void>): Promise<void> {
  await reply.event({ choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
  for (const token of sent) await reply.event({ choices: [{ index: 0, delta: { content: token }, finish_reason: null }] });
  await delivered();
  reply.destroy();
}

describe("fault: the backend is killed mid-stream", { timeout: 60_000 }, () => {
  let backend: ScriptedBackend;
  let env: FaultSession;
  let original: string;

  before(async () => {
    backend = await startScriptedBackend();
    env = await FaultSession.start({ backend, settings: backendSettings(backend) });
    await env.ready();
    original = await env.open(URI, "markdown", BODY);
  });
  after(async () => {
    await env.finish();
  });

  it("an ask: the deltas that arrived are kept, the error says it broke off, the next ask works", async () => {
    const { session } = env;
    const sent = ["Pneumonia ", "is ", "an ", "infection "];
    const { token, deltas } = session.progressToken();
    env.onChat((_request, reply) =>
      dieAfter(reply, sent, () => session.until(() => deltas().map((d) => d.delta).join("") === sent.join(""), 5000, "the first deltas")),
    );
    await env.expectFailure(session.connection.sendRequest(Methods.ask, { question: "What is pneumonia?", partialResultToken: token }), BROKE_OFF);
    assert.equal(deltas().map((d) => d.delta).join(""), sent.join(""), "the partial answer is exactly what the backend sent");

    env.onChat((_request, reply) => void reply.tokens(["Back ", "again."]));
    const next = await env.ask("And now?");
    assert.equal(next.text, "Back again.");
    assert.equal(next.finishReason, "stop");
    await env.assertServing();
  });

  it("an ask whose backend dies before answering: the message says it closed the connection, not that it is down", async () => {
    env.onChat((_request, reply) => reply.destroy());
    await env.expectFailure(env.ask("What is pneumonia?"), /closed the connection before answering \((UND_ERR_SOCKET|ECONNRESET|EPIPE)\): it may have crashed or restarted\. Retry/);
    env.onChat((_request, reply) => void reply.tokens(["Answered."]));
    assert.equal((await env.ask("And now?")).text, "Answered.");
  });

  it("a hover: the failure is shown in the hover, is not cached, and the next hover asks again", async () => {
    const selection = { start: { line: 1, character: 0 }, end: { line: 2, character: 20 } };
    const before = env.chatRequests().length;
    env.onChat((_request, reply) => dieAfter(reply, ["Community-acquired "], () => Promise.resolve()));
    const failed = await env.hoverText(URI, 1, 5, selection);
    assert.ok(failed, "a selection hover is shown even when the backend fails");
    assert.match(failed, /explanation of the selection/);
    assert.match(failed, BROKE_OFF);

    env.onChat((_request, reply) => void reply.tokens(["A lung ", "infection."]));
    const retried = await env.hoverText(URI, 1, 5, selection);
    assert.ok(retried?.includes("A lung infection."), "the next hover asked the backend again and shows its answer");
    assert.equal(env.chatRequests().length - before, 2);
  });

  it("a summary insertion: nothing is inserted, the progress ends, the document is untouched on both sides", async () => {
    const { session } = env;
    const document = session.documents.get(URI);
    assert.ok(document);
    assert.equal(document.getText(), original);
    const args = { textDocument: { uri: URI, version: document.version }, range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, style: "clinical" };
    const progressBefore = session.progress.length;
    let streamed = false;
    env.onChat((_request, reply) =>
      dieAfter(reply, ["CAP on ", "ceftriaxone; "], async () => {
        streamed = true;
        // The server reports progress at most every 100 ms; the kill comes after it has reported writing.
        await session.until(() => session.progress.slice(progressBefore).some((p) => /Writing/.test(JSON.stringify(p.value))), 5000, "the progress report");
      }),
    );
    const failure = await env.expectFailure(session.executeCommand(ServerCommands.insertSummary, [args]), BROKE_OFF);
    assert.ok(streamed);
    // What the model wrote before the break comes back with the error, so the client can still offer it.
    assert.equal((failure.data as { partialText?: string } | undefined)?.partialText, "CAP on ceftriaxone; ");
    const kinds = session.progress.slice(progressBefore).map((p) => (p.value as { kind?: string }).kind);
    assert.equal(kinds[0], "begin");
    assert.equal(kinds.at(-1), "end", "the progress notification is closed");
    assert.equal(session.documents.get(URI)?.getText(), original, "the client's document is untouched");
    assert.equal(session.documents.get(URI)?.version, document.version, "no edit was applied");
    await env.assertDocumentsInSync();

    env.onChat((_request, reply) => void reply.tokens(["Pneumonia ", "improving."]));
    const result = (await session.executeCommand(ServerCommands.insertSummary, [{ ...args, textDocument: { uri: URI, version: session.documents.get(URI)?.version ?? 0 } }])) as InsertSummaryResult;
    assert.equal(result.inserted, true);
    assert.ok(session.documents.get(URI)?.getText().includes("> Pneumonia improving."));
    await env.assertDocumentsInSync();
  });
});
