// Runs the real engine (node-llama-cpp, CPU, one thread) on the generated tiny Gemma 3 model.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbeddedChatModel, type EmbeddedChatModelOptions } from "../../../server/src/model/embedded/embeddedChatModel";
import type { NodeLlamaCppModule } from "../../../server/src/model/embedded/promptRenderer";
import type { ChatMessage, ChatRequest, CompletionSummary, StreamEvent } from "../../../server/src/model/types";
import { DEFAULT_TINY_GEMMA } from "../../support/tinyGemma/tinyGemmaGguf";
import { ensureTinyGemmaModel } from "../../support/tinyGemma/tinyGemmaModel";

const SYSTEM = "You are a careful clinical writing assistant.";
const QUESTION = "What does HbA1c measure?";
const CONVERSATION: ChatMessage[] = [
  { role: "system", content: SYSTEM },
  { role: "user", content: QUESTION },
];
const EXPECTED_PROMPT = `<bos><start_of_turn>user\n${SYSTEM}\n\n${QUESTION}<end_of_turn>\n<start_of_turn>model\n`;

interface Collected {
  events: StreamEvent[];
  texts: string[];
  text: string;
  summary: CompletionSummary;
}

async function collect(stream: AsyncIterable<StreamEvent>, onEvent?: (event: StreamEvent, index: number) => void): Promise<Collected> {
  const events: StreamEvent[] = [];
  for await (const event of stream) {
    onEvent?.(event, events.length);
    events.push(event);
  }
  const dones = events.filter((event) => event.type === "done");
  assert.equal(dones.length, 1, "exactly one done event");
  const last = events[events.length - 1];
  assert.ok(last?.type === "done", "the done event comes last");
  const texts = events.flatMap((event) => (event.type === "text" ? [event.text] : []));
  return { events, texts, text: texts.join(""), summary: last.summary };
}

function options(modelPath: string, extra: Partial<EmbeddedChatModelOptions> = {}): EmbeddedChatModelOptions {
  return { modelPath, gpu: "off", threads: 1, contextSize: 8192, ...extra };
}

function ask(overrides: ChatRequest["options"] = {}, messages: ChatMessage[] = CONVERSATION): ChatRequest {
  return { messages, options: { temperature: 0.8, maxTokens: 512, ...overrides } };
}

