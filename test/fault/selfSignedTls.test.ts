/**
 * A backend behind TLS with a certificate this machine does not trust (self-signed, or signed by a private CA): the
 * connection is refused with a message that names medgemma.backend.caFile, and pointing that setting at the right
 * PEM file makes the same server work without a restart. The certificates are the test fixtures in test/fixtures/tls.
 */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startScriptedBackend } from "../support/scriptedBackend";
import { FaultSession, backendSettings } from "./faultSession";

const TLS = join(__dirname, "..", "fixtures", "tls");
const pem = (name: string): string => readFileSync(join(TLS, name), "utf8");
const URI = "file:///fault/tls.md";
const BODY = "Labs: potassium 5.9 mmol/L, creatinine 2.1 mg/dL.\nPlan: hold lisinopril, repeat BMP in the morning.";

async function refusedThenAccepted(certificate: { key: string; cert: string }, reason: RegExp, caFile: string): Promise<void> {
  const backend = await startScriptedBackend({ tls: certificate });
  const env = await FaultSession.start({ backend, settings: backendSettings(backend) });
  try {
    assert.match(backend.url, /^https:/);
    await env.open(URI, "markdown", BODY);
    const refused = await env.session.waitForStatus((s) => s.state === "error");
    assert.match(refused.message ?? "", reason);
    assert.match(refused.message ?? "", /medgemma\.backend\.caFile/);
    const before = env.chatRequests().length;
    await env.expectFailure(env.ask("Why hold lisinopril?", { textDocument: { uri: URI } }), /Could not open a secure connection.*Point medgemma\.backend\.caFile at the PEM file/);
    assert.equal(env.chatRequests().length, before, "no request got through the refused handshake");
    await env.assertServing();

    await env.session.changeSettings(backendSettings(backend, { backend: { caFile } }));
    const ready = await env.session.waitForStatus((s) => s.state === "ready");
    assert.equal(ready.endpoint, backend.url);
    env.onChat((_request, reply) => void reply.tokens(["Hyperkalaemia ", "with ", "AKI."]));
    const result = await env.ask("Why hold lisinopril?", { textDocument: { uri: URI } });
    assert.equal(result.text, "Hyperkalaemia with AKI.");
    await env.assertDocumentsInSync();
  } finally {
    await env.finish();
  }
}

describe("fault: TLS with a certificate this machine does not trust", { timeout: 60_000 }, () => {
  it("refuses a self-signed certificate naming medgemma.backend.caFile, and accepts it once caFile holds it", () =>
    refusedThenAccepted({ key: pem("self.key"), cert: pem("self.pem") }, /its certificate is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/, join(TLS, "self.pem")));

  it("refuses a certificate from a private CA, and accepts it once caFile points at that CA", () =>
    refusedThenAccepted({ key: pem("server.key"), cert: pem("server.pem") }, /issued by an authority this machine does not know/, join(TLS, "ca.pem")));

  it("says so when medgemma.backend.caFile points at a file that does not exist", async () => {
    const backend = await startScriptedBackend({ tls: { key: pem("server.key"), cert: pem("server.pem") } });
    const missing = join(TLS, "missing-ca.pem");
    const env = await FaultSession.start({ backend, settings: backendSettings(backend, { backend: { caFile: missing } }) });
    try {
      await env.open(URI, "markdown", BODY);
      const status = await env.session.waitForStatus((s) => s.state === "error");
      assert.match(status.message ?? "", /Cannot read the certificate file in medgemma\.backend\.caFile \(.*missing-ca\.pem: ENOENT\)\. Fix the path or clear the setting\./);
      await env.expectFailure(env.ask("Anything?"), /medgemma\.backend\.caFile.*ENOENT/);
      await env.assertServing();
    } finally {
      await env.finish();
    }
  });
});
