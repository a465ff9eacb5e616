import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ThinkingFilter } from "../../../server/src/model/thinkingFilter";

function run(chunks: string[]): { visible: string; reasoning: string; visibleChunks: string[] } {
  const filter = new ThinkingFilter();
  let visible = "";
  let reasoning = "";
  const visibleChunks: string[] = [];
  for (const chunk of [...chunks.map((c) => filter.push(c)), filter.flush()]) {
    visible += chunk.visible;
    reasoning += chunk.reasoning;
    if (chunk.visible) visibleChunks.push(chunk.visible);
  }
  return { visible, reasoning, visibleChunks };
}

const THOUGHT = "<unused94>thought\nThe patient has low potassium.<unused95>Hypokalaemia.";

describe("ThinkingFilter", () => {
  it("passes ordinary text through unchanged and without delay", () => {
    const out = run(["Metformin ", "is first-line ", "therapy."]);
    assert.equal(out.visible, "Metformin is first-line therapy.");
    assert.deepEqual(out.visibleChunks, ["Metformin ", "is first-line ", "therapy."]);
  });

  it("separates the reasoning from the answer and drops the thought label", () => {
    const out = run([THOUGHT]);
    assert.equal(out.visible, "Hypokalaemia.");
    assert.equal(out.reasoning, "The patient has low potassium.");
  });

  it("handles markers split at every possible position", () => {
    for (let cut = 1; cut < THOUGHT.length; cut++) {
      for (let cut2 = cut + 1; cut2 < THOUGHT.length; cut2 += 3) {
        const out = run([THOUGHT.slice(0, cut), THOUGHT.slice(cut, cut2), THOUGHT.slice(cut2)]);
        assert.equal(out.visible, "Hypokalaemia.", `cut at ${cut}/${cut2}`);
        assert.equal(out.reasoning, "The patient has low potassium.", `cut at ${cut}/${cut2}`);
      }
    }
  });

  it("handles one character per chunk", () => {
    const out = run([...THOUGHT]);
    assert.equal(out.visible, "Hypokalaemia.");
    assert.equal(out.reasoning, "The patient has low potassium.");
  });

  it("releases a held-back partial marker that turned out to be text", () => {
    const out = run(["Values <unu", "sual> and <"]);
    assert.equal(out.visible, "Values <unusual> and <");
  });

  it("keeps reasoning that never closed as reasoning", () => {
    const out = run(["<unused94>thought\nstill thinking"]);
    assert.equal(out.visible, "");
    assert.equal(out.reasoning, "still thinking");
  });
});
