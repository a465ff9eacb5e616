import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { AI_NOTE, SENSE_PICK_DEADLINE_MS, hover } from "../../../server/src/features/hover";
import type { HoverDeps, HoverVocabulary } from "../../../server/src/features/hover";
import type { GenerationOutcome } from "../../../server/src/features/generation";
import { LruCache } from "../../../server/src/util/lruCache";
import { RequestScheduler } from "../../../server/src/util/requestScheduler";
import { CancelledError, SingleFlight } from "../../../server/src/util/singleFlight";
import { ScriptedModel } from "../../support/scriptedModel";
import type { ScriptedModelOptions } from "../../support/scriptedModel";

const TEXT = "Pt with PE on CTPA. Started apixaban for atrial fibrillation. The weather was fine.";

/** A tiny vocabulary with one abbreviation and one term, so hover logic is tested apart from the lexicon. */
const vocabulary: HoverVocabulary = {
  abbreviationAt: (text, offset) => {
    const start = text.indexOf("PE");
    if (offset < start || offset > start + 2) return undefined;
    return {
      start,
      end: start + 2,
      text: "PE",
      senses: [
        { expansion: "physical examination", gloss: "the bedside exam", domain: "general" },
        { expansion: "pulmonary embolism", gloss: "a clot in the lung arteries", domain: "pulmonology" },
      ],
    };
  },
  termAt: (text, offset) => {
    const start = text.indexOf("atrial fibrillation");
    return offset >= start && offset <= start + 19 ? { start, end: start + 19, term: "atrial fibrillation", kind: "condition" } : undefined;
  },
  sentenceAround: (text, offset) => {
    const start = text.lastIndexOf(". ", offset) + 1;
    const end = text.indexOf(".", offset) + 1;
    return { start: start === 0 ? 0 : start + 1, end };
  },
};

function deps(options: ScriptedModelOptions = {}, overrides: Partial<HoverDeps> = {}): HoverDeps & { model: ScriptedModel } {
  const model = new ScriptedModel(options);
  return {
    model,
    scheduler: new RequestScheduler(2),
    guard: { prepare: (messages) => Promise.resolve({ messages, restorer: { push: (c) => c, flush: () => "" } }) },
    vocabulary,
    cache: new LruCache<string>(100_000, 100, (s) => s.length),
    flights: new SingleFlight<GenerationOutcome>(),
    backendState: "ready",
    modelId: "m",
    contextLength: 8192,
    maxTokens: 64,
    temperature: 0.7,
    ...overrides,
  } as HoverDeps & { model: ScriptedModel };
}

