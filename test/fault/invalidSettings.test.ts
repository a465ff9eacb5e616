/**
 * Invalid settings (bad URLs, negative numbers, wrong types, a section that is not even an object): each is
 * reported in a message that names the setting and the default used instead, the defaults really apply, and the
 * server stays up and keeps checking documents.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startScriptedBackend } from "../support/scriptedBackend";
import type { ScriptedBackend } from "../support/scriptedBackend";
import { concurrencyMeter } from "./concurrencyMeter";
import { FaultSession, assertActionable, backendSettings } from "./faultSession";

const URI = "file:///fault/settings.md";

const INVALID = {
  backend: { endpoint: "http//broken", connectTimeoutMs: "fast", allowInsecureHttp: "yes" },
  maxConcurrentRequests: -1,
  maxTokens: 1e9,
  temperature: "hot",
  hover: { maxTokens: -5, enabled: "sometimes" },
  embedded: { threads: -2, gpu: "quantum" },
  phi: { policy: 42 },
  medicationSafety: { languages: "markdown", rules: { "tjc-u": "loud" } },
};

/** One expected message per invalid value: the setting's full name and the default used instead. */
const EXPECTED: RegExp[] = [
  /medgemma\.backend\.endpoint is not a valid URL \("http\/\/broken"\).*Using the embedded engine instead/,
  /medgemma\.backend\.connectTimeoutMs has an invalid value "fast" \(expected a whole number from 100 to 600000\); using 10000/,
  /medgemma\.backend\.allowInsecureHttp has an invalid value "yes" \(expected true or false\); using false/,
  /medgemma\.maxConcurrentRequests has an invalid value -1 .*; using 2\./,
  /medgemma\.maxTokens has an invalid value 1000000000 .*; using 1024\./,
  /medgemma\.temperature has an invalid value "hot" \(expected a number from 0 to 2\); using 0\.2\./,
  /medgemma\.hover\.maxTokens has an invalid value -5 .*; using 120\./,
  /medgemma\.hover\.enabled has an invalid value "sometimes" .*; using true\./,
  /medgemma\.embedded\.threads has an invalid value -2 .*; using 0\./,
  /medgemma\.embedded\.gpu has an invalid value "quantum" \(expected one of auto, cuda, metal, vulkan, off\); using "auto"\./,
  /medgemma\.phi\.policy has an invalid value 42 .*; using "auto"\./,
  /medgemma\.medicationSafety\.languages has an invalid value "markdown" \(expected a list of strings\)/,
  /medgemma\.medicationSafety\.rules\.tjc-u has an invalid value "loud"/,
];

describe("fault: invalid settings", { timeout: 60_000 }, () => {
  let backend: ScriptedBackend;
  let env: FaultSession;

  before(async () => {
    backend = await startScriptedBackend();
    env = await FaultSession.start({ backend, settings: INVALID });
    await env.open(URI, "markdown", "Insulin glargine 10 U at bedtime.\nWarfarin 5.0 mg daily.");
  });
  after(async () => {
    await env.finish();
  });

  it("reports every invalid value with the setting's name and the default used, and stays up", async () => {
    const { session } = env;
    await session.until(() => EXPECTED.every((pattern) => session.shownMessages().some((m) => pattern.test(m))), 10_000, "a message for every invalid value");
    for (const message of session.shownMessages()) assertActionable(message, /medgemma\.[a-zA-Z.-]+/);
    const status = await session.waitForStatus((s) => s.backend === "embedded");
    assert.notEqual(status.state, "ready");
    await env.assertServing();
  });

  it("uses the defaults: medication checks run in Markdown, rules keep their severities", async () => {
    const { session } = env;
    await session.until(() => (session.diagnostics.get(URI)?.length ?? 0) >= 2, 10_000, "the medication diagnostics");
    const codes = session.diagnostics.get(URI)?.map((d) => d.code);
    assert.ok(codes?.includes("tjc-u") && codes.includes("tjc-trailing-zero"), `got ${codes?.join(", ")}`);
  });

  it("uses the defaults once the endpoint is fixed: two requests at a time, temperature 0.2, 1024 tokens", async () => {
    await env.reconfigure(backendSettings(backend, { ...INVALID, backend: { ...INVALID.backend, endpoint: backend.url } }), (s) => s.state === "ready");
    const meter = concurrencyMeter();
    env.onChat(meter.wrap((_request, reply) => reply.tokens(["Default ", "limits."], { intervalMs: 5 }).then(() => undefined)));
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => env.ask(`Question ${i}`)));
    assert.ok(results.every((r) => r.text === "Default limits."));
    assert.equal(meter.peak, 2, "the default of two requests at a time");
    const body = env.chatRequests().at(-1)?.json as { temperature?: number; max_tokens?: number };
    assert.equal(body.temperature, 0.2);
    assert.equal(body.max_tokens, 1024);
  });

  it("reports endpoints that are not http(s) or send clinical text unencrypted off this machine", async () => {
    const { session } = env;
    await session.changeSettings({ backend: { endpoint: "ftp://files.example.org/v1" } });
    await session.until(() => session.shownMessages().some((m) => /must start with http:\/\/ or https:\/\/ \(got ftp:\)/.test(m)), 10_000, "the scheme message");
    await session.changeSettings({ backend: { endpoint: "http://10.20.30.40:8000/v1" } });
    await session.until(
      () => session.shownMessages().some((m) => /http:\/\/10\.20\.30\.40:8000 is not on this machine and uses plain http.*Use https, or turn on medgemma\.backend\.allowInsecureHttp/.test(m)),
      10_000,
      "the plain-http message",
    );
    await env.assertServing();
  });

  it("survives a settings section that is not an object at all, falling back to every default", async () => {
    const { session } = env;
    await env.reconfigure(backendSettings(backend), (s) => s.state === "ready");
    const embedded = await env.reconfigure("nonsense" as unknown as Record<string, unknown>, (s) => s.backend === "embedded");
    assert.equal(embedded.endpoint, undefined, "the default endpoint (none: the embedded engine)");
    for (const nonsense of [[1, 2, 3], 42, null]) {
      await session.changeSettings(nonsense as unknown as Record<string, unknown>);
      await env.assertServing();
    }
    await env.reconfigure(backendSettings(backend), (s) => s.state === "ready");
    env.onChat((_request, reply) => void reply.tokens(["Valid ", "again."]));
    assert.equal((await env.ask("Back to normal?")).text, "Valid again.");
    await env.assertDocumentsInSync();
  });
});
