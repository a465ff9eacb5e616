/**
 * `npm run bench`: measures how MedGemma Writer feels (first token, hover, stop, checks, activation, size, memory),
 * prints every figure with its target and verdict, and writes bench/results/latest.json, latest.md and the
 * streaming-timeline chart. Run through scripts/bench.mjs, which builds dist/ first.
 *
 * Options: --quick (fewer repetitions, no activation windows; rough figures while developing),
 * --only=<suite,…> (bundles, safety, remote, embedded, memory, activation), --activation-windows=<n> (default 5).
 * Exit code: 0 when every suite ran (targets missed or not), 1 when a suite failed.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import type { Figure } from "./lib/figures";
import { unmeasured } from "./lib/figures";
import { RemoteRig } from "./lib/remoteRig";
import type { SuiteContext, SuiteResult, Timeline } from "./lib/suite";
import { markdownReport } from "./report/markdownReport";
import { renderTable } from "./report/table";
import { timelineSvg } from "./report/timelineSvg";
import { runActivation } from "./suites/activation";
import { REPO_ROOT, runBundles } from "./suites/bundles";
import { runCancellation } from "./suites/cancellation";
import { runDiagnostics } from "./suites/diagnostics";
import { runEmbedded } from "./suites/embedded";
import { runHover } from "./suites/hover";
import { runMemory } from "./suites/memory";
import { runRelay } from "./suites/relay";
import { runSafety } from "./suites/safety";

const SUITES = ["bundles", "safety", "remote", "embedded", "memory", "activation"] as const;
type SuiteName = (typeof SUITES)[number];

interface Options {
  quick: boolean;
  only: Set<SuiteName>;
  activationWindows: number;
}

function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes("--quick");
  const onlyArg = argv.find((arg) => arg.startsWith("--only="));
  const only = new Set<SuiteName>();
  for (const name of onlyArg ? onlyArg.slice("--only=".length).split(",") : quick ? SUITES.filter((s) => s !== "activation") : SUITES) {
    if (!(SUITES as readonly string[]).includes(name)) throw new Error(`unknown suite "${name}"; suites: ${SUITES.join(", ")}`);
    only.add(name as SuiteName);
  }
  const windowsArg = argv.find((arg) => arg.startsWith("--activation-windows="));
  const activationWindows = windowsArg ? Number(windowsArg.split("=")[1]) : 5;
  if (!Number.isInteger(activationWindows) || activationWindows < 1) throw new Error("--activation-windows needs a positive integer");
  return { quick, only, activationWindows };
}

function gitDescription(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: REPO_ROOT, encoding: "utf8" }).trim() !== "";
    return `${commit}${dirty ? " with uncommitted changes" : ""}`;
  } catch {
    return "unknown";
  }
}

const load = (): string => loadavg().map((value) => value.toFixed(2)).join(" / ");

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), "medgemma-bench-"));
  const log = (line: string): void => void process.stderr.write(`  · ${line}\n`);
  const context: SuiteContext = { quick: options.quick, log, scratch };
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const loads: Record<string, string> = {};
  let timeline: Timeline | undefined;
  let failures = 0;
  let extensionFolder: string | undefined;

  /** Runs one suite; a failure is reported as an unmeasured figure and the run goes on. */
  const suite = async (name: string, group: string, work: () => Promise<SuiteResult>): Promise<void> => {
    process.stderr.write(`${name}…\n`);
    const loadBefore = load();
    try {
      const result = await work();
      figures.push(...result.figures);
      if (result.details) details[name] = result.details;
      timeline ??= result.timeline;
    } catch (error) {
      failures++;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${name} failed: ${message}\n`);
      figures.push(unmeasured({ id: `${name}.failed`, group, label: `${name} suite`, unit: "" }, `failed: ${message.split("\n")[0] ?? ""}`));
    }
    loads[name] = `${loadBefore} → ${load()}`;
  };

  try {
    if (options.only.has("bundles") || options.only.has("activation")) {
      await suite("bundles", "Bundle sizes (production build)", () => {
        const result = runBundles(context);
        extensionFolder = result.extensionFolder;
        return Promise.resolve(options.only.has("bundles") ? result : { figures: [] });
      });
    }
    if (options.only.has("safety")) await suite("safety", "Safety checks and PHI scan (pure functions)", () => runSafety(context));
    if (options.only.has("remote")) {
      await suite("remote", "Relay cost (medgemma/ask vs direct)", async () => {
        const rig = await RemoteRig.start();
        const combined: SuiteResult = { figures: [], details: {} };
        try {
          for (const [name, run] of [
            ["relay", runRelay],
            ["hover", runHover],
            ["cancellation", runCancellation],
            ["diagnostics", runDiagnostics],
          ] as const) {
            const result = await run(rig, context);
            combined.figures.push(...result.figures);
            if (result.details && combined.details) combined.details[name] = result.details;
            if (result.timeline) combined.timeline = result.timeline;
          }
        } finally {
          await rig.stop();
        }
        return combined;
      });
    }
    if (options.only.has("embedded")) await suite("embedded", "Embedded engine (tiny model, CPU, 1 thread)", () => runEmbedded(context));
    if (options.only.has("memory")) await suite("memory", "Server memory", () => runMemory(context));
    if (options.only.has("activation")) {
      await suite("activation", "Extension", () => {
        if (!extensionFolder) throw new Error("the production build is missing");
        return runActivation(context, extensionFolder, options.activationWindows);
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }

  const seconds = (performance.now() - started) / 1000;
  const cpuList = cpus();
  const environment: Record<string, string> = {
    Machine: `${cpuList.length} × ${cpuList[0]?.model ?? "unknown CPU"}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${process.platform} ${process.arch}`,
    Node: process.version,
    Commit: gitDescription(),
    Mode: options.quick ? "quick (fewer repetitions)" : "full",
    Duration: `${seconds.toFixed(0)} s`,
    ...Object.fromEntries(Object.entries(loads).map(([name, value]) => [`Load average (1/5/15 min) during ${name}`, value])),
  };
  const date = new Date().toISOString();
  const resultsDir = join(REPO_ROOT, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const chartFile = timeline ? "timeline.svg" : undefined;
  // A chart from an earlier run must not sit beside a report that did not measure it.
  if (timeline) writeFileSync(join(resultsDir, "timeline.svg"), timelineSvg(timeline));
  else rmSync(join(resultsDir, "timeline.svg"), { force: true });
  writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify({ date, environment, figures, details, timeline }, null, 2)}\n`);
  writeFileSync(join(resultsDir, "latest.md"), markdownReport({ date, figures, environment, ...(chartFile ? { chartFile } : {}) }));

  const withTarget = figures.filter((f) => f.target);
  process.stdout.write(`\nMedGemma Writer benchmarks · ${date} · ${environment.Machine} · Node ${process.version} · ${seconds.toFixed(0)} s\n\n`);
  process.stdout.write(`${renderTable(figures)}\n\n`);
  const chartNote = chartFile ? ` (chart: ${chartFile})` : "";
  process.stdout.write(`${withTarget.filter((f) => f.met).length} of ${withTarget.length} targets met. Report: bench/results/latest.md${chartNote}, data: bench/results/latest.json\n`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
