/**
 * What every MedGemma UI test shares: the packaged extension, its status-bar entry, a throw-away workspace, and
 * waiting for the extension's own readiness (its status item) rather than for time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";
import { REPO_ROOT } from "../support/codeServer";
import { statusBarEntry, waitFor } from "../support/workbench";

/** The .vsix `node scripts/runTests.mjs ui` packages before the UI tests run (MEDGEMMA_TEST_VSIX overrides it). */
/** A short admission note with a medical term ("atrial fibrillation") and an abbreviation ("PE") to hover. */
export const ADMISSION_NOTE = [
  "# Admission note",
  "",
  "Assessment: new atrial fibrillation with rapid ventricular response.",
  "CTPA was ordered because the D-dimer was raised; it showed no PE.",
  "",
].join("\n");

export const TEST_VSIX = process.env.MEDGEMMA_TEST_VSIX ?? join(REPO_ROOT, ".cache", "test.vsix");
/** The extension's id (publisher.name). */
export const EXTENSION_ID = "medgemma-writer.medgemma-writer";
/** The status-bar entry of the backend status (`createStatusBarItem("medgemma.status", …)`). */
export const STATUS_ENTRY = `${EXTENSION_ID}.medgemma.status`;

/**
 * User settings for every MedGemma UI session, laid under the test's own: no word wrap (Markdown wraps by default,
 * and a wrapped line would be read back from the screen as two), so rendered lines are document lines.
 */
export function sessionSettings(settings: Record<string, unknown>): Record<string, unknown> {
  return { "editor.wordWrap": "off", "[markdown]": { "editor.wordWrap": "off" }, ...settings };
}

/** Icons the status item shows per backend state (client/src/statusBar.ts). */
export const STATE_ICONS = { ready: "check", loading: "loading", unreachable: "debug-disconnect", unauthorized: "key", error: "warning" } as const;

/** Writes files (relative path → text) into a fresh temporary folder and returns its path. */
export function createWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "medgemma-ui-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The status item's text and icon as shown now. */
export async function readStatusItem(page: Page): Promise<{ text: string; icon: string }> {
  const entry = statusBarEntry(page, STATUS_ENTRY);
  if ((await entry.count()) === 0) return { text: "", icon: "" };
  const text = ((await entry.innerText().catch(() => "")) || "").trim();
  const classes = (await entry.locator(".codicon").first().getAttribute("class").catch(() => "")) ?? "";
  const icon = /codicon-(?!modifier)([\w-]+)/.exec(classes)?.[1] ?? "";
  return { text, icon };
}

/**
 * Waits until the status item says `MedGemma (<kind>)` with the icon of `state`, which the extension shows only once
 * the language server has started and probed its backend.
 */
export async function waitForBackendStatus(
  page: Page,
  kind: "remote" | "embedded",
  state: keyof typeof STATE_ICONS,
  options: { timeout?: number } = {},
): Promise<void> {
  await waitFor(
    () => readStatusItem(page),
    (item) => item.text === `MedGemma (${kind})` && item.icon === STATE_ICONS[state],
    { what: `the status item to show MedGemma (${kind}) ${state}`, timeout: options.timeout ?? 90_000 },
  );
}

/** Every file under `dir` (recursively) whose path contains `part`. */
function filesUnder(dir: string, part: string): string[] {
  const found: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, part));
    else if (path.includes(part)) found.push(path);
  }
  return found;
}

/** The text of the extension's log ("MedGemma" output channel) under a session's user-data folder. */
export function extensionLog(userDataDir: string): string {
  return filesUnder(join(userDataDir, "logs"), `${EXTENSION_ID}${"/"}`)
    .map((path) => readFileSync(path, "utf8"))
    .join("\n");
}
