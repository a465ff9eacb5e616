// `npm start`: opens a folder in VS Code with MedGemma Writer loaded from this repository.
//   node scripts/startCodeServer.mjs [FOLDER] [--vsix FILE] [--port N] [--host ADDR] [--code-server] [--fresh]
// With a desktop `code` on PATH this runs `code --extensionDevelopmentPath=<repo> FOLDER`. Otherwise it starts
// code-server (installing it into .tools/ first if needed) and prints the address to open in a browser; Ctrl+C stops
// it. The extension is loaded in development mode from the repo (run `npm run watch` beside it and reload the window
// to pick up changes), or, with --vsix, installed from a package. The profile (settings, installed extensions) lives in
// .cache/code-server/ and is kept between runs unless --fresh. The extension marketplace is off (set EXTENSIONS_GALLERY
// to code-server's JSON gallery setting to turn one on); your environment, API keys included, reaches the extension.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
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

function hasDesktopCode() {
  return spawnSync("sh", ["-c", "command -v code"], { encoding: "utf8" }).status === 0;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log("Usage: npm start -- [FOLDER] [--vsix FILE] [--port N] [--host ADDR] [--code-server] [--fresh]");
    return 0;
  }
  const folder = args.folder ?? repoRoot;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`No folder at ${folder}.`);
  if (!args.vsix && !existsSync(join(repoRoot, "dist", "extension.js"))) {
    console.error("warning: dist/extension.js is missing; run `npm run build` (or `npm run watch`) first.");
  }

  if (!args.codeServer && !args.vsix && hasDesktopCode()) {
    console.log(`Opening ${folder} in desktop VS Code with the extension from ${repoRoot}`);
    const code = spawnSync("code", [`--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: "inherit" });
    return code.status ?? 1;
  }

  ensureCodeServer({ log: (line) => console.log(line) });
  // Loaded as CommonJS, like the tests load it (it locates the repository from its own folder).
  const { startCodeServer } = tsxRequire("../test/support/codeServer.ts", import.meta.url);
  const profile = join(repoRoot, ".cache", "code-server");
  if (args.fresh) rmSync(profile, { recursive: true, force: true });
  // A packaged install and unpacked development folders must not share an extensions folder.
  const extensionsDir = join(profile, args.vsix ? "extensions-vsix" : "extensions");
  mkdirSync(extensionsDir, { recursive: true });

  const server = await startCodeServer({
    userDataDir: join(profile, "user-data"),
    extensionsDir,
    preserveUserSettings: true,
    inheritEnv: true,
    host: args.host,
    port: args.port,
    vsix: args.vsix,
  });
  const payload = args.vsix ? undefined : { extensionDevelopmentPath: repoRoot };
  const url = server.workbenchUrl(folder, payload);
  console.log(`\nVS Code ${args.vsix ? `with ${args.vsix} installed` : "with the extension in development mode"} is at:\n\n  ${url}\n`);
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
