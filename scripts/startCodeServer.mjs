// `npm start`: opens a folder (default: samples/) in VS Code with MedGemma Writer loaded from this repository.
//   node scripts/startCodeServer.mjs [FOLDER] [--vsix FILE] [--port N] [--host ADDR] [--code-server] [--fresh]
// The backend: MEDGEMMA_ENDPOINT (an OpenAI-compatible URL ending in /v1) if set, else the embedded engine with
// MEDGEMMA_MODEL (a MedGemma GGUF file) if set, else the embedded engine with the tiny demo model the tests use
// (it loads and streams like MedGemma but writes gibberish). These go into the profile's user settings.
// With a desktop `code` on PATH this runs `code --extensionDevelopmentPath=<repo> FOLDER`. Otherwise it starts
// code-server (installing it into .tools/ first if needed) and prints the address to open in a browser; Ctrl+C stops
// it. The extension is loaded in development mode from the repo (run `npm run watch` beside it and reload the window
// to pick up changes), or, with --vsix, installed from a package. The profile (settings, installed extensions) lives in
// .cache/code-server/ and is kept between runs unless --fresh. The extension marketplace is off (set EXTENSIONS_GALLERY
// to code-server's JSON gallery setting to turn one on); your environment, API keys included, reaches the extension.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { require as tsxRequire } from "tsx/cjs/api";
import { ensureCodeServer } from "./installCodeServer.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function parseArgs(argv) {
  const parsed = { folder: undefined, vsix: undefined, port: 0, host: "127.0.0.1", codeServer: false, fresh: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value.`);
      return next;
    };
    if (arg === "--vsix") parsed.vsix = resolve(value());
    else if (arg === "--port") parsed.port = Number(value());
    else if (arg === "--host") parsed.host = value();
    else if (arg === "--code-server") parsed.codeServer = true;
    else if (arg === "--fresh") parsed.fresh = true;
    else if (arg === "--help" || arg === "-h") parsed.help = true;
    else if (arg.startsWith("-")) throw new Error(`Unknown option ${arg}.`);
    else parsed.folder = resolve(arg);
  }
  return parsed;
}

/** The backend settings for this run, and a sentence saying which backend it is. */
async function backendSettings() {
  const endpoint = process.env.MEDGEMMA_ENDPOINT?.trim();
  if (endpoint) {
    return { settings: { "medgemma.backend.endpoint": endpoint, "medgemma.backend.model": process.env.MEDGEMMA_MODEL_ID?.trim() ?? "" }, note: `Backend: ${endpoint}` };
  }
  const model = process.env.MEDGEMMA_MODEL?.trim();
  if (model) {
    if (!existsSync(model)) throw new Error(`MEDGEMMA_MODEL points at ${model}, which does not exist.`);
    return { settings: { "medgemma.backend.endpoint": "", "medgemma.embedded.modelPath": resolve(model) }, note: `Backend: the embedded engine with ${model}` };
  }
  const { ensureTinyGemmaModel } = tsxRequire("../test/support/tinyGemma/tinyGemmaModel.ts", import.meta.url);
  const demo = await ensureTinyGemmaModel();
  return {
    settings: { "medgemma.backend.endpoint": "", "medgemma.embedded.modelPath": demo },
    note:
      "Backend: the embedded engine with the tiny demo model (real engine, random weights: its answers are gibberish).\n" +
      "For real answers set MEDGEMMA_MODEL=/path/to/medgemma.gguf or MEDGEMMA_ENDPOINT=http://host:8000/v1 and run again.",
  };
}

/** Lays the backend settings over an existing profile's user settings (created if missing). */
function writeUserSettings(file, settings) {
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    // No settings yet (or unreadable JSON with comments): start from the harness defaults below.
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
}

function hasDesktopCode() {
  return spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" }).status === 0;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("Usage: npm start -- [FOLDER] [--vsix FILE] [--port N] [--host ADDR] [--code-server] [--fresh]");
    return 0;
  }
  const folder = args.folder ?? join(repoRoot, "samples");
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`No folder at ${folder}.`);
  if (!args.vsix) {
    const build = spawnSync(process.execPath, [join(repoRoot, "esbuild.mjs")], { cwd: repoRoot, stdio: "inherit" });
    if (build.status !== 0) throw new Error("The build failed; see above.");
  }
  const backend = await backendSettings();
  const profile = join(repoRoot, ".cache", "code-server");
  if (args.fresh) rmSync(profile, { recursive: true, force: true });

  if (!args.codeServer && !args.vsix && hasDesktopCode()) {
    // A profile of its own, so the demo settings never touch the writer's own VS Code settings.
    const userDataDir = join(repoRoot, ".cache", "vscode-desktop");
    writeUserSettings(join(userDataDir, "User", "settings.json"), backend.settings);
    console.log(`Opening ${folder} in desktop VS Code with the extension from ${repoRoot}\n${backend.note}`);
    const code = spawnSync("code", [`--user-data-dir=${userDataDir}`, `--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: "inherit" });
    return code.status ?? 1;
  }

  ensureCodeServer({ log: (line) => console.log(line) });
  // Loaded as CommonJS, like the tests load it (it locates the repository from its own folder).
  const { startCodeServer } = tsxRequire("../test/support/codeServer.ts", import.meta.url);
  // A new profile gets the harness defaults plus these; an existing one keeps its settings with these laid over.
  const userSettings = join(profile, "user-data", "User", "settings.json");
  if (existsSync(userSettings)) writeUserSettings(userSettings, backend.settings);
  // A packaged install and unpacked development folders must not share an extensions folder.
  const extensionsDir = join(profile, args.vsix ? "extensions-vsix" : "extensions");
  mkdirSync(extensionsDir, { recursive: true });

  const server = await startCodeServer({
    userDataDir: join(profile, "user-data"),
    extensionsDir,
    preserveUserSettings: true,
    settings: backend.settings,
    inheritEnv: true,
    host: args.host,
    port: args.port,
    vsix: args.vsix,
  });
  const payload = args.vsix ? undefined : { extensionDevelopmentPath: repoRoot };
  const url = server.workbenchUrl(folder, payload);
  console.log(`\nVS Code ${args.vsix ? `with ${args.vsix} installed` : "with the extension in development mode"} is at:\n\n  ${url}\n\n${backend.note}\n`);
  if (!args.vsix) console.log("Open exactly this address (the host and port are part of the extension's location). Ctrl+C stops.");
  else console.log("Ctrl+C stops.");

  let stopping = false;
  const stop = async (signal) => {
    stopping = true;
    console.log(`\n${signal}: stopping code-server…`);
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
  const exit = await server.exited;
  if (stopping) return undefined;
  console.error(`code-server exited (${exit}).\n${server.log().split("\n").slice(-20).join("\n")}`);
  return 1;
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error) => {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
