/**
 * Runs a real VS Code offline: code-server (the VS Code 1.100 workbench and Node extension host, served over HTTP)
 * driven by Debian's Chromium through playwright-core. Each session gets fresh user-data, extensions and browser
 * profile folders, an explicit environment for the extension host, and is stopped by process group.
 */
import { spawn, spawnSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { format } from "node:util";
import { chromium } from "playwright-core";
import type { BrowserContext, ConsoleMessage, Page } from "playwright-core";

/** The repository root (this file lives in test/support/). */
export const REPO_ROOT = resolve(__dirname, "..", "..");
/** code-server's pinned version; scripts/installCodeServer.mjs installs it. */
export const CODE_SERVER_VERSION = "4.100.3";
const codeServerDir = process.env.MEDGEMMA_CODE_SERVER_DIR
  ? resolve(process.env.MEDGEMMA_CODE_SERVER_DIR)
  : join(REPO_ROOT, ".tools", "code-server");
/** code-server's Node entry point. */
export const CODE_SERVER_ENTRY = join(codeServerDir, "node_modules", "code-server", "out", "node", "entry.js");
/** Debian's Chromium; override with MEDGEMMA_CHROMIUM. */
export const CHROMIUM_PATH = process.env.MEDGEMMA_CHROMIUM ?? "/usr/bin/chromium";

/** Chromium flags that keep it quiet on a closed network and working as root in a container. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Variables taken from this process into code-server's environment; everything else must be passed explicitly. */
const BASE_ENV_NAMES = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "TMPDIR", "NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE"];

/** Settings every session starts from; caller settings are laid over them. */
const BASE_SETTINGS: Record<string, unknown> = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "update.showReleaseNotes": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "git.autoRepositoryDetection": false,
  "npm.autoDetect": "off",
  // Saving is a test step of its own (code-server's web build would otherwise save after a delay).
  "files.autoSave": "off",
};

/** Options of {@link startCodeServer}. */
export interface CodeServerOptions {
  /** Settings laid over the defaults (no startup editor, telemetry and update checks off). */
  settings?: Record<string, unknown>;
  /** Keep VS Code's workspace trust on (default off: `--disable-workspace-trust`, trust setting disabled). */
  workspaceTrust?: boolean;
  /** A `.vsix` to install into the fresh extensions folder before start. Do not combine with development paths. */
  vsix?: string;
  /**
   * Variables for code-server and so for the extension host. Only a few neutral ones (PATH, HOME, LANG, …) come from
   * this process; secrets such as MEDGEMMA_API_KEY reach the extension only when listed here.
   */
  env?: Record<string, string>;
  /** Inherit this process's whole environment (for interactive use, not for tests). */
  inheritEnv?: boolean;
  /** Leave an existing `User/settings.json` alone (a persistent profile for interactive use). */
  preserveUserSettings?: boolean;
  /** Bind address (default 127.0.0.1) and port (default 0: a free one, read back from code-server's log). */
  host?: string;
  port?: number;
  /** Folders to use instead of fresh ones (the launcher honours what a test runner passes). */
  userDataDir?: string;
  extensionsDir?: string;
  /** Seconds to wait for the server to listen (default 60). */
  startTimeoutSeconds?: number;
}

/** A running code-server. */
export interface CodeServer {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  pid: number;
  dirs: { root: string; userData: string; extensions: string };
  /** Everything code-server printed so far. */
  log(): string;
  /** Resolves with the exit code (or signal name) when the server process ends. */
  exited: Promise<number | string>;
  /** The page address for a folder (or a `.code-workspace` file), with an optional development payload. */
  workbenchUrl(folder?: string, payload?: WorkbenchPayload): string;
  stop(): Promise<void>;
}

/** Development-mode paths the workbench reads from the `payload` URL parameter (code-server's CLI rejects them). */
export interface WorkbenchPayload {
  extensionDevelopmentPath?: string | string[];
  extensionTestsPath?: string;
}

/** Options of {@link openWorkbench}. */
export interface WorkbenchOptions {
  /** Absolute folder (or `.code-workspace` file) to open. */
  folder?: string;
  payload?: WorkbenchPayload;
  /** Receives `codeAutomationExit(code)` from the workbench when an extension test run ends. */
  onAutomationExit?: (code: number) => void;
  /** Receives `codeAutomationLog(level, message)`: the workbench's log and the test run's console output, formatted. */
  onAutomationLog?: (level: string, message: string) => void;
  /** Default 1400x900. */
  viewport?: { width: number; height: number };
  /** Run Chromium with a window (needs a display). */
  headed?: boolean;
}

