/**
 * CPU time and memory of another process, read from outside through /proc (Linux), so the language server needs no
 * hook for them.
 */
import { readFileSync, readdirSync } from "node:fs";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** utime + stime of all the process's threads from /proc/<pid>/stat, in milliseconds (10 ms resolution). */
function statCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may hold spaces; the fields after its closing parenthesis are positional.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) / USER_HZ) * 1000;
}

/**
 * CPU time of every thread of `pid` (JavaScript, garbage collector, libuv pool, engine threads), in milliseconds.
 * Summed from /proc/<pid>/task/<tid>/schedstat, which counts nanoseconds; where schedstat is missing it falls back
 * to /proc/<pid>/stat, which counts 10 ms ticks.
 */
export function processCpuMs(pid: number): { ms: number; source: "schedstat" | "stat" } {
  let total = 0;
  let found = false;
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    tasks = [];
  }
  for (const tid of tasks) {
    const schedstat = readOptional(`/proc/${pid}/task/${tid}/schedstat`);
    const runNs = schedstat ? Number(schedstat.split(" ")[0]) : Number.NaN;
    if (!Number.isFinite(runNs)) continue;
    total += runNs / 1e6;
    found = true;
  }
  return found ? { ms: total, source: "schedstat" } : { ms: statCpuMs(pid), source: "stat" };
}

/** Resident set size of `pid` in megabytes (MiB), from /proc/<pid>/status. */
export function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}
