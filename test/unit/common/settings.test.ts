import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, isLoopbackHost, validateSettings } from "../../../common/settings";

describe("validateSettings", () => {
  it("gives the defaults for an empty or missing section", () => {
    assert.deepEqual(validateSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(validateSettings({}).settings, DEFAULT_SETTINGS);
  });

  it("reads nested objects and flat dotted keys alike", () => {
    const nested = validateSettings({ backend: { endpoint: "https://gpu.example.org/v1/" }, hover: { enabled: false } });
    const flat = validateSettings({ "backend.endpoint": "https://gpu.example.org/v1", "hover.enabled": false });
    assert.equal(nested.settings.backend.endpoint, "https://gpu.example.org/v1");
    assert.deepEqual(nested.settings, flat.settings);
    assert.equal(flat.settings.hover.enabled, false);
  });

  it("reports a wrong value, names the setting and keeps the default", () => {
    const { settings, problems } = validateSettings({ maxConcurrentRequests: -3, temperature: "hot", phi: { policy: "maybe" } });
    assert.equal(settings.maxConcurrentRequests, DEFAULT_SETTINGS.maxConcurrentRequests);
    assert.equal(settings.temperature, DEFAULT_SETTINGS.temperature);
    assert.equal(settings.phi.policy, "auto");
    assert.equal(problems.length, 3);
    assert.ok(problems.some((p) => /medgemma\.maxConcurrentRequests.*-3.*using 2\./.test(p)), problems.join("\n"));
    assert.ok(problems.some((p) => /medgemma\.phi\.policy.*one of auto, allow, warn, redact, block/.test(p)), problems.join("\n"));
  });

  it("rejects a malformed URL and falls back to the embedded engine", () => {
    const { settings, problems } = validateSettings({ backend: { endpoint: "not a url" } });
    assert.equal(settings.backend.endpoint, "");
    assert.match(problems[0] ?? "", /not a valid URL/);
  });

  it("refuses plain http to a remote host unless allowed", () => {
    const refused = validateSettings({ backend: { endpoint: "http://10.0.0.5:8000/v1" } });
    assert.equal(refused.settings.backend.endpoint, "");
    assert.match(refused.problems[0] ?? "", /unencrypted.*allowInsecureHttp/);
    const allowed = validateSettings({ backend: { endpoint: "http://10.0.0.5:8000/v1", allowInsecureHttp: true } });
    assert.equal(allowed.settings.backend.endpoint, "http://10.0.0.5:8000/v1");
    assert.deepEqual(allowed.problems, []);
    assert.deepEqual(validateSettings({ backend: { endpoint: "http://127.0.0.1:8000/v1" } }).problems, []);
  });

  it("keeps valid rule severities and reports the others", () => {
    const { settings, problems } = validateSettings({ medicationSafety: { rules: { "tjc-qd": "off", "tjc-u": "loud" } } });
    assert.deepEqual(settings.medicationSafety.rules, { "tjc-qd": "off" });
    assert.match(problems[0] ?? "", /medicationSafety\.rules\.tjc-u/);
  });
});

describe("isLoopbackHost", () => {
  it("knows loopback names and addresses", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "api.localhost"]) assert.ok(isLoopbackHost(host), host);
    for (const host of ["10.0.0.1", "example.org", "localhost.example.org", "128.0.0.1"]) assert.ok(!isLoopbackHost(host), host);
  });
});
