/**
 * A server-sent events parser for streamed chat completions. It takes text as it arrives (an event may be split
 * anywhere, even inside a CRLF pair) and returns the complete events. Comment lines (`: ping`) are keep-alives and
 * produce nothing.
 */

export interface SseEvent {
  /** The `event:` field, when the server sets one. */
  event?: string;
  /** The `data:` lines joined with newlines; undefined when the event had no data field. */
  data?: string;
  /** The non-standard `error:` field that older llama.cpp builds send instead of a data line. */
  error?: string;
}

export class SseParser {
  private buffer = "";
  /** A CR ended the last chunk: a following LF belongs to the same line break. */
  private pendingCr = false;
  private dataLines: string[] = [];
  private eventName: string | undefined;
  private errorLines: string[] = [];
  /** How much of `buffer` is known to hold no line break, so a long line is not rescanned on every chunk. */
  private scanned = 0;

  /** Feeds decoded text; returns the events completed by it. */
  push(text: string): SseEvent[] {
    if (this.pendingCr && text.startsWith("\n")) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const lineEnd = this.findLineEnd(Math.max(start, this.scanned));
      this.scanned = 0;
      if (lineEnd < 0) break;
      const line = this.buffer.slice(start, lineEnd);
      const breakChar = this.buffer.charCodeAt(lineEnd);
      if (breakChar === 13 /* CR */) {
        if (lineEnd + 1 >= this.buffer.length) {
          this.pendingCr = true;
          start = lineEnd + 1;
        } else {
          start = this.buffer.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
        }
      } else {
        start = lineEnd + 1;
      }
      const event = this.processLine(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    this.scanned = this.buffer.length;
    return events;
  }

  /** The stream ended: an event without its closing blank line is still delivered (servers do that). */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.buffer !== "") {
      const event = this.processLine(this.buffer);
      if (event) events.push(event);
      this.buffer = "";
    }
    const last = this.dispatch();
    if (last) events.push(last);
    return events;
  }

  private findLineEnd(from: number): number {
    for (let i = from; i < this.buffer.length; i++) {
      const code = this.buffer.charCodeAt(i);
      if (code === 10 || code === 13) return i;
    }
    return -1;
  }

  private processLine(line: string): SseEvent | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    switch (field) {
      case "data":
        this.dataLines.push(value);
        break;
      case "event":
        this.eventName = value;
        break;
      case "error":
        this.errorLines.push(value);
        break;
      default:
        // id, retry and unknown fields mean nothing for a one-shot completion stream.
        break;
    }
    return undefined;
  }

  private dispatch(): SseEvent | undefined {
    if (this.dataLines.length === 0 && this.errorLines.length === 0) {
      this.eventName = undefined;
      return undefined;
    }
    const event: SseEvent = {};
    if (this.eventName !== undefined) event.event = this.eventName;
    if (this.dataLines.length > 0) event.data = this.dataLines.join("\n");
    if (this.errorLines.length > 0) event.error = this.errorLines.join("\n");
    this.dataLines = [];
    this.errorLines = [];
    this.eventName = undefined;
    return event;
  }
}
