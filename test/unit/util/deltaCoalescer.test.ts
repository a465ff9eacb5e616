import { describe, it, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { DeltaCoalescer } from "../../../server/src/util/deltaCoalescer";

/** A coalescer on a clock the test moves by hand, with Node's timers mocked so waits happen on that clock. */
function rig(t: TestContext) {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  let clock = 1000;
  const sent: string[] = [];
  const coalescer = new DeltaCoalescer((text) => sent.push(text), 16, () => clock);
  return {
    coalescer,
    sent,
    advance: (ms: number) => {
      clock += ms;
      t.mock.timers.tick(ms);
    },
  };
}

describe("DeltaCoalescer", () => {
  it("sends the first piece at once, so the first token is not delayed", (t) => {
    const { coalescer, sent } = rig(t);
    coalescer.push("Atrial");
    assert.deepEqual(sent, ["Atrial"]);
  });

  it("joins pieces that arrive within the interval and sends them when it ends", (t) => {
    const { coalescer, sent, advance } = rig(t);
    coalescer.push("A");
    coalescer.push("b");
    advance(5);
    coalescer.push("c");
    assert.deepEqual(sent, ["A"]);
    advance(10);
    assert.deepEqual(sent, ["A"]);
    advance(1);
    assert.deepEqual(sent, ["A", "bc"]);
  });

  it("sends at once again after a quiet interval, as for a slow remote model", (t) => {
    const { coalescer, sent, advance } = rig(t);
    for (const word of ["one ", "two ", "three "]) {
      coalescer.push(word);
      advance(40);
    }
    assert.deepEqual(sent, ["one ", "two ", "three "]);
  });

  it("flush sends what waits, in order, and loses nothing", (t) => {
    const { coalescer, sent, advance } = rig(t);
    const pieces = Array.from({ length: 50 }, (_, i) => `t${i} `);
    for (const piece of pieces) {
      coalescer.push(piece);
      advance(1);
    }
    coalescer.flush();
    assert.equal(sent.join(""), pieces.join(""));
    assert.ok(sent.length <= 5, `${sent.length} messages for 50 pieces in 50 ms`);
    // Nothing is sent twice after the flush, and a late timer has nothing left to send.
    advance(100);
    assert.equal(sent.join(""), pieces.join(""));
  });

  it("ignores empty pieces", (t) => {
    const { coalescer, sent } = rig(t);
    coalescer.push("");
    coalescer.flush();
    assert.deepEqual(sent, []);
  });
});
