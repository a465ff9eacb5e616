import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ask, trimHistory } from "../../../server/src/features/ask";
import { RequestScheduler } from "../../../server/src/util/requestScheduler";
import { ScriptedModel } from "../../support/scriptedModel";

const guard = { prepare: (messages: never[]) => Promise.resolve({ messages, restorer: { push: (c: string) => c, flush: () => "" } }) };
const base = { contextLength: 8192, maxTokens: 256, temperature: 0.2, thinking: false };

describe("ask", () => {
  it("grounds the question in the attached text, question first and text last", async () => {
    const model = new ScriptedModel({ answer: () => "Yes." });
    const outcome = await ask({ model, scheduler: new RequestScheduler(1), guard }, { ...base, question: " Is the dose right? ", context: "Metformin 500 mg BID" });
    assert.equal(outcome.text, "Yes.");
    assert.equal(model.userText(0), "Is the dose right?\n\nThe question is about this text:\n<passage>\nMetformin 500 mg BID\n</passage>");
    assert.equal(model.requests[0]?.messages[0]?.role, "system");
  });

  it("refuses an empty question and text that cannot fit, saying what to do", async () => {
    const model = new ScriptedModel();
    const deps = { model, scheduler: new RequestScheduler(1), guard };
    await assert.rejects(ask(deps, { ...base, question: "  " }), /Type a question/);
    await assert.rejects(ask(deps, { ...base, contextLength: 1024, question: "Summarize", context: "x".repeat(20_000) }), /Attach a shorter passage/);
    assert.equal(model.requests.length, 0);
  });

  it("adds the thinking switch only when asked", async () => {
    const model = new ScriptedModel();
    await ask({ model, scheduler: new RequestScheduler(1), guard }, { ...base, thinking: true, question: "q" });
    assert.match(model.requests[0]?.messages[0]?.content ?? "", /^SYSTEM INSTRUCTION: think silently if needed\./);
  });
});

describe("trimHistory", () => {
  it("keeps the most recent turns that fit, starting with a user turn", () => {
    const history = [
      { role: "user" as const, content: "old question ".repeat(100) },
      { role: "assistant" as const, content: "old answer" },
      { role: "user" as const, content: "q2" },
      { role: "assistant" as const, content: "a2" },
    ];
    assert.deepEqual(trimHistory(history, 100), history.slice(2));
    assert.deepEqual(trimHistory(history, 10_000), history);
    assert.deepEqual(trimHistory(history.slice(1), 10_000), history.slice(2));
  });

  it("ignores malformed turns", () => {
    assert.deepEqual(trimHistory([{ role: "system", content: "x" } as never, { role: "user", content: 5 } as never, { role: "user", content: "ok" }], 100), [{ role: "user", content: "ok" }]);
  });
});
