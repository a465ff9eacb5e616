/**
 * The shape a conversation is saved in (workspace state, only when `medgemma.chat.saveHistory` is on) and its
 * validation when read back: storage may hold an older or damaged value, which is discarded rather than trusted.
 */
import type { Range } from "../../../common/protocol";
import { isExchangeView, Limits } from "../../../common/webviewProtocol";
import type { ExchangeView } from "../../../common/webviewProtocol";
import type { AskContext, Exchange } from "./conversation";

/** The workspace-state key. */
export const STORAGE_KEY = "medgemma.chat.conversation";
const VERSION = 1;

interface StoredSource {
  uri: string;
  range: Range;
  label: string;
  detail: string;
}

interface StoredExchange {
  view: ExchangeView;
  source?: StoredSource;
}

export interface StoredConversation {
  version: number;
  exchanges: StoredExchange[];
}

/** The finished exchanges in storable form; one still streaming is left out until it finishes. */
export function serializeConversation(exchanges: readonly Exchange[]): StoredConversation {
  const stored: StoredExchange[] = [];
  for (const exchange of exchanges) {
    if (exchange.state === "streaming") continue;
    const view: ExchangeView = { id: exchange.id, question: exchange.question, answer: exchange.answer, state: exchange.state };
    if (exchange.error !== undefined) view.error = exchange.error;
    if (exchange.redactions !== undefined) view.redactions = exchange.redactions;
    const item: StoredExchange = { view };
    if (exchange.context) {
      view.context = exchange.context.view.label;
      item.source = { uri: exchange.context.uri, range: exchange.context.range, ...exchange.context.view };
    }
    stored.push(item);
  }
  return { version: VERSION, exchanges: stored.slice(-Limits.exchanges) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): boolean {
  return (
    isRecord(value) &&
    Number.isInteger(value.line) && (value.line as number) >= 0 &&
    Number.isInteger(value.character) && (value.character as number) >= 0
  );
}

function isSource(value: unknown): value is StoredSource {
  return (
    isRecord(value) &&
    typeof value.uri === "string" && value.uri.length > 0 && value.uri.length <= Limits.hrefChars &&
    isRecord(value.range) && isPosition(value.range.start) && isPosition(value.range.end) &&
    typeof value.label === "string" && value.label.length > 0 && value.label.length <= Limits.labelChars &&
    typeof value.detail === "string" && value.detail.length <= Limits.labelChars
  );
}

/** The exchanges from a stored value, or undefined if it is missing, from another version, or malformed. */
export function deserializeConversation(value: unknown): Exchange[] | undefined {
  if (!isRecord(value) || value.version !== VERSION || !Array.isArray(value.exchanges)) return undefined;
  if (value.exchanges.length > Limits.exchanges) return undefined;
  const exchanges: Exchange[] = [];
  const ids = new Set<string>();
  for (const item of value.exchanges) {
    if (!isRecord(item) || !isExchangeView(item.view)) return undefined;
    const view = item.view;
    // A stored exchange was finished when saved; "streaming" could only come from a damaged value.
    if (view.state === "streaming" || ids.has(view.id)) return undefined;
    ids.add(view.id);
    let context: AskContext | undefined;
    if (item.source !== undefined) {
      if (!isSource(item.source)) return undefined;
      const { uri, range, label, detail } = item.source;
      context = { uri, range: { start: { ...range.start }, end: { ...range.end } }, view: { label, detail } };
    }
    const exchange: Exchange = { id: view.id, question: view.question, answer: view.answer, state: view.state, ...(context ? { context } : {}) };
    if (view.error !== undefined) exchange.error = view.error;
    if (view.redactions !== undefined) exchange.redactions = view.redactions;
    exchanges.push(exchange);
  }
  return exchanges;
}
