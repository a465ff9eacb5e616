import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Conversation, toExchangeView } from "../../../client/src/chat/conversation";
import type { AskContext } from "../../../client/src/chat/conversation";

const context: AskContext = {
  uri: "file:///home/writer/notes/note.md",
  range: { start: { line: 11, character: 0 }, end: { line: 17, character: 5 } },
  view: { label: "note.md:12–18", detail: "notes/note.md, lines 12 to 18" },
};

function counter(): () => string {
  let next = 0;
  return () => `e${++next}`;
}

describe("Conversation", () => {
  it("sends only completed earlier turns as history, oldest first", () => {
    const conversation = new Conversation(counter());
    const done = conversation.add("first", undefined);
    done.answer = "one";
    done.state = "done";
    const failed = conversation.add("second", undefined);
    failed.state = "error";
    failed.error = "unreachable";
    const stopped = conversation.add("third", undefined);
    stopped.answer = "partial";
    stopped.state = "cancelled";
    const truncated = conversation.add("fourth", undefined);
    truncated.answer = "cut off";
    truncated.state = "truncated";
    const blank = conversation.add("fifth", undefined);
    blank.answer = "  ";
    blank.state = "done";
    const current = conversation.add("sixth", undefined);
    const later = conversation.add("seventh", undefined);
    later.answer = "later";
    later.state = "done";

    assert.deepEqual(conversation.historyBefore(current.id), [
      { role: "user", content: "first" },
      { role: "assistant", content: "one" },
      { role: "user", content: "fourth" },
      { role: "assistant", content: "cut off" },
    ]);
    assert.deepEqual(conversation.historyBefore(done.id), []);
  });

  it("is busy while an exchange streams", () => {
    const conversation = new Conversation(counter());
    assert.equal(conversation.busy, false);
    const exchange = conversation.add("q", undefined);
    assert.equal(conversation.busy, true);
    exchange.state = "done";
    assert.equal(conversation.busy, false);
  });

  it("keeps the URI and range out of what the webview sees", () => {
    const conversation = new Conversation(counter());
    conversation.attachment = context;
    const exchange = conversation.add("Explain", conversation.attachment);
    exchange.redactions = 3;
    const snapshot = conversation.snapshot();
    assert.deepEqual(snapshot, {
      exchanges: [{ id: "e1", question: "Explain", context: "note.md:12–18", answer: "", state: "streaming", redactions: 3 }],
      attachment: { label: "note.md:12–18", detail: "notes/note.md, lines 12 to 18" },
      draft: "",
    });
    assert.doesNotMatch(JSON.stringify(snapshot), /file:|home\/writer|"line"/);
  });

  it("omits absent optional fields from views", () => {
    const conversation = new Conversation(counter());
    const exchange = conversation.add("q", undefined);
    assert.deepEqual(Object.keys(toExchangeView(exchange)).sort(), ["answer", "id", "question", "state"]);
  });

  it("resets an exchange for a retry and clears all but the draft", () => {
    const conversation = new Conversation(counter());
    const exchange = conversation.add("q", context);
    exchange.answer = "partial";
    exchange.state = "error";
    exchange.error = "boom";
    exchange.redactions = 1;
    exchange.status = "Working";
    conversation.reset(exchange);
    assert.deepEqual(toExchangeView(exchange), { id: "e1", question: "q", context: "note.md:12–18", answer: "", state: "streaming" });

    conversation.attachment = context;
    conversation.draft = "next question";
    conversation.clear();
    assert.equal(conversation.exchanges.length, 0);
    assert.equal(conversation.attachment, undefined);
    assert.equal(conversation.draft, "next question");
  });

  it("uses random UUIDs as ids by default", () => {
    const conversation = new Conversation();
    const a = conversation.add("a", undefined);
    const b = conversation.add("b", undefined);
    assert.match(a.id, /^[0-9a-f-]{36}$/);
    assert.notEqual(a.id, b.id);
  });
});
