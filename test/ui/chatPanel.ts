/**
 * Drives MedGemma's chat panel (a webview view) through its test hooks: `#question`, `#send`, `#stop`,
 * `article[data-exchange-id]`, `[data-role=answer]` with `data-state` and `data-render-count`, and the answer's
 * `button[data-action=…]`. A probe inside the webview records every state and render change as it happens (a
 * MutationObserver), so a test can tell a progressively streamed answer from one that appeared at once without
 * racing the renders, and every Content-Security-Policy violation, so an attempt to run injected code is seen even
 * though the policy blocked it.
 */
import type { FrameLocator, Locator, Page } from "playwright-core";
import { STEP_TIMEOUT_MS, openWebviewView, waitFor } from "../support/workbench";

/** One observed change of an answer: its state, how many Markdown renders it has had, its rendered text length. */
export interface RenderRecord {
  id: string;
  state: string;
  renders: number;
  length: number;
}

/** What the probe found in the webview. */
export interface ProbeReport {
  renders: RenderRecord[];
  /** `violatedDirective blockedURI` of each CSP violation since the probe was installed. */
  violations: string[];
  /** Window messages starting with {@link PROBE_MESSAGE_PREFIX} posted in the panel (e.g. by injected code). */
  messages: string[];
}

/** Window messages with this prefix are recorded by the probe. */
export const PROBE_MESSAGE_PREFIX = "medgemma-probe:";

/** Installs the probe once per webview document; page-side source as a string (this project has no DOM types). */
const INSTALL_PROBE = `(() => {
  if (window.__medgemmaProbe) return true;
  const probe = { renders: [], violations: [], messages: [] };
  window.__medgemmaProbe = probe;
  window.addEventListener("message", (event) => {
    if (typeof event.data === "string" && event.data.startsWith(${JSON.stringify(PROBE_MESSAGE_PREFIX)})) probe.messages.push(event.data);
  }, true);
  document.addEventListener("securitypolicyviolation", (event) => {
    probe.violations.push(event.violatedDirective + " " + event.blockedURI);
  }, true);
  const record = (answer) => {
    const article = answer.closest("article[data-exchange-id]");
    const body = answer.querySelector(".message-body");
    probe.renders.push({
      id: article ? article.getAttribute("data-exchange-id") : "",
      state: answer.getAttribute("data-state") || "",
      renders: Number(answer.getAttribute("data-render-count") || "0"),
      length: body ? (body.textContent || "").length : 0,
    });
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === "attributes" && mutation.target.matches("[data-role=answer]")) record(mutation.target);
    }
  }).observe(document.getElementById("messages"), { subtree: true, attributes: true, attributeFilter: ["data-state", "data-render-count"] });
  return true;
})()`;

const READ_PROBE = `(() => JSON.parse(JSON.stringify(window.__medgemmaProbe || { renders: [], violations: [], messages: [] })))()`;

export class ChatPanel {
  private constructor(
    readonly page: Page,
    readonly frame: FrameLocator,
  ) {}

  /** Shows the panel (activity bar "MedGemma", view "Chat"), waits for its question box and installs the probe. */
  static async open(page: Page, options: { timeout?: number } = {}): Promise<ChatPanel> {
    const frame = await openWebviewView(page, "MedGemma", { extensionId: "medgemma-writer.medgemma-writer", ...options });
    const panel = new ChatPanel(page, frame);
    await frame.locator("#question").waitFor({ state: "visible", timeout: options.timeout ?? STEP_TIMEOUT_MS });
    await panel.installProbe();
    return panel;
  }

  /** Runs page-side JavaScript (an expression) inside the webview's document. */
  evaluate(expression: string): Promise<unknown> {
    return this.frame.locator("body").evaluate(expression);
  }

  async installProbe(): Promise<void> {
    await this.evaluate(INSTALL_PROBE);
  }

  async probe(): Promise<ProbeReport> {
    const report = (await this.evaluate(READ_PROBE)) as Partial<ProbeReport>;
    return { renders: report.renders ?? [], violations: report.violations ?? [], messages: report.messages ?? [] };
  }

  /** The ids of the exchanges on screen, oldest first. */
  async exchangeIds(): Promise<string[]> {
    const ids = await this.evaluate(`[...document.querySelectorAll("article[data-exchange-id]")].map((a) => a.getAttribute("data-exchange-id"))`);
    return Array.isArray(ids) ? ids.map(String) : [];
  }

  /** Types a question, presses Send and returns the new exchange's id. */
  async ask(question: string, options: { timeout?: number } = {}): Promise<string> {
    const timeout = options.timeout ?? STEP_TIMEOUT_MS;
    const before = await this.exchangeIds();
    await this.frame.locator("#question").fill(question);
    const send = this.frame.locator("#send");
    await waitFor(() => send.isEnabled(), (enabled) => enabled, { what: "the Send button to be enabled", timeout });
    await send.click({ timeout });
    const ids = await waitFor(() => this.exchangeIds(), (now) => now.length > before.length, { what: `an exchange for "${question}"`, timeout });
    const id = ids[ids.length - 1];
    if (!id) throw new Error("The new exchange has no id.");
    return id;
  }

  /** The exchange's `article`. */
  exchange(id: string): Locator {
    return this.frame.locator(`article[data-exchange-id="${id}"]`);
  }

  /** The exchange's answer element (`[data-role=answer]`). */
  answer(id: string): Locator {
    return this.exchange(id).locator("[data-role=answer]");
  }

  /** The answer's rendered Markdown body. */
  answerBody(id: string): Locator {
    return this.answer(id).locator(".message-body");
  }

  /** The answer's `data-state` (streaming, done, truncated, cancelled, error). */
  async answerState(id: string): Promise<string> {
    return (await this.answer(id).getAttribute("data-state")) ?? "";
  }

  /** The answer's `data-render-count`. */
  async renderCount(id: string): Promise<number> {
    return Number((await this.answer(id).getAttribute("data-render-count")) ?? "0");
  }

  /** Waits until the answer's state is one of `states` and returns it. */
  async waitForState(id: string, states: string[], options: { timeout?: number } = {}): Promise<string> {
    return waitFor(() => this.answerState(id), (state) => states.includes(state), { what: `the answer to be ${states.join(" or ")}`, timeout: options.timeout });
  }

  /** Clicks one of the answer's action buttons (copy, insert, retry). */
  async clickAction(id: string, action: "copy" | "insert" | "retry"): Promise<void> {
    await this.answer(id).locator(`button[data-action="${action}"]`).click();
  }

  /** The panel's short notice line (`#notice`), e.g. after Insert or Copy. */
  async waitForNotice(matcher: RegExp, options: { timeout?: number } = {}): Promise<string> {
    const notice = this.frame.locator("#notice");
    return waitFor(async () => ((await notice.textContent()) ?? "").trim(), (text) => matcher.test(text), { what: `a panel notice matching ${String(matcher)}`, timeout: options.timeout });
  }
}
