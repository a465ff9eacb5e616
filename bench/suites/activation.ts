/**
 * Extension activation in a real extension host: each run starts a fresh VS Code window (see
 * bench/activation/runActivation.ts) on the production build and times
 * `vscode.extensions.getExtension("medgemma-writer.medgemma-writer").activate()` from inside it: loading
 * dist/extension.js and running `activate()` until its promise settles. The language server is started by
 * `activate()` but not awaited, so its start-up is not part of the figure (as in VS Code's own activation time).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ActivationSample } from "../activation/activationProbe";
import type { Figure } from "../lib/figures";
import { figure, unmeasured } from "../lib/figures";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Extension";
const RUNNER = join(__dirname, "..", "activation", "runActivation.ts");

/** Runs one window; resolves with its sample, or rejects with the runner's output. */
function oneWindow(extensionFolder: string, scratch: string): Promise<ActivationSample> {
  const resultFile = join(scratch, "result.json");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", RUNNER, extensionFolder, scratch, resultFile], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("close", (code) => {
      if (code === 0 && existsSync(resultFile)) resolve(JSON.parse(readFileSync(resultFile, "utf8")) as ActivationSample);
      else {
        const lines = output.trim().split("\n");
        reject(new Error(`the activation window failed (exit ${code}): ${lines.at(-1) ?? ""}\n${lines.slice(-15).join("\n")}`));
      }
    });
  });
}

export async function runActivation(context: SuiteContext, extensionFolder: string, windows: number): Promise<SuiteResult> {
  const input = {
    id: "extension.activation",
    group: GROUP,
    label: "Extension activation (activate() in a fresh window)",
    unit: "ms",
    digits: 0,
    target: { op: "<=" as const, value: 150 },
  };
  const samples: ActivationSample[] = [];
  try {
    for (let i = 0; i < windows; i++) {
      context.log(`activation: fresh window ${i + 1} of ${windows} (about 20 s each)`);
      samples.push(await oneWindow(extensionFolder, join(context.scratch, `activation-${i}`)));
    }
  } catch (error) {
    return { figures: [unmeasured(input, error instanceof Error ? error.message.split("\n")[0] ?? "failed" : String(error))], details: { error: String(error) } };
  }
  if (samples.some((s) => s.wasActive)) {
    return { figures: [unmeasured(input, "the extension was already active when the probe ran")], details: { samples } };
  }
  const host = samples[0] ? `VS Code ${samples[0].vscodeVersion}, ${samples[0].uiKind === "web" ? "code-server's Node extension host" : "desktop extension host"}` : "";
  const figures: Figure[] = [figure({ ...input, note: `production build; ${host}` }, samples.map((s) => s.activationMs))];
  return { figures, details: { samples } };
}
