// Chooses the "VS Code executable" for extension tests, shared by runIntegration.mjs and .vscode-test.mjs.
// Order: MEDGEMMA_VSCODE_PATH; a desktop VS Code behind a `code` command on PATH; our code-server launcher.
// Nothing is ever downloaded.
import { spawnSync } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The launcher that runs extension tests in code-server + Chromium. */
export const HARNESS_LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), "launcher", "code");

/** The Electron binary of a desktop VS Code whose `code` command is on PATH, or undefined. */
export function desktopVSCode() {
  const found = spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" });
  if (found.status !== 0 || !found.stdout.trim()) return undefined;
  const cli = realpathSync(found.stdout.trim());
  // Linux: <app>/bin/code → <app>/code; macOS: …/Contents/Resources/app/bin/code → …/Contents/MacOS/Electron.
  const candidates = [join(dirname(cli), "..", "code"), join(dirname(cli), "..", "..", "..", "MacOS", "Electron")];
  return candidates.map((path) => resolve(path)).find((path) => existsSync(path) && path !== cli);
}

/**
 * @param {{ forceHarness?: boolean }} [options]
 * @returns {{ path: string, kind: "MEDGEMMA_VSCODE_PATH" | "desktop VS Code" | "code-server harness" }}
 */
export function vscodeExecutable(options = {}) {
  if (process.env.MEDGEMMA_VSCODE_PATH) return { path: resolve(process.env.MEDGEMMA_VSCODE_PATH), kind: "MEDGEMMA_VSCODE_PATH" };
  const desktop = options.forceHarness ? undefined : desktopVSCode();
  if (desktop) return { path: desktop, kind: "desktop VS Code" };
  return { path: HARNESS_LAUNCHER, kind: "code-server harness" };
}
