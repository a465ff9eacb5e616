/**
 * Helpers that drive the VS Code 1.100 workbench in a Playwright page (see codeServer.ts). Each waits on the state it
 * needs (an element, a status-bar reading) rather than on time. Text positions are found in the rendered editor
 * lines, so a target must be on screen (small test documents are).
 */
import type { FrameLocator, Locator, Page } from "playwright-core";

/** Default wait for one UI step. */
export const STEP_TIMEOUT_MS = 30_000;

/** Matches a label exactly (a string) or by pattern. */
export type TextMatcher = string | RegExp;

interface WaitOptions {
  timeout?: number;
}

function exact(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*$`);
}

function matches(value: string, matcher: TextMatcher): boolean {
  return typeof matcher === "string" ? value.includes(matcher) : matcher.test(value);
}

/** Polls `read` until `accept` holds, so callers wait on state and fail with the last value seen. */
async function waitForValue<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = STEP_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let delay = 50;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, delay));
    delay = Math.min(delay * 2, 250);
  }
}

/** The editor of the active editor group. */
export function activeEditor(page: Page): Locator {
  return page.locator(".part.editor .editor-group-container.active .editor-container .monaco-editor").first();
}

/** Waits for the workbench, and for the explorer to list the opened folder's files unless `folderOpen` is false. */
export async function waitForWorkbench(page: Page, options: WaitOptions & { folderOpen?: boolean } = {}): Promise<void> {
  const timeout = options.timeout ?? 90_000;
  await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout });
  if (options.folderOpen !== false) {
    await page.locator(".explorer-folders-view .monaco-list-row").first().waitFor({ state: "visible", timeout });
  }
}

/** Waits until the active editor shows `fileName` and has keyboard focus. */
async function waitForActiveEditor(page: Page, fileName: string, timeout = STEP_TIMEOUT_MS): Promise<void> {
  await page.locator(`.part.editor .tab.active[data-resource-name="${fileName}"]`).waitFor({ state: "visible", timeout });
  await activeEditor(page).locator(".view-lines").waitFor({ state: "visible", timeout });
  await page.locator(".part.editor .editor-group-container.active .monaco-editor.focused").waitFor({ state: "visible", timeout });
}

/**
 * Opens a workspace file and focuses its editor: a top-level file through the explorer (double-click, so the tab is
 * pinned), a nested path such as `notes/a.md` through Quick Open.
 */
export async function openFile(page: Page, relativePath: string, options: WaitOptions = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const name = relativePath.split("/").pop() ?? relativePath;
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"][aria-level="1"]`);
  // The explorer may be hidden behind another side-bar view (e.g. a webview view); then Quick Open is the way.
  if (!relativePath.includes("/") && (await row.isVisible())) {
    await row.dblclick();
  } else {
    await page.keyboard.press("Control+P");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout });
    await input.fill(relativePath);
    const pick = page.locator(".quick-input-list .monaco-list-row").filter({ has: page.locator(".label-name", { hasText: exact(name) }) }).first();
    await pick.waitFor({ state: "visible", timeout });
    await pick.click();
  }
  await waitForActiveEditor(page, name, timeout);
}

/** Opens the quick input with `key` (default F1, the command palette) and waits for its input box. */
async function openQuickInput(page: Page, key: string, timeout: number): Promise<Locator> {
  await page.keyboard.press(key);
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout });
  return input;
}

/**
 * Runs a command by its palette title (with category, e.g. "MedGemma: Explain Selection"). The row is picked by exact
 * title, so a command with a longer, similar title is never run by mistake.
 */
