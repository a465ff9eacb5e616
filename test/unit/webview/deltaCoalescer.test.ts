import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DeltaCoalescer } from "../../../client/src/chat/deltaCoalescer";
import type { StartTimer } from "../../../client/src/chat/deltaCoalescer";

/** A timer the test fires by hand. */
function manualTimer(): { start: StartTimer; fire(): void; readonly armed: boolean; readonly intervals: number[] } {
  let pending: (() => void) | undefined;
  const intervals: number[] = [];
  return {
    start: (callback, ms) => {
      assert.equal(pending, undefined, "only one timer at a time");
      pending = callback;
      intervals.push(ms);
      return () => {
        pending = undefined;
      };
    },
    fire() {
      const callback = pending;
      assert.ok(callback, "a timer is armed");
      pending = undefined;
      callback();
    },
    get armed() {
      return pending !== undefined;
    },
    intervals,
  };
}

function setup() {
  const timer = manualTimer();
  const emitted: [number, string][] = [];
  const coalescer = new DeltaCoalescer((offset, text) => emitted.push([offset, text]), 50, timer.start);
  return { timer, emitted, coalescer };
}

describe("DeltaCoalescer", () => {
  it("sends the first piece at once and joins the rest until the interval ends", () => {
    const { timer, emitted, coalescer } = setup();
    coalescer.push(0, "The ");
    assert.deepEqual(emitted, [[0, "The "]]);
    coalescer.push(4, "answer ");
    coalescer.push(11, "is ");
    assert.deepEqual(emitted, [[0, "The "]]);
    timer.fire();
    assert.deepEqual(emitted, [[0, "The "], [4, "answer is "]]);
    coalescer.push(14, "42.");
    timer.fire();
    assert.deepEqual(emitted, [[0, "The "], [4, "answer is "], [14, "42."]]);
    assert.deepEqual(timer.intervals, [50, 50, 50]);
  });

  it("goes idle after a quiet interval and then sends the next piece at once", () => {
    const { timer, emitted, coalescer } = setup();
    coalescer.push(0, "a");
    timer.fire();
    assert.equal(timer.armed, false);
    coalescer.push(1, "b");
    assert.deepEqual(emitted, [[0, "a"], [1, "b"]]);
  });

  it("flushes on demand and ignores empty pieces", () => {
    const { emitted, coalescer } = setup();
    coalescer.push(0, "a");
    coalescer.push(1, "");
    coalescer.push(1, "b");
    coalescer.flush();
    coalescer.flush();
    assert.deepEqual(emitted, [[0, "a"], [1, "b"]]);
  });

  it("sends a piece that does not follow on from the pending text separately", () => {
    const { timer, emitted, coalescer } = setup();
    coalescer.push(0, "a");
    coalescer.push(1, "b");
    coalescer.push(10, "z");
    timer.fire();
    assert.deepEqual(emitted, [[0, "a"], [1, "b"], [10, "z"]]);
  });

  it("drops pending text on discard and on dispose", () => {
    const { timer, emitted, coalescer } = setup();
    coalescer.push(0, "a");
    coalescer.push(1, "b");
    coalescer.discard();
    timer.fire();
    coalescer.push(2, "c");
    coalescer.push(3, "d");
    coalescer.dispose();
    assert.equal(timer.armed, false);
    assert.deepEqual(emitted, [[0, "a"], [2, "c"]]);
  });
});
