/** Checks the host the integration tests run in: the VS Code the project targets, with the test workspace open. */
import assert from "node:assert/strict";
import { describe, it } from "mocha";
import * as vscode from "vscode";

describe("VS Code host", () => {
  it("is VS Code 1.100 or newer, and exactly 1.100 in the code-server harness", () => {
    const [major, minor] = vscode.version.split(".").map(Number);
    assert.equal(major, 1);
    assert.ok((minor ?? 0) >= 100, `VS Code ${vscode.version} is older than engines.vscode ^1.100.0`);
    if (vscode.env.uiKind === vscode.UIKind.Web) assert.match(vscode.version, /^1\.100\./);
  });

  it("has the test workspace open as its only folder", () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(folders[0]?.uri.scheme, "file");
  });
});
