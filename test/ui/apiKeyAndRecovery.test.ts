/**
 * The API key and the language server's life in the real workbench, against a scripted remote backend that wants a
 * key: the status item shows that it does, "Set API Key" (a password box) makes every later request carry it, a
 * language server killed with SIGKILL is restarted (with the key) and the writer is told, and "Clear API Key" takes
 * the key out of later requests.
 */
import assert from "node:assert/strict";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { descendantProcesses, startSession } from "../support/codeServer";
import type { ProcessInfo, VSCodeSession } from "../support/codeServer";
import type { RecordedRequest } from "../support/scriptedBackend";
import {
  clearNotifications,
  hoverText,
  openFile,
  quickInputIsPassword,
  runCommand,
  statusBarTooltip,
  typeInQuickInput,
  waitFor,
  waitForNotification,
  waitForWorkbench,
} from "../support/workbench";
import { ChatPanel } from "./chatPanel";
import type { ClinicalBackend } from "./clinicalBackend";
import { CHAT_ANSWER, TERM_ANSWER, startClinicalBackend } from "./clinicalBackend";
import { STATUS_ENTRY, TEST_VSIX, createWorkspace, extensionLog, readStatusItem, sessionSettings, waitForBackendStatus } from "./medgemmaUi";

const KEY = "sk-medgemma-ui-test-7f3a9c";
const KEY_PROMPT = /The key for your MedGemma server/;
const NOTE = "# Note\n\nAssessment: new atrial fibrillation with rapid ventricular response.\n";

/** The language server processes of this session (dist/server.js under code-server's extension host). */
function languageServers(session: VSCodeSession): ProcessInfo[] {
  return descendantProcesses(session.server.pid).filter((info) => /[/\\]dist[/\\]server\.js\b/.test(info.commandLine));
}

/** The requests from the first one that matches `first` on (the ones a new server process sent). */
function requestsFrom(requests: RecordedRequest[], first: (request: RecordedRequest) => boolean): RecordedRequest[] {
  const index = requests.findIndex(first);
  return index < 0 ? [] : requests.slice(index);
}

