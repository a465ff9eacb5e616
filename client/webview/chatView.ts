/**
 * The chat panel's DOM: builds the layout, applies validated host messages, and turns the writer's clicks and keys
 * into webview messages. It holds a copy of the conversation only to draw it; the extension host owns the real one.
 *
 * Test hooks (stable for end-to-end tests): ids on the fixed controls (#question, #send, #stop, #attach-selection,
 * #new-conversation, #attachment, #attachment-label, #attachment-remove, #messages, #notice, #disclaimer), and on
 * each exchange `article[data-exchange-id]` with `[data-role=question]`, `[data-role=answer]` (carrying
 * `data-state` and `data-render-count`, which counts Markdown renders) and `button[data-action=copy|insert|retry]`.
 */
import { knownMessageType, Limits, parseHostMessage, redactionNote } from "../../common/webviewProtocol";
import type { AttachmentView, ChatSnapshot, ExchangeView, HostMessage, NoticeLevel, WebviewMessage } from "../../common/webviewProtocol";
import type { MarkdownRenderer } from "./markdown";

export interface ChatViewDeps {
  post: (message: WebviewMessage) => void;
  renderer: MarkdownRenderer;
  /** Runs `callback` before the next paint (requestAnimationFrame in the webview). */
  schedule: (callback: () => void) => void;
  /** Starts a timer and returns a function that stops it (to clear notices). */
  startTimer?: (callback: () => void, ms: number) => () => void;
}

interface ExchangeNodes {
  data: ExchangeView;
  root: HTMLElement;
  answer: HTMLElement;
  status: HTMLElement;
  redaction: HTMLElement;
  body: HTMLElement;
  problem: HTMLElement;
  copy: HTMLButtonElement;
  insert: HTMLButtonElement;
  retry: HTMLButtonElement;
  renders: number;
}

/** How close to the end (in pixels) still counts as reading at the bottom. */
const BOTTOM_SLACK_PX = 32;
const NOTICE_MS = 8_000;

export const DISCLAIMER =
  "MedGemma's answers are drafting aids, not clinical advice: they are not meant to inform diagnosis or treatment. Check every statement before you use it.";
const EMPTY_TEXT =
  "Ask MedGemma a question. To ask about part of a document, select it in the editor and choose Attach Selection.";
const PLACEHOLDER = "Ask MedGemma… (Enter to send, Shift+Enter for a new line)";

type Attributes = Record<string, string>;

function problemText(data: ExchangeView): string {
  switch (data.state) {
    case "truncated":
      return "The answer was cut off at the length limit (medgemma.maxTokens).";
    case "cancelled":
      return "Stopped.";
    case "error":
      return data.error ?? "MedGemma could not answer.";
    case "streaming":
    case "done":
      return "";
  }
}

export class ChatView {
  private readonly app: HTMLElement;
  private readonly messages: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly chip: HTMLElement;
  private readonly chipLabel: HTMLElement;
  private readonly chipRemove: HTMLButtonElement;
  private readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;
  private readonly stop: HTMLButtonElement;
  private readonly exchanges = new Map<string, ExchangeNodes>();
  private readonly dirty = new Set<string>();
  private renderScheduled = false;
  private awaitingSnapshot = false;
  private stopNoticeTimer: (() => void) | undefined;

