import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SseParser } from "../../../server/src/model/sse";
import type { SseEvent } from "../../../server/src/model/sse";

function parseAll(chunks: string[]): SseEvent[] {
  const parser = new SseParser();
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

describe("SseParser", () => {
  it("splits events on blank lines and joins multi-line data", () => {
    assert.deepEqual(parseAll(["data: a\n\ndata: b1\ndata: b2\n\n"]), [{ data: "a" }, { data: "b1\nb2" }]);
  });

  it("gives the same events whatever the chunking, for LF, CRLF and CR line ends", () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = `: ping${eol}${eol}event: message${eol}data: {"x":1}${eol}${eol}data:[DONE]${eol}${eol}`;
      const expected = [{ event: "message", data: '{"x":1}' }, { data: "[DONE]" }];
      for (let cut = 0; cut <= text.length; cut++) {
        assert.deepEqual(parseAll([text.slice(0, cut), text.slice(cut)]), expected, `eol ${JSON.stringify(eol)} cut ${cut}`);
      }
      assert.deepEqual(parseAll([...text]), expected);
    }
  });

  it("ignores comments and unknown fields, keeps the legacy error: field", () => {
    assert.deepEqual(parseAll([": keep-alive\nid: 4\nretry: 10\n\nerror: {\"message\":\"boom\"}\n\n"]), [{ error: '{"message":"boom"}' }]);
  });

  it("delivers a last event that lacks its closing blank line", () => {
    assert.deepEqual(parseAll(["data: tail"]), [{ data: "tail" }]);
  });

  it("keeps a long line intact across many chunks", () => {
    const long = "x".repeat(100_000);
    const parser = new SseParser();
    const events: SseEvent[] = [];
    for (let i = 0; i < long.length; i += 1000) events.push(...parser.push((i === 0 ? "data: " : "") + long.slice(i, i + 1000)));
    events.push(...parser.push("\n\n"));
    assert.equal(events.length, 1);
    assert.equal(events[0]?.data?.length, 100_000);
  });
});
