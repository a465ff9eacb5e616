import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { knownMessageType, Limits, parseHostMessage, parseWebviewMessage, redactionNote } from "../../../common/webviewProtocol";
import type { ExchangeView, HostMessage, WebviewMessage } from "../../../common/webviewProtocol";

const exchange: ExchangeView = {
  id: "3f2a9c1e-0b7d-4c55-9a61-2e8f7d6c5b4a",
  question: "What does HbA1c measure?",
  context: "note.md:12–18",
  answer: "**Average glucose** over about three months.",
  state: "done",
  redactions: 2,
};

/** At least one valid message of every type; the Record type makes the compiler insist on every type. */
const validHost: Record<HostMessage["type"], HostMessage[]> = {
  state: [
    { type: "state", snapshot: { exchanges: [], attachment: null, draft: "" } },
    {
      type: "state",
      snapshot: {
        exchanges: [exchange, { id: "b", question: "q", answer: "", state: "streaming", status: "Summarizing part 2 of 3" }],
        attachment: { label: "note.md:3", detail: "notes/note.md, line 3" },
        draft: "half a question",
      },
    },
  ],
  exchange: [
    { type: "exchange", exchange },
    { type: "exchange", exchange: { id: "x_1", question: "q", answer: "partial", state: "error", error: "The backend is unreachable." } },
    { type: "exchange", exchange: { id: "x_2", question: "q", answer: "", state: "truncated" } },
    { type: "exchange", exchange: { id: "x_3", question: "q", answer: "", state: "cancelled" } },
  ],
  delta: [
    { type: "delta", id: "x_1", offset: 0, text: "Hel" },
    { type: "delta", id: "x_1", offset: 3, text: "" },
  ],
  attachment: [
    { type: "attachment", attachment: null },
    { type: "attachment", attachment: { label: "Untitled-1:1–4", detail: "Untitled-1, lines 1 to 4" } },
  ],
  draft: [{ type: "draft", text: "" }],
  notice: [
    { type: "notice", text: "Copied the answer to the clipboard.", level: "info" },
    { type: "notice", text: "There is no open editor.", level: "warning" },
  ],
  focusInput: [{ type: "focusInput" }],
};

const validWebview: Record<WebviewMessage["type"], WebviewMessage[]> = {
  ready: [{ type: "ready" }],
  send: [{ type: "send", text: "Explain this" }, { type: "send", text: "x".repeat(Limits.questionChars) }],
  stop: [{ type: "stop" }],
  retry: [{ type: "retry", id: "abc-123" }],
  copy: [{ type: "copy", id: "abc_123" }],
  insert: [{ type: "insert", id: "A" }],
  openLink: [{ type: "openLink", href: "https://example.org/a?b=c" }, { type: "openLink", href: "javascript:alert(1)" }],
  attachSelection: [{ type: "attachSelection" }],
  removeAttachment: [{ type: "removeAttachment" }],
  newConversation: [{ type: "newConversation" }],
  draft: [{ type: "draft", text: "" }, { type: "draft", text: "line one\nline two" }],
  dropped: [{ type: "dropped", messageType: null }, { type: "dropped", messageType: "delta" }],
};

const huge = "x".repeat(Limits.answerChars + 1);

