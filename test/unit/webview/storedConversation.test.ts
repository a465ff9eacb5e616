import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Exchange } from "../../../client/src/chat/conversation";
import { deserializeConversation, serializeConversation } from "../../../client/src/chat/storedConversation";

const exchanges: Exchange[] = [
  {
    id: "e1",
    question: "Explain",
    context: {
      uri: "file:///notes/note.md",
      range: { start: { line: 1, character: 0 }, end: { line: 3, character: 4 } },
      view: { label: "note.md:2–4", detail: "notes/note.md, lines 2 to 4" },
    },
    answer: "An answer",
    state: "done",
    redactions: 2,
  },
  { id: "e2", question: "Why?", answer: "", state: "error", error: "The backend is unreachable." },
  { id: "e3", question: "Still going", answer: "par", state: "streaming", status: "Working" },
];

describe("stored conversation", () => {
  it("round-trips finished exchanges and leaves out one still streaming", () => {
    const stored = serializeConversation(exchanges);
    const restored = deserializeConversation(JSON.parse(JSON.stringify(stored)));
    assert.deepEqual(restored, exchanges.slice(0, 2));
  });

  it("treats missing, foreign and damaged values as unreadable", () => {
    const good = serializeConversation(exchanges) as unknown as { version: number; exchanges: Record<string, unknown>[] };
    const first = good.exchanges[0];
    assert.ok(first);
    const variants: unknown[] = [
      undefined,
      null,
      "text",
      { ...good, version: 2 },
      { version: 1 },
      { version: 1, exchanges: [{ view: { id: "a", question: "q", answer: "", state: "streaming" } }] },
      { version: 1, exchanges: [{ view: { id: "a", question: "q", answer: "", state: "done" } }, { view: { id: "a", question: "q", answer: "", state: "done" } }] },
      { version: 1, exchanges: [{ view: { id: "a", question: 1, answer: "", state: "done" } }] },
      { version: 1, exchanges: [{ ...first, source: { uri: "file:///x", range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, label: "x:1", detail: "" } }] },
      { version: 1, exchanges: [{ ...first, source: { uri: "", range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, label: "x:1", detail: "" } }] },
    ];
    for (const variant of variants) assert.equal(deserializeConversation(variant), undefined, JSON.stringify(variant)?.slice(0, 120));
  });

  it("reads an empty conversation", () => {
    assert.deepEqual(deserializeConversation({ version: 1, exchanges: [] }), []);
  });
});