describe("EmbeddedChatModel on the tiny Gemma 3 model", () => {
  let modelPath = "";
  let client: EmbeddedChatModel;
  let imports = 0;
  const countingImport = (): Promise<NodeLlamaCppModule> => {
    imports++;
    return import("node-llama-cpp");
  };

  before(async () => {
    modelPath = await ensureTinyGemmaModel();
    client = new EmbeddedChatModel(options(modelPath, { importEngine: countingImport }));
  });
  after(async () => {
    await client.dispose();
  });

  it("reports ready from the file header without loading, with the context capped by the training context", async () => {
    const health = await client.health();
    assert.equal(health.state, "ready");
    assert.equal(health.model, DEFAULT_TINY_GEMMA.name);
    assert.equal(health.contextLength, DEFAULT_TINY_GEMMA.contextLength);
    assert.deepEqual(health.models, [{ id: DEFAULT_TINY_GEMMA.name, contextLength: DEFAULT_TINY_GEMMA.contextLength }]);
    assert.ok(health.latencyMs >= 0);
    assert.equal(client.engineInfo, undefined);
    assert.equal(imports, 0);
  });

  it("renders the system text folded into the first user turn, exactly as the template says, before loading", async () => {
    assert.equal(await client.renderPrompt(CONVERSATION), EXPECTED_PROMPT);
    assert.equal(client.engineInfo, undefined);
  });

  it("loads once for concurrent first requests, and the engine sees the same prompt with one BOS", async () => {
    const answers = Promise.all([collect(client.stream(ask({ seed: 1 }))), collect(client.stream(ask({ seed: 2 })))]);
    assert.equal((await client.health()).state, "loading");
    const [first, second] = await answers;
    assert.equal(first.summary.finishReason, "stop");
    assert.equal(second.summary.finishReason, "stop");
    assert.equal(imports, 2, "one import for renderPrompt, one for the single shared load");
    const info = client.engineInfo;
    assert.ok(info);
    assert.equal(info.device, "cpu");
    assert.equal(info.threads, 1);
    assert.equal(info.contextSize, DEFAULT_TINY_GEMMA.contextLength);

    const prompt = await client.tokenizePrompt(CONVERSATION);
    assert.equal(prompt.text, EXPECTED_PROMPT);
    assert.equal(prompt.tokens.filter((token) => token === prompt.tokens[0]).length, 1);
    assert.equal(first.summary.usage?.promptTokens, prompt.tokens.length);

    const health = await client.health();
    assert.equal(health.state, "ready");
    assert.match(health.message, /loaded/);
  });

  it("streams an answer in several text events and, with a seed, ends by itself", async () => {
    const answers = [];
    for (const seed of [1, 2, 3, 4, 5]) answers.push(await collect(client.stream(ask({ seed }))));
    for (const answer of answers) {
      assert.equal(answer.summary.finishReason, "stop");
      assert.ok((answer.summary.usage?.completionTokens ?? 0) < 512);
      assert.equal(answer.summary.model, DEFAULT_TINY_GEMMA.name);
      assert.doesNotMatch(answer.text, /<end_of_turn>|<start_of_turn>|\uFFFD/);
    }
    const longest = answers.reduce((a, b) => (b.texts.length > a.texts.length ? b : a));
    assert.ok(longest.texts.length >= 3, `${longest.texts.length} text events`);
    assert.equal(longest.summary.usage?.completionTokens, longest.texts.length);
    const timings = longest.summary.timings;
    assert.ok(timings?.firstTokenMs !== undefined && timings.firstTokenMs > 0);
    assert.ok(timings.predictedPerSecond !== undefined && timings.predictedPerSecond > 0);
    assert.ok(timings.totalMs !== undefined && timings.totalMs >= timings.firstTokenMs);
  });

  it("gives the same answer for the same seed", async () => {
    const first = await collect(client.stream(ask({ seed: 11 })));
    await collect(client.stream(ask({ seed: 12 }, [{ role: "user", content: "Something else in between." }])));
    const second = await collect(client.stream(ask({ seed: 11 })));
    assert.ok(first.text.length > 0);
    assert.equal(second.text, first.text);
    assert.deepEqual(second.texts, first.texts);
  });

  it("reuses the cached prompt prefix for a follow-up turn that is not seeded", async () => {
    const first = await collect(client.stream(ask({ maxTokens: 12, seed: 1 })));
    assert.ok(first.text.trim() !== "");
    const followUp: ChatMessage[] = [...CONVERSATION, { role: "assistant", content: first.text }, { role: "user", content: "And in children?" }];
    const second = await collect(client.stream(ask({ maxTokens: 12 }, followUp)));
    assert.notEqual(second.summary.finishReason, "error");
    const firstPrompt = first.summary.usage?.promptTokens ?? 0;
    assert.ok((second.summary.usage?.cachedTokens ?? 0) >= firstPrompt - 1, JSON.stringify(second.summary.usage));
    assert.ok((second.summary.usage?.promptTokens ?? 0) > firstPrompt);
  });

  it("ends with length at a small maxTokens", async () => {
    // Greedy decoding of random weights never picks end-of-turn, so the limit is what ends it.
    const answer = await collect(client.stream(ask({ temperature: 0, maxTokens: 5, seed: 1 })));
    assert.equal(answer.summary.finishReason, "length");
    assert.equal(answer.summary.usage?.completionTokens, 5);
    assert.ok(answer.text.length > 0);
  });

  it("stops at a caller's stop string and shows nothing from it on", async () => {
    const free = await collect(client.stream(ask({ temperature: 0, maxTokens: 24, seed: 1 })));
    const stop = free.text.slice(8, 11);
    assert.equal(stop.length, 3);
    const stopped = await collect(client.stream(ask({ temperature: 0, maxTokens: 24, seed: 1, stop: [stop] })));
    assert.equal(stopped.summary.finishReason, "stop");
    assert.equal(stopped.text, free.text.slice(0, free.text.indexOf(stop)));
  });

  it("stops generating within a few tokens of an abort and ends with cancelled", async () => {
    const controller = new AbortController();
    let textEvents = 0;
    const answer = await collect(client.stream(ask({ temperature: 0, maxTokens: 1500, seed: 3 }), controller.signal), (event) => {
      if (event.type === "text" && ++textEvents === 2) controller.abort();
    });
    assert.equal(answer.summary.finishReason, "cancelled");
    assert.equal(answer.texts.length, 2);
    assert.ok((answer.summary.usage?.completionTokens ?? Infinity) <= 4, `${answer.summary.usage?.completionTokens} tokens`);
    // The engine is free again right away.
    const next = await collect(client.stream(ask({ seed: 1 })));
    assert.equal(next.summary.finishReason, "stop");
  });

  it("ends a request cancelled before it starts, or while queued, with cancelled", async () => {
    const aborted = new AbortController();
    aborted.abort();
    assert.equal((await collect(client.stream(ask({ seed: 1 }), aborted.signal))).summary.finishReason, "cancelled");

    const waiting = new AbortController();
    const order: string[] = [];
    const running = collect(client.stream(ask({ temperature: 0, maxTokens: 40, seed: 1 })), (event, index) => {
      if (index === 0) waiting.abort();
      order.push(`running:${event.type}`);
    });
    const queued = collect(client.stream(ask({ seed: 1 }), waiting.signal), (event) => order.push(`queued:${event.type}`));
    const [first, second] = await Promise.all([running, queued]);
    assert.equal(first.summary.finishReason, "length");
    assert.equal(second.summary.finishReason, "cancelled");
    assert.equal(second.texts.length, 0);
  });

  it("answers concurrent requests one after the other", async () => {
    const order: string[] = [];
    await Promise.all([
      collect(client.stream(ask({ temperature: 0, maxTokens: 6, seed: 1 })), (event) => order.push(`a:${event.type}`)),
      collect(client.stream(ask({ temperature: 0, maxTokens: 6, seed: 2 })), (event) => order.push(`b:${event.type}`)),
    ]);
    const firstDone = order.indexOf("a:done");
    assert.ok(firstDone > 0);
    assert.ok(order.slice(0, firstDone).every((entry) => entry.startsWith("a:")), order.join(" "));
    assert.ok(order.slice(firstDone + 1).every((entry) => entry.startsWith("b:")), order.join(" "));
    assert.equal(order[order.length - 1], "b:done");
  });

  it("handles characters outside the vocabulary in the prompt", async () => {
    const answer = await collect(client.stream(ask({ seed: 4 }, [{ role: "user", content: "Dosis 500 µg – café? ünd 血糖" }])));
    assert.equal(answer.summary.finishReason, "stop");
  });

  it("reports a prompt longer than the context as context-too-long", async () => {
    const answer = await collect(client.stream(ask({}, [{ role: "user", content: "word ".repeat(3000) }])));
    assert.equal(answer.summary.finishReason, "error");
    assert.equal(answer.summary.error?.kind, "context-too-long");
    assert.equal(answer.summary.error?.contextLimit, DEFAULT_TINY_GEMMA.contextLength);
    assert.match(answer.summary.error?.message ?? "", /select a shorter passage/);
  });

  it("shuts a running answer down on dispose, frees the engine and refuses later requests", async () => {
    let disposing: Promise<void> | undefined;
    const answer = await collect(client.stream(ask({ temperature: 0, maxTokens: 1500, seed: 1 })), (event) => {
      if (event.type === "text" && disposing === undefined) disposing = client.dispose();
    });
    await disposing;
    assert.equal(answer.summary.finishReason, "error");
    assert.match(answer.summary.error?.message ?? "", /shut down/);
    assert.ok((answer.summary.usage?.completionTokens ?? Infinity) <= 4);
    assert.equal(client.engineInfo, undefined);
    assert.equal((await collect(client.stream(ask()))).summary.finishReason, "error");
    assert.equal((await client.health()).state, "error");
  });
});

