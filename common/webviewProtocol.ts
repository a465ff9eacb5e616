/**
 * The message contract between the extension host and the chat webview. Both sides import these types and validate
 * every message they receive with the parser for their direction; anything unknown or malformed is dropped.
 *
 * The webview never receives document text: an attachment travels as a file-and-lines label, and answers and
 * questions are the only free text it sees.
 */

/** How far one exchange has got. */
export type ExchangeState = "streaming" | "done" | "truncated" | "cancelled" | "error";

/** One question and its answer, as the webview shows it. */
export interface ExchangeView {
  id: string;
  question: string;
  /** The selection that was attached when the question was asked, e.g. "note.md:12–18". */
  context?: string;
  /** The answer so far (Markdown from the model). */
  answer: string;
  state: ExchangeState;
  /** Why the request failed, written for the writer; only with state "error". */
  error?: string;
  /** How many identifiers the PHI policy replaced by placeholders before the question left the machine. */
  redactions?: number;
  /** Stage of long work while streaming, e.g. "Summarizing part 2 of 3". */
  status?: string;
}

/** The selection attached to the next question: file and lines only, never its text. */
export interface AttachmentView {
  /** Short chip text, e.g. "note.md:12–18". */
  label: string;
  /** Longer description for the tooltip and screen readers, e.g. "notes/note.md, lines 12 to 18". */
  detail: string;
}

/** Everything the webview needs to draw the panel from scratch. */
export interface ChatSnapshot {
  exchanges: ExchangeView[];
  attachment: AttachmentView | null;
  /** What the writer had typed but not sent (kept in memory only). */
  draft: string;
}

/** Extension host → webview. */
export type HostMessage =
  /** Redraw everything; sent when the webview (re)loads. */
  | { type: "state"; snapshot: ChatSnapshot }
  /** Add an exchange, or replace the one with the same id. */
  | { type: "exchange"; exchange: ExchangeView }
  /** Streamed answer text of exchange `id`, to be placed at `offset` (the answer's length before this text). */
  | { type: "delta"; id: string; offset: number; text: string }
  | { type: "attachment"; attachment: AttachmentView | null }
  /** Put text back in the question box (a send that could not start). */
  | { type: "draft"; text: string }
  /** A short message for the writer, shown under the conversation. */
  | { type: "notice"; text: string; level: NoticeLevel }
  | { type: "focusInput" };

export type NoticeLevel = "info" | "warning";

/** Webview → extension host. */
export type WebviewMessage =
  /** The webview has loaded (or lost track of the stream) and wants a full snapshot. */
  | { type: "ready" }
  | { type: "send"; text: string }
  | { type: "stop" }
  | { type: "retry"; id: string }
  | { type: "copy"; id: string }
  | { type: "insert"; id: string }
  /** A link in an answer was clicked; the host decides whether to open it. */
  | { type: "openLink"; href: string }
  | { type: "attachSelection" }
  | { type: "removeAttachment" }
  | { type: "newConversation" }
  | { type: "draft"; text: string }
  /** The webview dropped a host message it could not validate; carries the type name only if it is a known one. */
  | { type: "dropped"; messageType: string | null };

/** Size limits shared by both sides; a message beyond them is rejected. */
export const Limits = {
  /** A question the writer types (the text box enforces it too). */
  questionChars: 16_000,
  /** A whole answer. maxTokens tops out at 8192, so real answers are far smaller. */
  answerChars: 400_000,
  exchanges: 1_000,
  idChars: 64,
  labelChars: 512,
  messageChars: 4_000,
  hrefChars: 4_096,
} as const;