export async function runCommand(page: Page, title: string, options: WaitOptions = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const input = await openQuickInput(page, "F1", timeout);
  await input.fill(`>${title}`);
  const row = page.locator(".quick-input-list .monaco-list-row").filter({ has: page.locator(".label-name", { hasText: exact(title) }) }).first();
  try {
    await row.waitFor({ state: "visible", timeout });
  } catch (error) {
    // Leave the workbench as it was, so one missing command does not derail the steps after it.
    await dismissQuickInput(page);
    throw error;
  }
  await row.click();
  // The palette closes, or stays open with the command's own prompt; either way the title is no longer typed there.
  await waitForValue(
    async () => ((await input.isVisible()) ? await input.inputValue() : ""),
    (value) => value !== `>${title}`,
    `command "${title}" to start`,
    timeout,
  );
}

/** Closes an open quick input (palette, picker, input box) with Escape; does nothing when none is open. */
export async function dismissQuickInput(page: Page, options: WaitOptions = {}): Promise<void> {
  const widget = page.locator(".quick-input-widget");
  if (!(await widget.isVisible())) return;
  await page.keyboard.press("Escape");
  await widget.waitFor({ state: "hidden", timeout: options.timeout ?? STEP_TIMEOUT_MS });
}

/** Waits for an open quick input whose prompt or placeholder matches, and returns its text box. */
export async function waitForQuickInput(page: Page, prompt?: TextMatcher, options: WaitOptions = {}): Promise<Locator> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout });
  if (prompt !== undefined) {
    await waitForValue(
      async () => {
        const message = (await page.locator(".quick-input-widget .quick-input-message").first().textContent().catch(() => "")) ?? "";
        const placeholder = (await input.getAttribute("placeholder")) ?? "";
        return `${message}\n${placeholder}`;
      },
      (value) => matches(value, prompt),
      `a quick input asking ${String(prompt)}`,
      timeout,
    );
  }
  return input;
}

/**
 * Types into an open quick input (an input box, a password box, or a pick list's filter) and presses Enter.
 * `prompt`, when given, must match the box's prompt or placeholder first, so text goes to the intended question.
 */
export async function typeInQuickInput(page: Page, text: string, options: WaitOptions & { prompt?: TextMatcher; submit?: boolean } = {}): Promise<void> {
  const input = await waitForQuickInput(page, options.prompt, options);
  await input.fill(text);
  if (options.submit !== false) await input.press("Enter");
}

/** Whether the quick input asking `prompt` hides what is typed (a password box). */
export async function quickInputIsPassword(page: Page, prompt?: TextMatcher, options: WaitOptions = {}): Promise<boolean> {
  const input = await waitForQuickInput(page, prompt, options);
  return (await input.getAttribute("type")) === "password";
}

/** The messages of the notification toasts on screen now. */
export async function readNotifications(page: Page): Promise<string[]> {
  const messages = page.locator(".notifications-toasts .notification-list-item-message");
  return (await messages.allTextContents()).map((text) => text.trim());
}

/** Waits for a notification toast whose message matches, and returns its text. */
export async function waitForNotification(page: Page, matcher: TextMatcher, options: WaitOptions = {}): Promise<string> {
  const found = await waitForValue(
    async () => (await readNotifications(page)).find((message) => matches(message, matcher)),
    (message) => message !== undefined,
    `a notification matching ${String(matcher)}`,
    options.timeout,
  );
  return found ?? "";
}

/** Clicks a button (e.g. "Set API Key") on the toast whose message matches. */
export async function clickNotificationButton(page: Page, matcher: TextMatcher, button: string, options: WaitOptions = {}): Promise<void> {
  await waitForNotification(page, matcher, options);
  const toast = page.locator(".notifications-toasts .notification-list-item").filter({
    has: page.locator(".notification-list-item-message", { hasText: matcher }),
  }).first();
  await toast.locator(".notification-list-item-buttons-container .monaco-button", { hasText: exact(button) }).first().click();
}

/**
 * Every message in the notification center, including toasts that have already faded: the center is opened, read
 * and hidden again.
 */
