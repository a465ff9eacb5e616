import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import type { ExchangeView, HostMessage, WebviewMessage } from "../../../common/webviewProtocol";
import { ChatView, DISCLAIMER } from "../../../client/webview/chatView";
import { createMarkdownRenderer } from "../../../client/webview/markdown";

function setup() {
  const dom = new JSDOM('<!DOCTYPE html><html><body><div id="app"></div></body></html>');
  const { window } = dom;
  const document = window.document;
  const posted: WebviewMessage[] = [];
  const frames: (() => void)[] = [];
  const view = new ChatView(document, {
    post: (message) => posted.push(message),
    renderer: createMarkdownRenderer(window),
    schedule: (callback) => frames.push(callback),
    startTimer: () => () => undefined,
  });
  const $ = <T extends Element = HTMLElement>(selector: string): T => {
    const element = document.querySelector<T>(selector);
    assert.ok(element, `${selector} exists`);
    return element;
  };
  return {
    window,
    document,
    view,
    posted,
    $,
    /** Runs the pending animation frame, as the browser would before painting. */
    frame: () => {
      const callbacks = frames.splice(0);
      for (const callback of callbacks) callback();
      return callbacks.length;
    },
    /** Delivers a message as VS Code would: serialized, so only plain data arrives. */
    receive: (message: HostMessage | Record<string, unknown> | string) => {
      view.receive(JSON.parse(JSON.stringify(message)));
    },
    key: (target: Element, key: string, init: { shiftKey?: boolean } = {}) => {
      const event = new window.KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...init });
      target.dispatchEvent(event);
      return event;
    },
    type: (text: string) => {
      const input = document.querySelector<HTMLTextAreaElement>("#question");
      assert.ok(input);
      input.value = text;
      input.dispatchEvent(new window.Event("input", { bubbles: true }));
    },
  };
}

const streaming: ExchangeView = { id: "e1", question: "What is HbA1c?", answer: "", state: "streaming" };

function answerOf(document: Document, id: string): HTMLElement {
  const answer = document.querySelector<HTMLElement>(`[data-exchange-id="${id}"] [data-role="answer"]`);
  assert.ok(answer);
  return answer;
}

function action(document: Document, id: string, name: string): HTMLButtonElement {
  const button = document.querySelector<HTMLButtonElement>(`[data-exchange-id="${id}"] button[data-action="${name}"]`);
  assert.ok(button);
  return button;
}

describe("ChatView: layout", () => {
  it("builds the panel with its controls and the permanent disclaimer, and asks for state", () => {
    const { $, view, posted } = setup();
    for (const id of ["#messages", "#question", "#send", "#stop", "#attach-selection", "#new-conversation", "#attachment", "#attachment-remove", "#notice", "#disclaimer", "#empty-state"]) $(id);
    assert.equal($("#disclaimer").textContent, DISCLAIMER);
    assert.match(DISCLAIMER, /not clinical advice/);
    assert.equal($("#attachment").hidden, true);
    assert.equal($<HTMLButtonElement>("#send").disabled, true);
    assert.equal($<HTMLButtonElement>("#stop").disabled, true);
    assert.equal($("#question").getAttribute("maxlength"), "16000");
    assert.equal($("#notice").getAttribute("role"), "status");
    view.start();
    assert.deepEqual(posted, [{ type: "ready" }]);
  });

  it("draws a snapshot: exchanges, attachment chip and draft", () => {
    const { $, receive, document } = setup();
    receive({
      type: "state",
      snapshot: {
        exchanges: [
          { id: "a", question: "Explain <b>this</b>", context: "note.md:12–18", answer: "**Bold** answer", state: "done", redactions: 2 },
          { id: "b", question: "Next", answer: "cut", state: "truncated" },
        ],
        attachment: { label: "note.md:12–18", detail: "notes/note.md, lines 12 to 18" },
        draft: "half typed",
      },
    });
    assert.equal($("#empty-state").hidden, true);
    assert.equal(document.querySelectorAll("article[data-exchange-id]").length, 2);
    const question = $('[data-exchange-id="a"] [data-role="question"]');
    assert.equal(question.querySelector(".message-text")?.textContent, "Explain <b>this</b>");
    assert.equal(question.querySelector("b"), null);
    assert.match(question.textContent ?? "", /about note\.md:12–18/);
    assert.equal(answerOf(document, "a").querySelector("strong")?.textContent, "Bold");
    assert.equal($('[data-exchange-id="a"] .redaction-note').textContent, "2 identifiers were replaced by placeholders before sending.");
    assert.equal(action(document, "a", "retry").hidden, true);
    assert.equal(action(document, "b", "retry").hidden, false);
    assert.match($('[data-exchange-id="b"] .answer-problem').textContent ?? "", /cut off at the length limit/);
    assert.equal($("#attachment").hidden, false);
    assert.equal($("#attachment-label").textContent, "note.md:12–18");
    assert.equal($("#attachment").title, "notes/note.md, lines 12 to 18");
    assert.equal($<HTMLTextAreaElement>("#question").value, "half typed");
  });
});

