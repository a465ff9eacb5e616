import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { OpenAICompatibleClient } from "../../../server/src/model/openaiClient";
import { parseModelList, serverRoot } from "../../../server/src/model/remoteHealth";
import { startScriptedBackend } from "../../support/scriptedBackend";
import type { ScriptedBackendOptions } from "../../support/scriptedBackend";

async function probe(options: ScriptedBackendOptions, model = "", apiKey?: string) {
  const backend = await startScriptedBackend(options);
  const client = new OpenAICompatibleClient({ endpoint: backend.url, model, connectTimeoutMs: 2_000, firstByteTimeoutMs: 2_000, ...(apiKey ? { apiKey } : {}) });
  try {
    return { report: await client.health(), backend };
  } finally {
    await client.dispose();
    await backend.close();
  }
}

describe("health probe", () => {
  it("reads a vLLM server: ready, the model and max_model_len", async () => {
    const { report } = await probe({});
    assert.equal(report.state, "ready");
    assert.equal(report.model, "google/medgemma-27b-text-it");
    assert.equal(report.contextLength, 32768);
    assert.ok(report.latencyMs >= 0);
  });

  it("reports llama.cpp's 503 'Loading model' as loading", async () => {
    const { report } = await probe({
      routes: { "/health": (_r, reply) => reply.json(503, { error: { code: 503, message: "Loading model", type: "unavailable_error" } }) },
    });
    assert.equal(report.state, "loading");
    assert.match(report.message, /loading the model \(Loading model\)/);
  });

  it("reports 401 as unauthorized and sends the key as a bearer token", async () => {
    const { report, backend } = await probe(
      { routes: { "/health": (request, reply) => (request.headers.authorization === "Bearer right" ? reply.json(200, {}) : reply.json(401, { error: { message: "bad key" } })) } },
      "",
      "wrong",
    );
    assert.equal(report.state, "unauthorized");
    assert.match(report.message, /Set API Key/);
    assert.equal(backend.requests[0]?.headers.authorization, "Bearer wrong");
  });

  it("reads llama.cpp: /health ok, models with meta, context from /props", async () => {
    const { report } = await probe({
      routes: {
        "/v1/models": (_r, reply) => reply.json(200, { object: "list", data: [{ id: "medgemma-27b-text-it-Q4_K_M.gguf", owned_by: "llamacpp", meta: { n_ctx_train: 131072 } }] }),
        "/props": (_r, reply) => reply.json(200, { default_generation_settings: { n_ctx: 16384 } }),
      },
    });
    assert.equal(report.state, "ready");
    assert.equal(report.model, "medgemma-27b-text-it-Q4_K_M.gguf");
    assert.equal(report.contextLength, 16384);
  });

  it("reads Ollama: no /health, models from /v1/models, context from /api/ps", async () => {
    const { report } = await probe({
      routes: {
        "/health": (_r, reply) => reply.text(404, "404 page not found"),
        "/v1/models": (_r, reply) => reply.json(200, { object: "list", data: [{ id: "alibayram/medgemma:27b", object: "model", owned_by: "library" }] }),
        "/api/ps": (_r, reply) => reply.json(200, { models: [{ name: "alibayram/medgemma:27b", context_length: 4096 }] }),
      },
    });
    assert.equal(report.state, "ready");
    assert.equal(report.model, "alibayram/medgemma:27b");
    assert.equal(report.contextLength, 4096);
  });

  it("says which models exist when the configured one is not offered", async () => {
    const { report } = await probe({}, "medgemma-4b");
    assert.equal(report.state, "error");
    assert.match(report.message, /does not offer the model "medgemma-4b".*google\/medgemma-27b-text-it.*Choose Model/);
    assert.deepEqual(report.models.map((m) => m.id), ["google/medgemma-27b-text-it"]);
  });

  it("says when an endpoint is not OpenAI-compatible", async () => {
    const { report } = await probe({
      routes: { "/health": (_r, reply) => reply.text(404, "nope"), "/v1/models": (_r, reply) => reply.text(404, "nope") },
    });
    assert.equal(report.state, "error");
    assert.match(report.message, /ends in \/v1/);
  });

  it("reports unreachable with the reason when nothing listens", async () => {
    const backend = await startScriptedBackend();
    await backend.close();
    const client = new OpenAICompatibleClient({ endpoint: backend.url, model: "", connectTimeoutMs: 2_000, firstByteTimeoutMs: 2_000 });
    const report = await client.health();
    assert.equal(report.state, "unreachable");
    assert.match(report.message, /ECONNREFUSED.*is it running/);
    await client.dispose();
  });

  it("reports a server that never answers as unreachable within the probe limit", async () => {
    const { report } = await probe({ routes: { "/health": () => new Promise(() => undefined) } });
    assert.equal(report.state, "unreachable");
    assert.match(report.message, /No answer|sent nothing in time/);
  });
});

describe("probe helpers", () => {
  it("finds the server root behind /v1", () => {
    assert.equal(serverRoot("http://127.0.0.1:8000/v1"), "http://127.0.0.1:8000");
    assert.equal(serverRoot("https://gpu.example.org/medgemma/v1/"), "https://gpu.example.org/medgemma");
    assert.equal(serverRoot("https://x.example.org/v1beta1/projects/p/endpoints/e"), "https://x.example.org/v1beta1/projects/p/endpoints/e");
  });

  it("parses model lists of every shape and skips junk", () => {
    assert.deepEqual(parseModelList({ data: [{ id: "a", max_model_len: 8192 }, { id: "a" }, { nope: 1 }, "x", { id: "b", meta: { n_ctx: 4096 } }] }), [
      { id: "a", contextLength: 8192 },
      { id: "b", contextLength: 4096 },
    ]);
    assert.deepEqual(parseModelList({ models: [{ name: "medgemma:27b" }] }), [{ id: "medgemma:27b" }]);
    assert.deepEqual(parseModelList("garbage"), []);
  });
});
