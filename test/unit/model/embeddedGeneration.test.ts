// The generation loop against a scripted stand-in for the engine: which options reach the sampler, how thinking
// markers, split characters and stop strings are handled, and where cancels are noticed.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { LoadedEngine } from "../../../server/src/model/embedded/engineLoader";
import { generateAnswer, type GenerationControl } from "../../../server/src/model/embedded/generation";
import type { ChatRequest, CompletionSummary, StreamEvent } from "../../../server/src/model/types";

const EOG = 0;

interface Script {
  /** Byte pieces by token id; id 0 is end of generation. */
  pieces: Record<number, Buffer>;
  /** Tokens the sampler yields, in order. */
  output: number[];
  promptLength?: number;
}

interface Recorder {
  evaluateOptions: Record<string, unknown>[];
  promptSlices: number;
  generated: number;
  cleared: number;
}

function fakeEngine(script: Script, hooks: { onPromptSlice?: () => void } = {}): { engine: LoadedEngine; recorder: Recorder } {
  const recorder: Recorder = { evaluateOptions: [], promptSlices: 0, generated: 0, cleared: 0 };
  const promptTokens = Array.from({ length: script.promptLength ?? 10 }, (_, index) => 1000 + index);
  const model = {
    tokenizer: {},
    isEogToken: (token: number) => token === EOG,
    detokenize: (tokens: number[]) => Buffer.concat(tokens.map((token) => script.pieces[token] ?? Buffer.alloc(0))).toString("utf8"),
  };
  const sequence = {
    nextTokenIndex: 0,
    adaptStateToTokens: () => Promise.resolve(),
    clearHistory: () => {
      recorder.cleared++;
      return Promise.resolve();
    },
    evaluateWithoutGeneratingNewTokens: () => {
      recorder.promptSlices++;
      hooks.onPromptSlice?.();
      return Promise.resolve();
    },
    evaluate: async function* (_tokens: number[], options: Record<string, unknown>) {
      recorder.evaluateOptions.push(options);
      for (const token of script.output) {
        recorder.generated++;
        await Promise.resolve();
        yield token;
      }
    },
  };
  const renderer = { render: () => ({ tokenize: () => promptTokens }) };
  const engine = { model, sequence, renderer, contextSize: 4096, trainContextSize: 8192, modelName: "fake" } as unknown as LoadedEngine;
  return { engine, recorder };
}

function control(extra: Partial<GenerationControl> = {}): GenerationControl {
  return {
    modelPath: "/models/fake.gguf",
    shutdown: new AbortController().signal,
    shutdownError: () => {
      throw new Error("not shut down in this test");
    },
    startedAt: 0,
    ...extra,
  };
}

const request = (options: ChatRequest["options"] = {}): ChatRequest => ({ messages: [{ role: "user", content: "Q" }], options });

async function run(stream: AsyncIterable<StreamEvent>, onEvent?: (event: StreamEvent) => void): Promise<{ events: StreamEvent[]; summary: CompletionSummary }> {
  const events: StreamEvent[] = [];
  for await (const event of stream) {
    onEvent?.(event);
    events.push(event);
  }
  const last = events[events.length - 1];
  assert.ok(last?.type === "done");
  assert.equal(events.filter((event) => event.type === "done").length, 1);
  return { events, summary: last.summary };
}

const text = (value: string): Buffer => Buffer.from(value, "utf8");

