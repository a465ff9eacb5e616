/**
 * The chat panel in the real workbench against a scripted remote backend: progressive streaming, Stop (and the
 * backend seeing its connection closed), Retry, Copy, Insert at Cursor as one undoable edit, and hostile model
 * output (HTML, scripts, event handlers, javascript: links) rendered as inert text.
 */
import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import { after, before, describe, it } from "node:test";
import { startSession } from "../support/codeServer";
import type { VSCodeSession } from "../support/codeServer";
import { started } from "../support/started";
import type { RecordedRequest } from "../support/scriptedBackend";
import { within } from "../support/scriptedBackend";
import { clickDialogButton, editorText, focusEditor, goToPosition, openFile, waitFor, waitForDialog, waitForWorkbench } from "../support/workbench";
import { ChatPanel, PROBE_MESSAGE_PREFIX } from "./chatPanel";
import type { ClinicalBackend } from "./clinicalBackend";
import { lastUserMessage, startClinicalBackend, tokensOf } from "./clinicalBackend";
import { TEST_VSIX, createWorkspace, sessionSettings, waitForBackendStatus } from "./medgemmaUi";

const DRAFT = ["# Draft", "", "Plan: continue the current treatment.", "Review in clinic.", ""].join("\n");

/** Words enough for a stream of about 1.5 s, so several renders happen while it streams. */
const STREAMED_ANSWER = Array.from({ length: 60 }, (_, i) => `word${i + 1}`).join(" ");

/**
 * Model output that tries every way into the page: raw HTML with event handlers, script, SVG, iframe, a comment
 * hiding markup, and javascript: links. Each payload, if it ever ran, would set a global, mark the body and post a
 * message the probe records.
 */
const run = (name: string) => `window.__medgemmaXss='${name}';document.body.setAttribute('data-xss','${name}');window.postMessage('${PROBE_MESSAGE_PREFIX}${name}')`;
const HOSTILE_ANSWER = [
  "Payloads follow; all of them must stay text.",
  "",
  `<img src=x onerror="${run("img")}">`,
  "",
  `<script>${run("script")}</script>`,
  "",
  `<svg onload="${run("svg")}"><circle r="4"></circle></svg>`,
  "",
  `<iframe src="javascript:${run("iframe-src")}" onload="${run("iframe")}"></iframe>`,
  "",
  `<!-- hidden <b onmouseover="${run("comment")}">markup</b> -->`,
  "",
  `A [markdown javascript link](javascript:${run("link")}) and <a href="javascript:${run("anchor")}">a raw one</a>.`,
  "",
  "A web link stays a (guarded) link: [the guideline](https://example.org/guideline).",
].join("\n");

/** Every element of the panel's document with an `on…` attribute, and the elements that must never appear. */
const INSPECT_DOM = `(() => ({
  handlers: [...document.querySelectorAll("*")]
    .filter((element) => [...element.attributes].some((attribute) => attribute.name.toLowerCase().startsWith("on")))
    .map((element) => element.tagName.toLowerCase()),
  forbidden: [...document.querySelectorAll("#messages script, #messages iframe, #messages img, #messages svg, #messages object, #messages embed, #messages style, #messages link, #messages a[href]")]
    .map((element) => element.tagName.toLowerCase()),
  links: [...document.querySelectorAll("#messages a")].map((a) => ({ className: a.className, dataHref: a.getAttribute("data-href"), text: a.textContent })),
  ran: typeof window.__medgemmaXss === "undefined" ? document.body.getAttribute("data-xss") : String(window.__medgemmaXss),
}))()`;

interface DomReport {
  handlers: string[];
  forbidden: string[];
  links: { className: string; dataHref: string | null; text: string }[];
  ran: string | null;
}

