import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CancelledError, SingleFlight } from "../../../server/src/util/singleFlight";

/** A piece of work the test finishes by hand, recording whether it was aborted. */
function controllable(): { work: (signal: AbortSignal) => Promise<string>; finish: (v: string) => void; aborted: () => boolean; calls: () => number } {
  let resolveIt: (v: string) => void = () => undefined;
  let signalSeen: AbortSignal | undefined;
  let calls = 0;
  return {
    work: (signal) => {
      calls++;
      signalSeen = signal;
      return new Promise<string>((resolve, reject) => {
        resolveIt = resolve;
        signal.addEventListener("abort", () => reject(new CancelledError()));
      });
    },
    finish: (v) => resolveIt(v),
    aborted: () => signalSeen?.aborted === true,
    calls: () => calls,
  };
}

describe("SingleFlight", () => {
  it("runs identical concurrent requests once and gives everyone the answer", async () => {
    const flight = new SingleFlight<string>();
    const w = controllable();
    const waits = Array.from({ length: 10 }, () => flight.run("k", w.work));
    assert.equal(flight.inFlight, 1);
    w.finish("answer");
    assert.deepEqual(await Promise.all(waits), Array(10).fill("answer"));
    assert.equal(w.calls(), 1);
    assert.equal(flight.inFlight, 0);
  });

  it("cancelling one waiter leaves the shared run going while others wait", async () => {
    const flight = new SingleFlight<string>();
    const w = controllable();
    const first = new AbortController();
    const a = flight.run("k", w.work, first.signal);
    const b = flight.run("k", w.work);
    first.abort();
    await assert.rejects(a, CancelledError);
    assert.equal(w.aborted(), false);
    w.finish("still here");
    assert.equal(await b, "still here");
  });

  it("aborts the shared run when the last waiter leaves", async () => {
    const flight = new SingleFlight<string>();
    const w = controllable();
    const one = new AbortController();
    const two = new AbortController();
    const a = flight.run("k", w.work, one.signal);
    const b = flight.run("k", w.work, two.signal);
    one.abort();
    assert.equal(w.aborted(), false);
    two.abort();
    assert.equal(w.aborted(), true);
    await assert.rejects(a, CancelledError);
    await assert.rejects(b, CancelledError);
    // A new request after that starts a fresh run.
    const w2 = controllable();
    const c = flight.run("k", w2.work);
    w2.finish("fresh");
    assert.equal(await c, "fresh");
  });

  it("keeps different keys apart and passes failures to every waiter", async () => {
    const flight = new SingleFlight<string>();
    const failing = flight.run("x", () => Promise.reject(new Error("backend down")));
    const other = flight.run("y", () => Promise.resolve("ok"));
    await assert.rejects(failing, /backend down/);
    assert.equal(await other, "ok");
  });
});