export async function notificationHistory(page: Page, options: WaitOptions = {}): Promise<string[]> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const center = page.locator(".notifications-center");
  await runCommand(page, "Notifications: Show Notifications", { timeout });
  await center.waitFor({ state: "visible", timeout });
  const messages = (await center.locator(".notification-list-item-message").allTextContents()).map((text) => text.trim());
  await runCommand(page, "Notifications: Hide Notifications", { timeout });
  await center.waitFor({ state: "hidden", timeout });
  return messages;
}

/** Dismisses every notification (toasts and the notification center). */
export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, "Notifications: Clear All Notifications");
  await page.locator(".notifications-toasts .notification-list-item").first().waitFor({ state: "hidden" });
}

/** Where a piece of text is drawn in the active editor (page coordinates). */
export interface TextBox {
  /** Left edge of the first character and right edge of the last. */
  startX: number;
  endX: number;
  /** Vertical centres of the first and last character's lines. */
  startY: number;
  endY: number;
}

/**
 * Finds the `occurrence`-th match of `text` in the rendered lines of the active editor (lines in screen order, tabs and
 * spaces as drawn) and measures it with a DOM Range. Runs in the page as plain JavaScript source.
 */
const LOCATE_TEXT = `(({ text, occurrence }) => {
  const editor = document.querySelector(".part.editor .editor-group-container.active .editor-container .monaco-editor");
  if (!editor) return { error: "no active editor" };
  const lines = [...editor.querySelectorAll(".view-lines .view-line")]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
  const texts = lines.map((line) => (line.textContent || "").replace(/\\u00a0/g, " "));
  const all = texts.join("\\n");
  // A tab is drawn as spaces up to the next tab stop.
  const pattern = new RegExp(text.split("\\t").map((part) => part.replace(/[.*+?^\${}()|[\\]\\\\]/g, "\\\\$&")).join(" {1,16}"), "g");
  let match = null;
  for (let i = 0; i < occurrence; i++) {
    match = pattern.exec(all);
    if (!match) return { error: "not on screen", lines: texts };
  }
  const at = match.index;
  const length = match[0].length;
  const locate = (offset) => {
    let line = 0;
    while (offset > texts[line].length) { offset -= texts[line].length + 1; line++; }
    return { line, column: offset };
  };
  const charRect = (position, last) => {
    const element = lines[position.line];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let remaining = last ? position.column - 1 : position.column;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent.length;
      if (remaining < length) {
        const range = document.createRange();
        range.setStart(node, remaining);
        range.setEnd(node, remaining + 1);
        return range.getBoundingClientRect();
      }
      remaining -= length;
    }
    return element.getBoundingClientRect();
  };
  const start = charRect(locate(at), false);
  const end = charRect(locate(at + length), true);
  return { startX: start.left, endX: end.right, startY: start.top + start.height / 2, endY: end.top + end.height / 2 };
})`;

function isTextBox(value: unknown): value is TextBox {
  return typeof value === "object" && value !== null && "startX" in value && "endY" in value;
}

/** Measures the `occurrence`-th (1-based) on-screen match of `text` in the active editor. */
export async function locateText(page: Page, text: string, occurrence = 1): Promise<TextBox> {
  if (!text) throw new Error("locateText needs some text.");
  const result: unknown = await page.evaluate(`${LOCATE_TEXT}(${JSON.stringify({ text, occurrence })})`);
  if (!isTextBox(result)) throw new Error(`"${text}" (occurrence ${occurrence}) is not on screen in the active editor: ${JSON.stringify(result)}`);
  return result;
}

/** Moves the mouse onto a word in the active editor and returns the hover's text once it matches `expect`. */
export async function hoverText(page: Page, word: string, options: WaitOptions & { occurrence?: number; expect?: TextMatcher } = {}): Promise<string> {
  const hover = activeEditor(page).locator(".monaco-hover:not(.hidden) .monaco-hover-content").first();
  // Leave any earlier hover first, so the text read below is this word's.
  await page.mouse.move(1, 1);
  await hover.waitFor({ state: "hidden", timeout: options.timeout ?? STEP_TIMEOUT_MS });
  const box = await locateText(page, word, options.occurrence);
  await page.mouse.move((box.startX + box.endX) / 2, box.startY, { steps: 4 });
  const expected = options.expect ?? /\S/;
  return waitForValue(
    async () => ((await hover.isVisible()) ? ((await hover.innerText()) || "").trim() : ""),
    // Other providers may still be answering; wait until every part has arrived.
    (text) => matches(text, expected) && !text.includes("Loading..."),
    `a hover over "${word}" matching ${String(expected)}`,
    options.timeout,
  );
}

