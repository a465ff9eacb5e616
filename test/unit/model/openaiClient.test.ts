import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { OpenAICompatibleClient } from "../../../server/src/model/openaiClient";
import type { RemoteBackendConfig } from "../../../server/src/model/httpTransport";
import { chunksFor, startScriptedBackend, within } from "../../support/scriptedBackend";
import type { ChunkShape, ScriptedBackend } from "../../support/scriptedBackend";
import { ask, collectStream } from "../../support/collect";

const TOKENS = ["Metformin", " lowers", " hepatic", " glucose", " output", "."];
const ANSWER = TOKENS.join("");

function clientFor(backend: ScriptedBackend, overrides: Partial<RemoteBackendConfig> = {}): OpenAICompatibleClient {
  return new OpenAICompatibleClient({
    endpoint: backend.url,
    model: "google/medgemma-27b-text-it",
    connectTimeoutMs: 2_000,
    firstByteTimeoutMs: 5_000,
    ...overrides,
  });
}

/** The whole SSE body a server would send for TOKENS. */
function sseBody(shape: ChunkShape = "vllm", lineEnd = "\n"): string {
  return chunksFor(TOKENS, { shape }).map((chunk) => `data: ${JSON.stringify(chunk)}${lineEnd}${lineEnd}`).join("") + `data: [DONE]${lineEnd}${lineEnd}`;
}

describe("OpenAI-compatible client: streaming", () => {
  let backend: ScriptedBackend;
  let client: OpenAICompatibleClient;
  before(async () => {
    backend = await startScriptedBackend();
    client = clientFor(backend, { apiKey: "sk-test-key" });
  });
  after(async () => {
    await client.dispose();
    await backend.close();
  });

  for (const shape of ["vllm", "llamacpp", "ollama"] as const) {
    it(`reads the ${shape} chunk shape`, async () => {
      backend.setChatHandler(async (_request, reply) => void (await reply.tokens(TOKENS, { shape })));
      const out = await ask(client, "How does metformin work?");
      assert.equal(out.text, ANSWER);
      assert.equal(out.summary.finishReason, "stop");
      assert.deepEqual(out.summary.usage, { promptTokens: 17, completionTokens: TOKENS.length });
      assert.equal(out.doneEvents, 1);
      if (shape === "llamacpp") assert.equal(out.summary.timings?.predictedPerSecond, 42.1);
    });
  }

  it("sends a streaming request with usage, Gemma's stop string, normalized turns and the bearer key", async () => {
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(["ok"])));
    const before = backend.chatRequests().length;
    await collectStream(
      client.stream({
        messages: [
          { role: "user", content: "cancelled question" },
          { role: "system", content: "You are a helpful medical assistant." },
          { role: "user", content: "What is eGFR?" },
        ],
        options: { maxTokens: 64, temperature: 0, topP: 0.9, seed: 7, stop: ["\n\n"] },
      }),
    );
    const request = backend.chatRequests()[before];
    assert.ok(request);
    assert.equal(request.headers.authorization, "Bearer sk-test-key");
    assert.deepEqual(request.json, {
      model: "google/medgemma-27b-text-it",
      messages: [
        { role: "system", content: "You are a helpful medical assistant." },
        { role: "user", content: "cancelled question\n\nWhat is eGFR?" },
      ],
      stream: true,
      stream_options: { include_usage: true },
      stop: ["\n\n", "<end_of_turn>"],
      max_tokens: 64,
      temperature: 0,
      top_p: 0.9,
      seed: 7,
    });
  });

  it("reassembles events split at every byte, including inside JSON and multi-byte characters", async () => {
    const body = Buffer.from(sseBody().replace("hepatic", "hépatic µg"), "utf8");
    backend.setChatHandler(async (_request, reply) => {
      for (let i = 0; i < body.length; i++) await reply.write(body.subarray(i, i + 1));
      reply.end();
    });
    const out = await ask(client, "q");
    assert.equal(out.text, ANSWER.replace("hepatic", "hépatic µg"));
    assert.equal(out.summary.finishReason, "stop");
  });

  it("accepts CRLF line ends, data: without a space, and keep-alive comments anywhere", async () => {
    const body = ": ping\r\n\r\n" + sseBody("llamacpp", "\r\n").replaceAll("data: ", "data:").replace("\r\n\r\n", "\r\n\r\n: keep-alive\r\n\r\n");
    backend.setChatHandler(async (_request, reply) => {
      await reply.write(body);
      reply.end();
    });
    const out = await ask(client, "q");
    assert.equal(out.text, ANSWER);
    assert.equal(out.summary.finishReason, "stop");
  });

  it("treats keep-alive pings while queued as waiting, not as the end", async () => {
    backend.setChatHandler(async (_request, reply) => {
      for (let i = 0; i < 3; i++) {
        await reply.write(": ping\n\n");
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await reply.tokens(TOKENS);
    });
    const out = await ask(client, "q");
    assert.equal(out.text, ANSWER);
  });

  it("reports finish reason length as truncation", async () => {
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(TOKENS, { finishReason: "length" })));
    const out = await ask(client, "q", { maxTokens: 6 });
    assert.equal(out.summary.finishReason, "length");
    assert.equal(out.text, ANSWER);
  });

  it("hides thinking output split across chunks and surfaces it as reasoning", async () => {
    const pieces = ["<unu", "sed94>thou", "ght\nCheck K+ first.<unused", "95>Replete potassium."];
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(pieces)));
    const out = await ask(client, "q");
    assert.equal(out.text, "Replete potassium.");
    assert.equal(out.reasoning, "Check K+ first.");
  });

  it("surfaces reasoning_content (llama.cpp) and reasoning (Ollama, vLLM) fields as reasoning", async () => {
    backend.setChatHandler(async (_request, reply) => {
      await reply.event({ choices: [{ delta: { reasoning_content: "think A. " }, finish_reason: null }] });
      await reply.event({ choices: [{ delta: { reasoning: "think B." }, finish_reason: null }] });
      await reply.tokens(["Answer."]);
    });
    const out = await ask(client, "q");
    assert.equal(out.reasoning, "think A. think B.");
    assert.equal(out.text, "Answer.");
  });

  it("reads a JSON answer from a server that ignored stream: true", async () => {
    backend.setChatHandler((_request, reply) =>
      reply.json(200, { choices: [{ message: { role: "assistant", content: ANSWER }, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 6 } }),
    );
    const out = await ask(client, "q");
    assert.equal(out.text, ANSWER);
    assert.equal(out.summary.finishReason, "stop");
  });
});

