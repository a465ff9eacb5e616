import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type * as vscode from "vscode";
import type { GenerationResult, StreamProgress } from "../../../common/protocol";
import type { HostMessage } from "../../../common/webviewProtocol";
import { parseHostMessage } from "../../../common/webviewProtocol";
import { ChatController } from "../../../client/src/chat/chatController";
import type { CancellationHandle, ChatPanelState } from "../../../client/src/chat/chatController";
import type { ChatAskParams, ChatTransport } from "../../../client/src/chat/chatTransport";
import type { AskContext } from "../../../client/src/chat/conversation";
import type { StartTimer } from "../../../client/src/chat/deltaCoalescer";
import { STORAGE_KEY } from "../../../client/src/chat/storedConversation";

/** One ask the fake transport received, with handles to drive it. */
interface Call {
  params: ChatAskParams;
  progress(progress: StreamProgress): void;
  token: vscode.CancellationToken;
  resolve(result: GenerationResult): void;
  reject(error: unknown): void;
}

function fakeTransport(): { transport: ChatTransport; calls: Call[] } {
  const calls: Call[] = [];
  const transport: ChatTransport = {
    ask: (params, onProgress, token) =>
      new Promise<GenerationResult>((resolve, reject) => {
        calls.push({ params: structuredClone(params), progress: onProgress, token, resolve, reject });
      }),
  };
  return { transport, calls };
}

function fakeCancellation(): CancellationHandle & { cancelled: () => boolean } {
  let requested = false;
  const token = {
    get isCancellationRequested() {
      return requested;
    },
    onCancellationRequested: () => ({ dispose: () => undefined }),
  } as unknown as vscode.CancellationToken;
  return { token, cancel: () => (requested = true), dispose: () => undefined, cancelled: () => requested };
}

function manualTimers(): { start: StartTimer; fireAll(): void } {
  const pending = new Set<() => void>();
  return {
    start: (callback) => {
      pending.add(callback);
      return () => pending.delete(callback);
    },
    fireAll() {
      const callbacks = [...pending];
      pending.clear();
      for (const callback of callbacks) callback();
    },
  };
}