const invalidHost: [string, unknown][] = [
  ["null", null],
  ["a string", "state"],
  ["an array", [{ type: "focusInput" }]],
  ["no type", { snapshot: { exchanges: [], attachment: null, draft: "" } }],
  ["an unknown type", { type: "eval", code: "alert(1)" }],
  ["a webview type", { type: "send", text: "hi" }],
  ["an extra key", { type: "focusInput", html: "<b>x</b>" }],
  ["a snapshot without draft", { type: "state", snapshot: { exchanges: [], attachment: null } }],
  ["a snapshot with an extra key", { type: "state", snapshot: { exchanges: [], attachment: null, draft: "", uri: "file:///x" } }],
  ["exchanges that are not an array", { type: "state", snapshot: { exchanges: {}, attachment: null, draft: "" } }],
  ["too many exchanges", { type: "state", snapshot: { exchanges: Array.from({ length: Limits.exchanges + 1 }, (_, i) => ({ ...exchange, id: `e${i}` })), attachment: null, draft: "" } }],
  ["an unknown state", { type: "exchange", exchange: { ...exchange, state: "thinking" } }],
  ["a numeric answer", { type: "exchange", exchange: { ...exchange, answer: 42 } }],
  ["a missing question", { type: "exchange", exchange: { id: "a", answer: "", state: "done" } }],
  ["an exchange with document text", { type: "exchange", exchange: { ...exchange, documentText: "Patient John Smith" } }],
  ["an id with spaces", { type: "exchange", exchange: { ...exchange, id: "a b" } }],
  ["an id that is too long", { type: "delta", id: "a".repeat(Limits.idChars + 1), offset: 0, text: "x" }],
  ["an empty id", { type: "copy", id: "" }],
  ["negative redactions", { type: "exchange", exchange: { ...exchange, redactions: -1 } }],
  ["fractional redactions", { type: "exchange", exchange: { ...exchange, redactions: 1.5 } }],
  ["a huge answer", { type: "exchange", exchange: { ...exchange, answer: huge } }],
  ["a huge delta", { type: "delta", id: "a", offset: 0, text: huge }],
  ["a negative offset", { type: "delta", id: "a", offset: -1, text: "x" }],
  ["a string offset", { type: "delta", id: "a", offset: "0", text: "x" }],
  ["a delta without text", { type: "delta", id: "a", offset: 0 }],
  ["an attachment without label", { type: "attachment", attachment: { detail: "x" } }],
  ["an empty attachment label", { type: "attachment", attachment: { label: "", detail: "" } }],
  ["an attachment carrying text", { type: "attachment", attachment: { label: "a:1", detail: "", text: "BP 140/90" } }],
  ["an undefined attachment", { type: "attachment" }],
  ["an unknown notice level", { type: "notice", text: "x", level: "error" }],
  ["a huge notice", { type: "notice", text: "x".repeat(Limits.messageChars + 1), level: "info" }],
  ["a huge draft", { type: "draft", text: "x".repeat(Limits.questionChars + 1) }],
];

const invalidWebview: [string, unknown][] = [
  ["undefined", undefined],
  ["a number", 7],
  ["an unknown type", { type: "runCommand", command: "workbench.action.terminal.new" }],
  ["a host type", { type: "state", snapshot: { exchanges: [], attachment: null, draft: "" } }],
  ["an empty send", { type: "send", text: "" }],
  ["a whitespace-only send", { type: "send", text: " \n\t " }],
  ["a numeric send", { type: "send", text: 5 }],
  ["a huge send", { type: "send", text: "x".repeat(Limits.questionChars + 1) }],
  ["a send with extra keys", { type: "send", text: "hi", textDocument: { uri: "file:///etc/passwd" } }],
  ["a retry without id", { type: "retry" }],
  ["a copy with a bad id", { type: "copy", id: "../../x" }],
  ["an insert with a numeric id", { type: "insert", id: 3 }],
  ["an empty link", { type: "openLink", href: "" }],
  ["a huge link", { type: "openLink", href: `https://example.org/${"a".repeat(Limits.hrefChars)}` }],
  ["a stop with a payload", { type: "stop", id: "x" }],
  ["a ready with a payload", { type: "ready", html: "<img>" }],
  ["a dropped report with free text", { type: "dropped", messageType: "Patient John Smith" }],
  ["a huge draft", { type: "draft", text: "x".repeat(Limits.questionChars + 1) }],
];

describe("webview protocol: host → webview", () => {
  for (const [type, messages] of Object.entries(validHost)) {
    it(`accepts valid "${type}" messages`, () => {
      for (const message of messages) assert.deepEqual(parseHostMessage(message), message);
    });
  }
  for (const [name, message] of invalidHost) {
    it(`rejects ${name}`, () => assert.equal(parseHostMessage(message), undefined));
  }
  it("accepts optional fields given as undefined (they vanish in transit)", () => {
    const message = { type: "exchange", exchange: { ...exchange, error: undefined, status: undefined } };
    assert.ok(parseHostMessage(message));
  });
});

describe("webview protocol: webview → host", () => {
  for (const [type, messages] of Object.entries(validWebview)) {
    it(`accepts valid "${type}" messages`, () => {
      for (const message of messages) assert.deepEqual(parseWebviewMessage(message), message);
    });
  }
  for (const [name, message] of invalidWebview) {
    it(`rejects ${name}`, () => assert.equal(parseWebviewMessage(message), undefined));
  }
});

describe("webview protocol helpers", () => {
  it("names only known message types, so a log line never carries content", () => {
    assert.equal(knownMessageType({ type: "delta", text: "secret" }), "delta");
    assert.equal(knownMessageType({ type: "send", text: 5 }), "send");
    assert.equal(knownMessageType({ type: "Patient John Smith" }), null);
    assert.equal(knownMessageType("send"), null);
    assert.equal(knownMessageType(null), null);
  });

  it("words the redaction note in singular and plural", () => {
    assert.equal(redactionNote(1), "1 identifier was replaced by a placeholder before sending.");
    assert.equal(redactionNote(2), "2 identifiers were replaced by placeholders before sending.");
  });
});