describe("OpenAI-compatible client: broken streams", () => {
  let backend: ScriptedBackend;
  let client: OpenAICompatibleClient;
  before(async () => {
    backend = await startScriptedBackend();
    client = clientFor(backend, { firstByteTimeoutMs: 300 });
  });
  after(async () => {
    await client.dispose();
    await backend.close();
  });

  const midStreamErrors: [string, (reply: Parameters<Parameters<ScriptedBackend["setChatHandler"]>[0]>[1]) => Promise<unknown>, RegExp][] = [
    ["vLLM", (reply) => reply.event({ error: { message: "CUDA out of memory", type: "InternalServerError", code: 500 } }).then(() => reply.done()), /CUDA out of memory/],
    ["llama.cpp (new)", (reply) => reply.event({ error: { code: 500, message: "slot unavailable", type: "server_error" } }).then(() => reply.end()), /slot unavailable/],
    ["llama.cpp (legacy error: field)", (reply) => reply.write('error: {"message":"failed to decode the batch","code":500}\n\n').then(() => reply.end()), /failed to decode the batch/],
    ["TGI", (reply) => reply.event({ error: "Request failed during generation: overloaded", error_type: "generation" }).then(() => reply.end()), /overloaded/],
  ];
  for (const [server, send, pattern] of midStreamErrors) {
    it(`reports a mid-stream error in the ${server} shape and keeps the text so far`, async () => {
      backend.setChatHandler(async (_request, reply) => {
        await reply.event(chunksFor(["Partial"])[1]);
        await send(reply);
      });
      const out = await ask(client, "q");
      assert.equal(out.text, "Partial");
      assert.equal(out.summary.finishReason, "error");
      assert.equal(out.summary.error?.kind, "server-error");
      assert.match(out.summary.error?.describe() ?? "", pattern);
      assert.match(out.summary.error?.message ?? "", /text so far is kept/);
    });
  }

  it("reports a context overflow sent inside the stream as context-too-long", async () => {
    backend.setChatHandler(async (_request, reply) => {
      await reply.event({ error: { code: 400, message: "the request exceeds the available context size (4096 tokens)", type: "exceed_context_size_error" } });
      reply.end();
    });
    const out = await ask(client, "q");
    assert.equal(out.summary.error?.kind, "context-too-long");
    assert.equal(out.summary.error?.contextLimit, 4096);
  });

  it("treats a stream that ends without [DONE] as an error, not success", async () => {
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(TOKENS, { omitDone: true })));
    const out = await ask(client, "q");
    assert.equal(out.text, ANSWER);
    assert.equal(out.summary.finishReason, "error");
    assert.equal(out.summary.error?.kind, "protocol");
    assert.match(out.summary.error?.message ?? "", /closed before its end marker \[DONE\]/);
  });

  it("treats [DONE] without a finish reason as an error", async () => {
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(TOKENS, { omitFinishReason: true })));
    const out = await ask(client, "q");
    assert.equal(out.summary.finishReason, "error");
    assert.match(out.summary.error?.message ?? "", /no finish reason/);
  });

  it("treats a connection cut mid-answer as an error and keeps the text", async () => {
    backend.setChatHandler(async (_request, reply) => {
      await reply.event(chunksFor(["Half an"])[1]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      reply.destroy();
    });
    const out = await ask(client, "q");
    assert.equal(out.text, "Half an");
    assert.equal(out.summary.finishReason, "error");
    assert.equal(out.summary.error?.kind, "protocol");
  });

  it("reports a malformed line with an actionable message", async () => {
    backend.setChatHandler(async (_request, reply) => {
      await reply.event(chunksFor(["Fine"])[1]);
      await reply.write("data: {not json\n\n");
      await reply.done();
    });
    const out = await ask(client, "q");
    assert.equal(out.text, "Fine");
    assert.equal(out.summary.error?.kind, "protocol");
    assert.match(out.summary.error?.message ?? "", /not valid JSON.*retry/);
  });

  it("gives up on a server that sends no first byte, naming the setting", async () => {
    backend.setChatHandler(() => new Promise(() => undefined));
    const out = await ask(client, "q");
    assert.equal(out.summary.finishReason, "error");
    assert.equal(out.summary.error?.kind, "timeout");
    assert.match(out.summary.error?.message ?? "", /firstByteTimeoutMs/);
  });

  it("gives up on a stream that stalls mid-answer, keeping the text", async () => {
    backend.setChatHandler(async (_request, reply) => {
      await reply.event(chunksFor(["Stalled"])[1]);
    });
    const out = await ask(client, "q");
    assert.equal(out.text, "Stalled");
    assert.equal(out.summary.error?.kind, "timeout");
    assert.match(out.summary.error?.message ?? "", /stopped sending in the middle.*text so far is kept/);
  });

  it("keeps going while tokens keep arriving, even when the whole answer takes longer than the timeout", async () => {
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(TOKENS, { intervalMs: 100 })));
    const out = await ask(client, "q");
    assert.equal(out.text, ANSWER);
    assert.equal(out.summary.finishReason, "stop");
  });
});