describe("ChatView: streaming", () => {
  it("renders streamed text at most once per frame and counts every render", () => {
    const { receive, frame, document, $ } = setup();
    receive({ type: "exchange", exchange: streaming });
    const answer = answerOf(document, "e1");
    assert.equal(answer.dataset.state, "streaming");
    assert.equal(answer.getAttribute("aria-live"), "polite");
    assert.equal(answer.getAttribute("aria-busy"), "true");
    assert.equal(answer.dataset.renderCount, "0");
    assert.equal($(".answer-status").hidden, false);
    assert.equal($("#app").dataset.busy, "true");
    assert.equal($<HTMLButtonElement>("#stop").disabled, false);
    assert.equal(action(document, "e1", "copy").hidden, true);

    receive({ type: "delta", id: "e1", offset: 0, text: "Average " });
    receive({ type: "delta", id: "e1", offset: 8, text: "**glucose**" });
    assert.equal(frame(), 1, "one frame scheduled for two pieces");
    assert.equal(answer.dataset.renderCount, "1");
    assert.equal(answer.querySelector(".message-body strong")?.textContent, "glucose");
    assert.equal($(".answer-status").hidden, true);

    receive({ type: "delta", id: "e1", offset: 19, text: " over three months." });
    frame();
    assert.equal(answer.dataset.renderCount, "2");
    assert.equal(frame(), 0, "nothing pending");

    receive({ type: "exchange", exchange: { ...streaming, answer: "Average **glucose** over three months.", state: "done" } });
    frame();
    assert.equal(answer.dataset.renderCount, "3");
    assert.equal(answer.dataset.state, "done");
    assert.equal(answer.getAttribute("aria-busy"), "false");
    assert.equal(answer.querySelector(".message-body")?.textContent?.trim(), "Average glucose over three months.");
    assert.equal(action(document, "e1", "copy").hidden, false);
    assert.equal(action(document, "e1", "insert").hidden, false);
    assert.equal($<HTMLButtonElement>("#stop").disabled, true);
  });

  it("shows the server's status while streaming", () => {
    const { receive, $ } = setup();
    receive({ type: "exchange", exchange: { ...streaming, status: "Summarizing part 2 of 3" } });
    assert.equal($(".answer-status").textContent, "Summarizing part 2 of 3");
    assert.equal($(".answer-status").hidden, false);
  });

  it("asks for a fresh snapshot once when a piece is missing", () => {
    const { receive, posted, document } = setup();
    receive({ type: "exchange", exchange: streaming });
    receive({ type: "delta", id: "e1", offset: 5, text: "gap" });
    receive({ type: "delta", id: "e1", offset: 9, text: "more" });
    receive({ type: "delta", id: "unknown", offset: 0, text: "x" });
    assert.deepEqual(posted, [{ type: "ready" }]);
    assert.equal(answerOf(document, "e1").querySelector(".message-body")?.textContent, "");
    receive({ type: "state", snapshot: { exchanges: [{ ...streaming, answer: "0123456789" }], attachment: null, draft: "" } });
    receive({ type: "delta", id: "e1", offset: 42, text: "gap" });
    assert.deepEqual(posted, [{ type: "ready" }, { type: "ready" }]);
  });

  it("shows a failure and a stop inline with Retry", () => {
    const { receive, document, $ } = setup();
    receive({ type: "exchange", exchange: { ...streaming, state: "error", error: "MedGemma is not reachable." } });
    const problem = $('[data-exchange-id="e1"] .answer-problem');
    assert.equal(problem.textContent, "MedGemma is not reachable.");
    assert.equal(problem.getAttribute("role"), "alert");
    assert.equal(action(document, "e1", "retry").hidden, false);
    receive({ type: "exchange", exchange: { ...streaming, state: "cancelled", answer: "Partial" } });
    assert.equal(problem.textContent, "Stopped.");
    assert.equal(action(document, "e1", "retry").hidden, false);
    assert.equal(action(document, "e1", "copy").hidden, false);
  });
});