/** A browser on a code-server workbench. */
export interface Workbench {
  context: BrowserContext;
  page: Page;
  url: string;
  profileDir: string;
  /** The browser console (the workbench and webviews print here). */
  consoleLog(): string[];
  close(): Promise<void>;
}

/** code-server plus a browser on it: what UI tests use. */
export interface VSCodeSession {
  server: CodeServer;
  workbench: Workbench;
  page: Page;
  port: number;
  /** The folder the workbench opened. */
  workspace: string;
  dirs: CodeServer["dirs"] & { profile: string };
  serverLog(): string;
  consoleLog(): string[];
  /** Closes the browser, then kills code-server's process group; safe to call twice. */
  stop(): Promise<void>;
}

/** Throws with the install command when code-server or Chromium is missing. */
export function checkTools(options: { browser?: boolean } = {}): void {
  const versionFile = join(codeServerDir, "node_modules", "code-server", "package.json");
  let version: string | undefined;
  if (existsSync(versionFile) && existsSync(CODE_SERVER_ENTRY)) {
    version = (JSON.parse(readFileSync(versionFile, "utf8")) as { version?: string }).version;
  }
  if (version !== CODE_SERVER_VERSION) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} is not installed at ${codeServerDir}. Run: node scripts/installCodeServer.mjs`);
  }
  if (options.browser !== false && !existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}. Run: apt-get install -y chromium (or set MEDGEMMA_CHROMIUM).`);
  }
}

/** Installs code-server with scripts/installCodeServer.mjs when it is missing (quick when it is there). */
export function ensureCodeServerInstalled(): void {
  try {
    checkTools({ browser: false });
  } catch {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, "scripts", "installCodeServer.mjs")], { stdio: "inherit" });
    if (result.status !== 0) throw new Error("Installing code-server failed (see above).");
  }
}

function environmentFor(options: CodeServerOptions, dirs: { root: string }): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (options.inheritEnv) Object.assign(env, process.env);
  else for (const name of BASE_ENV_NAMES) if (process.env[name] !== undefined) env[name] = process.env[name];
  // code-server keeps its own state under XDG folders; keep them inside the session.
  env.XDG_CONFIG_HOME = join(dirs.root, "xdg-config");
  env.XDG_DATA_HOME = join(dirs.root, "xdg-data");
  // No extension gallery unless one is configured: offline, code-server's default (open-vsx.org) fails slowly enough
  // that installed extensions' commands stay missing for tens of seconds.
  env.EXTENSIONS_GALLERY ??= "{}";
  if (!options.inheritEnv) {
    // Otherwise the server runs the user's login shell to collect its variables for the extension host, which would
    // bring back exactly what this explicit environment leaves out.
    env.VSCODE_CLI = "1";
  }
  return { ...env, ...options.env };
}

function codeServerArgs(options: CodeServerOptions, dirs: CodeServer["dirs"], configFile: string): string[] {
  const args = [
    "--config", configFile,
    "--auth", "none",
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-getting-started-override",
    "--ignore-last-opened",
    "--user-data-dir", dirs.userData,
    "--extensions-dir", dirs.extensions,
  ];
  if (!options.workspaceTrust) args.push("--disable-workspace-trust");
  return args;
}

/** Appends to a bounded in-memory log so a chatty process cannot grow the test's memory without limit. */
function collector(limit = 4 * 1024 * 1024): { push(text: string): void; text(): string } {
  let buffer = "";
  return {
    push(text) {
      buffer += text;
      if (buffer.length > limit) buffer = buffer.slice(buffer.length - limit);
    },
    text: () => buffer,
  };
}

