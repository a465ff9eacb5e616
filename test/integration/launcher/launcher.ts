/**
 * A stand-in for the VS Code executable: takes VS Code's test command line, runs the extension tests in code-server's
 * real Node extension host with Chromium as the window, prints their output and exits with their exit code.
 *
 * Environment: the extension host gets PATH, HOME, LANG and the like, every MEDGEMMA_TEST_* and VSCODE_TEST_*
 * variable, and the variables named (comma-separated) in MEDGEMMA_EXTENSION_HOST_ENV; nothing else from the caller, so a developer's
 * MEDGEMMA_API_KEY never reaches the tests by accident. MEDGEMMA_INTEGRATION_TIMEOUT_S bounds the run (default 900),
 * MEDGEMMA_INTEGRATION_VERBOSE=1 also prints code-server's and the browser's logs.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { openWorkbench, startCodeServer } from "../../support/codeServer";
import type { CodeServer, Workbench } from "../../support/codeServer";

/** What the launcher takes from VS Code's command line. */
export interface LaunchArgs {
  developmentPaths: string[];
  testsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
  /** The folder or `.code-workspace` file to open. */
  folder?: string;
  /** Flags that only mean something to desktop VS Code (Electron, updates, welcome page). */
  ignored: string[];
}

/** Flags whose value may follow as the next argument instead of after `=`. */
const VALUE_FLAGS = new Set([
  "--extensionDevelopmentPath", "--extensionTestsPath", "--user-data-dir", "--extensions-dir",
  "--locale", "--log", "--logsPath", "--crash-reporter-directory", "--profile", "--sync",
]);

/** Parses VS Code's command line as @vscode/test-electron and @vscode/test-cli write it. */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const parsed: LaunchArgs = { developmentPaths: [], ignored: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? "";
    if (!arg.startsWith("--")) {
      parsed.folder = resolve(arg);
      continue;
    }
    const equals = arg.indexOf("=");
    const name = equals === -1 ? arg : arg.slice(0, equals);
    let value = equals === -1 ? undefined : arg.slice(equals + 1);
    if (value === undefined && VALUE_FLAGS.has(name)) value = argv[++index];
    switch (name) {
      case "--extensionDevelopmentPath":
        if (value) parsed.developmentPaths.push(resolve(value));
        break;
      case "--extensionTestsPath":
        if (value) parsed.testsPath = resolve(value);
        break;
      case "--user-data-dir":
        if (value) parsed.userDataDir = resolve(value);
        break;
      case "--extensions-dir":
        if (value) parsed.extensionsDir = resolve(value);
        break;
      default:
        parsed.ignored.push(value === undefined ? name : `${name}=${value}`);
    }
  }
  return parsed;
}

/** The workbench's own connection messages, which arrive through the same channel as the tests' output. */
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore:|Creation of workbench contribution|Ignoring fetching additional builtin extensions)/;

/** The variables the extension host gets beyond code-server's neutral base. */
function extensionHostEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  const listed = (process.env.MEDGEMMA_EXTENSION_HOST_ENV ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    // VSCODE_TEST_* carries @vscode/test-cli's options to its runner inside the extension host.
    if (name.startsWith("MEDGEMMA_TEST_") || name.startsWith("VSCODE_TEST_") || listed.includes(name)) env[name] = value;
  }
  return env;
}

async function main(): Promise<number> {
  const args = parseLaunchArgs(process.argv.slice(2));
  if (!args.testsPath) {
    console.error("launcher: only extension test runs are supported (no --extensionTestsPath). For interactive use run `npm start`.");
    return 2;
  }
  if (args.developmentPaths.length === 0) {
    console.error("launcher: no --extensionDevelopmentPath given.");
    return 2;
  }
  if (args.folder && !statSync(args.folder, { throwIfNoEntry: false })) {
    console.error(`launcher: the folder ${args.folder} does not exist.`);
    return 2;
  }
  const verbose = process.env.MEDGEMMA_INTEGRATION_VERBOSE === "1";
  if (verbose && args.ignored.length) console.error(`launcher: ignoring desktop-only flags ${args.ignored.join(" ")}`);
  const timeoutSeconds = Number(process.env.MEDGEMMA_INTEGRATION_TIMEOUT_S ?? 900);
  const started = Date.now();

  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let settled = false;
  let resolveFinished: (code: number) => void = () => undefined;
  const finished = new Promise<number>((resolveRun) => (resolveFinished = resolveRun));
  const settle = (exitCode: number) => {
    if (settled) return;
    settled = true;
    resolveFinished(exitCode);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`launcher: ${signal}, stopping.`);
    settle(130);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const timer = setTimeout(() => {
    console.error(`launcher: the tests did not finish within ${timeoutSeconds} s.`);
    settle(1);
  }, timeoutSeconds * 1000);

  let code = 1;
  try {
    server = await startCodeServer({
      userDataDir: args.userDataDir,
      extensionsDir: args.extensionsDir,
      env: extensionHostEnv(),
    });
    void server.exited.then((exit) => {
      if (settled) return;
      console.error(`launcher: code-server exited (${exit}) before the tests finished.`);
      settle(1);
    });
    workbench = await openWorkbench(server, {
      folder: args.folder,
      payload: { extensionDevelopmentPath: args.developmentPaths, extensionTestsPath: args.testsPath },
      onAutomationExit: (exitCode) => settle(exitCode),
      onAutomationLog: (level, message) => {
        if (!verbose && WORKBENCH_CHATTER.test(message)) return;
        if (level === "error") process.stderr.write(`${message}\n`);
        else process.stdout.write(`${message}\n`);
      },
    });
    workbench.page.once("crash", () => {
      console.error("launcher: the workbench page crashed.");
      settle(1);
    });
    if (verbose) console.error(`launcher: workbench at ${workbench.url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    code = await finished;
  } catch (error) {
    console.error(`launcher: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  } finally {
    clearTimeout(timer);
    if (verbose || code !== 0) {
      if (server) console.error(`--- code-server log ---\n${server.log()}`);
      if (workbench && verbose) console.error(`--- browser console ---\n${workbench.consoleLog().join("\n")}`);
    }
    await workbench?.close();
    await server?.stop();
  }
  console.error(`launcher: tests finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