  constructor(
    private readonly doc: Document,
    private readonly deps: ChatViewDeps,
  ) {
    this.app = doc.getElementById("app") ?? doc.body;
    this.app.classList.add("chat");

    const disclaimer = this.el("p", { id: "disclaimer", class: "disclaimer", role: "note" }, DISCLAIMER);
    this.empty = this.el("p", { id: "empty-state", class: "empty-state" }, EMPTY_TEXT);
    this.messages = this.el("section", { id: "messages", class: "messages", "aria-label": "Conversation", tabindex: "0" });
    this.messages.append(this.empty);
    this.notice = this.el("div", { id: "notice", class: "notice", role: "status", "aria-live": "polite" });

    this.chipLabel = this.el("span", { id: "attachment-label", class: "chip-label" });
    this.chipRemove = this.button("attachment-remove", "×", "chip-remove");
    this.chip = this.el("div", { id: "attachment", class: "chip", role: "group", "aria-label": "Attached selection" });
    this.chip.append(this.el("span", { class: "chip-kind", "aria-hidden": "true" }, "Attached:"), this.chipLabel, this.chipRemove);
    this.chip.hidden = true;

    this.input = doc.createElement("textarea");
    this.setAttributes(this.input, {
      id: "question",
      class: "question",
      rows: "3",
      maxlength: String(Limits.questionChars),
      placeholder: PLACEHOLDER,
      "aria-label": "Question for MedGemma",
      "aria-describedby": "disclaimer",
    });
    const attach = this.button("attach-selection", "Attach Selection", "secondary");
    attach.title = "Attach the editor's selection as context for your questions";
    const newConversation = this.button("new-conversation", "New Conversation", "secondary");
    this.stop = this.button("stop", "Stop", "secondary");
    this.stop.title = "Stop the answer (Escape)";
    this.send = this.button("send", "Send", "primary");
    this.send.title = "Send (Enter)";
    const context = this.el("div", { class: "button-group" });
    context.append(attach, newConversation);
    const run = this.el("div", { class: "button-group run" });
    run.append(this.stop, this.send);
    const actions = this.el("div", { class: "composer-actions" });
    actions.append(context, run);
    const composer = this.el("div", { id: "composer", class: "composer" });
    composer.append(this.chip, this.input, actions);

    this.app.replaceChildren(disclaimer, this.messages, this.notice, composer);

    this.input.addEventListener("keydown", (event) => this.onInputKey(event));
    this.input.addEventListener("input", () => {
      this.deps.post({ type: "draft", text: this.input.value });
      this.updateControls();
    });
    this.send.addEventListener("click", () => this.sendQuestion());
    this.stop.addEventListener("click", () => {
      this.deps.post({ type: "stop" });
      this.input.focus();
    });
    attach.addEventListener("click", () => this.deps.post({ type: "attachSelection" }));
    newConversation.addEventListener("click", () => this.deps.post({ type: "newConversation" }));
    this.chipRemove.addEventListener("click", () => {
      this.deps.post({ type: "removeAttachment" });
      this.input.focus();
    });
    this.messages.addEventListener("click", (event) => this.onMessagesClick(event));
    this.messages.addEventListener("keydown", (event) => this.onMessagesKey(event));
    this.updateControls();
  }

  /** Tells the host the panel is ready for its state. */
  start(): void {
    this.awaitingSnapshot = true;
    this.deps.post({ type: "ready" });
  }

  /** Handles one raw message from the host; anything that fails validation is dropped and reported by type. */
  receive(raw: unknown): void {
    const message = parseHostMessage(raw);
    if (!message) {
      this.deps.post({ type: "dropped", messageType: knownMessageType(raw) });
      return;
    }
    this.apply(message);
  }

  private apply(message: HostMessage): void {
    switch (message.type) {
      case "state":
        this.applySnapshot(message.snapshot);
        return;
      case "exchange":
        this.applyExchange(message.exchange);
        return;
      case "delta":
        this.applyDelta(message.id, message.offset, message.text);
        return;
      case "attachment":
        this.applyAttachment(message.attachment);
        return;
      case "draft":
        this.setDraft(message.text);
        return;
      case "notice":
        this.showNotice(message.text, message.level);
        return;
      case "focusInput":
        this.input.focus();
        return;
    }
  }

  private applySnapshot(snapshot: ChatSnapshot): void {
    this.awaitingSnapshot = false;
    this.dirty.clear();
    for (const nodes of this.exchanges.values()) nodes.root.remove();
    this.exchanges.clear();
    for (const exchange of snapshot.exchanges) this.addExchange(exchange);
    this.applyAttachment(snapshot.attachment);
    this.setDraft(snapshot.draft);
    this.updateControls();
    this.scrollToBottom();
  }

  private applyExchange(exchange: ExchangeView): void {
    const nodes = this.exchanges.get(exchange.id);
    if (!nodes) {
      this.addExchange(exchange);
      this.updateControls();
      // A new exchange is the writer's own question: follow it.
      this.scrollToBottom();
      return;
    }
    nodes.data = { ...exchange };
    this.renderChrome(nodes);
    this.markDirty(nodes.data.id);
    this.updateControls();
  }