/** code-server process groups still running, killed if this process exits or is interrupted before stop(). */
const liveServers = new Set<ChildProcess>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const killAll = () => {
    for (const child of liveServers) killGroup(child, "SIGKILL");
  };
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // code-server runs in its own process group, so a Ctrl+C in the terminal never reaches it; pass it on, then let
    // the signal take its usual course.
    process.once(signal, () => {
      killAll();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The workbench hands console calls over as their argument list; format them as Node's console would. */
function formatConsoleArgs(message: unknown): string {
  return Array.isArray(message) ? format(...(message as unknown[])) : String(message);
}

/** Builds the `vscode-remote://` URI the workbench expects for a server-side path. */
function remoteUri(origin: string, path: string): string {
  const authority = origin.replace(/^https?:\/\//, "");
  return `vscode-remote://${authority}${encodeURI(resolve(path))}`;
}

/** Starts code-server on 127.0.0.1 with a random port and waits until it listens. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  checkTools({ browser: false });
  const root = mkdtempSync(join(tmpdir(), "medgemma-vscode-"));
  const dirs = {
    root,
    userData: options.userDataDir ? resolve(options.userDataDir) : join(root, "user-data"),
    extensions: options.extensionsDir ? resolve(options.extensionsDir) : join(root, "extensions"),
  };
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  const settings: Record<string, unknown> = { ...BASE_SETTINGS };
  if (!options.workspaceTrust) settings["security.workspace.trust.enabled"] = false;
  Object.assign(settings, options.settings);
  const settingsFile = join(dirs.userData, "User", "settings.json");
  if (!options.preserveUserSettings || !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const configFile = join(root, "config.yaml");
  writeFileSync(configFile, "");
  const env = environmentFor(options, dirs);
  const args = codeServerArgs(options, dirs, configFile);

  if (options.vsix) {
    const vsix = resolve(options.vsix);
    const install = existsSync(vsix)
      ? spawnSync(process.execPath, [CODE_SERVER_ENTRY, ...args, "--force", "--install-extension", vsix], { env, encoding: "utf8", timeout: 120_000 })
      : undefined;
    if (install?.status !== 0) {
      rmSync(root, { recursive: true, force: true });
      throw new Error(install
        ? `Installing ${vsix} into code-server failed (exit ${install.status ?? install.signal}):\n${install.stdout}${install.stderr}`
        : `No .vsix at ${vsix}.`);
    }
  }

  const output = collector();
  // A process group of its own, so stop() also ends the extension host, the file watcher and the language server.
  const host = options.host ?? "127.0.0.1";
  const child = spawn(process.execPath, [CODE_SERVER_ENTRY, ...args, "--bind-addr", `${host}:${options.port ?? 0}`], {
    env, detached: true, stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | string>((resolveExit) => {
    child.once("exit", (code, signal) => resolveExit(code ?? signal ?? "unknown"));
  });
  liveServers.add(child);
  installExitHooks();

  const stop = async () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    liveServers.delete(child);
    // Children that outlive the server (an extension's own processes) share its group.
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Nothing left in the group.
      }
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    const port = await new Promise<number>((resolvePort, reject) => {
      const timeout = setTimeout(
        () => reject(new Error(`code-server did not listen within ${options.startTimeoutSeconds ?? 60} s:\n${output.text()}`)),
        (options.startTimeoutSeconds ?? 60) * 1000,
      );
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString("utf8"));
        const match = /HTTP server listening on https?:\/\/[^\s/]+:(\d+)/.exec(output.text());
        if (match?.[1]) {
          clearTimeout(timeout);
          resolvePort(Number(match[1]));
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      void exited.then((code) => {
        clearTimeout(timeout);
        reject(new Error(`code-server exited (${code}) before listening:\n${output.text()}`));
      });
    });
    // A wildcard bind is browsed through loopback; the page's host must equal the payload's authority.
    const browseHost = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "[::1]" : host.includes(":") ? `[${host}]` : host;
    const origin = `http://${browseHost}:${port}`;
    return {
      port,
      origin,
      pid: child.pid ?? -1,
      dirs,
      log: () => output.text(),
      exited,
      workbenchUrl(folder, payload) {
        const params = new URLSearchParams();
        if (folder) params.set(folder.endsWith(".code-workspace") ? "workspace" : "folder", resolve(folder));
        const entries: [string, string][] = [];
        const devPaths = payload?.extensionDevelopmentPath;
        for (const path of Array.isArray(devPaths) ? devPaths : devPaths ? [devPaths] : []) {
          entries.push(["extensionDevelopmentPath", remoteUri(origin, path)]);
        }
        if (payload?.extensionTestsPath) entries.push(["extensionTestsPath", remoteUri(origin, payload.extensionTestsPath)]);
        if (entries.length) params.set("payload", JSON.stringify(entries));
        const query = params.toString();
        return `${origin}/${query ? `?${query}` : ""}`;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Opens Chromium (headless, fresh profile) on the code-server workbench. */
export async function openWorkbench(server: CodeServer, options: WorkbenchOptions = {}): Promise<Workbench> {
  checkTools();
  if (options.folder && !isAbsolute(options.folder)) throw new Error(`The workspace folder must be absolute: ${options.folder}`);
  const profileDir = mkdtempSync(join(tmpdir(), "medgemma-chromium-"));
  const consoleLines: string[] = [];
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: !options.headed,
      args: options.headed ? CHROMIUM_ARGS.filter((arg) => arg !== "--headless") : CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1400, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message: ConsoleMessage) => {
      consoleLines.push(`[${message.type()}] ${message.text()}`);
      if (consoleLines.length > 5000) consoleLines.shift();
    });
    page.on("pageerror", (error) => consoleLines.push(`[pageerror] ${error.message}`));
    // Must exist before the workbench loads: it looks them up when an extension test run ends.
    if (options.onAutomationExit) {
      const onExit = options.onAutomationExit;
      await page.exposeFunction("codeAutomationExit", (code: unknown) => onExit(typeof code === "number" ? code : 1));
    }
    if (options.onAutomationLog) {
      const onLog = options.onAutomationLog;
      await page.exposeFunction("codeAutomationLog", (level: unknown, message: unknown) => onLog(String(level), formatConsoleArgs(message)));
    }
    const url = server.workbenchUrl(options.folder, options.payload);
    // Lets tests read what the workbench copies (editor text through Select All + Copy).
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 60_000 });
    const opened = context;
    return {
      context: opened,
      page,
      url,
      profileDir,
      consoleLog: () => [...consoleLines],
      async close() {
        await opened.close().catch(() => undefined);
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
}

/** Options of {@link startSession}. */
export interface SessionOptions extends CodeServerOptions, Omit<WorkbenchOptions, "folder"> {
  /** Absolute folder to open; default a fresh empty temp folder (removed by stop()). */
  workspace?: string;
}

/**
 * Starts code-server and a browser on `workspace`. Reuse one session for several tests (cold start is 10–20 s) and
 * call `stop()` in a `finally` or an `after` hook.
 */
export async function startSession(options: SessionOptions = {}): Promise<VSCodeSession> {
  checkTools();
  const ownWorkspace = options.workspace === undefined;
  const workspace = options.workspace ?? mkdtempSync(join(tmpdir(), "medgemma-workspace-"));
  const server = await startCodeServer(options);
  let workbench: Workbench;
  try {
    workbench = await openWorkbench(server, { ...options, folder: workspace });
  } catch (error) {
    await server.stop();
    if (ownWorkspace) rmSync(workspace, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    server,
    workbench,
    page: workbench.page,
    port: server.port,
    workspace,
    dirs: { ...server.dirs, profile: workbench.profileDir },
    serverLog: () => server.log(),
    consoleLog: () => workbench.consoleLog(),
    stop() {
      stopped ??= (async () => {
        try {
          await workbench.close();
        } finally {
          await server.stop();
          if (ownWorkspace) rmSync(workspace, { recursive: true, force: true, maxRetries: 3 });
        }
      })();
      return stopped;
    },
  };
}

/** A process as /proc shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The arguments joined by spaces. */
  commandLine: string;
}

/** Reads one process from /proc; undefined when it has gone meanwhile. */
function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may itself hold spaces and parentheses; the fields after it do not.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    return { pid, ppid: Number(fields[1]), commandLine };
  } catch {
    return undefined;
  }
}

/**
 * Every living process below `rootPid` (children, grandchildren, …), read from Linux's /proc: e.g. the extension
 * host under code-server and the language servers under it. Tests use it to find and kill one of them.
 */
export function descendantProcesses(rootPid: number): ProcessInfo[] {
  const all: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info) all.push(info);
  }
  const found: ProcessInfo[] = [];
  const parents = new Set([rootPid]);
  // /proc lists a child before its parent when pids wrapped around; repeat until nothing new is added.
  for (let added = true; added; ) {
    added = false;
    for (const info of all) {
      if (parents.has(info.ppid) && !parents.has(info.pid)) {
        parents.add(info.pid);
        found.push(info);
        added = true;
      }
    }
  }
  return found;
}
