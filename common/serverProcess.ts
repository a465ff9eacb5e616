/**
 * How the language server process is started, shared by the VS Code client and the test harness that stands in for
 * it. Nothing here is a setting: these are facts about running the server well.
 */

/**
 * Environment the server gets on top of the editor's. glibc gives each thread that allocates its own malloc arena
 * and keeps what those arenas once held; in a Node process with worker threads this left the server about 15 %
 * larger after its first thousand requests (measured by `npm run bench`), against 3–10 % with two arenas and 2–3 %
 * with one. The server's threads allocate little outside the JavaScript heap and the engine's own buffers, so one
 * arena costs no measurable speed (the embedded-engine benchmark is unchanged). Other C libraries ignore the
 * variable. A value the user set in the editor's environment wins.
 */
export const SERVER_PROCESS_ENV: Readonly<Record<string, string>> = Object.freeze({ MALLOC_ARENA_MAX: "1" });

/** The server's environment: the editor's, the defaults above where the editor set nothing, and the API key if any. */
export function serverEnvironment(base: NodeJS.ProcessEnv, apiKey: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...SERVER_PROCESS_ENV, ...base };
  if (apiKey) env.MEDGEMMA_API_KEY = apiKey;
  return env;
}
