import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { selectionActions } from "../../../server/src/features/codeActions";

const range = { start: { line: 1, character: 0 }, end: { line: 3, character: 5 } };

describe("selectionActions", () => {
  it("offers the four summaries as commands of kind refactor.rewrite.medgemma.*", () => {
    const actions = selectionActions({ uri: "file:///n.md", version: 7, range, clientCommands: [] });
    assert.deepEqual(
      actions.map((a) => a.kind),
      ["refactor.rewrite.medgemma.summarizeClinical", "refactor.rewrite.medgemma.summarizePatient", "refactor.rewrite.medgemma.keyPoints", "refactor.rewrite.medgemma.structuredAbstract"],
    );
    assert.deepEqual(actions[1]?.command?.arguments, [{ textDocument: { uri: "file:///n.md", version: 7 }, range, style: "patient" }]);
    assert.equal(actions[0]?.command?.command, "medgemma.server.insertSummary");
  });

  it("adds Explain and Ask only for clients that implement them", () => {
    const actions = selectionActions({ uri: "u", version: 1, range, clientCommands: ["medgemma.explainSelection", "medgemma.askAboutSelection"] });
    assert.deepEqual(actions.slice(4).map((a) => a.command?.command), ["medgemma.explainSelection", "medgemma.askAboutSelection"]);
  });

  it("offers nothing on an empty selection and honours the only filter", () => {
    assert.deepEqual(selectionActions({ uri: "u", version: 1, range: { start: range.start, end: range.start }, clientCommands: [] }), []);
    assert.equal(selectionActions({ uri: "u", version: 1, range, clientCommands: [], only: ["quickfix"] }).length, 0);
    assert.equal(selectionActions({ uri: "u", version: 1, range, clientCommands: [], only: ["refactor"] }).length, 4);
  });
});