describe("hover", () => {
  it("returns nothing on an ordinary word and never calls the model", async () => {
    const d = deps();
    assert.equal(await hover(d, { text: TEXT, offset: TEXT.indexOf("weather") + 2 }), undefined);
    assert.equal(d.model.requests.length, 0);
  });

  it("explains a selection, briefly, with the AI note, and caches the answer", async () => {
    const d = deps({ answer: () => "Pulmonary embolism confirmed on CT." });
    const selection = { start: 0, end: 19 };
    const first = await hover(d, { text: TEXT, offset: 5, selection });
    assert.ok(first);
    assert.deepEqual(first.range, selection);
    assert.match(first.markdown, /explanation of the selection/);
    assert.ok(first.markdown.includes("Pulmonary embolism confirmed on CT."));
    assert.ok(first.markdown.endsWith(AI_NOTE));
    const request = d.model.requests[0];
    assert.equal(request?.options?.maxTokens, 64);
    assert.equal(request?.options?.temperature, 0.2, "hover temperature is capped");
    // Cached: same answer, no second call, even with the backend gone.
    const again = await hover({ ...d, backendState: "unreachable" }, { text: TEXT, offset: 5, selection });
    assert.equal(again?.markdown, first.markdown);
    assert.equal(d.model.requests.length, 1);
  });

  it("says a selection is too long instead of sending it", async () => {
    const d = deps({}, { contextLength: 600 });
    const long = "word ".repeat(2000);
    const result = await hover(d, { text: long, offset: 10, selection: { start: 0, end: long.length } });
    assert.match(result?.markdown ?? "", /too long to explain in a hover.*Summarize/);
    assert.equal(d.model.requests.length, 0);
  });

  it("explains a medical term in the context of its sentence", async () => {
    const d = deps({ answer: () => "An irregular heart rhythm." });
    const result = await hover(d, { text: TEXT, offset: TEXT.indexOf("fibrillation") });
    assert.match(result?.markdown ?? "", /^\*\*atrial fibrillation\*\* \(condition\)/);
    assert.ok(d.model.userText(0).includes("Started apixaban for atrial fibrillation."));
  });

  it("shows abbreviation senses with the model's pick when it comes quickly, marked as model-chosen", async () => {
    const d = deps({ answer: () => "2" });
    const result = await hover(d, { text: TEXT, offset: TEXT.indexOf("PE") + 1 });
    assert.ok(result);
    assert.match(result.markdown, /1\. \*\*physical examination\*\*/);
    assert.match(result.markdown, /2\. \*\*pulmonary embolism\*\*.*MedGemma's pick/);
    assert.match(result.markdown, /reads it as \*\*pulmonary embolism\*\* \(model-chosen/);
  });

  it("shows the senses at once when the model is slow, and the pick on the next hover", async () => {
    const d = deps({ answer: () => "2", delayMs: SENSE_PICK_DEADLINE_MS + 200, pieceSize: 10 });
    const started = performance.now();
    const first = await hover(d, { text: TEXT, offset: TEXT.indexOf("PE") });
    assert.ok(performance.now() - started < SENSE_PICK_DEADLINE_MS * 10);
    assert.match(first?.markdown ?? "", /ranked by the words around it \(no model used\)/);
    await new Promise((resolve) => setTimeout(resolve, SENSE_PICK_DEADLINE_MS + 400));
    const second = await hover(d, { text: TEXT, offset: TEXT.indexOf("PE") });
    assert.match(second?.markdown ?? "", /model-chosen/);
    assert.equal(d.model.requests.length, 1);
  });

  it("shows senses without asking the model when the backend is not ready", async () => {
    const d = deps({}, { backendState: "unreachable" });
    const result = await hover(d, { text: TEXT, offset: TEXT.indexOf("PE") });
    assert.match(result?.markdown ?? "", /pulmonary embolism/);
    assert.equal(d.model.requests.length, 0);
  });

  it("makes model output inert: no HTML, no links, no images", async () => {
    const d = deps({ answer: () => 'See <img src=x onerror="alert(1)"> [click](command:evil) ![i](http://x/y.png) https://evil.example' });
    const result = await hover(d, { text: TEXT, offset: 3, selection: { start: 0, end: 10 } });
    const md = result?.markdown ?? "";
    assert.ok(!md.includes("<img"));
    assert.ok(md.includes("&lt;img"));
    assert.ok(!md.includes("](command:evil)"));
    assert.ok(!md.includes("![i]"));
    assert.ok(md.includes("`https://evil.example`"));
  });

  it("shares one backend call among identical concurrent hovers", async () => {
    const d = deps({ answer: () => "Shared.", delayMs: 20 });
    const results = await Promise.all(Array.from({ length: 10 }, () => hover(d, { text: TEXT, offset: 3, selection: { start: 0, end: 10 } })));
    assert.equal(d.model.requests.length, 1);
    assert.ok(results.every((r) => r?.markdown.includes("Shared.")));
  });

  it("rejects with CancelledError when its signal aborts and aborts the backend call", async () => {
    const d = deps({ answer: () => "x".repeat(200), delayMs: 10, pieceSize: 1 });
    const controller = new AbortController();
    const pending = hover(d, { text: TEXT, offset: 3, selection: { start: 0, end: 10 } }, controller.signal);
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(pending, CancelledError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(d.model.aborted, 1);
  });
});
