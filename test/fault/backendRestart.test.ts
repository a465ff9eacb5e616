/**
 * The backend goes down (mid-answer and between requests) and comes back on the same port: while it is down the
 * writer is told it cannot be reached and what to check, the status says so, and once it is back the next request
 * works and the status returns to ready without restarting anything.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Methods } from "../../common/protocol";
import { startScriptedBackend } from "../support/scriptedBackend";
import { FaultSession, backendSettings } from "./faultSession";

const URI = "file:///fault/restart.md";

describe("fault: the backend restarts", { timeout: 60_000 }, () => {
  it("is reported unreachable while down, and works again (status ready) once back on the same port", async () => {
    let backend = await startScriptedBackend();
    const port = backend.port;
    const env = await FaultSession.start({ backend, settings: backendSettings(backend) });
    try {
      await env.ready();
      await env.open(URI, "markdown", "Assessment: heart failure with reduced ejection fraction.\nPlan: uptitrate sacubitril-valsartan.");
      const { session } = env;

      // Down in the middle of an answer: the stream was live when the process went away.
      const { token, deltas } = session.progressToken();
      env.onChat(async (_request, reply) => {
        await reply.event({ choices: [{ index: 0, delta: { content: "Heart failure " }, finish_reason: null }] });
      });
      const pending = session.connection.sendRequest(Methods.ask, { question: "Explain HFrEF.", partialResultToken: token });
      await session.until(() => deltas().length > 0, 5000, "the first delta");
      await backend.close();
      await env.expectFailure(pending, /broke off.*retry/);
      assert.equal(deltas().map((d) => d.delta).join(""), "Heart failure ");

      // Down between requests: the next request says it cannot reach the server, and the status follows.
      const statusesBefore = session.statuses.length;
      // Refused outright, or (should a pooled connection have outlived the server) dropped before any answer.
      await env.expectFailure(
        env.ask("Still there?"),
        /Cannot reach the MedGemma server at http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\): is it running\?|closed the connection before answering/,
      );
      const down = await session.waitForStatus((s) => s.state === "unreachable");
      assert.ok(session.statuses.length > statusesBefore, "a new status was sent");
      assert.match(down.message ?? "", /is it running/);
      const whileDown = await env.assertServing();
      assert.equal(whileDown.state, "unreachable");

      // Back on the same port (a restarted server): the next request works and the status returns to ready.
      backend = await startScriptedBackend({ port });
      env.attach(backend);
      env.onChat((_request, reply) => void reply.tokens(["Back ", "up."]));
      const result = await env.ask("And now?");
      assert.equal(result.text, "Back up.");
      assert.equal(result.finishReason, "stop");
      const downAt = session.statuses.lastIndexOf(down);
      await session.until(() => session.statuses.slice(downAt + 1).some((s) => s.state === "ready"), 10_000, "the status returning to ready");
      assert.equal(session.statuses.at(-1)?.state, "ready");
      assert.equal(session.statuses.at(-1)?.endpoint, `http://127.0.0.1:${port}/v1`);
      await env.assertDocumentsInSync();
      await env.assertServing();
    } finally {
      await env.finish();
    }
  });
});
