/** The chat's state in the extension host: the exchanges, the attached selection and the unsent draft. */
import { randomUUID } from "node:crypto";
import type { ChatTurn, Range } from "../../../common/protocol";
import type { AttachmentView, ChatSnapshot, ExchangeState, ExchangeView } from "../../../common/webviewProtocol";

/** A selection attached to a question: where it is (sent to the server) and its name (shown in the panel). */
export interface AskContext {
  uri: string;
  range: Range;
  view: AttachmentView;
}

/** One question and its answer. */
export interface Exchange {
  readonly id: string;
  readonly question: string;
  readonly context?: AskContext;
  answer: string;
  state: ExchangeState;
  error?: string;
  redactions?: number;
  status?: string;
}

/** States whose answer may be sent back to the model as history. */
const COMPLETED: readonly ExchangeState[] = ["done", "truncated"];

export class Conversation {
  private items: Exchange[] = [];
  /** Attached to every question until the writer removes or replaces it. */
  attachment: AskContext | undefined;
  /** Held in memory only, so the text box survives the panel being hidden. */
  draft = "";

  constructor(private readonly newId: () => string = randomUUID) {}

  get exchanges(): readonly Exchange[] {
    return this.items;
  }

  /** True while an answer is streaming. */
  get busy(): boolean {
    return this.items.some((exchange) => exchange.state === "streaming");
  }

  /** Starts a new exchange in the streaming state. */
  add(question: string, context: AskContext | undefined): Exchange {
    const exchange: Exchange = { id: this.newId(), question, answer: "", state: "streaming" };
    const added = context ? { ...exchange, context } : exchange;
    this.items.push(added);
    return added;
  }

  find(id: string): Exchange | undefined {
    return this.items.find((exchange) => exchange.id === id);
  }

  /** Puts an exchange back into the streaming state for a retry. */
  reset(exchange: Exchange): void {
    exchange.answer = "";
    exchange.state = "streaming";
    delete exchange.error;
    delete exchange.redactions;
    delete exchange.status;
  }

  /** Replaces every exchange, e.g. with a conversation read back from storage. */
  restore(exchanges: Exchange[]): void {
    this.items = exchanges;
  }

  /** Forgets the exchanges and the attachment; the draft stays, since the writer may be typing the next question. */
  clear(): void {
    this.items = [];
    this.attachment = undefined;
  }

  /** The completed turns before exchange `id`, oldest first, as the `history` of an ask. */
  historyBefore(id: string): ChatTurn[] {
    const turns: ChatTurn[] = [];
    for (const exchange of this.items) {
      if (exchange.id === id) break;
      if (!COMPLETED.includes(exchange.state) || exchange.answer.trim() === "") continue;
      turns.push({ role: "user", content: exchange.question }, { role: "assistant", content: exchange.answer });
    }
    return turns;
  }

  snapshot(): ChatSnapshot {
    return {
      exchanges: this.items.map(toExchangeView),
      attachment: this.attachment ? { ...this.attachment.view } : null,
      draft: this.draft,
    };
  }
}

/** What the webview may see of an exchange: no URI, no range, no document text. */
export function toExchangeView(exchange: Exchange): ExchangeView {
  const view: ExchangeView = { id: exchange.id, question: exchange.question, answer: exchange.answer, state: exchange.state };
  if (exchange.context) view.context = exchange.context.view.label;
  if (exchange.error !== undefined) view.error = exchange.error;
  if (exchange.redactions !== undefined) view.redactions = exchange.redactions;
  if (exchange.status !== undefined) view.status = exchange.status;
  return view;
}
