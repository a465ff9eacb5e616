import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LruCache } from "../../../server/src/util/lruCache";

describe("LruCache", () => {
  const cache = (maxSize: number, maxEntries = 100): LruCache<string> => new LruCache<string>(maxSize, maxEntries, (v) => v.length);

  it("evicts the least recently used entries when the total size is exceeded", () => {
    const c = cache(10);
    c.set("a", "aaaa");
    c.set("b", "bbbb");
    assert.equal(c.get("a"), "aaaa"); // a is now the most recent
    c.set("c", "cccc"); // 12 > 10: b goes
    assert.equal(c.get("b"), undefined);
    assert.equal(c.get("a"), "aaaa");
    assert.equal(c.get("c"), "cccc");
    assert.equal(c.weight, 8);
  });

  it("is bounded by size, not only by count: one long answer pushes out many short ones", () => {
    const c = cache(100);
    for (let i = 0; i < 10; i++) c.set(`k${i}`, "x".repeat(10));
    assert.equal(c.size, 10);
    c.set("long", "y".repeat(95));
    assert.equal(c.size, 1);
    assert.ok(c.weight <= 100);
  });

  it("also bounds the entry count", () => {
    const c = cache(1_000_000, 3);
    for (let i = 0; i < 5; i++) c.set(`k${i}`, "v");
    assert.equal(c.size, 3);
    assert.equal(c.get("k0"), undefined);
    assert.equal(c.get("k4"), "v");
  });

  it("does not keep a value larger than the whole cache, and replaces values in place", () => {
    const c = cache(10);
    c.set("a", "small");
    c.set("huge", "z".repeat(11));
    assert.equal(c.get("huge"), undefined);
    assert.equal(c.get("a"), "small");
    c.set("a", "tiny");
    assert.equal(c.weight, 4);
  });
});