const HOST_TYPES = ["state", "exchange", "delta", "attachment", "draft", "notice", "focusInput"] as const;
const WEBVIEW_TYPES = [
  "ready", "send", "stop", "retry", "copy", "insert", "openLink", "attachSelection", "removeAttachment", "newConversation", "draft", "dropped",
] as const;
const EXCHANGE_STATES: readonly string[] = ["streaming", "done", "truncated", "cancelled", "error"] satisfies ExchangeState[];
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when every own key of `value` is in `allowed`; extra keys mean a sender we do not know. */
function onlyKeys(value: Fields, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

function isText(value: unknown, maxChars: number): value is string {
  return typeof value === "string" && value.length <= maxChars;
}

function isOptionalText(value: unknown, maxChars: number): boolean {
  return value === undefined || isText(value, maxChars);
}

function isId(value: unknown): value is string {
  return isText(value, Limits.idChars) && ID_PATTERN.test(value);
}

function isCount(value: unknown, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max;
}

/** Validates one exchange; exported so stored conversations can be checked with the same rules. */
export function isExchangeView(value: unknown): value is ExchangeView {
  return (
    isRecord(value) &&
    onlyKeys(value, ["id", "question", "context", "answer", "state", "error", "redactions", "status"]) &&
    isId(value.id) &&
    isText(value.question, Limits.questionChars) &&
    isOptionalText(value.context, Limits.labelChars) &&
    isText(value.answer, Limits.answerChars) &&
    typeof value.state === "string" &&
    EXCHANGE_STATES.includes(value.state) &&
    isOptionalText(value.error, Limits.messageChars) &&
    (value.redactions === undefined || isCount(value.redactions, 1_000_000)) &&
    isOptionalText(value.status, Limits.labelChars)
  );
}

function isAttachment(value: unknown): value is AttachmentView {
  return (
    isRecord(value) &&
    onlyKeys(value, ["label", "detail"]) &&
    isText(value.label, Limits.labelChars) &&
    value.label.length > 0 &&
    isText(value.detail, Limits.labelChars)
  );
}

function isSnapshot(value: unknown): value is ChatSnapshot {
  return (
    isRecord(value) &&
    onlyKeys(value, ["exchanges", "attachment", "draft"]) &&
    Array.isArray(value.exchanges) &&
    value.exchanges.length <= Limits.exchanges &&
    value.exchanges.every(isExchangeView) &&
    (value.attachment === null || isAttachment(value.attachment)) &&
    isText(value.draft, Limits.questionChars)
  );
}

function hasType<T extends string>(value: unknown, types: readonly T[]): value is Fields & { type: T } {
  return isRecord(value) && typeof value.type === "string" && (types as readonly string[]).includes(value.type);
}

/** Returns the message if it is a valid host → webview message, otherwise undefined. */
export function parseHostMessage(value: unknown): HostMessage | undefined {
  if (!hasType(value, HOST_TYPES)) return undefined;
  const m = value;
  let valid: boolean;
  switch (m.type) {
    case "state":
      valid = onlyKeys(m, ["type", "snapshot"]) && isSnapshot(m.snapshot);
      break;
    case "exchange":
      valid = onlyKeys(m, ["type", "exchange"]) && isExchangeView(m.exchange);
      break;
    case "delta":
      valid =
        onlyKeys(m, ["type", "id", "offset", "text"]) &&
        isId(m.id) &&
        isCount(m.offset, Limits.answerChars) &&
        isText(m.text, Limits.answerChars);
      break;
    case "attachment":
      valid = onlyKeys(m, ["type", "attachment"]) && (m.attachment === null || isAttachment(m.attachment));
      break;
    case "draft":
      valid = onlyKeys(m, ["type", "text"]) && isText(m.text, Limits.questionChars);
      break;
    case "notice":
      valid =
        onlyKeys(m, ["type", "text", "level"]) &&
        isText(m.text, Limits.messageChars) &&
        (m.level === "info" || m.level === "warning");
      break;
    case "focusInput":
      valid = onlyKeys(m, ["type"]);
      break;
  }
  return valid ? (m as unknown as HostMessage) : undefined;
}

/** Returns the message if it is a valid webview → host message, otherwise undefined. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!hasType(value, WEBVIEW_TYPES)) return undefined;
  const m = value;
  let valid: boolean;
  switch (m.type) {
    case "ready":
    case "stop":
    case "attachSelection":
    case "removeAttachment":
    case "newConversation":
      valid = onlyKeys(m, ["type"]);
      break;
    case "send":
      valid = onlyKeys(m, ["type", "text"]) && isText(m.text, Limits.questionChars) && m.text.trim().length > 0;
      break;
    case "draft":
      valid = onlyKeys(m, ["type", "text"]) && isText(m.text, Limits.questionChars);
      break;
    case "retry":
    case "copy":
    case "insert":
      valid = onlyKeys(m, ["type", "id"]) && isId(m.id);
      break;
    case "openLink":
      valid = onlyKeys(m, ["type", "href"]) && isText(m.href, Limits.hrefChars) && m.href.length > 0;
      break;
    case "dropped":
      valid =
        onlyKeys(m, ["type", "messageType"]) &&
        (m.messageType === null || (typeof m.messageType === "string" && (HOST_TYPES as readonly string[]).includes(m.messageType)));
      break;
  }
  return valid ? (m as unknown as WebviewMessage) : undefined;
}

/**
 * The `type` of a rejected message if it names a known message of either direction, otherwise null: safe to log,
 * because it can never carry content.
 */
export function knownMessageType(value: unknown): string | null {
  if (!isRecord(value) || typeof value.type !== "string") return null;
  const known: readonly string[] = [...HOST_TYPES, ...WEBVIEW_TYPES];
  return known.includes(value.type) ? value.type : null;
}

/** The note shown on an answer whose question had identifiers replaced before sending. */
export function redactionNote(count: number): string {
  return count === 1
    ? "1 identifier was replaced by a placeholder before sending."
    : `${count} identifiers were replaced by placeholders before sending.`;
}