/** The status bar's "Ln L, Col C (N selected)" reading for the active editor. */
export async function cursorStatus(page: Page): Promise<string> {
  return ((await page.locator("#status\\.editor\\.selection").textContent()) ?? "").trim();
}

/** Waits until the status bar's cursor reading matches (it follows the editor a moment later) and returns it. */
export async function waitForCursorStatus(page: Page, matcher: TextMatcher, options: WaitOptions = {}): Promise<string> {
  return waitForValue(() => cursorStatus(page), (status) => matches(status, matcher), `the cursor status to match ${String(matcher)}`, options.timeout);
}

/**
 * Selects the `occurrence`-th on-screen match of `text` in the active editor (click before its first character,
 * shift-click after its last) and waits until the status bar reports that many characters selected.
 */
export async function selectText(page: Page, text: string, options: WaitOptions & { occurrence?: number } = {}): Promise<void> {
  // A click while a quick input is open only closes it, and the shift-click would then select from the old cursor.
  await dismissQuickInput(page);
  const box = await locateText(page, text, options.occurrence);
  await page.mouse.click(box.startX + 1, box.startY);
  await page.keyboard.down("Shift");
  try {
    await page.mouse.click(box.endX - 1, box.endY);
  } finally {
    await page.keyboard.up("Shift");
  }
  await waitForValue(() => cursorStatus(page), (status) => status.includes(`(${text.length} selected)`), `"${text}" to be selected`, options.timeout);
}

/** Moves the cursor to a 1-based line and column with Go to Line, and waits for the status bar to agree. */
export async function goToPosition(page: Page, line: number, column = 1, options: WaitOptions = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const input = await openQuickInput(page, "Control+G", timeout);
  await input.fill(`:${line}:${column}`);
  await input.press("Enter");
  await waitForValue(() => cursorStatus(page), (status) => status.startsWith(`Ln ${line}, Col ${column}`), `the cursor at ${line}:${column}`, timeout);
}

/**
 * Picks an entry of the open action list (Quick Fix, Refactor) by label with the keyboard: the list is walked with
 * the arrow keys until the focused row is the one wanted, then Enter applies it.
 */
async function pickAction(page: Page, label: TextMatcher, timeout: number): Promise<void> {
  const rows = page.locator(".action-widget .monaco-list-row.action");
  const labels = await waitForValue(
    async () => {
      const found: string[] = [];
      for (const row of await rows.all()) found.push((await row.getAttribute("aria-label")) ?? "");
      return found;
    },
    (found) => found.some((entry) => (typeof label === "string" ? entry === label : label.test(entry))),
    `an action labelled ${String(label)}`,
    timeout,
  );
  const focused = page.locator(".action-widget .monaco-list-row.action.focused");
  const focusedLabel = async (): Promise<string> => (await focused.getAttribute("aria-label")) ?? "";
  let current = await focusedLabel();
  for (let step = 0; step <= labels.length; step++) {
    if (typeof label === "string" ? current === label : label.test(current)) {
      await page.keyboard.press("Enter");
      await page.locator(".action-widget").first().waitFor({ state: "hidden", timeout });
      return;
    }
    await page.keyboard.press("ArrowDown");
    // Read the focus only once it has moved: a stale read under load would press Enter on the wrong action.
    const before = current;
    current = await waitForValue(focusedLabel, (now) => now !== before, "the focus to move to the next action", timeout);
  }
  throw new Error(`Could not focus the action ${String(label)}; the list offers ${JSON.stringify(labels)}`);
}