  private applyDelta(id: string, offset: number, text: string): void {
    const nodes = this.exchanges.get(id);
    if (!nodes || nodes.data.state !== "streaming" || offset > nodes.data.answer.length) {
      // A piece went missing (e.g. the panel reloaded mid-answer): ask for the whole state once.
      this.requestSnapshot();
      return;
    }
    nodes.data.answer = nodes.data.answer.slice(0, offset) + text;
    if (nodes.data.answer !== "" && nodes.data.status === undefined) nodes.status.hidden = true;
    this.markDirty(id);
  }

  private applyAttachment(attachment: AttachmentView | null): void {
    this.chip.hidden = attachment === null;
    this.chipLabel.textContent = attachment?.label ?? "";
    this.chip.title = attachment?.detail ?? "";
    this.chipRemove.setAttribute("aria-label", attachment ? `Remove attached selection ${attachment.label}` : "Remove attached selection");
    this.chipRemove.title = "Remove the attached selection";
  }

  private setDraft(text: string): void {
    if (this.input.value !== text) this.input.value = text;
    this.updateControls();
  }

  private showNotice(text: string, level: NoticeLevel): void {
    this.stopNoticeTimer?.();
    this.notice.textContent = text;
    this.notice.dataset.level = level;
    const startTimer = this.deps.startTimer ?? ((callback: () => void, ms: number) => {
      const handle = setTimeout(callback, ms);
      return () => clearTimeout(handle);
    });
    this.stopNoticeTimer = startTimer(() => {
      this.notice.textContent = "";
      this.stopNoticeTimer = undefined;
    }, NOTICE_MS);
  }

  private requestSnapshot(): void {
    if (this.awaitingSnapshot) return;
    this.awaitingSnapshot = true;
    this.deps.post({ type: "ready" });
  }

  private addExchange(exchange: ExchangeView): void {
    const data = { ...exchange };
    const root = this.el("article", { class: "exchange", "data-exchange-id": data.id });

    const question = this.el("div", { class: "message user", "data-role": "question" });
    const who = data.context ? `You · about ${data.context}` : "You";
    question.append(this.el("div", { class: "message-meta" }, who), this.el("div", { class: "message-text" }, data.question));

    const answer = this.el("div", { class: "message assistant", "data-role": "answer", "aria-live": "polite" });
    const status = this.el("p", { class: "answer-status" });
    const redaction = this.el("p", { class: "redaction-note" });
    const body = this.el("div", { class: "message-body markdown" });
    const problem = this.el("p", { class: "answer-problem" });
    const copy = this.actionButton("copy", "Copy", "Copy the answer to the clipboard");
    const insert = this.actionButton("insert", "Insert at Cursor", "Insert the answer at the cursor in the last used editor");
    const retry = this.actionButton("retry", "Retry", "Ask this question again");
    const actions = this.el("div", { class: "answer-actions", role: "group", "aria-label": "Answer actions" });
    actions.append(copy, insert, retry);
    answer.append(this.el("div", { class: "message-meta" }, "MedGemma"), status, redaction, body, problem, actions);

    root.append(question, answer);
    this.messages.append(root);
    const nodes: ExchangeNodes = { data, root, answer, status, redaction, body, problem, copy, insert, retry, renders: 0 };
    this.exchanges.set(data.id, nodes);
    this.renderChrome(nodes);
    if (data.answer !== "") this.renderBody(nodes);
    else answer.setAttribute("data-render-count", "0");
  }

  /** Everything about an answer except its Markdown body. */
  private renderChrome(nodes: ExchangeNodes): void {
    const { data } = nodes;
    const streaming = data.state === "streaming";
    nodes.answer.dataset.state = data.state;
    // Screen readers hold announcements while busy and read the finished answer once.
    nodes.answer.setAttribute("aria-busy", String(streaming));
    nodes.status.textContent = data.status ?? "Waiting for MedGemma…";
    nodes.status.hidden = !streaming || (data.answer !== "" && data.status === undefined);
    nodes.redaction.textContent = data.redactions ? redactionNote(data.redactions) : "";
    nodes.redaction.hidden = !data.redactions;
    const problem = problemText(data);
    nodes.problem.textContent = problem;
    nodes.problem.hidden = problem === "";
    nodes.problem.setAttribute("role", data.state === "error" ? "alert" : "note");
    const hasAnswer = data.answer.trim() !== "";
    nodes.copy.hidden = streaming || !hasAnswer;
    nodes.insert.hidden = streaming || !hasAnswer;
    nodes.retry.hidden = !(data.state === "truncated" || data.state === "cancelled" || data.state === "error");
  }

