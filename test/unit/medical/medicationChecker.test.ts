import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  applyMedicationFix, checkMedicationSafety, MedicationChecker, type MedicationFinding,
} from "../../../server/src/medical/medication/index";
import { describeFinding } from "../../../server/src/medical/medication/replacementText";

const NOTE_LINES = [
  "# Medications",
  "- Metoprolol 25 mg PO QD",
  "- Insulin glargine 10 U SC qhs",
  "```",
  "dose = '10mg qd'",
  "```",
  "Warfarin 5.0 mg tonight; Hgb 10.0 g/dL.",
  "$$",
  "x = 5.0 mg QD",
  "$$",
  "Plan: d/c home tomorrow, MS 4 mg IV q4h prn.",
  "Timolol 1 gtt OD BID.",
];

function summary(findings: readonly MedicationFinding[]): string[] {
  return findings.map((f) => `${f.line}:${f.start}-${f.end}:${f.ruleId}:${f.matched}:${f.severity}`);
}

/** A small deterministic generator so the edit sequence is the same on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe("MedicationChecker", () => {
  it("reports offsets into the text and the line of each finding", () => {
    const text = NOTE_LINES.join("\n");
    const findings = checkMedicationSafety(text, { languageId: "markdown" });
    for (const f of findings) {
      assert.equal(text.slice(f.start, f.end), f.matched);
      assert.equal(text.slice(0, f.start).split("\n").length - 1, f.line);
    }
    assert.deepEqual(findings.map((f) => f.ruleId), [
      "tjc-qd", "tjc-u", "ismp-sc", "ismp-qhs", "tjc-trailing-zero", "ismp-dc", "tjc-ms", "ismp-od",
    ]);
  });

  it("counts \\r\\n and lone \\r as line breaks, as LSP does", () => {
    for (const newline of ["\r\n", "\r"]) {
      const text = NOTE_LINES.join(newline);
      const unix = checkMedicationSafety(NOTE_LINES.join("\n"), { languageId: "markdown" });
      const other = checkMedicationSafety(text, { languageId: "markdown" });
      assert.deepEqual(other.map((f) => [f.line, f.ruleId, f.matched]), unix.map((f) => [f.line, f.ruleId, f.matched]));
      for (const f of other) assert.equal(text.slice(f.start, f.end), f.matched);
    }
  });

  it("gives the same findings incrementally as from scratch, through edits that open and close zones", () => {
    for (const newline of ["\n", "\r\n", "\r"]) {
      const random = generator(7);
      const checker = new MedicationChecker("markdown");
      const lines = [...NOTE_LINES, ...NOTE_LINES, ...NOTE_LINES];
      const insertions = ["```", "$$", "Aspirin 81 mg QD", "<!--", "-->", "Lasix 10mg", "", "~~~", "\r", "\n"];
      for (let step = 0; step < 200; step++) {
        const at = Math.floor(random() * lines.length);
        const action = random();
        if (action < 0.4) lines.splice(at, 0, insertions[Math.floor(random() * insertions.length)]!);
        else if (action < 0.7 && lines.length > 1) lines.splice(at, 1);
        else lines[at] = `${lines[at] ?? ""} ${step % 3 === 0 ? "QD" : "x"}`;
        const text = lines.join(newline);
        assert.deepEqual(summary(checker.check(text)), summary(checkMedicationSafety(text, { languageId: "markdown" })), `step ${step}`);
      }
    }
  });

  it("checks only the lines an edit touched, and the lines after it whose zone changed", () => {
    const checker = new MedicationChecker("markdown");
    const lines = Array.from({ length: 400 }, (_, i) => `Day ${i}: aspirin 81 mg QD`);
    checker.check(lines.join("\n"));
    assert.equal(checker.lastCheckedLineCount, 400);
    lines[200] = `${lines[200]} and 5.0 mg`;
    const edited = checker.check(lines.join("\n"));
    assert.equal(checker.lastCheckedLineCount, 1);
    assert.ok(edited.some((f) => f.line === 200 && f.ruleId === "tjc-trailing-zero"));
    lines.splice(100, 0, "Extra line, 2.0 mg");
    const inserted = checker.check(lines.join("\n"));
    assert.equal(checker.lastCheckedLineCount, 1);
    assert.deepEqual(summary(inserted), summary(checkMedicationSafety(lines.join("\n"), { languageId: "markdown" })));
    // Opening a code fence changes the zone of every later line, so they are all checked again.
    lines.splice(300, 0, "```");
    const fenced = checker.check(lines.join("\n"));
    assert.equal(checker.lastCheckedLineCount, lines.length - 300);
    assert.ok(!fenced.some((f) => f.line > 300));
    checker.check(lines.join("\n"));
    assert.equal(checker.lastCheckedLineCount, 0);
  });

  it("checks a large text in slices, giving way to other work, with the same findings as at once", async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `Day ${i}: aspirin 81 mg QD, digoxin .125 mg, K 4.0`);
    const text = lines.join("\n");
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const sliced = await new MedicationChecker("markdown").checkInSlices(text, undefined, () => false, 1);
    assert.ok(otherWorkRan, "other work ran while the check was under way");
    assert.deepEqual(summary(sliced ?? []), summary(checkMedicationSafety(text, { languageId: "markdown" })));
  });

  it("stops a sliced check when a newer text exists, and keeps what it had", async () => {
    const checker = new MedicationChecker("markdown");
    checker.check("Aspirin 81 mg QD");
    const big = Array.from({ length: 20_000 }, (_, i) => `Day ${i}: aspirin 81 mg QD`).join("\n");
    assert.equal(await checker.checkInSlices(big, undefined, () => true, 0), undefined);
    assert.equal(checker.cachedLineCount, 1);
    checker.check("Aspirin 81 mg QD");
    assert.equal(checker.lastCheckedLineCount, 0, "the earlier text is still the base for reuse");
  });

  it("keeps only the current document's lines in its cache", () => {
    const checker = new MedicationChecker("plaintext");
    const lines = Array.from({ length: 50 }, (_, i) => `Day ${i}: aspirin 81 mg QD`);
    checker.check(lines.join("\n"));
    assert.equal(checker.cachedLineCount, 50);
    for (let i = 0; i < 50; i++) {
      lines[i] = `${lines[i]} edited`;
      checker.check(lines.join("\n"));
    }
    assert.equal(checker.cachedLineCount, 50);
    checker.clear();
    assert.equal(checker.cachedLineCount, 0);
  });

  it("applies severities from settings: off removes a rule, others override the default and the ambiguity hint", () => {
    const text = "Aspirin 81 mg QD. Will d/c in AM. Lasix 20mg daily.";
    const defaults = checkMedicationSafety(text, { languageId: "plaintext" });
    assert.deepEqual(defaults.map((f) => `${f.ruleId}:${f.severity}`), ["tjc-qd:warning", "ismp-dc:hint", "ismp-dose-unit-spacing:information"]);
    const adjusted = checkMedicationSafety(text, {
      languageId: "plaintext",
      severities: { "tjc-qd": "error", "ismp-dc": "warning", "ismp-dose-unit-spacing": "off", "no-such-rule": "off" },
    });
    assert.deepEqual(adjusted.map((f) => `${f.ruleId}:${f.severity}`), ["tjc-qd:error", "ismp-dc:warning"]);
  });

  it("uses the same cached lines for different severity settings", () => {
    const checker = new MedicationChecker("plaintext");
    const text = "Aspirin 81 mg QD";
    assert.equal(checker.check(text).length, 1);
    assert.equal(checker.check(text, { "tjc-qd": "off" }).length, 0);
    assert.equal(checker.check(text)[0]?.severity, "warning");
  });

  it("builds one-line messages and fix titles that quote only the matched text", () => {
    const text = "Patient Zebedee Quillfeather: aspirin 81 mg QD, D/C home";
    for (const f of checkMedicationSafety(text, { languageId: "plaintext" })) {
      assert.ok(!f.message.includes("\n") && !f.message.includes("Zebedee") && !f.message.includes("Quillfeather"), f.message);
      assert.ok(f.message.includes(`"${f.matched}"`), f.message);
      assert.equal(f.fixTitle, f.fixTitles[0]);
      assert.equal(f.fixTitles.length, f.replacements.length);
      assert.equal(f.fixTitle, `Replace "${f.matched}" with "${f.replacements[0]!.trim()}"`);
    }
  });

  it("applies a chosen replacement exactly", () => {
    const text = "Lasix 20 mg PO QD and Lorazepam .5 mg";
    const [qd, zero] = checkMedicationSafety(text, { languageId: "plaintext" });
    assert.equal(applyMedicationFix(text, qd!), "Lasix 20 mg PO daily and Lorazepam .5 mg");
    assert.equal(applyMedicationFix(text, zero!), "Lasix 20 mg PO QD and Lorazepam 0.5 mg");
    const dc = checkMedicationSafety("Will d/c in AM", { languageId: "plaintext" })[0]!;
    assert.equal(applyMedicationFix("Will d/c in AM", dc, 1), "Will discharge in AM");
    assert.throws(() => applyMedicationFix(text, qd!, 5), RangeError);
  });

  it("capitalises a replacement that starts a sentence or a list item", () => {
    const text = "D/C lisinopril. Then d/c Foley.\n- [x] D/C telemetry\n1) qd dosing of aspirin 81 mg";
    assert.deepEqual(checkMedicationSafety(text, { languageId: "markdown" }).map((f) => f.replacements[0]), [
      "Discontinue", "discontinue", "Discontinue", "Daily",
    ]);
  });

  it("handles empty text, a trailing newline and lines without candidates", () => {
    assert.deepEqual(checkMedicationSafety("", { languageId: "plaintext" }), []);
    const text = "Aspirin 81 mg QD\n\n---\n";
    const findings = checkMedicationSafety(text, { languageId: "markdown" });
    assert.deepEqual(findings.map((f) => f.line), [0]);
  });
});

describe("describeFinding", () => {
  it("gives repeated findings their text again, and a finding with other replacements its own", () => {
    const first = describeFinding("tjc-qd", "QD", ["daily"]);
    assert.match(first.message, /^Avoid "QD": .+ Use "daily" instead\.$/);
    assert.equal(describeFinding("tjc-qd", "QD", ["daily"]), first);
    const capitalised = describeFinding("tjc-qd", "QD", ["Daily"]);
    assert.notEqual(capitalised.message, first.message);
    assert.deepEqual(capitalised.fixTitles, ['Replace "QD" with "Daily"']);
    assert.deepEqual(describeFinding("tjc-iu", "IU", ["units", "international units"]).fixTitles, [
      'Replace "IU" with "units"',
      'Replace "IU" with "international units"',
    ]);
    // Past its size the store starts again; texts stay right.
    for (let i = 0; i < 5000; i++) describeFinding("tjc-trailing-zero", `${i}.0`, [`${i}`]);
    assert.equal(describeFinding("tjc-qd", "QD", ["daily"]).message, first.message);
    assert.match(describeFinding("tjc-trailing-zero", "7.0", ["7"]).message, /^Avoid "7\.0": .* Use "7" instead\.$/);
  });
});