describe("MedGemma API key and language-server recovery", { timeout: 300_000 }, () => {
  let backend: ClinicalBackend | undefined;
  let session: VSCodeSession | undefined;
  let workspace = "";

  function current(): VSCodeSession {
    if (!session) throw new Error("The session did not start.");
    return session;
  }
  function page() {
    return current().page;
  }
  function server(): ClinicalBackend {
    if (!backend) throw new Error("The backend did not start.");
    return backend;
  }

  before(async () => {
    backend = await startClinicalBackend();
    backend.requireKey(KEY);
    workspace = createWorkspace({ "note.md": NOTE });
    session = await startSession({ vsix: TEST_VSIX, workspace, settings: sessionSettings({ "medgemma.backend.endpoint": backend.url }) });
    await waitForWorkbench(session.page);
    await openFile(session.page, "note.md");
  });

  after(async () => {
    await session?.stop();
    await backend?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("shows in the status bar that the backend wants a key", async () => {
    await waitForBackendStatus(page(), "remote", "unauthorized");
    const tooltip = await statusBarTooltip(page(), STATUS_ENTRY);
    assert.match(tooltip.text, /^MedGemma: unauthorized · /);
    assert.ok(tooltip.text.includes(`The server at ${server().url} wants an API key (HTTP 401): run "MedGemma: Set API Key".`), tooltip.text);
    assert.ok(server().requests.every((request) => request.headers.authorization === undefined), "no key was sent before one was set");
  });

  it("Set API Key asks in a password box, and every later request carries the key as a bearer token", async () => {
    const mark = server().requests.length;
    await runCommand(page(), "MedGemma: Set API Key");
    assert.equal(await quickInputIsPassword(page(), KEY_PROMPT), true, "the key is typed into a password box");
    await typeInQuickInput(page(), KEY, { prompt: KEY_PROMPT });
    await waitForNotification(page(), "MedGemma API key saved in VS Code's secret storage.");
    // The server gets the key in its environment, so it is restarted; its first probe carries the key.
    await waitForBackendStatus(page(), "remote", "ready");
    const sent = requestsFrom(server().requests.slice(mark), (request) => request.headers.authorization !== undefined);
    assert.ok(sent.some((request) => request.path === "/health"), "the restarted server probed with the key");
    for (const request of sent) assert.equal(request.headers.authorization, `Bearer ${KEY}`, `${request.path} carries the key`);

    const chat = await ChatPanel.open(page());
    const id = await chat.ask("Are you there?");
    assert.equal(await chat.waitForState(id, ["done"]), "done");
    assert.equal(((await chat.answerBody(id).textContent()) ?? "").trim(), CHAT_ANSWER);
    assert.equal(server().chatRequests().at(-1)?.headers.authorization, `Bearer ${KEY}`);

    // The key lives in secret storage only: not in the settings file, not in the extension's log.
    assert.ok(!readFileSync(join(current().dirs.userData, "User", "settings.json"), "utf8").includes(KEY), "the key is not in settings.json");
    // The log reaches its file shortly after the line is written.
    const log = await waitFor(() => extensionLog(current().dirs.userData), (text) => text.includes("API key stored in secret storage"), {
      what: "the extension to log the change",
    });
    assert.ok(!log.includes(KEY), "the key is not in the log");
    await clearNotifications(page());
  });

  it("restarts a killed language server, tells the writer, and hovers and questions work again", async () => {
    const before = languageServers(current());
    assert.equal(before.length, 1, `one language server: ${JSON.stringify(before)}`);
    const killed = before[0] as ProcessInfo;
    const mark = server().requests.length;
    const termAnswers = server().requestsOf("term").length;

    process.kill(killed.pid, "SIGKILL");
    await waitForNotification(page(), "MedGemma's language server stopped unexpectedly and was restarted.");
    const after = await waitFor(
      () => languageServers(current()),
      (found) => found.length === 1 && found[0]?.pid !== killed.pid,
      { what: "a new language server process" },
    );
    assert.notEqual(after[0]?.pid, killed.pid);
    // The new process probes the backend once it is initialized, still with the key from its environment.
    const probe = await waitFor(
      () => server().requests.slice(mark).find((request) => request.path === "/health"),
      (request) => request !== undefined,
      { what: "the new server's first probe" },
    );
    assert.equal(probe?.headers.authorization, `Bearer ${KEY}`);

    await openFile(page(), "note.md");
    const text = await hoverText(page(), "atrial fibrillation", { expect: /AI-generated by MedGemma/ });
    assert.ok(text.includes(TERM_ANSWER), text);
    assert.equal(server().requestsOf("term").length, termAnswers + 1, "the new server asked the backend itself (its cache started empty)");

    const chat = await ChatPanel.open(page());
    const id = await chat.ask("Still there?");
    assert.equal(await chat.waitForState(id, ["done"]), "done");
    assert.equal(((await chat.answerBody(id).textContent()) ?? "").trim(), CHAT_ANSWER);
    assert.deepEqual(await readStatusItem(page()), { text: "MedGemma (remote)", icon: "check" });
    await clearNotifications(page());
  });

  it("Clear API Key removes the key from every later request", async () => {
    const mark = server().requests.length;
    await runCommand(page(), "MedGemma: Clear API Key");
    await waitForNotification(page(), "MedGemma API key removed.");
    await waitForBackendStatus(page(), "remote", "unauthorized");
    const sent = server().requests.slice(mark);
    const fromNewServer = requestsFrom(sent, (request) => request.path === "/health" && request.headers.authorization === undefined);
    assert.ok(fromNewServer.length > 0, "the restarted server probed without a key");
    for (const request of fromNewServer) assert.equal(request.headers.authorization, undefined, `${request.path} carries no key`);

    // With a server that no longer wants a key, questions work again and carry none.
    server().requireKey(undefined);
    await runCommand(page(), "MedGemma: Check Backend");
    await waitForBackendStatus(page(), "remote", "ready");
    const chat = await ChatPanel.open(page());
    const id = await chat.ask("And now?");
    assert.equal(await chat.waitForState(id, ["done"]), "done");
    assert.equal(server().chatRequests().at(-1)?.headers.authorization, undefined);
    await clearNotifications(page());
  });
});