describe("EmbeddedChatModel when it cannot answer", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "medgemma-embedded-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reports a missing model file as an error record with an actionable message, not a throw", async () => {
    const path = join(dir, "medgemma-4b-it-Q4_K_M.gguf");
    const client = new EmbeddedChatModel(options(path));
    const answer = await collect(client.stream(ask()));
    assert.equal(answer.summary.finishReason, "error");
    assert.equal(answer.summary.error?.kind, "configuration");
    assert.match(answer.summary.error?.message ?? "", /does not exist/);
    assert.match(answer.summary.error?.message ?? "", /medgemma\.embedded\.modelPath/);
    const health = await client.health();
    assert.equal(health.state, "error");
    assert.equal(health.message, answer.summary.error?.message);
    await client.dispose();
  });

  it("reports an empty model path and a file that is not GGUF", async () => {
    const unset = new EmbeddedChatModel(options(""));
    const health = await unset.health();
    assert.equal(health.state, "error");
    assert.match(health.message, /medgemma\.embedded\.modelPath/);
    assert.equal((await collect(unset.stream(ask()))).summary.error?.kind, "configuration");

    const text = join(dir, "notes.gguf");
    await writeFile(text, "Not a model at all, just some notes about a model.\n");
    const wrong = new EmbeddedChatModel(options(text));
    assert.match((await wrong.health()).message, /not a GGUF model file/);
    assert.match((await collect(wrong.stream(ask()))).summary.error?.message ?? "", /not a GGUF model file/);
  });

  it("ends a request cancelled while the model is still loading with cancelled; the load goes on", async () => {
    let importCalled: () => void = () => undefined;
    const calledPromise = new Promise<void>((resolve) => (importCalled = resolve));
    let failImport: (error: Error) => void = () => undefined;
    const client = new EmbeddedChatModel(
      options(await ensureTinyGemmaModel(), {
        importEngine: () => {
          importCalled();
          return new Promise<NodeLlamaCppModule>((_, reject) => (failImport = reject));
        },
      }),
    );
    const controller = new AbortController();
    const answer = collect(client.stream(ask(), controller.signal));
    controller.abort();
    assert.equal((await answer).summary.finishReason, "cancelled");
    assert.equal((await client.health()).state, "loading");
    await calledPromise;
    failImport(new Error("engine missing"));
    await client.dispose();
  });

  it("reports an engine that cannot load on this machine as an engine error naming the alternatives", async () => {
    const client = new EmbeddedChatModel(
      options(await ensureTinyGemmaModel(), { importEngine: () => Promise.reject(new Error("Cannot find module 'node-llama-cpp'")) }),
    );
    const answer = await collect(client.stream(ask()));
    assert.equal(answer.summary.finishReason, "error");
    assert.equal(answer.summary.error?.kind, "engine");
    assert.match(answer.summary.error?.message ?? "", /Cannot find module/);
    assert.match(answer.summary.error?.message ?? "", /medgemma\.backend\.endpoint/);
    // The header still looks right, but the last load failed: health says why.
    const health = await client.health();
    assert.equal(health.state, "error");
    assert.equal(health.message, answer.summary.error?.message);
  });
});