/** Opens Quick Fix (Ctrl+.) at the cursor or selection and picks the action with this label. */
export async function quickFix(page: Page, label: TextMatcher, options: WaitOptions = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const deadline = Date.now() + timeout;
  // The workbench closes or empties the list when the diagnostics under the cursor are re-published while it is
  // open (right after an edit, say): then it is asked for again, until the overall time is up.
  for (;;) {
    await focusEditor(page);
    await page.keyboard.press("Control+.");
    const left = deadline - Date.now();
    try {
      await pickAction(page, label, Math.min(left, QUICK_FIX_ATTEMPT_MS));
      return;
    } catch (error) {
      if (Date.now() + 1_000 >= deadline) throw error;
      await page.keyboard.press("Escape");
    }
  }
}

/** How long one Ctrl+. waits for the action before asking again. */
const QUICK_FIX_ATTEMPT_MS = 5_000;

/**
 * Clicks the light bulb the active editor shows at the cursor or selection (it appears once code actions are
 * available there) and picks the action with this label.
 */
export async function lightBulbAction(page: Page, label: TextMatcher, options: WaitOptions = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const bulb = activeEditor(page).locator(".lightBulbWidget").filter({ visible: true }).first();
  await bulb.waitFor({ state: "visible", timeout });
  await bulb.click({ timeout });
  await pickAction(page, label, timeout);
}

/**
 * Collapses the active editor's selection and waits until no light bulb shows. The editor widget is shared between
 * the files of a group, so a bulb computed for the previous file's selection can still be visible, and clickable,
 * for a moment after switching files; call this before switching when a test will click the next file's bulb.
 */
export async function clearLightBulb(page: Page, options: WaitOptions = {}): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press("ArrowRight");
  const bulbs = activeEditor(page).locator(".lightBulbWidget").filter({ visible: true });
  await waitForValue(() => bulbs.count(), (count) => count === 0, "no light bulb", options.timeout ?? STEP_TIMEOUT_MS);
}

/** The labels an open Quick Fix or Refactor list offers (after `Control+.` or a lightbulb click). */
export async function quickFixLabels(page: Page, options: WaitOptions = {}): Promise<string[]> {
  const rows = page.locator(".action-widget .monaco-list-row.action");
  await rows.first().waitFor({ state: "visible", timeout: options.timeout ?? STEP_TIMEOUT_MS });
  const labels: string[] = [];
  for (const row of await rows.all()) labels.push((await row.getAttribute("aria-label")) ?? "");
  return labels.filter(Boolean);
}

/**
 * Opens the editor's context menu (on `at`, a piece of text in the active editor, or on the current selection) and
 * picks an entry by label; submenus are opened with `path`, e.g. `["MedGemma", "Explain"]`.
 */
export async function editorContextMenu(page: Page, path: TextMatcher | TextMatcher[], options: WaitOptions & { at?: string } = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const steps = Array.isArray(path) ? path : [path];
  await dismissQuickInput(page);
  let x: number;
  let y: number;
  if (options.at) {
    const box = await locateText(page, options.at);
    x = (box.startX + box.endX) / 2;
    y = box.startY;
  } else {
    const selected = activeEditor(page).locator(".view-overlays .selected-text, .cursors-layer .cursor").first();
    const bounds = await selected.boundingBox();
    if (!bounds) throw new Error("No selection or cursor to open the context menu on.");
    x = bounds.x + bounds.width / 2;
    y = bounds.y + bounds.height / 2;
  }
  await page.mouse.click(x, y, { button: "right" });
  // Menus live in a shadow root (Playwright's CSS engine looks inside it). Entries are reached with the arrow keys:
  // a click can land while the menu still ignores the mouse, a key press cannot.
  const menus = page.locator(".context-view.monaco-menu-container .monaco-menu");
  await menus.first().waitFor({ state: "visible", timeout });
  for (const [index, step] of steps.entries()) {
    const name = typeof step === "string" ? exact(step) : step;
    const menu = menus.nth(index);
    await menu.waitFor({ state: "visible", timeout });
    const labels = (await menu.locator(".action-item .action-label").allTextContents()).map((text) => text.trim());
    const focused = menu.locator(".action-item.focused .action-label");
    let found = false;
    for (let move = 0; move <= labels.length + 1 && !found; move++) {
      await page.keyboard.press("ArrowDown");
      found = name.test(((await focused.textContent({ timeout: 2_000 }).catch(() => "")) ?? "").trim());
    }
    if (!found) {
      await page.keyboard.press("Escape");
      throw new Error(`The context menu has no entry ${String(step)}; it offers ${JSON.stringify(labels.filter(Boolean))}`);
    }
    await page.keyboard.press(index < steps.length - 1 ? "ArrowRight" : "Enter");
  }
  await menus.first().waitFor({ state: "hidden", timeout });
}

