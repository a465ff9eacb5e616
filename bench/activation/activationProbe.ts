/**
 * Runs inside the VS Code extension host as the `extensionTestsPath` of a fresh window: lets the window finish
 * starting, activates MedGemma Writer and times `activate()` from the call to the settled promise (loading
 * dist/extension.js and running its `activate`), then writes the figure to the file named by MEDGEMMA_TEST_BENCH_OUT.
 */
import { writeFileSync } from "node:fs";
import * as vscode from "vscode";

const EXTENSION_ID = "medgemma-writer.medgemma-writer";
/**
 * The tests start while the workbench is still restoring and other extensions still activating; waiting this long
 * first keeps their start-up out of the figure, which is the extension's own cost.
 */
const SETTLE_MS = 3000;

/** What one window measured. */
export interface ActivationSample {
  activationMs: number;
  /** The extension was already active before the call (then the figure would be meaningless). */
  wasActive: boolean;
  vscodeVersion: string;
  uiKind: "desktop" | "web";
}

export async function run(): Promise<void> {
  const out = process.env.MEDGEMMA_TEST_BENCH_OUT;
  if (!out) throw new Error("MEDGEMMA_TEST_BENCH_OUT is not set");
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this window`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const wasActive = extension.isActive;
  const started = performance.now();
  await extension.activate();
  const activationMs = performance.now() - started;
  const sample: ActivationSample = {
    activationMs,
    wasActive,
    vscodeVersion: vscode.version,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? "web" : "desktop",
  };
  writeFileSync(out, JSON.stringify(sample));
}
