// `npm run bench`: builds dist/ (the language server the benchmarks drive), then runs bench/main.ts.
//   npm run bench                          every suite (a few minutes)
//   npm run bench -- --quick               fewer repetitions, no activation windows
//   npm run bench -- --only=remote,safety  some suites (bundles, safety, remote, embedded, memory, activation)
import { spawnSync } from "node:child_process";

const build = spawnSync(process.execPath, ["esbuild.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const bench = spawnSync(process.execPath, ["--import", "tsx", "bench/main.ts", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(bench.status ?? 1);