/** Gives the active editor keyboard focus (without moving its cursor). */
export async function focusEditor(page: Page, options: WaitOptions = {}): Promise<void> {
  await activeEditor(page).locator("textarea").first().focus();
  await page.locator(".part.editor .editor-group-container.active .monaco-editor.focused").waitFor({ state: "visible", timeout: options.timeout ?? STEP_TIMEOUT_MS });
}

/** The active editor's rendered lines in screen order (they are positioned absolutely, not in DOM order). */
const VISIBLE_LINES = `(() => {
  const editor = document.querySelector(".part.editor .editor-group-container.active .editor-container .monaco-editor");
  if (!editor) return null;
  return [...editor.querySelectorAll(".view-lines .view-line")]
    .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
    .map((line) => (line.textContent || "").replace(/\\u00a0/g, " "))
    .join("\\n");
})()`;

/**
 * The rendered text of the active editor: its visible lines in screen order (no-break spaces as spaces). Complete for
 * documents that fit on screen; for longer ones read the saved file (see {@link saveActiveEditor}).
 */
export async function visibleEditorText(page: Page): Promise<string> {
  await activeEditor(page).locator(".view-lines").waitFor({ state: "visible" });
  const text: unknown = await page.evaluate(VISIBLE_LINES);
  if (typeof text !== "string") throw new Error("No active editor to read.");
  return text;
}

/**
 * The whole text of the active editor, through the clipboard: Select All, Copy, read. Leaves everything selected and
 * overwrites the page's clipboard. Needs the session's clipboard permission (codeServer.ts grants it).
 */
