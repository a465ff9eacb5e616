import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PrivacyGuard } from "../../../server/src/features/privacyGuard";
import type { PhiPolicy, PhiToolkit, WarnChoice } from "../../../server/src/features/privacyGuard";
import { GenerationError } from "../../../server/src/features/generation";
import type { ChatMessage } from "../../../server/src/model/types";

/** Finds "Jane Doe" only; a real detector is tested on its own. */
const toolkit: PhiToolkit = {
  detect: (text) => {
    const at = text.indexOf("Jane Doe");
    return at < 0 ? [] : [{ type: "NAME", start: at, end: at + 8 }];
  },
  describe: (findings) => `${findings.length} name${findings.length === 1 ? "" : "s"}`,
  newSession: () => {
    let count = 0;
    return {
      redact: (text) => text.replaceAll("Jane Doe", () => (count++, "[NAME-1]")),
      restorer: () => ({ push: (chunk) => chunk.replaceAll("[NAME-1]", "Jane Doe"), flush: () => "" }),
      summary: (): { total: number; byType: Record<string, number> } => ({ total: count, byType: count ? { NAME: count } : {} }),
    };
  },
};

const messages: ChatMessage[] = [
  { role: "system", content: "System text mentions Jane Doe but is ours." },
  { role: "user", content: "Summarize: Jane Doe, 54, admitted with chest pain." },
];

function guard(policy: PhiPolicy, choice: WarnChoice = "send"): { guard: PrivacyGuard; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    guard: new PrivacyGuard({ toolkit, policy: () => policy, destination: () => "https://gpu.example.org/v1", confirm: (q) => (asked.push(q), Promise.resolve(choice)) }),
  };
}

describe("PrivacyGuard", () => {
  it("allow: sends the text as it is", async () => {
    const prepared = await guard("allow").guard.prepare(messages, "chat");
    assert.deepEqual(prepared.messages, messages);
    assert.equal(prepared.redactions, undefined);
  });

  it("redact: replaces identifiers in outgoing messages only, and restores them in the answer", async () => {
    const prepared = await guard("redact").guard.prepare(messages, "summary");
    assert.equal(prepared.messages[0]?.content, messages[0]?.content);
    assert.equal(prepared.messages[1]?.content, "Summarize: [NAME-1], 54, admitted with chest pain.");
    assert.deepEqual(prepared.redactions, { total: 1, byType: { NAME: 1 } });
    assert.equal(prepared.restorer.push("[NAME-1] is stable."), "Jane Doe is stable.");
  });

  it("block: refuses with the kinds found, never the values", async () => {
    await assert.rejects(guard("block").guard.prepare(messages, "chat"), (error: unknown) => {
      assert.ok(error instanceof GenerationError);
      assert.equal(error.kind, "phi-blocked");
      assert.match(error.message, /1 name.*"block"/);
      assert.ok(!error.message.includes("Jane"));
      return true;
    });
  });

  it("warn: asks once, showing what was found, and does what the writer chose", async () => {
    const send = guard("warn", "send");
    assert.deepEqual((await send.guard.prepare(messages, "chat")).messages, messages);
    assert.equal(send.asked.length, 1);
    assert.match(send.asked[0] ?? "", /possible patient identifiers: 1 name\. Send it to https:\/\/gpu\.example\.org\/v1\?/);
    assert.ok(!(send.asked[0] ?? "").includes("Jane"));

    const redact = guard("warn", "redact");
    assert.match((await redact.guard.prepare(messages, "chat")).messages[1]?.content ?? "", /\[NAME-1\]/);

    await assert.rejects(guard("warn", "cancel").guard.prepare(messages, "chat"), /you cancelled/);
  });

  it("warn: does not ask when nothing is found, and hovers refuse instead of asking", async () => {
    const clean = guard("warn");
    await clean.guard.prepare([{ role: "user", content: "What is HbA1c?" }], "chat");
    assert.equal(clean.asked.length, 0);
    const hovering = guard("warn");
    await assert.rejects(hovering.guard.prepare(messages, "hover"), /Hovers cannot ask first/);
    assert.equal(hovering.asked.length, 0);
  });
});
