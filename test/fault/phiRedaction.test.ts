/**
 * With medgemma.phi.policy "redact", the canary patient (a name and an MRN the PHI detector recognises) never
 * reaches the backend, in an ask, a hover, a summary insertion or an answer that breaks off, while answers that
 * echo the placeholders come back with the real values restored, even when a placeholder is split across chunks.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { MarkupContent } from "vscode-languageserver-protocol/node";
import type { GenerationResult, InsertSummaryResult, StreamProgress } from "../../common/protocol";
import { Methods, ServerCommands } from "../../common/protocol";
import { startScriptedBackend } from "../support/scriptedBackend";
import type { ScriptedBackend } from "../support/scriptedBackend";
import { CANARY_MRN, CANARY_NAME, canaryIn } from "./canary";
import { FaultSession, backendSettings, userText } from "./faultSession";

const URI = "file:///fault/redact.md";
const BODY = ["Mr. Quargwhistle presented with chest pain radiating to the left arm.", "Troponin rising; ECG with ST depression in V4-V6.", "Plan: aspirin, heparin, cardiology review."].join("\n");
const SETTINGS = { phi: { policy: "redact" } };

describe("fault: the PHI policy redacts the canary patient", { timeout: 60_000 }, () => {
  let backend: ScriptedBackend;
  let env: FaultSession;

  before(async () => {
    backend = await startScriptedBackend();
    env = await FaultSession.start({ backend, settings: backendSettings(backend, SETTINGS) });
    await env.ready();
    await env.open(URI, "markdown", BODY);
  });
  after(async () => {
    await env.finish();
  });

  /** Asserts that no request the backend received so far, in any field or header, holds the canary. */
  function assertNothingReachedTheBackend(): void {
    assert.ok(backend.requests.length > 0);
    for (const request of backend.requests) {
      assert.equal(canaryIn(JSON.stringify(request.json) ?? ""), undefined, `the canary reached ${request.path}`);
      assert.equal(canaryIn(JSON.stringify(request.headers)), undefined, `the canary reached ${request.path}'s headers`);
    }
  }

  it("sends placeholders in an ask and restores them in the answer, even split across chunks", async () => {
    const { session } = env;
    env.onChat((_request, reply) => void reply.tokens(["Summary for ", "[NA", "ME-1] (MRN [MRN", "-1]): ", "likely NSTEMI."]));
    const before = env.chatRequests().length;
    const { token, deltas } = session.progressToken();
    const result: GenerationResult = await session.connection.sendRequest(Methods.ask, { question: "What happened?", textDocument: { uri: URI }, partialResultToken: token });

    const sent = userText(env.chatRequests()[before]);
    assert.match(sent, /Patient: \[NAME-1\], MRN \[MRN-1\], seen today\./);
    assert.match(sent, /Mr\. \[NAME-\d\] presented/);
    assert.equal(result.text, `Summary for ${CANARY_NAME} (MRN ${CANARY_MRN}): likely NSTEMI.`);
    const progress: StreamProgress[] = deltas();
    assert.equal(progress.map((p) => p.delta).join(""), result.text);
    assert.ok((result.redactions?.total ?? 0) >= 2);
    assert.ok(progress[0]?.redactions, "the redaction summary comes before the first delta");
    assertNothingReachedTheBackend();
  });

  it("redacts a selection hover and shows the answer with the name restored", async () => {
    env.onChat((_request, reply) => void reply.tokens(["[NAME-1] has ", "an acute coronary syndrome."]));
    const before = env.chatRequests().length;
    const hover = await env.session.hover(URI, 0, 12, { start: { line: 0, character: 0 }, end: { line: 2, character: 20 } });
    const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? "";
    assert.ok(markdown.includes(`${CANARY_NAME} has an acute coronary syndrome.`), markdown);
    assert.match(userText(env.chatRequests()[before]), /\[NAME-1\]/);
    assertNothingReachedTheBackend();
  });

  it("redacts a summary insertion and inserts the restored summary", async () => {
    const { session } = env;
    env.onChat((_request, reply) => void reply.tokens(["[NAME-1]: NSTEMI ", "on heparin."]));
    const version = session.documents.get(URI)?.version ?? 0;
    const progressFrom = session.progress.length;
    const result = (await session.executeCommand(ServerCommands.insertSummary, [
      { textDocument: { uri: URI, version }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, style: "clinical" },
    ])) as InsertSummaryResult;
    assert.equal(result.inserted, true);
    assert.ok(session.documents.get(URI)?.getText().includes(`> ${CANARY_NAME}: NSTEMI on heparin.`));
    const reported = session.progress.slice(progressFrom).map((p) => JSON.stringify(p.value)).join("\n");
    assert.match(reported, /replaced by placeholders before sending/);
    assertNothingReachedTheBackend();
  });

  it("keeps the restored partial answer and a clean message when the backend dies mid-placeholder", async () => {
    const { session } = env;
    env.onChat(async (_request, reply) => {
      await reply.event({ choices: [{ index: 0, delta: { content: "[NAME-1] is " }, finish_reason: null }] });
      await reply.event({ choices: [{ index: 0, delta: { content: "[MRN-" }, finish_reason: null }] });
      await session.until(() => deltas().length > 1, 5000, "the first restored delta");
      reply.destroy();
    });
    const { token, deltas } = session.progressToken();
    await env.expectFailure(session.connection.sendRequest(Methods.ask, { question: "Who?", textDocument: { uri: URI }, partialResultToken: token }), /broke off.*retry/);
    assert.equal(
      deltas().map((d) => d.delta).join(""),
      `${CANARY_NAME} is [MRN-`,
      "the partial answer is restored, and a placeholder cut short is kept as it came",
    );
    assertNothingReachedTheBackend();
  });

  it("holds the same text as the client (read back with the policy set to allow)", async () => {
    await env.session.changeSettings(backendSettings(backend, { phi: { policy: "allow" } }));
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