/** Lets the controller's awaited transport promise settle. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const QUESTION = "Is 5000 units of heparin for Jane Roe (MRN 12345678) appropriate?";
const ANSWER = "Heparin 5000 units subcutaneously is a common prophylactic dose.";

const context: AskContext = {
  uri: "file:///notes/note.md",
  range: { start: { line: 11, character: 0 }, end: { line: 17, character: 3 } },
  view: { label: "note.md:12–18", detail: "notes/note.md, lines 12 to 18" },
};

function setup(options: { saveHistory?: boolean; stored?: unknown } = {}) {
  const { transport, calls } = fakeTransport();
  const timers = manualTimers();
  const posted: HostMessage[] = [];
  const logs: string[] = [];
  const store = new Map<string, unknown>();
  if (options.stored !== undefined) store.set(STORAGE_KEY, options.stored);
  const writes: unknown[] = [];
  const cancellations: ReturnType<typeof fakeCancellation>[] = [];
  let saveHistory = options.saveHistory ?? false;
  const controller = new ChatController({
    transport,
    logger: { info: (message) => logs.push(message), warn: (message) => logs.push(message) },
    storage: {
      read: () => store.get(STORAGE_KEY),
      write: (value) => {
        writes.push(value);
        if (value === undefined) store.delete(STORAGE_KEY);
        else store.set(STORAGE_KEY, value);
        return Promise.resolve();
      },
    },
    saveHistory: () => saveHistory,
    createCancellation: () => {
      const cancellation = fakeCancellation();
      cancellations.push(cancellation);
      return cancellation;
    },
    startTimer: timers.start,
    now: () => 0,
  });
  controller.connect((message) => {
    // Everything the controller posts must pass the webview's own validation.
    assert.ok(parseHostMessage(JSON.parse(JSON.stringify(message))), `valid ${message.type} message`);
    posted.push(message);
  });
  return {
    controller, calls, timers, posted, logs, store, writes, cancellations,
    setSaveHistory: (value: boolean) => (saveHistory = value),
  };
}

function ofType<T extends HostMessage["type"]>(messages: HostMessage[], type: T): Extract<HostMessage, { type: T }>[] {
  return messages.filter((message): message is Extract<HostMessage, { type: T }> => message.type === type);
}

function lastExchange(messages: HostMessage[]) {
  const exchanges = ofType(messages, "exchange");
  const last = exchanges[exchanges.length - 1];
  assert.ok(last, "an exchange message was posted");
  return last.exchange;
}

describe("ChatController: asking", () => {
  it("streams an answer as coalesced deltas and finishes with the full text", async () => {
    const { controller, calls, timers, posted } = setup();
    assert.equal(controller.send(`  ${QUESTION}\n`), "started");
    assert.equal(calls.length, 1);
    const call = calls[0];
    assert.ok(call);
    assert.deepEqual(call.params, { question: QUESTION, history: [] });
    assert.deepEqual(lastExchange(posted), { id: lastExchange(posted).id, question: QUESTION, answer: "", state: "streaming" });

    const pieces = ANSWER.match(/.{1,4}/g) ?? [];
    for (const piece of pieces.slice(0, 6)) call.progress({ delta: piece });
    timers.fireAll();
    for (const piece of pieces.slice(6)) call.progress({ delta: piece });
    timers.fireAll();

    const deltas = ofType(posted, "delta");
    assert.ok(deltas.length >= 2 && deltas.length < pieces.length, `coalesced ${pieces.length} pieces into ${deltas.length} updates`);
    let rebuilt = "";
    for (const delta of deltas) {
      assert.equal(delta.offset, rebuilt.length);
      rebuilt += delta.text;
    }
    assert.equal(rebuilt, ANSWER);

    call.resolve({ text: ANSWER, finishReason: "stop" });
    await settle();
    const final = lastExchange(posted);
    assert.equal(final.state, "done");
    assert.equal(final.answer, ANSWER);
    assert.equal(controller.answerOf(final.id), ANSWER);
    assert.equal(controller.state.busy, false);
  });

  it("sends the attachment's document and range, and earlier completed turns as history", async () => {
    const { controller, calls } = setup();
    controller.setAttachment(context);
    controller.send("first");
    calls[0]?.resolve({ text: "one", finishReason: "stop" });
    await settle();
    controller.send("second");
    calls[1]?.reject(new Error("The backend is unreachable."));
    await settle();
    controller.send("third");
    assert.deepEqual(calls[2]?.params, {
      question: "third",
      history: [
        { role: "user", content: "first" },
        { role: "assistant", content: "one" },
      ],
      textDocument: { uri: "file:///notes/note.md" },
      range: context.range,
    });
  });

  it("marks a length-limited answer truncated and retries it in place without its own turn in history", async () => {
    const { controller, calls, posted } = setup();
    controller.setAttachment(context);
    controller.send("first");
    calls[0]?.resolve({ text: "one", finishReason: "stop" });
    await settle();
    controller.setAttachment(undefined);
    controller.send("long one");
    calls[1]?.progress({ delta: "partial" });
    calls[1]?.resolve({ text: "partial answer", finishReason: "length" });
    await settle();
    const truncated = lastExchange(posted);
    assert.equal(truncated.state, "truncated");

    controller.retry(truncated.id);
    const retried = calls[2];
    assert.ok(retried);
    assert.equal(retried.params.question, "long one");
    assert.equal(retried.params.textDocument, undefined);
    assert.deepEqual(retried.params.history, [
      { role: "user", content: "first" },
      { role: "assistant", content: "one" },
    ]);
    assert.deepEqual(lastExchange(posted), { id: truncated.id, question: "long one", answer: "", state: "streaming" });
    retried.resolve({ text: "full answer", finishReason: "stop" });
    await settle();
    assert.equal(lastExchange(posted).state, "done");
  });

  it("shows a failure inline with the writer-facing message, and allows a retry", async () => {
    const { controller, calls, posted } = setup();
    controller.send(QUESTION);
    calls[0]?.reject(new Error("MedGemma is not reachable at https://gpu.example:8000/v1."));
    await settle();
    const failed = lastExchange(posted);
    assert.equal(failed.state, "error");
    assert.equal(failed.error, "MedGemma is not reachable at https://gpu.example:8000/v1.");
    controller.retry(failed.id);
    assert.equal(calls.length, 2);
  });

  it("uses a fallback message for a failure without one", async () => {
    const { controller, calls, posted } = setup();
    controller.send("q");
    calls[0]?.reject("not an error");
    await settle();
    assert.match(lastExchange(posted).error ?? "", /could not answer/);
  });

  it("refuses a second question while one streams, and retries only finished failures", () => {
    const { controller, calls, posted } = setup();
    controller.send("first");
    assert.equal(controller.send("second"), "busy");
    assert.equal(ofType(posted, "notice")[0]?.level, "warning");
    assert.equal(controller.send("   "), "empty");
    assert.equal(controller.send("x".repeat(20_000)), "tooLong");
    controller.retry(lastExchange(posted).id);
    controller.retry("no-such-id");
    assert.equal(calls.length, 1);
  });

  it("reports redactions and status in an exchange update that carries the text so far", () => {
    const { controller, calls, timers, posted } = setup();
    controller.send(QUESTION);
    const call = calls[0];
    assert.ok(call);
    call.progress({ delta: "", redactions: { total: 2, byType: { name: 1, mrn: 1 } } });
    call.progress({ delta: "Part one. " });
    call.progress({ delta: "More", status: "Summarizing part 2 of 3" });
    call.progress({ delta: " text." });
    timers.fireAll();
    const updates = ofType(posted, "exchange");
    assert.deepEqual(updates.map((update) => [update.exchange.redactions, update.exchange.status, update.exchange.answer]), [
      [undefined, undefined, ""],
      [2, undefined, ""],
      [2, "Summarizing part 2 of 3", "Part one. More"],
    ]);
    // Text already sent whole in the update is not sent again as a delta.
    const deltas = ofType(posted, "delta");
    assert.deepEqual(deltas.map((delta) => [delta.offset, delta.text]), [[0, "Part one. "], [14, " text."]]);
  });
});

describe("ChatController: stopping and clearing", () => {
  it("stops at once, cancels the request and ignores what arrives later", async () => {
    const { controller, calls, cancellations, posted } = setup();
    const states: ChatPanelState[] = [];
    controller.onDidChangeState((state) => states.push(state));
    controller.send(QUESTION);
    calls[0]?.progress({ delta: "Partial" });
    controller.stop();
    assert.equal(cancellations[0]?.cancelled(), true);
    assert.equal(calls[0]?.token.isCancellationRequested, true);
    const stopped = lastExchange(posted);
    assert.equal(stopped.state, "cancelled");
    assert.equal(stopped.answer, "Partial");
    const count = posted.length;
    calls[0]?.progress({ delta: " late" });
    calls[0]?.resolve({ text: "Partial late", finishReason: "cancelled" });
    await settle();
    assert.equal(posted.length, count);
    assert.deepEqual(states.map((state) => state.busy), [true, false]);
    assert.equal(controller.send("next"), "started");
  });

  it("treats a rejection after cancellation as stopped, not failed", async () => {
    const { controller, calls, posted, cancellations } = setup();
    controller.send("q");
    cancellations[0]?.cancel();
    calls[0]?.reject(new Error("Request cancelled"));
    await settle();
    assert.equal(lastExchange(posted).state, "cancelled");
  });

  it("starts a new conversation: cancels, clears the attachment and the saved copy", async () => {
    const { controller, calls, cancellations, posted, writes } = setup({ saveHistory: true });
    controller.setAttachment(context);
    controller.send("q");
    controller.newConversation();
    assert.equal(cancellations[0]?.cancelled(), true);
    const state = ofType(posted, "state").at(-1);
    assert.deepEqual(state?.snapshot, { exchanges: [], attachment: null, draft: "" });
    assert.equal(writes.at(-1), undefined);
    calls[0]?.resolve({ text: "late", finishReason: "stop" });
    await settle();
    assert.equal(ofType(posted, "state").at(-1), state);
    assert.equal(controller.state.exchanges, 0);
  });

  it("includes text not yet sent in a snapshot and continues the stream after it", () => {
    const { controller, calls, timers, posted } = setup();
    controller.send("q");
    calls[0]?.progress({ delta: "abc" });
    calls[0]?.progress({ delta: "def" });
    const snapshot = controller.snapshotMessage();
    assert.equal(snapshot.type === "state" && snapshot.snapshot.exchanges[0]?.answer, "abcdef");
    timers.fireAll();
    calls[0]?.progress({ delta: "ghi" });
    timers.fireAll();
    assert.deepEqual(ofType(posted, "delta").map((delta) => [delta.offset, delta.text]), [[0, "abc"], [6, "ghi"]]);
  });
});

describe("ChatController: saving and logging", () => {
  it("writes nothing to storage while saveHistory is off", async () => {
    const { controller, calls, writes } = setup({ saveHistory: false });
    controller.send("q");
    calls[0]?.resolve({ text: "a", finishReason: "stop" });
    await settle();
    assert.deepEqual(writes, []);
  });

  it("saves finished exchanges when saveHistory is on and restores them in a new session", async () => {
    const first = setup({ saveHistory: true });
    first.controller.setAttachment(context);
    first.controller.send(QUESTION);
    first.calls[0]?.resolve({ text: ANSWER, finishReason: "stop" });
    await settle();
    const saved = first.store.get(STORAGE_KEY);
    assert.ok(saved);

    const second = setup({ saveHistory: true, stored: JSON.parse(JSON.stringify(saved)) });
    const snapshot = second.controller.snapshotMessage();
    assert.equal(snapshot.type, "state");
    assert.deepEqual(snapshot.type === "state" && snapshot.snapshot.exchanges.map((e) => [e.question, e.answer, e.context]), [[QUESTION, ANSWER, "note.md:12–18"]]);
    second.controller.send("follow-up");
    assert.deepEqual(second.calls[0]?.params.history, [
      { role: "user", content: QUESTION },
      { role: "assistant", content: ANSWER },
    ]);
  });

  it("ignores a saved conversation while saveHistory is off, and deletes it when the setting is turned off", async () => {
    const stored = { version: 1, exchanges: [{ view: { id: "a", question: "q", answer: "a", state: "done" } }] };
    const off = setup({ saveHistory: false, stored });
    assert.equal(off.controller.state.exchanges, 0);

    const on = setup({ saveHistory: true, stored });
    assert.equal(on.controller.state.exchanges, 1);
    on.setSaveHistory(false);
    on.controller.saveHistoryChanged();
    await settle();
    assert.equal(on.store.has(STORAGE_KEY), false);
    on.setSaveHistory(true);
    on.controller.saveHistoryChanged();
    await settle();
    assert.ok(on.store.has(STORAGE_KEY));
  });

  it("discards an unreadable saved conversation with a warning", async () => {
    const { controller, logs, store } = setup({ saveHistory: true, stored: { version: 1, exchanges: "garbage" } });
    await settle();
    assert.equal(controller.state.exchanges, 0);
    assert.equal(store.has(STORAGE_KEY), false);
    assert.ok(logs.some((line) => /could not be read/.test(line)));
  });

  it("logs events and counts, never the question, the answer, the URI or an error message", async () => {
    const { controller, calls, logs } = setup({ saveHistory: true });
    controller.setAttachment(context);
    controller.send(QUESTION);
    calls[0]?.progress({ delta: ANSWER });
    calls[0]?.resolve({ text: ANSWER, finishReason: "stop" });
    await settle();
    controller.send("Second question about Jane Roe");
    calls[1]?.reject(new Error("Backend said: Jane Roe is not allowed"));
    await settle();
    controller.send("third");
    controller.stop();
    controller.newConversation();
    assert.ok(logs.length >= 5);
    const all = logs.join("\n");
    for (const secret of ["Jane", "Roe", "12345678", "Heparin", "heparin", "note.md", "file://", "not allowed"]) {
      assert.ok(!all.includes(secret), `logs do not contain ${secret}`);
    }
    assert.match(all, /ask started \(0 earlier turns, a selection attached\)/);
    assert.match(all, new RegExp(`answer finished \\(done, ${ANSWER.length} characters, 1 updates`));
  });
});