describe("OpenAI-compatible client: HTTP errors", () => {
  let backend: ScriptedBackend;
  let client: OpenAICompatibleClient;
  before(async () => {
    backend = await startScriptedBackend();
    client = clientFor(backend);
  });
  after(async () => {
    await client.dispose();
    await backend.close();
  });

  const cases: { name: string; status: number; body: unknown; headers?: Record<string, string>; kind: string; message: RegExp }[] = [
    { name: "503 while loading", status: 503, body: { error: { code: 503, message: "Loading model", type: "unavailable_error" } }, kind: "loading", message: /not ready yet.*loading the model/ },
    { name: "401", status: 401, body: { error: { message: "Invalid API key", type: "invalid_request_error", code: 401 } }, kind: "unauthorized", message: /Set API Key/ },
    { name: "403", status: 403, body: "Forbidden", kind: "unauthorized", message: /HTTP 403.*Set API Key/ },
    {
      name: "400 context too long (vLLM)",
      status: 400,
      body: { object: "error", message: "This model's maximum context length is 8192 tokens. However, you requested 9000 tokens.", type: "BadRequestError", code: 400 },
      kind: "context-too-long",
      message: /context of 8192 tokens.*max-model-len/,
    },
    { name: "400 context too long (llama.cpp)", status: 400, body: { error: { code: 400, message: "request (5000 tokens) exceeds the available context size (4096 tokens)", type: "exceed_context_size_error" } }, kind: "context-too-long", message: /too long/ },
    { name: "429", status: 429, body: { error: { message: "Too many requests" } }, headers: { "retry-after": "12" }, kind: "rate-limited", message: /in 12 s.*maxConcurrentRequests/ },
    { name: "500", status: 500, body: { error: "Internal error", error_type: "generation" }, kind: "server-error", message: /HTTP 500/ },
    { name: "422 other", status: 422, body: { detail: "Field required: messages" }, kind: "bad-request", message: /Field required/ },
  ];
  for (const c of cases) {
    it(`maps ${c.name} to ${c.kind} with an actionable message`, async () => {
      backend.setChatHandler((_request, reply) => (typeof c.body === "string" ? reply.text(c.status, c.body) : reply.json(c.status, c.body, c.headers)));
      const out = await ask(client, "q");
      assert.equal(out.summary.finishReason, "error");
      assert.equal(out.summary.error?.kind, c.kind);
      assert.equal(out.summary.error?.status, c.status);
      assert.match(out.summary.error?.message ?? "", c.message);
      assert.doesNotMatch(out.summary.error?.message ?? "", /^request failed$/i);
    });
  }

  it("lists what the server has when the model is not found", async () => {
    backend.setChatHandler((_request, reply) => reply.json(404, { error: { message: "The model `medgemma` does not exist.", type: "NotFoundError", code: 404 } }));
    const out = await ask(clientFor(backend, { model: "medgemma" }), "q");
    assert.equal(out.summary.error?.kind, "model-not-found");
    assert.deepEqual(out.summary.error?.availableModels, ["google/medgemma-27b-text-it"]);
    assert.match(out.summary.error?.message ?? "", /does not have "medgemma".*offers: google\/medgemma-27b-text-it.*Choose Model/);
  });

  it("uses the server's first model when none is configured", async () => {
    backend.setChatHandler(async (_request, reply) => void (await reply.tokens(["ok"])));
    const unnamed = clientFor(backend, { model: "" });
    await ask(unnamed, "q");
    assert.equal((backend.chatRequests().at(-1)?.json as { model?: string }).model, "google/medgemma-27b-text-it");
    await unnamed.dispose();
  });
});

