/**
 * Smoke test of the UI harness itself (code-server + Chromium + the workbench helpers), independent of MedGemma
 * Writer: a temporary workspace is opened, files are opened, read, edited and saved through the real workbench.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { startSession } from "../support/codeServer";
import type { VSCodeSession } from "../support/codeServer";
import { started } from "../support/started";
import {
  cursorStatus,
  editorText,
  goToPosition,
  openFile,
  runCommand,
  selectText,
  typeInQuickInput,
  visibleEditorText,
  waitForCursorStatus,
  waitForWorkbench,
} from "../support/workbench";

const NOTE = "# Plan\n\nMetformin 500 mg twice daily with meals.\nReview renal function in three months.\n";
const LETTER = "Dear colleague,\nplease review the attached results.\n";

/** Waits until a file on disk has the expected content (a save reaches the disk after the tab turns clean). */
async function waitForFile(path: string, expected: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let content = readFileSync(path, "utf8");
  while (content !== expected && Date.now() < deadline) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    content = readFileSync(path, "utf8");
  }
  return content;
}

describe("UI harness on code-server", { timeout: 240_000 }, () => {
  let session: VSCodeSession | undefined;
  let workspace = "";

  const page = () => started(session, "The session").page;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), "medgemma-ui-harness-"));
    writeFileSync(join(workspace, "note.md"), NOTE);
    mkdirSync(join(workspace, "letters"));
    writeFileSync(join(workspace, "letters", "referral.txt"), LETTER);
    session = await startSession({ workspace });
    await waitForWorkbench(session.page);
  });

  after(async () => {
    await session?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("opens a file from the explorer and reads its whole text", async () => {
    await openFile(page(), "note.md");
    assert.equal(await editorText(page()), NOTE);
    assert.equal(await visibleEditorText(page()), NOTE);
  });

  it("opens a nested file through Quick Open", async () => {
    await openFile(page(), "letters/referral.txt");
    assert.equal(await visibleEditorText(page()), LETTER);
  });

  it("selects text, types over it and saves through the command palette", async () => {
    await openFile(page(), "note.md");
    await selectText(page(), "twice daily");
    assert.match(await cursorStatus(page()), /^Ln 3, Col \d+ \(11 selected\)$/);
    await page().keyboard.type("once daily");
    const edited = NOTE.replace("twice daily", "once daily");
    assert.equal(await visibleEditorText(page()), edited);
    await runCommand(page(), "File: Save");
    assert.equal(await waitForFile(join(workspace, "note.md"), edited), edited);
  });

  it("selects across lines", async () => {
    await selectText(page(), "meals.\nReview");
    assert.match(await cursorStatus(page()), /^Ln 4, Col 7 \(13 selected\)$/);
  });

  it("moves the cursor through Go to Line", async () => {
    await goToPosition(page(), 4, 8);
    assert.match(await cursorStatus(page()), /^Ln 4, Col 8$/);
  });

  it("answers a quick input opened by a command", async () => {
    await runCommand(page(), "Go to Line/Column...");
    // Go to Line is a quick-access prefix of the palette; replacing the text keeps the ":" that selects it.
    await typeInQuickInput(page(), ":1:3", { prompt: /line number/i });
    assert.match(await waitForCursorStatus(page(), /^Ln 1, Col 3$/), /^Ln 1, Col 3$/);
  });
});
