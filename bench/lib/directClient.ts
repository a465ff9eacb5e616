/**
 * The baseline the relay is measured against: a plain HTTP client (undici, keep-alive) streaming the same
 * `chat/completions` request straight from the backend, parsed with the server's own SSE parser and chunk reader,
 * so the only difference left between the two paths is the language server and its stdio hop.
 */
import { Agent, request } from "undici";
import { CompletionChunkReader } from "../../server/src/model/completionChunks";
import { SseParser } from "../../server/src/model/sse";
import type { ChatMessage } from "../../server/src/model/types";

export interface DirectStream {
  sentAt: number;
  doneAt: number;
  /** Arrival time of each text output. */
  arrivals: number[];
  texts: string[];
}

export class DirectClient {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000 });

  constructor(private readonly endpoint: string) {}

  /** Streams one completion for `messages` and records when each piece of text arrived. */
  async stream(messages: ChatMessage[], maxTokens: number): Promise<DirectStream> {
    const body = JSON.stringify({
      model: "google/medgemma-27b-text-it",
      messages,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: maxTokens,
      temperature: 0.2,
    });
    const arrivals: number[] = [];
    const texts: string[] = [];
    const sentAt = performance.now();
    const response = await request(`${this.endpoint}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body,
      dispatcher: this.agent,
    });
    if (response.statusCode !== 200) throw new Error(`the backend answered ${response.statusCode}`);
    const decoder = new TextDecoder("utf-8");
    const parser = new SseParser();
    const reader = new CompletionChunkReader(this.endpoint);
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      for (const event of parser.push(decoder.decode(chunk, { stream: true }))) {
        for (const output of reader.read(event)) {
          if (output.type !== "text" || output.text === "") continue;
          arrivals.push(performance.now());
          texts.push(output.text);
        }
      }
    }
    return { sentAt, doneAt: performance.now(), arrivals, texts };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
