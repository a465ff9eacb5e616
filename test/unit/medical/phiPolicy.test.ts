import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { resolvePhiPolicy, staysOnMachine } from "../../../server/src/medical/phi/phiPolicy";
import { describeFindings, summarizeFindings } from "../../../server/src/medical/phi/findingSummary";

describe("resolvePhiPolicy", () => {
  it("keeps explicit choices whatever the backend", () => {
    for (const setting of ["allow", "warn", "redact", "block"] as const) {
      assert.equal(resolvePhiPolicy(setting, { backend: "embedded" }), setting);
      assert.equal(resolvePhiPolicy(setting, { backend: "remote", endpoint: "https://llm.example.org/v1" }), setting);
    }
  });

  it("allows text that stays on this machine under auto", () => {
    assert.equal(resolvePhiPolicy("auto", { backend: "embedded" }), "allow");
    for (const endpoint of ["http://localhost:8000/v1", "http://127.0.0.1:11434/v1", "http://[::1]:8080/v1", "http://gpu.localhost/v1"]) {
      assert.equal(resolvePhiPolicy("auto", { backend: "remote", endpoint }), "allow", endpoint);
    }
  });

  it("redacts text for any other endpoint under auto, including unreadable ones", () => {
    for (const endpoint of ["https://llm.example.org/v1", "http://192.168.1.20:8000/v1", "https://127.0.0.1.example.com/v1", "not a url", ""]) {
      assert.equal(resolvePhiPolicy("auto", { backend: "remote", endpoint }), "redact", endpoint);
    }
    assert.equal(resolvePhiPolicy("auto", { backend: "remote" }), "redact");
    assert.equal(staysOnMachine({ backend: "remote" }), false);
  });
});

describe("finding summaries", () => {
  const findings = [{ type: "DATE" }, { type: "NAME" }, { type: "DATE" }, { type: "PHONE" }];

  it("counts findings by type", () => {
    assert.deepEqual(summarizeFindings(findings), { total: 4, byType: { DATE: 2, NAME: 1, PHONE: 1 } });
    assert.deepEqual(summarizeFindings([]), { total: 0, byType: {} });
  });

  it("describes findings in words without values, most frequent first", () => {
    assert.equal(describeFindings(findings), "2 dates, 1 name and 1 phone number");
    assert.equal(describeFindings([{ type: "AGE" }]), "1 age over 89");
    assert.equal(describeFindings([{ type: "EMAIL" }, { type: "EMAIL" }, { type: "SSN" }]), "2 e-mail addresses and 1 social security number");
    assert.equal(describeFindings({ total: 3, byType: { ID: 1, HEALTH_PLAN: 2 } }), "2 health plan numbers and 1 other identifier");
    assert.equal(describeFindings([{ type: "SOMETHING_NEW" }]), "1 identifier");
    assert.equal(describeFindings([]), "no identifiers");
  });
});
