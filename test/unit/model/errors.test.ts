import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { httpError, networkError, parseErrorBody, parseErrorText } from "../../../server/src/model/errors";

describe("parseErrorBody", () => {
  it("reads the three server shapes", () => {
    assert.deepEqual(parseErrorBody({ error: { message: "m", type: "t", code: 400 } }), { message: "m", type: "t", code: 400 });
    assert.deepEqual(parseErrorBody({ object: "error", message: "old vllm", type: "BadRequestError", code: 400 }), { message: "old vllm", type: "BadRequestError", code: 400 });
    assert.deepEqual(parseErrorBody({ error: "tgi says no", error_type: "validation" }), { message: "tgi says no", type: "validation" });
    assert.equal(parseErrorBody("nope"), undefined);
  });

  it("keeps a plain-text body as the message, shortened", () => {
    assert.deepEqual(parseErrorText("Bad Gateway"), { message: "Bad Gateway" });
    assert.equal(parseErrorText("x".repeat(1000))?.message?.length, 300);
    assert.equal(parseErrorText("   "), undefined);
  });
});

describe("error messages", () => {
  it("never says a bare 'request failed' and always names where", () => {
    for (const status of [400, 401, 403, 404, 409, 413, 429, 500, 502, 503]) {
      const error = httpError({ status, body: undefined, endpoint: "https://gpu.example.org/v1" });
      assert.match(error.message, /gpu\.example\.org|too long/, String(status));
      assert.ok(error.message.length > 40, String(status));
    }
  });

  it("finds TLS codes anywhere in the cause chain", () => {
    const error = networkError({ message: "fetch failed", cause: { code: "CERT_HAS_EXPIRED" } }, "https://x.example.org/v1");
    assert.equal(error.kind, "tls");
    assert.match(error.message, /expired/);
  });

  it("explains connect timeouts with the setting to change", () => {
    const error = networkError({ code: "UND_ERR_CONNECT_TIMEOUT" }, "https://x.example.org/v1");
    assert.equal(error.kind, "timeout");
    assert.match(error.message, /connectTimeoutMs/);
  });
});