describe("MedGemma chat panel with a remote backend", { timeout: 300_000 }, () => {
  let backend: ClinicalBackend | undefined;
  let session: VSCodeSession | undefined;
  let panel: ChatPanel | undefined;
  let workspace = "";

  const page = () => started(session, "The session").page;
  const server = (): ClinicalBackend => started(backend, "The backend");
  function chat(): ChatPanel {
    if (!panel) throw new Error("The chat panel did not open.");
    return panel;
  }

  before(async () => {
    backend = await startClinicalBackend();
    workspace = createWorkspace({ "draft.md": DRAFT });
    session = await startSession({ vsix: TEST_VSIX, workspace, settings: sessionSettings({ "medgemma.backend.endpoint": backend.url }) });
    await waitForWorkbench(session.page);
    await openFile(session.page, "draft.md");
    await waitForBackendStatus(session.page, "remote", "ready");
    panel = await ChatPanel.open(session.page);
  });

  after(async () => {
    await session?.stop();
    await backend?.close();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  it("streams an answer progressively: several renders while it streams, then the whole text", async () => {
    server().setChatAnswer(async (_request, reply) => void (await reply.tokens(tokensOf(STREAMED_ANSWER), { intervalMs: 25 })));
    const id = await chat().ask("Which words do you know?");
    assert.equal(await chat().waitForState(id, ["done"], { timeout: 60_000 }), "done");
    assert.equal(((await chat().answerBody(id).textContent()) ?? "").trim(), STREAMED_ANSWER);
    assert.equal(((await chat().exchange(id).locator("[data-role=question] .message-text").textContent()) ?? "").trim(), "Which words do you know?");

    const records = (await chat().probe()).renders.filter((record) => record.id === id);
    const streamingRenders = records.filter((record) => record.state === "streaming" && record.renders > 0);
    const counts = new Set(streamingRenders.map((record) => record.renders));
    assert.ok(counts.size >= 3, `only ${counts.size} renders while streaming: ${JSON.stringify(records)}`);
    // The renders while streaming showed the answer growing: several partial lengths, never shrinking.
    const lengths = streamingRenders.map((record) => record.length);
    for (let i = 1; i < lengths.length; i++) assert.ok((lengths[i] ?? 0) >= (lengths[i - 1] ?? 0), `lengths never shrink: ${JSON.stringify(lengths)}`);
    const partial = new Set(lengths.filter((length) => length > 0 && length < STREAMED_ANSWER.length));
    assert.ok(partial.size >= 3, `at least three partial answers were shown: ${JSON.stringify(lengths)}`);
    assert.equal(lastUserMessage(server().chatRequests().at(-1) as RecordedRequest), "Which words do you know?");
  });

  it("Stop ends the stream: the answer shows as stopped and the backend sees its connection closed", async (t) => {
    let streamRequest: RecordedRequest | undefined;
    let streamEndedEarly: boolean | undefined;
    server().setChatAnswer(async (request, reply) => {
      streamRequest = request;
      // About a minute of tokens unless the client goes away; tokens() returns false when it does.
      streamEndedEarly = !(await reply.tokens(Array.from({ length: 2000 }, (_, i) => `token${i} `), { intervalMs: 30 }));
    });
    const id = await chat().ask("Tell me everything.");
    await waitFor(() => chat().renderCount(id), (count) => count >= 2, { what: "the answer to start streaming" });
    assert.equal(await chat().answerState(id), "streaming");
    const request = streamRequest;
    assert.ok(request, "the backend received the question");

    const clicked = performance.now();
    await chat().frame.locator("#stop").click();
    const closedAt = await within(request.closed, 500, "the backend seeing the stream's connection closed after Stop");
    t.diagnostic(`connection closed ${Math.max(0, closedAt - clicked).toFixed(0)} ms after the Stop click began`);

    assert.equal(await chat().waitForState(id, ["cancelled"]), "cancelled");
    const answer = chat().answer(id);
    assert.equal(((await answer.locator(".answer-problem").textContent()) ?? "").trim(), "Stopped.");
    assert.equal(await answer.locator('button[data-action="retry"]').isVisible(), true);
    assert.match(((await chat().answerBody(id).textContent()) ?? "").trim(), /^token0 token1 /, "the text so far is kept");
    await waitFor(() => streamEndedEarly, (ended) => ended === true, { what: "the backend's stream loop to notice the client left" });
    assert.equal(await chat().frame.locator("#stop").isDisabled(), true);

    // Retry asks again in place and this time lets it finish.
    server().setChatAnswer(async (_request, reply) => void (await reply.tokens(tokensOf("Everything, briefly."), { intervalMs: 5 })));
    await chat().clickAction(id, "retry");
    assert.equal(await chat().waitForState(id, ["done"]), "done");
    assert.equal(((await chat().answerBody(id).textContent()) ?? "").trim(), "Everything, briefly.");
    assert.equal(await answer.locator(".answer-problem").isVisible(), false);
  });

  it("Copy puts the answer on the clipboard", async () => {
    const text = "Metoprolol is a beta blocker.";
    server().setChatAnswer(async (_request, reply) => void (await reply.tokens(tokensOf(text), { intervalMs: 5 })));
    const id = await chat().ask("What is metoprolol?");
    await chat().waitForState(id, ["done"]);
    await page().evaluate(`navigator.clipboard.writeText("before copy")`);
    await chat().clickAction(id, "copy");
    await chat().waitForNotice(/^Copied the answer to the clipboard\.$/);
    const copied = await waitFor(async () => String(await page().evaluate("navigator.clipboard.readText()")), (value) => value !== "before copy", {
      what: "the answer on the clipboard",
    });
    assert.equal(copied, text);
  });

  it("Insert at Cursor puts the answer into the editor at the cursor as one undoable edit", async () => {
    const answerText = "**Rate control** with metoprolol,\nthen anticoagulation.";
    server().setChatAnswer(async (_request, reply) => void (await reply.tokens(["**Rate control**", " with metoprolol,\n", "then anticoagulation."], { intervalMs: 5 })));
    await openFile(page(), "draft.md");
    await focusEditor(page());
    // The empty line under the title.
    await goToPosition(page(), 2, 1);

    const id = await chat().ask("Suggest a plan.");
    await chat().waitForState(id, ["done"]);
    await chat().clickAction(id, "insert");
    await chat().waitForNotice(/^Inserted the answer into draft\.md\.$/);
    const inserted = DRAFT.replace("# Draft\n\n", `# Draft\n${answerText}\n`);
    assert.equal(await editorText(page()), inserted);

    await focusEditor(page());
    await page().keyboard.press("Control+Z");
    assert.equal(await editorText(page()), DRAFT, "one undo removed the whole answer");
  });

  it("renders HTML, scripts, event handlers and javascript: links from the model as inert text", async () => {
    server().setChatAnswer(async (_request, reply) => void (await reply.tokens(HOSTILE_ANSWER.split(/(?<=\n)/), { intervalMs: 5 })));
    const id = await chat().ask("Show me the payloads.");
    await chat().waitForState(id, ["done"]);
    // The final render happens before the next paint after the state changes; wait for it to be the last record.
    await waitFor(() => chat().probe(), (report) => report.renders.some((record) => record.id === id && record.state === "done" && record.renders > 0), {
      what: "the finished answer's render",
    });

    const dom = (await chat().evaluate(INSPECT_DOM)) as DomReport;
    assert.equal(dom.ran, null, "no payload ran in the panel");
    assert.deepEqual(dom.handlers, [], "no element has an on… attribute");
    assert.deepEqual(dom.forbidden, [], "no script, iframe, image, SVG, style or href link in the messages");
    assert.deepEqual(dom.links, [{ className: "answer-link", dataHref: "https://example.org/guideline", text: "the guideline" }]);
    const probe = await chat().probe();
    assert.deepEqual(probe.violations, [], "nothing even tried to run (no Content-Security-Policy violation)");
    assert.deepEqual(probe.messages, [], "no payload posted a message");

    const shown = (await chat().answerBody(id).textContent()) ?? "";
    for (const literal of ["<img src=x onerror=", "<script>", "<svg onload=", "<iframe src=", "<!-- hidden", `(javascript:${run("link")})`]) {
      assert.ok(shown.includes(literal), `"${literal}" is shown as text`);
    }

    // The one web link opens nothing by itself: the extension asks first, naming the site.
    const pagesBefore = page().context().pages().length;
    await chat().answer(id).locator("a.answer-link").click();
    const dialog = await waitForDialog(page(), /^Open this link from MedGemma's answer in your browser\?$/);
    assert.match(dialog.detail, /Site: example\.org/);
    assert.match(dialog.detail, /https:\/\/example\.org\/guideline/);
    await clickDialogButton(page(), "Cancel");
    assert.equal(page().context().pages().length, pagesBefore, "no page was opened");
  });

  it("New Conversation clears the panel", async () => {
    assert.ok((await chat().exchangeIds()).length > 0);
    await chat().frame.locator("#new-conversation").click();
    await waitFor(() => chat().exchangeIds(), (ids) => ids.length === 0, { what: "the conversation to clear" });
    assert.equal(await chat().frame.locator("#empty-state").isVisible(), true);
  });
});
