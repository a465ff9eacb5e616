/**
 * Gives tests a path to the tiny Gemma 3 model, generating it once into `.cache/models/` under the repo root. The
 * file name carries a hash of the generator's parameters; it is written under a temporary name and renamed, so test
 * processes running in parallel never see a half-written file.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { DEFAULT_TINY_GEMMA, buildTinyGemmaGguf, type TinyGemmaParameters } from "./tinyGemmaGguf";

/** Bump when the generator's output changes for the same parameters, so old cached files are not reused. */
export const TINY_GEMMA_GENERATOR_VERSION = 1;

/** The repo root: the nearest folder upwards from the working directory whose package.json is this project's. */
function repoRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown };
        if (parsed.name === "medgemma-writer") return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** The complete parameters for `overrides`. */
export function tinyGemmaParameters(overrides: Partial<TinyGemmaParameters> = {}): TinyGemmaParameters {
  return { ...DEFAULT_TINY_GEMMA, ...overrides };
}

/** Stable file name for a parameter set. */
export function tinyGemmaFileName(parameters: TinyGemmaParameters): string {
  const keys = Object.keys(parameters).sort() as Array<keyof TinyGemmaParameters>;
  const canonical = JSON.stringify([TINY_GEMMA_GENERATOR_VERSION, keys.map((key) => [key, parameters[key]])]);
  const hash = createHash("sha256").update(canonical).digest("hex").slice(0, 16);
  return `tiny-gemma3-${hash}.gguf`;
}

/** Where generated models are cached. */
export function tinyGemmaCacheDir(): string {
  return join(repoRoot(), ".cache", "models");
}

/**
 * Returns the path of the tiny model for `overrides` (defaults: `DEFAULT_TINY_GEMMA`), generating it if it is not
 * cached yet.
 */
export async function ensureTinyGemmaModel(overrides: Partial<TinyGemmaParameters> = {}): Promise<string> {
  const parameters = tinyGemmaParameters(overrides);
  const dir = tinyGemmaCacheDir();
  const target = join(dir, tinyGemmaFileName(parameters));
  try {
    if ((await stat(target)).size > 0) return target;
  } catch {
    // not generated yet
  }
  await mkdir(dir, { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, buildTinyGemmaGguf(parameters));
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    // Another process may have won the race (Windows refuses to rename over an existing file).
    if (!existsSync(target)) throw error;
  }
  return target;
}
