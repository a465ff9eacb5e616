import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { RequestScheduler } from "../../../server/src/util/requestScheduler";
import { CancelledError } from "../../../server/src/util/singleFlight";

function gate(): { promise: Promise<void>; open: () => void } {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe("RequestScheduler", () => {
  it("never runs more than the limit at once", async () => {
    const scheduler = new RequestScheduler(2);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 6 }, gate);
    const runs = gates.map((g) =>
      scheduler.run("interactive", async () => {
        running++;
        peak = Math.max(peak, running);
        await g.promise;
        running--;
      }),
    );
    await flush();
    assert.equal(scheduler.active, 2);
    assert.equal(scheduler.waiting, 4);
    for (const g of gates) {
      g.open();
      await flush();
    }
    await Promise.all(runs);
    assert.equal(peak, 2);
  });

  it("starts chat and summaries before hovers that waited longer", async () => {
    const scheduler = new RequestScheduler(1);
    const order: string[] = [];
    const blocker = gate();
    const first = scheduler.run("interactive", () => blocker.promise);
    const hover = scheduler.run("hover", () => Promise.resolve(void order.push("hover")));
    const chat = scheduler.run("interactive", () => Promise.resolve(void order.push("chat")));
    blocker.open();
    await Promise.all([first, hover, chat]);
    assert.deepEqual(order, ["chat", "hover"]);
  });

  it("lets a new hover supersede a hover still waiting for a slot", async () => {
    const scheduler = new RequestScheduler(1);
    const blocker = gate();
    const busy = scheduler.run("interactive", () => blocker.promise);
    const stale = scheduler.run("hover", () => Promise.resolve("stale"));
    const fresh = scheduler.run("hover", () => Promise.resolve("fresh"));
    await assert.rejects(stale, CancelledError);
    blocker.open();
    assert.equal(await fresh, "fresh");
    await busy;
  });

  it("drops a waiting request when its signal aborts", async () => {
    const scheduler = new RequestScheduler(1);
    const blocker = gate();
    const busy = scheduler.run("interactive", () => blocker.promise);
    const controller = new AbortController();
    let ran = false;
    const waiting = scheduler.run("interactive", () => Promise.resolve(void (ran = true)), controller.signal);
    controller.abort();
    await assert.rejects(waiting, CancelledError);
    blocker.open();
    await busy;
    await flush();
    assert.equal(ran, false);
    assert.equal(scheduler.waiting, 0);
  });
});
