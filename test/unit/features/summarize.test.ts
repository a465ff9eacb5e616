import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { summarize, splitForBudget } from "../../../server/src/features/summarize";
import type { GenerationDeps } from "../../../server/src/features/generation";
import { RequestScheduler } from "../../../server/src/util/requestScheduler";
import { ScriptedModel } from "../../support/scriptedModel";

const allow: GenerationDeps["guard"] = { prepare: (messages) => Promise.resolve({ messages, restorer: { push: (c) => c, flush: () => "" } }) };

describe("splitForBudget", () => {
  it("keeps short text whole and cuts long text at paragraph breaks", () => {
    assert.deepEqual(splitForBudget("short", 100), ["short"]);
    const text = ["A".repeat(60), "B".repeat(60), "C".repeat(60)].join("\n\n");
    const parts = splitForBudget(text, 100);
    assert.deepEqual(parts, ["A".repeat(60), "B".repeat(60), "C".repeat(60)]);
  });

  it("never loses or reorders text and respects the size", () => {
    const text = Array.from({ length: 300 }, (_, i) => `Sentence ${i} about potassium.${i % 7 === 0 ? "\n" : " "}`).join("");
    const parts = splitForBudget(text, 500);
    assert.ok(parts.every((p) => p.length <= 500));
    assert.equal(parts.join(" ").replace(/\s+/g, " ").trim(), text.replace(/\s+/g, " ").trim());
  });
});

describe("summarize", () => {
  it("summarizes text that fits in one request, streaming the deltas", async () => {
    const model = new ScriptedModel({ answer: () => "Stable NSTEMI, on aspirin." });
    const deltas: string[] = [];
    const outcome = await summarize(
      { model, scheduler: new RequestScheduler(2), guard: allow },
      { text: "Patient with NSTEMI...", style: "clinical", contextLength: 8192, maxTokens: 256, temperature: 0.2 },
      undefined,
      { onDelta: (d) => deltas.push(d) },
    );
    assert.equal(outcome.text, "Stable NSTEMI, on aspirin.");
    assert.equal(deltas.join(""), outcome.text);
    assert.equal(model.requests.length, 1);
    assert.match(model.userText(0), /<passage>\nPatient with NSTEMI...\n<\/passage>$/);
  });

  it("summarizes text longer than the context in parts, then combines them, reporting progress", async () => {
    let part = 0;
    const model = new ScriptedModel({ answer: (r) => (r.messages.at(-1)?.content.includes("<part number") ? "COMBINED" : `partial ${++part}`) });
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}: ${"the patient remained stable on the ward. ".repeat(20)}`);
    const statuses: string[] = [];
    const outcome = await summarize(
      { model, scheduler: new RequestScheduler(2), guard: allow },
      { text: paragraphs.join("\n\n"), style: "bullets", contextLength: 1500, maxTokens: 200, temperature: 0 },
      undefined,
      { onStatus: (s) => statuses.push(s) },
    );
    assert.equal(outcome.text, "COMBINED");
    assert.ok(part >= 3, `expected several parts, got ${part}`);
    assert.ok(statuses.some((s) => /^Summarizing part 1 of \d+$/.test(s)));
    assert.ok(statuses.at(-1)?.startsWith("Combining"));
    // Every request fits the context (estimated at 3.25 characters a token).
    for (const request of model.requests) {
      const chars = request.messages.reduce((n, m) => n + m.content.length, 0);
      assert.ok(chars / 3.25 <= 1500, `request of ${chars} characters`);
    }
    // Every paragraph was read by some request.
    for (let i = 0; i < 12; i++) assert.ok(model.requests.some((r) => r.messages.some((m) => m.content.includes(`Paragraph ${i}:`))));
  });

  it("stops after a cancel without combining", async () => {
    const model = new ScriptedModel({ answer: () => "partial", delayMs: 5 });
    const controller = new AbortController();
    const text = Array.from({ length: 10 }, () => "x".repeat(2000)).join("\n\n");
    const running = summarize(
      { model, scheduler: new RequestScheduler(1), guard: allow },
      { text, style: "clinical", contextLength: 1200, maxTokens: 100, temperature: 0 },
      controller.signal,
      { onStatus: (status) => status.startsWith("Summarizing part 2") && controller.abort() },
    );
    const outcome = await running;
    assert.equal(outcome.finishReason, "cancelled");
    assert.equal(model.requests.length, 1);
  });
});