describe("ChatView: the writer's actions", () => {
  it("sends on Enter, adds a line on Shift+Enter, and clears the box", () => {
    const { $, key, type, posted } = setup();
    const input = $<HTMLTextAreaElement>("#question");
    type("What is");
    assert.equal($<HTMLButtonElement>("#send").disabled, false);
    const shift = key(input, "Enter", { shiftKey: true });
    assert.equal(shift.defaultPrevented, false);
    const enter = key(input, "Enter");
    assert.equal(enter.defaultPrevented, true);
    assert.deepEqual(posted, [{ type: "draft", text: "What is" }, { type: "send", text: "What is" }]);
    assert.equal(input.value, "");
    assert.equal($<HTMLButtonElement>("#send").disabled, true);
  });

  it("does not send an empty box or while an answer streams; Escape and Stop stop it", () => {
    const { $, key, type, receive, posted } = setup();
    const input = $<HTMLTextAreaElement>("#question");
    key(input, "Enter");
    assert.deepEqual(posted, []);
    receive({ type: "exchange", exchange: streaming });
    type("next");
    posted.length = 0;
    key(input, "Enter");
    $<HTMLButtonElement>("#send").click();
    assert.deepEqual(posted, []);
    assert.equal($<HTMLButtonElement>("#send").disabled, true);
    key(input, "Escape");
    $<HTMLButtonElement>("#stop").click();
    assert.deepEqual(posted, [{ type: "stop" }, { type: "stop" }]);
  });

  it("puts a refused question back in the box", () => {
    const { $, receive } = setup();
    receive({ type: "draft", text: "refused question" });
    assert.equal($<HTMLTextAreaElement>("#question").value, "refused question");
    assert.equal($<HTMLButtonElement>("#send").disabled, false);
  });

  it("posts Copy, Insert and Retry for the right exchange", () => {
    const { receive, document, posted } = setup();
    receive({ type: "exchange", exchange: { ...streaming, id: "x1", answer: "one", state: "done" } });
    receive({ type: "exchange", exchange: { ...streaming, id: "x2", answer: "two", state: "truncated" } });
    action(document, "x1", "copy").click();
    action(document, "x2", "insert").click();
    action(document, "x2", "retry").click();
    assert.deepEqual(posted, [{ type: "copy", id: "x1" }, { type: "insert", id: "x2" }, { type: "retry", id: "x2" }]);
  });

  it("handles the chip, Attach Selection and New Conversation", () => {
    const { $, receive, posted } = setup();
    receive({ type: "attachment", attachment: { label: "note.md:3", detail: "note.md, line 3" } });
    assert.equal($("#attachment").hidden, false);
    assert.equal($("#attachment-remove").getAttribute("aria-label"), "Remove attached selection note.md:3");
    $<HTMLButtonElement>("#attachment-remove").click();
    $<HTMLButtonElement>("#attach-selection").click();
    $<HTMLButtonElement>("#new-conversation").click();
    assert.deepEqual(posted, [{ type: "removeAttachment" }, { type: "attachSelection" }, { type: "newConversation" }]);
    receive({ type: "attachment", attachment: null });
    assert.equal($("#attachment").hidden, true);
  });

  it("sends link clicks and Enter on a link to the host instead of navigating", () => {
    const { receive, frame, document, posted, key, window } = setup();
    receive({ type: "exchange", exchange: { ...streaming, answer: "See [the guideline](https://example.org/g) and [bad](javascript:alert(1)).", state: "done" } });
    frame();
    const links = document.querySelectorAll("[data-role=answer] a");
    assert.equal(links.length, 1);
    const link = links[0];
    assert.ok(link);
    assert.equal(link.hasAttribute("href"), false);
    const click = new window.MouseEvent("click", { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    assert.equal(click.defaultPrevented, true);
    key(link, "Enter");
    assert.deepEqual(posted, [{ type: "openLink", href: "https://example.org/g" }, { type: "openLink", href: "https://example.org/g" }]);
  });

  it("shows notices in the status region and focuses the box on request", () => {
    const { $, receive, document } = setup();
    receive({ type: "notice", text: "There is no open editor to insert into.", level: "warning" });
    assert.equal($("#notice").textContent, "There is no open editor to insert into.");
    assert.equal($("#notice").dataset.level, "warning");
    receive({ type: "focusInput" });
    assert.equal(document.activeElement, $("#question"));
  });
});

describe("ChatView: untrusted messages", () => {
  it("drops malformed messages, reports only their type, and changes nothing", () => {
    const { receive, posted, document, $ } = setup();
    const before = document.body.innerHTML;
    receive({ type: "exchange", exchange: { ...streaming, state: "hacked" } });
    receive({ type: "notice", text: "<img src=x onerror=alert(1)>", level: "critical" });
    receive({ type: "runScript", code: "alert(1)" });
    receive("state");
    assert.deepEqual(posted, [
      { type: "dropped", messageType: "exchange" },
      { type: "dropped", messageType: "notice" },
      { type: "dropped", messageType: null },
      { type: "dropped", messageType: null },
    ]);
    assert.equal(document.body.innerHTML, before);
    assert.equal($("#empty-state").hidden, false);
  });

  it("renders a hostile answer inertly", () => {
    const { receive, frame, document } = setup();
    receive({ type: "exchange", exchange: { ...streaming, answer: '<img src=x onerror="alert(1)"><script>alert(2)</script>![x](https://example.com/t.png)', state: "done" } });
    frame();
    const answer = answerOf(document, "e1");
    assert.equal(answer.querySelector("img, script"), null);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) assert.ok(!attribute.name.startsWith("on"), attribute.name);
    }
  });
});
