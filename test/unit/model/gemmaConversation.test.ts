import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { normalizeConversation, withGemmaStop } from "../../../server/src/model/gemmaConversation";
import type { ChatMessage } from "../../../server/src/model/types";

const sys = (content: string): ChatMessage => ({ role: "system", content });
const user = (content: string): ChatMessage => ({ role: "user", content });
const bot = (content: string): ChatMessage => ({ role: "assistant", content });

/** Gemma's template accepts exactly: optional system, then user/assistant alternating from user. */
function alternates(messages: ChatMessage[]): boolean {
  const turns = messages[0]?.role === "system" ? messages.slice(1) : messages;
  return turns.every((m, i) => m.role === (i % 2 === 0 ? "user" : "assistant"));
}

describe("normalizeConversation", () => {
  it("keeps a well-formed single turn as it is", () => {
    assert.deepEqual(normalizeConversation([sys("Be brief."), user("What is HbA1c?")]), [sys("Be brief."), user("What is HbA1c?")]);
  });

  it("makes one system preamble out of several, at the front", () => {
    const out = normalizeConversation([sys("A."), user("q"), sys("B.")]);
    assert.deepEqual(out, [sys("A.\n\nB."), user("q")]);
  });

  it("drops a user turn that was never answered (a cancelled request) from the history", () => {
    const out = normalizeConversation([user("first, cancelled"), user("second"), bot("answer 2"), user("third")]);
    assert.deepEqual(out, [user("second"), bot("answer 2"), user("third")]);
    assert.ok(alternates(out));
  });

  it("merges consecutive assistant turns and the parts of the current user turn", () => {
    const out = normalizeConversation([user("q1"), bot("part a"), bot("part b"), user("context"), user("question")]);
    assert.deepEqual(out, [user("q1"), bot("part a\n\npart b"), user("context\n\nquestion")]);
  });

  it("drops assistant turns before the first user turn and empty messages", () => {
    const out = normalizeConversation([bot("hello, how can I help?"), user("  "), user("q")]);
    assert.deepEqual(out, [user("q")]);
  });

  it("always yields alternating roles", () => {
    const roles: ChatMessage["role"][] = ["system", "user", "assistant"];
    for (let seed = 1; seed < 200; seed++) {
      let x = seed;
      const messages: ChatMessage[] = [];
      for (let i = 0; i < 8; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        messages.push({ role: roles[x % 3] ?? "user", content: `m${i}` });
      }
      assert.ok(alternates(normalizeConversation(messages)), JSON.stringify(messages));
    }
  });
});

describe("withGemmaStop", () => {
  it("always adds <end_of_turn>, once", () => {
    assert.deepEqual(withGemmaStop(undefined), ["<end_of_turn>"]);
    assert.deepEqual(withGemmaStop({ stop: ["\n\n"] }), ["\n\n", "<end_of_turn>"]);
    assert.deepEqual(withGemmaStop({ stop: ["<end_of_turn>"] }), ["<end_of_turn>"]);
  });
});