  private renderBody(nodes: ExchangeNodes): void {
    this.deps.renderer.render(nodes.data.answer, nodes.body);
    nodes.renders++;
    nodes.answer.setAttribute("data-render-count", String(nodes.renders));
  }

  /** Renders changed answers once before the next paint, however many pieces arrived since the last one. */
  private markDirty(id: string): void {
    this.dirty.add(id);
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    this.deps.schedule(() => this.flushRenders());
  }

  private flushRenders(): void {
    this.renderScheduled = false;
    const follow = this.isAtBottom();
    for (const id of this.dirty) {
      const nodes = this.exchanges.get(id);
      if (nodes) this.renderBody(nodes);
    }
    this.dirty.clear();
    if (follow) this.scrollToBottom();
  }

  private isAtBottom(): boolean {
    const m = this.messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight <= BOTTOM_SLACK_PX;
  }

  private scrollToBottom(): void {
    this.messages.scrollTop = this.messages.scrollHeight;
  }

  private get busy(): boolean {
    for (const nodes of this.exchanges.values()) if (nodes.data.state === "streaming") return true;
    return false;
  }

  private updateControls(): void {
    const busy = this.busy;
    this.app.dataset.busy = String(busy);
    this.empty.hidden = this.exchanges.size > 0;
    this.send.disabled = busy || this.input.value.trim() === "";
    this.stop.disabled = !busy;
    for (const nodes of this.exchanges.values()) nodes.retry.disabled = busy;
  }

  private sendQuestion(): void {
    const text = this.input.value;
    if (text.trim() === "" || this.busy) return;
    this.deps.post({ type: "send", text: text.slice(0, Limits.questionChars) });
    this.input.value = "";
    this.updateControls();
    this.input.focus();
  }

  private onInputKey(event: KeyboardEvent): void {
    if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing) {
      event.preventDefault();
      this.sendQuestion();
    } else if (event.key === "Escape" && this.busy) {
      event.preventDefault();
      this.deps.post({ type: "stop" });
    }
  }

  private onMessagesClick(event: MouseEvent): void {
    const target = event.target as Element | null;
    if (!target || typeof target.closest !== "function") return;
    const link = target.closest("a[data-href]");
    if (link) {
      event.preventDefault();
      this.openLink(link);
      return;
    }
    const button = target.closest("button[data-action]");
    const id = button?.closest("[data-exchange-id]")?.getAttribute("data-exchange-id");
    if (!button || !id) return;
    const action = button.getAttribute("data-action");
    if (action === "copy" || action === "insert" || action === "retry") this.deps.post({ type: action, id });
  }

  private onMessagesKey(event: KeyboardEvent): void {
    if (event.key !== "Enter") return;
    const target = event.target as Element | null;
    const link = target && typeof target.closest === "function" ? target.closest("a[data-href]") : null;
    if (!link) return;
    event.preventDefault();
    this.openLink(link);
  }

  private openLink(link: Element): void {
    const href = link.getAttribute("data-href");
    if (href) this.deps.post({ type: "openLink", href: href.slice(0, Limits.hrefChars) });
  }

  private el(tag: string, attributes: Attributes = {}, text?: string): HTMLElement {
    const element = this.doc.createElement(tag);
    this.setAttributes(element, attributes);
    if (text !== undefined) element.textContent = text;
    return element;
  }

  private setAttributes(element: Element, attributes: Attributes): void {
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  }

  private button(id: string, label: string, kind: string): HTMLButtonElement {
    const button = this.doc.createElement("button");
    this.setAttributes(button, { id, type: "button", class: kind });
    button.textContent = label;
    return button;
  }

  private actionButton(action: string, label: string, title: string): HTMLButtonElement {
    const button = this.doc.createElement("button");
    this.setAttributes(button, { type: "button", class: "action", "data-action": action, title });
    button.textContent = label;
    return button;
  }
}
