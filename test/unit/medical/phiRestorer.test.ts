import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PlaceholderRestorer, isPlaceholderPrefix } from "../../../server/src/medical/phi/placeholderRestorer";

const ORIGINALS = new Map([
  ["NAME-1", "Harold Ostrowski"],
  ["DATE-1", "3/14/2024"],
  ["HEALTH_PLAN-2", "XKP902117634"],
]);

function stream(chunks: readonly string[], originals: ReadonlyMap<string, string> = ORIGINALS): { text: string; outputs: string[] } {
  const restorer = new PlaceholderRestorer(originals);
  const outputs = chunks.map((chunk) => restorer.push(chunk));
  outputs.push(restorer.flush());
  return { text: outputs.join(""), outputs };
}

const ANSWER = "On [DATE-1], [NAME-1] (plan [HEALTH_PLAN-2]) had chest pain [see note]. [NAME-1] improved.";
const RESTORED = "On 3/14/2024, Harold Ostrowski (plan XKP902117634) had chest pain [see note]. Harold Ostrowski improved.";

describe("PlaceholderRestorer", () => {
  it("restores placeholders in one chunk", () => {
    assert.equal(stream([ANSWER]).text, RESTORED);
  });

  it("restores placeholders split at every position", () => {
    for (let cut = 0; cut <= ANSWER.length; cut++) {
      assert.equal(stream([ANSWER.slice(0, cut), ANSWER.slice(cut)]).text, RESTORED, `cut at ${cut}`);
    }
  });

  it("restores placeholders split at every pair of positions", () => {
    const answer = "x [NAME-1] y [DATE-1]";
    for (let a = 0; a <= answer.length; a++) {
      for (let b = a; b <= answer.length; b++) {
        const { text } = stream([answer.slice(0, a), answer.slice(a, b), answer.slice(b)]);
        assert.equal(text, "x Harold Ostrowski y 3/14/2024", `cuts at ${a}/${b}`);
      }
    }
  });

  it("restores with one character per chunk", () => {
    assert.equal(stream([...ANSWER]).text, RESTORED);
  });

  it("holds back only a possible placeholder prefix and releases the rest at once", () => {
    const restorer = new PlaceholderRestorer(ORIGINALS);
    assert.equal(restorer.push("Seen on [DA"), "Seen on ");
    assert.equal(restorer.push("TE-1] by [N"), "3/14/2024 by ");
    assert.equal(restorer.push("AME-1"), "");
    assert.equal(restorer.push("]."), "Harold Ostrowski.");
    assert.equal(restorer.push("A list [1, 2] and [x y"), "A list [1, 2] and [x y");
    assert.equal(restorer.flush(), "");
  });

  it("releases a held-back prefix that never completes when the stream ends", () => {
    assert.deepEqual(stream(["Unfinished [NAME-"]).outputs, ["Unfinished ", "[NAME-"]);
    assert.deepEqual(stream(["Trailing backslash \\"]).outputs, ["Trailing backslash ", "\\"]);
  });

  it("tolerates case, separator, spacing, leading zeros and escaped brackets", () => {
    for (const variant of ["[name-1]", "[NAME 1]", "[NAME_1]", "[NAME1]", "[ NAME-1 ]", "[NAME–1]", "[NAME-01]", "\\[NAME-1\\]"]) {
      assert.equal(stream([`Dear ${variant},`]).text, "Dear Harold Ostrowski,", variant);
      for (let cut = 0; cut <= variant.length; cut++) {
        assert.equal(stream([`Dear ${variant.slice(0, cut)}`, `${variant.slice(cut)},`]).text, "Dear Harold Ostrowski,", `${variant} cut ${cut}`);
      }
    }
    assert.equal(stream(["Plan [health_plan-2]"]).text, "Plan XKP902117634");
  });

  it("leaves changed types, unknown numbers and missing brackets as written", () => {
    assert.equal(stream(["[PERSON-1] [NAME-9] NAME-1 [DATE-1"]).text, "[PERSON-1] [NAME-9] NAME-1 [DATE-1");
  });

  it("passes text through untouched when there is nothing to restore", () => {
    const { outputs } = stream(["[NAME-1] stays ", "[DA", "TE-1]"], new Map());
    assert.deepEqual(outputs, ["[NAME-1] stays ", "[DA", "TE-1]", ""]);
  });
});

describe("isPlaceholderPrefix", () => {
  it("accepts prefixes of tolerated placeholders and rejects everything else", () => {
    for (const prefix of ["\\", "[", "[ ", "[N", "[NAME", "[NAME-", "[NAME 1", "[HEALTH_PLAN_", "[NAME-12", "\\[DATE-1\\"]) {
      assert.equal(isPlaceholderPrefix(prefix), true, prefix);
    }
    for (const text of ["[1", "[NAME-x", "[NAME-1]", "[see note", "x[", "[NAME-1234567", `[${"A".repeat(30)}`]) {
      assert.equal(isPlaceholderPrefix(text), false, text);
    }
  });
});
