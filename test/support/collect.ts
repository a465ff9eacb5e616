/** Collects a model stream for assertions. */
import type { ChatModel, ChatRequest, CompletionSummary, StreamEvent } from "../../server/src/model/types";

export interface Collected {
  text: string;
  reasoning: string;
  /** The text events, in order. */
  textEvents: string[];
  summary: CompletionSummary;
  doneEvents: number;
}

export async function collectStream(stream: AsyncIterable<StreamEvent>, onText?: (text: string) => void): Promise<Collected> {
  const collected: Collected = { text: "", reasoning: "", textEvents: [], summary: { finishReason: "error" }, doneEvents: 0 };
  for await (const event of stream) {
    if (event.type === "text") {
      collected.text += event.text;
      collected.textEvents.push(event.text);
      onText?.(event.text);
    } else if (event.type === "reasoning") {
      collected.reasoning += event.text;
    } else {
      collected.summary = event.summary;
      collected.doneEvents++;
    }
  }
  return collected;
}

export function ask(model: ChatModel, question: string, options: ChatRequest["options"] = {}, signal?: AbortSignal): Promise<Collected> {
  return collectStream(model.stream({ messages: [{ role: "system", content: "You are a helpful medical assistant." }, { role: "user", content: question }], options }, signal));
}