describe("OpenAI-compatible client: connection failures and cancellation", () => {
  it("says the server is unreachable, with the URL, when nothing listens", async () => {
    const backend = await startScriptedBackend();
    const url = backend.url;
    await backend.close();
    const client = new OpenAICompatibleClient({ endpoint: url, model: "m", connectTimeoutMs: 2_000, firstByteTimeoutMs: 2_000 });
    const out = await ask(client, "q");
    assert.equal(out.summary.error?.kind, "unreachable");
    assert.match(out.summary.error?.message ?? "", new RegExp(`Cannot reach the MedGemma server at ${url.replaceAll(".", "\\.")} \\(ECONNREFUSED\\): is it running\\?`));
    await client.dispose();
  });

  it("says when the host name does not resolve", async () => {
    const client = new OpenAICompatibleClient({ endpoint: "https://medgemma.invalid/v1", model: "m", connectTimeoutMs: 2_000, firstByteTimeoutMs: 2_000 });
    const out = await ask(client, "q");
    assert.equal(out.summary.error?.kind, "unreachable");
    assert.match(out.summary.error?.message ?? "", /does not resolve.*medgemma\.backend\.endpoint/);
    await client.dispose();
  });

  it("closes the connection at once on abort, and ends with cancelled", async () => {
    const backend = await startScriptedBackend({
      chat: async (_request, reply) => void (await reply.tokens(Array.from({ length: 500 }, (_, i) => ` t${i}`), { intervalMs: 10 })),
    });
    const client = clientFor(backend);
    const controller = new AbortController();
    let abortedAt = 0;
    const out = await collectStream(client.stream({ messages: [{ role: "user", content: "q" }] }, controller.signal), (text) => {
      if (text === " t3") {
        abortedAt = performance.now();
        controller.abort();
      }
    });
    assert.equal(out.summary.finishReason, "cancelled");
    assert.equal(out.summary.error, undefined);
    assert.ok(out.text.startsWith(" t0 t1 t2 t3"));
    const request = backend.chatRequests()[0];
    assert.ok(request);
    // The target is 50 ms; the bound is ten times that so a loaded machine cannot make it flake.
    const closedAt = await within(request.closed, 500, "the backend seeing its socket closed");
    assert.ok(closedAt - abortedAt < 500);
    await client.dispose();
    await backend.close();
  });

  it("ends with cancelled without a request when the signal is already aborted", async () => {
    const backend = await startScriptedBackend();
    const client = clientFor(backend);
    const out = await ask(client, "q", {}, AbortSignal.abort());
    assert.equal(out.summary.finishReason, "cancelled");
    assert.equal(backend.chatRequests().length, 0);
    await client.dispose();
    await backend.close();
  });
});
