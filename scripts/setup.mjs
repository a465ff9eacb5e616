// `npm run setup`: everything a fresh machine needs to run MedGemma Writer and its tests, offline but for the npm
// registry and (on Debian/Ubuntu, as root) apt. Safe to run again: finished steps are skipped.
//   1. npm ci (when node_modules is missing or out of date)
//   2. Debian packages for the real-editor tests: chromium, libkrb5-dev (apt-get, when root; otherwise it says what to run)
//   3. code-server 4.100.3 into .tools/ (the real VS Code the tests and `npm start` use when desktop VS Code is absent)
//   4. the bundles (dist/) and the tiny demo/test model (.cache/models/)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();

function step(title) {
  console.log(`\n▶ ${title}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    console.error(`\n✘ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 18)) {
  console.error(`Node.js ${process.versions.node} is too old: MedGemma Writer needs Node.js 20.18 or newer (22 works too).`);
  process.exit(1);
}

step("npm packages");
const installed = join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(join(root, "package-lock.json")).mtimeMs) {
  run("npm", ["ci", "--no-audit", "--no-fund"]);
} else {
  console.log("node_modules is up to date with package-lock.json.");
}

step("Debian packages for the real-editor tests (chromium, libkrb5-dev)");
const needs = [];
if (!existsSync("/usr/bin/chromium")) needs.push("chromium");
if (spawnSync("sh", ["-c", "dpkg -s libkrb5-dev >/dev/null 2>&1"]).status !== 0 && existsSync("/usr/bin/dpkg")) needs.push("libkrb5-dev");
if (needs.length === 0) {
  console.log("Already installed.");
} else if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...needs], { env });
} else {
  console.log(`Not installed: ${needs.join(", ")}. The UI tests need them; install with: sudo apt-get install -y ${needs.join(" ")}`);
}

step("code-server (a real VS Code for tests and for `npm start` without desktop VS Code)");
if (needs.includes("libkrb5-dev") && process.getuid?.() !== 0) {
  console.log("Skipped until libkrb5-dev is installed (a native module of code-server needs it).");
} else {
  run(process.execPath, ["scripts/installCodeServer.mjs"]);
}

step("Build (dist/)");
run(process.execPath, ["esbuild.mjs"]);

step("Tiny Gemma 3 model for the demo and the tests (.cache/models/)");
run(process.execPath, ["--import", "tsx", "-e", 'require("./test/support/tinyGemma/tinyGemmaModel.ts").ensureTinyGemmaModel().then((p) => console.log(p))']);

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
console.log(`\n✔ ${pkg.displayName} is set up (${Math.round((Date.now() - started) / 1000)} s). Next: npm start (the product) or npm test (every suite).`);