export async function editorText(page: Page): Promise<string> {
  await focusEditor(page);
  const marker = `medgemma-clipboard-${Date.now()}-${Math.random()}`;
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(marker)})`);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+C");
  const text = await waitForValue(
    async () => String(await page.evaluate("navigator.clipboard.readText()")),
    (value) => value !== marker,
    "the editor text on the clipboard",
  );
  return text.replace(/\r\n/g, "\n");
}

/** Saves the active editor (File: Save) and waits until its tab no longer shows unsaved changes. */
export async function saveActiveEditor(page: Page, options: WaitOptions = {}): Promise<void> {
  await page.keyboard.press("Control+S");
  await page.locator(".part.editor .tab.active.dirty").waitFor({ state: "hidden", timeout: options.timeout ?? STEP_TIMEOUT_MS });
}

/**
 * Shows a webview view through its activity-bar entry (aria-label prefix, e.g. "MedGemma") and returns the frame
 * that holds the extension's HTML. `extensionId` picks the right webview when several are open.
 */
export async function openWebviewView(page: Page, activityLabel: string, options: WaitOptions & { extensionId?: string } = {}): Promise<FrameLocator> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const item = page.locator(".part.activitybar .action-item").filter({ has: page.locator(`a[aria-label^="${activityLabel}"]`) }).first();
  await item.waitFor({ state: "visible", timeout });
  // Clicking an already active entry would hide its side bar.
  if (!(await item.getAttribute("class"))?.split(/\s+/).includes("checked")) await item.locator("a").first().click();
  const filter = options.extensionId ? `[src*="extensionId=${options.extensionId}&"]` : "";
  const outer = page.locator(`iframe.webview.ready${filter}[src*="purpose=webviewView"]`).filter({ visible: true }).first();
  await outer.waitFor({ state: "visible", timeout });
  const inner = outer.contentFrame().locator("iframe#active-frame");
  await inner.waitFor({ state: "attached", timeout });
  return inner.contentFrame();
}

/** A status-bar entry by its id (`<extension id>.<item id>` for an extension's item, e.g. `publisher.ext.status`). */
export function statusBarEntry(page: Page, entryId: string): Locator {
  return page.locator(`.part.statusbar .statusbar-item[id="${entryId}"]`);
}

/**
 * The tooltip of a status-bar entry as the writer sees it: the mouse rests on the entry until its hover shows, the
 * hover's text is read, and the mouse leaves again. Returns the text and the targets of any links (`a` elements) in it.
 */
export async function statusBarTooltip(page: Page, entryId: string, options: WaitOptions = {}): Promise<{ text: string; links: string[] }> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const hover = page.locator(".workbench-hover").filter({ visible: true }).first();
  await page.mouse.move(1, 1);
  await hover.waitFor({ state: "hidden", timeout });
  await statusBarEntry(page, entryId).hover({ timeout });
  await hover.waitFor({ state: "visible", timeout });
  const text = (await hover.innerText()).trim();
  // Page-side source as a string: this project's TypeScript has no DOM types.
  const links: unknown = await hover.evaluate(`[...document.querySelectorAll(".workbench-hover a")]
    .map((link) => link.getAttribute("data-href") || link.getAttribute("href") || "")`);
  await page.mouse.move(1, 1);
  await hover.waitFor({ state: "hidden", timeout });
  return { text, links: Array.isArray(links) ? links.map(String) : [] };
}

/** The open modal dialog (e.g. a modal `showWarningMessage`). */
function dialogBox(page: Page): Locator {
  return page.locator(".monaco-dialog-box").filter({ visible: true }).first();
}

/** Waits for a modal dialog whose message matches and returns its message and detail text. */
export async function waitForDialog(page: Page, matcher: TextMatcher, options: WaitOptions = {}): Promise<{ message: string; detail: string }> {
  const box = dialogBox(page);
  const read = async () => ({
    message: ((await box.locator(".dialog-message-text").first().textContent().catch(() => "")) ?? "").trim(),
    detail: ((await box.locator(".dialog-message-detail").first().textContent().catch(() => "")) ?? "").trim(),
  });
  return waitForValue(read, (value) => matches(value.message, matcher), `a dialog saying ${String(matcher)}`, options.timeout);
}

/** Clicks a button of the open modal dialog by its label and waits for the dialog to close. */
export async function clickDialogButton(page: Page, label: string, options: WaitOptions = {}): Promise<void> {
  const timeout = options.timeout ?? STEP_TIMEOUT_MS;
  const box = dialogBox(page);
  await box.locator(".monaco-button", { hasText: exact(label) }).first().click({ timeout });
  await page.locator(".monaco-dialog-box").filter({ visible: true }).first().waitFor({ state: "hidden", timeout });
}

/** Options of {@link waitFor}. */
export interface WaitForOptions extends WaitOptions {
  /** Said in the error when the time runs out. */
  what?: string;
}

/**
 * Polls `read` until `accept` holds and returns the last value: waiting on state (a request that arrived, a file
 * that changed) rather than on time. Fails with the last value seen.
 */
export function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, options: WaitForOptions = {}): Promise<T> {
  return waitForValue(async () => read(), accept, options.what ?? "a condition", options.timeout);
}
