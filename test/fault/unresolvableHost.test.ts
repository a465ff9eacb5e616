/**
 * The endpoint's host name does not resolve (a typo, a VPN that is down): the status and every request say so and
 * name the setting to fix, a selection hover explains why there is no answer, no summary is inserted, and the
 * offline features keep working.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ServerCommands } from "../../common/protocol";
import { startScriptedBackend } from "../support/scriptedBackend";
import { FaultSession, backendSettings } from "./faultSession";

const ENDPOINT = "https://medgemma-backend.invalid/v1";
const URI = "file:///fault/unresolvable.md";
const DOES_NOT_RESOLVE = /The host name in https:\/\/medgemma-backend\.invalid(?:\/v1)? does not resolve: check the spelling of medgemma\.backend\.endpoint/;

describe("fault: a host name that does not resolve", { timeout: 60_000 }, () => {
  let env: FaultSession;
  let original: string;

  before(async () => {
    env = await FaultSession.start({ settings: { backend: { endpoint: ENDPOINT } } });
    original = await env.open(URI, "markdown", "Medications: metoprolol 25 mg twice daily.\nAssessment: paroxysmal atrial fibrillation.");
  });
  after(() => env.finish());

  it("reports the status as unreachable with the reason and the setting to check", async () => {
    const status = await env.session.waitForStatus((s) => s.state === "unreachable");
    assert.equal(status.endpoint, ENDPOINT);
    assert.match(status.message ?? "", DOES_NOT_RESOLVE);
  });

  it("fails an ask with the same actionable message and stays up", async () => {
    await env.expectFailure(env.ask("What is metoprolol?", { textDocument: { uri: URI } }), DOES_NOT_RESOLVE);
    const status = await env.assertServing();
    assert.equal(status.state, "unreachable");
  });

  it("explains in a selection hover why there is no answer", async () => {
    const markdown = await env.hoverText(URI, 1, 3, { start: { line: 1, character: 0 }, end: { line: 2, character: 10 } });
    assert.match(markdown ?? "", /MedGemma is not available/);
    assert.match(markdown ?? "", /does not resolve/);
  });

  it("inserts no summary and leaves the document as it was", async () => {
    const { session } = env;
    const version = session.documents.get(URI)?.version ?? 0;
    await env.expectFailure(
      session.executeCommand(ServerCommands.insertSummary, [{ textDocument: { uri: URI, version }, range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, style: "bullets" }]),
      DOES_NOT_RESOLVE,
    );
    assert.equal(session.documents.get(URI)?.getText(), original);
    assert.equal(session.documents.get(URI)?.version, version);
  });

  it("works once the endpoint is corrected, with the document intact on the server", async () => {
    const backend = await startScriptedBackend();
    env.attach(backend);
    await env.reconfigure(backendSettings(backend), (s) => s.state === "ready");
    await env.assertDocumentsInSync();
    await env.assertServing();
  });
});