describe("generateAnswer", () => {
  it("passes temperature, topP and seed to the sampler and evaluates a seeded prompt from scratch", async () => {
    const { engine, recorder } = fakeEngine({ pieces: { 1: text("Hi") }, output: [1, EOG] });
    const { summary } = await run(generateAnswer(engine, request({ temperature: 0.3, topP: 0.7, seed: 42 }), control()));
    assert.equal(summary.finishReason, "stop");
    assert.equal(recorder.evaluateOptions[0]?.temperature, 0.3);
    assert.equal(recorder.evaluateOptions[0]?.topP, 0.7);
    assert.equal(recorder.evaluateOptions[0]?.seed, 42);
    assert.equal(recorder.cleared, 1);
    assert.deepEqual(summary.usage, { promptTokens: 10, completionTokens: 1 });
  });

  it("moves MedGemma's thinking into reasoning events and shows only the answer as text", async () => {
    const pieces = { 1: text("<unused94>"), 2: text("thought\n"), 3: text("check dose"), 4: text("<unused95>"), 5: text("Answer"), 6: text(".") };
    const { engine } = fakeEngine({ pieces, output: [1, 2, 3, 4, 5, 6, EOG] });
    const { events } = await run(generateAnswer(engine, request(), control()));
    const reasoning = events.flatMap((event) => (event.type === "reasoning" ? [event.text] : [])).join("");
    const visible = events.flatMap((event) => (event.type === "text" ? [event.text] : [])).join("");
    assert.equal(reasoning, "check dose");
    assert.equal(visible, "Answer.");
  });

  it("holds back a token that ends inside a character until the character is complete", async () => {
    const micro = Buffer.from("µ", "utf8");
    const pieces = { 1: text("5 "), 2: micro.subarray(0, 1), 3: micro.subarray(1), 4: text("g") };
    const { engine } = fakeEngine({ pieces, output: [1, 2, 3, 4, EOG] });
    const { events } = await run(generateAnswer(engine, request(), control()));
    const texts = events.flatMap((event) => (event.type === "text" ? [event.text] : []));
    assert.deepEqual(texts, ["5 ", "µ", "g"]);
  });

  it("stops at end-of-turn written as text and at a caller's stop string split across tokens", async () => {
    const asText = fakeEngine({ pieces: { 1: text("Done"), 2: text("<end_of"), 3: text("_turn>"), 4: text("more") }, output: [1, 2, 3, 4] });
    const first = await run(generateAnswer(asText.engine, request(), control()));
    assert.equal(first.summary.finishReason, "stop");
    assert.deepEqual(first.events.flatMap((event) => (event.type === "text" ? [event.text] : [])), ["Done"]);
    assert.equal(asText.recorder.generated, 3, "the engine is not asked for more after the stop");

    const custom = fakeEngine({ pieces: { 1: text("a\n"), 2: text("\nb") }, output: [1, 2, 1] });
    const second = await run(generateAnswer(custom.engine, request({ stop: ["\n\n"] }), control()));
    assert.equal(second.summary.finishReason, "stop");
    assert.equal(second.events.flatMap((event) => (event.type === "text" ? [event.text] : [])).join(""), "a");
  });

  it("ends with length at maxTokens without asking the engine for more", async () => {
    const { engine, recorder } = fakeEngine({ pieces: { 1: text("x") }, output: [1, 1, 1, 1, 1, 1] });
    const { summary } = await run(generateAnswer(engine, request({ maxTokens: 3 }), control()));
    assert.equal(summary.finishReason, "length");
    assert.equal(summary.usage?.completionTokens, 3);
    assert.equal(recorder.generated, 3);
  });

  it("notices a cancel between slices of a long prompt, before generating", async () => {
    const controller = new AbortController();
    const { engine, recorder } = fakeEngine({ pieces: { 1: text("x") }, output: [1, EOG], promptLength: 2000 }, { onPromptSlice: () => controller.abort() });
    const { summary } = await run(generateAnswer(engine, request(), control({ signal: controller.signal })));
    assert.equal(summary.finishReason, "cancelled");
    assert.equal(recorder.promptSlices, 1);
    assert.equal(recorder.generated, 0);
  });

  it("turns an engine failure into an error record", async () => {
    const { engine } = fakeEngine({ pieces: {}, output: [] });
    (engine.sequence as unknown as { evaluate: () => AsyncGenerator<number> }).evaluate = async function* () {
      await Promise.resolve();
      yield* [];
      throw new Error("ggml_decode failed");
    };
    const { summary } = await run(generateAnswer(engine, request(), control()));
    assert.equal(summary.finishReason, "error");
    assert.equal(summary.error?.kind, "engine");
    assert.match(summary.error?.message ?? "", /ggml_decode failed/);
  });

  it("refuses a request without user text", async () => {
    const { engine } = fakeEngine({ pieces: {}, output: [] });
    const { summary } = await run(generateAnswer(engine, { messages: [{ role: "system", content: "Be brief." }] }, control()));
    assert.equal(summary.error?.kind, "bad-request");
  });
});
