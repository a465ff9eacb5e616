// Packages the extension as a platform-specific .vsix, offline.
//   node scripts/package.mjs                         this machine's platform, CPU engine only (lean)
//   node scripts/package.mjs --target linux-x64 --gpu cuda --out medgemma-writer-linux-x64-cuda.vsix
// The bundles (dist/) hold all JavaScript except node-llama-cpp, which is native and ships unbundled with its
// dependencies and exactly one set of engine binaries: the platform's CPU build, plus the GPU build asked for.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};

const PLATFORM_TARGETS = { "linux-x64": "linux-x64", "linux-arm64": "linux-arm64", "darwin-arm64": "darwin-arm64", "darwin-x64": "darwin-x64", "win32-x64": "win32-x64", "win32-arm64": "win32-arm64" };
const target = option("target", `${process.platform}-${process.arch}`);
if (!PLATFORM_TARGETS[target]) {
  console.error(`Unknown --target ${target}; one of ${Object.keys(PLATFORM_TARGETS).join(", ")}.`);
  process.exit(2);
}
const gpu = option("gpu", "none");
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const out = option("out", `${pkg.name}-${pkg.version}-${target}${gpu === "none" ? "" : `-${gpu}`}.vsix`);

// node-llama-cpp names its binary packages after its own platform words.
const engineOs = { linux: "linux", darwin: "mac", win32: "win" }[target.split("-")[0]];
const engineArch = target.split("-")[1];
const base = engineOs === "mac" && engineArch === "arm64" ? "mac-arm64-metal" : `${engineOs}-${engineArch}`;
const wanted = new Set([base]);
if (gpu === "cuda") {
  wanted.add(`${base}-cuda`);
  wanted.add(`${base}-cuda-ext`);
} else if (gpu === "vulkan") {
  wanted.add(`${base}-vulkan`);
} else if (gpu !== "none") {
  console.error(`Unknown --gpu ${gpu}; one of none, cuda, vulkan (Metal is part of the macOS arm64 build).`);
  process.exit(2);
}

const installed = readdirSync("node_modules/@node-llama-cpp", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
for (const name of wanted) {
  if (!installed.includes(name)) {
    console.error(`node_modules/@node-llama-cpp/${name} is not installed; install it on a machine of that platform (npm ci installs the binaries for the machine it runs on).`);
    process.exit(1);
  }
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ["esbuild.mjs", "--production"]);

// Everything bundled into dist/ is left out of node_modules; node-llama-cpp and its dependencies stay.
const ignore = [
  "**/*.map",
  "**/*.ts",
  ".*/**",
  ".ci/**",
  ".cache/**",
  ".tools/**",
  "bench/**",
  "client/**",
  "common/**",
  "docs/**",
  "out/**",
  "scripts/**",
  "server/**",
  "test/**",
  "*.vsix",
  "esbuild.mjs",
  "eslint.config.mjs",
  "tsconfig*.json",
  "node_modules/vscode-languageclient/**",
  "node_modules/vscode-languageserver/**",
  "node_modules/vscode-languageserver-protocol/**",
  "node_modules/vscode-languageserver-types/**",
  "node_modules/vscode-languageserver-textdocument/**",
  "node_modules/vscode-jsonrpc/**",
  "node_modules/undici/**",
  "node_modules/markdown-it/**",
  "node_modules/dompurify/**",
  "node_modules/linkify-it/**",
  "node_modules/mdurl/**",
  "node_modules/uc.micro/**",
  "node_modules/punycode.js/**",
  "node_modules/entities/**",
  // An optional peer of node-llama-cpp (for its TypeScript users); nothing loads it at run time.
  "node_modules/typescript/**",
  // The engine's C++ sources are only for building from source, which the extension never does.
  "node_modules/node-llama-cpp/llama/llama.cpp/**",
  "node_modules/node-llama-cpp/llama/*.cpp",
  "node_modules/node-llama-cpp/llama/*.h",
  "node_modules/node-llama-cpp/llama/addon/**",
  "node_modules/node-llama-cpp/llama/gpuInfo/**",
  "node_modules/node-llama-cpp/llama/cmake/**",
  "node_modules/node-llama-cpp/templates/**",
  ...installed.filter((name) => !wanted.has(name)).map((name) => `node_modules/@node-llama-cpp/${name}/**`),
];
const ignoreFile = join(".cache", "vscodeignore");
mkdirSync(dirname(ignoreFile), { recursive: true });
writeFileSync(ignoreFile, `${ignore.join("\n")}\n`);
mkdirSync(dirname(out) === "" ? "." : dirname(out), { recursive: true });
rmSync(out, { force: true });

const vsce = join("node_modules", "@vscode", "vsce", "vsce");
run(process.execPath, [vsce, "package", "--target", target, "--out", out, "--ignoreFile", ignoreFile, "--allow-missing-repository", "--no-update-package-json", "--no-rewrite-relative-links"]);
console.log(`Packaged ${out} for ${target} with engine binaries: ${[...wanted].join(", ")}.`);
