/**
 * Probes an OpenAI-compatible server without generating: `/health` (vLLM, llama.cpp, SGLang, TGI), then
 * `{endpoint}/models` for the model ids and context length, with llama.cpp's `/props` and Ollama's `/api/ps` as
 * fallbacks for the context length.
 */
import type { Dispatcher } from "undici";
import { BackendError, parseErrorBody } from "./errors";
import { getBounded } from "./httpTransport";
import type { GetResult } from "./httpTransport";
import type { HealthReport, HealthState, ModelInfo } from "./types";

export interface RemoteProbeOptions {
  dispatcher: Dispatcher;
  endpoint: string;
  /** The configured model id; empty means the server's first. */
  model: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The server root for `/health`: the endpoint without its trailing `/v1`. */
export function serverRoot(endpoint: string): string {
  return endpoint.replace(/\/+$/, "").replace(/\/v1$/, "");
}

function positive(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

/** Reads `{data:[{id, max_model_len, meta:{n_ctx}}]}` (OpenAI, vLLM, llama.cpp) and `{models:[{name|model}]}`. */
export function parseModelList(json: unknown): ModelInfo[] {
  if (typeof json !== "object" || json === null) return [];
  const record = json as Record<string, unknown>;
  const entries = Array.isArray(record.data) ? record.data : Array.isArray(record.models) ? record.models : [];
  const models: ModelInfo[] = [];
  for (const entry of entries as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const item = entry as Record<string, unknown>;
    const id = [item.id, item.model, item.name].find((v): v is string => typeof v === "string" && v !== "");
    if (!id || models.some((m) => m.id === id)) continue;
    const meta = typeof item.meta === "object" && item.meta !== null ? (item.meta as Record<string, unknown>) : {};
    const contextLength = positive(item.max_model_len) ?? positive(meta.n_ctx) ?? positive(item.context_length);
    models.push(contextLength ? { id, contextLength } : { id });
  }
  return models;
}

function report(state: HealthState, message: string, started: number, extra: Partial<HealthReport> = {}): HealthReport {
  return { state, message, models: [], latencyMs: Math.round(performance.now() - started), ...extra };
}

function serverWords(result: GetResult): string | undefined {
  return parseErrorBody(result.json)?.message ?? (result.text.trim().slice(0, 200) || undefined);
}

/** Probes the server. Never throws. */
export async function probeRemote(options: RemoteProbeOptions): Promise<HealthReport> {
  const started = performance.now();
  const root = serverRoot(options.endpoint);
  const get = (url: string): Promise<GetResult> => getBounded(options.dispatcher, url, options.headers, options.timeoutMs, options.signal);

  let latencyMs: number | undefined;
  try {
    const health = await get(`${root}/health`);
    latencyMs = Math.round(performance.now() - started);
    if (health.status === 503) {
      const said = serverWords(health);
      return report("loading", `The server at ${options.endpoint} is starting or loading the model${said ? ` (${said})` : ""}.`, started, { latencyMs });
    }
    if (health.status === 401 || health.status === 403) {
      return report("unauthorized", `The server at ${options.endpoint} wants an API key (HTTP ${health.status}): run "MedGemma: Set API Key".`, started, { latencyMs });
    }
    if (health.status >= 500) {
      return report("error", `The server at ${options.endpoint} reports a failure (HTTP ${health.status} on /health): check its log.`, started, { latencyMs });
    }

    const listed = await get(`${options.endpoint}/models`);
    latencyMs ??= Math.round(performance.now() - started);
    if (listed.status === 401 || listed.status === 403) {
      return report("unauthorized", `The server at ${options.endpoint} refused to list models (HTTP ${listed.status}): run "MedGemma: Set API Key".`, started, { latencyMs });
    }
    if (listed.status === 503) {
      return report("loading", `The server at ${options.endpoint} is still loading the model.`, started, { latencyMs });
    }
    const models = listed.status === 200 ? parseModelList(listed.json) : [];
    if (listed.status !== 200 && health.status !== 200) {
      return report(
        "error",
        `${options.endpoint} does not look like an OpenAI-compatible server (HTTP ${health.status} on /health, ${listed.status} on /models): check that medgemma.backend.endpoint ends in /v1.`,
        started,
        { latencyMs },
      );
    }
    if (options.model && models.length > 0 && !models.some((m) => m.id === options.model)) {
      return report(
        "error",
        `The server at ${options.endpoint} does not offer the model "${options.model}". It offers: ${models.slice(0, 8).map((m) => m.id).join(", ")}. Run "MedGemma: Choose Model".`,
        started,
        { latencyMs, models },
      );
    }
    const model = options.model || models[0]?.id;
    const contextLength = models.find((m) => m.id === model)?.contextLength ?? (await probeContextLength(get, root));
    const name = model ? `"${model}"` : "its model";
    return report("ready", `The server at ${options.endpoint} is ready with ${name}.`, started, {
      latencyMs,
      models,
      ...(model ? { model } : {}),
      ...(contextLength ? { contextLength } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) return report("error", "The backend check was cancelled.", started);
    const failure = error instanceof BackendError ? error : undefined;
    const state: HealthState = failure?.kind === "tls" || failure?.kind === "configuration" ? "error" : "unreachable";
    return report(state, failure?.message ?? `Cannot reach ${options.endpoint}.`, started, latencyMs ? { latencyMs } : {});
  }
}

/** llama.cpp's `/props` (the running context size) or Ollama's `/api/ps` (the loaded model's context). */
async function probeContextLength(get: (url: string) => Promise<GetResult>, root: string): Promise<number | undefined> {
  for (const path of ["/props", "/api/ps"]) {
    try {
      const result = await get(`${root}${path}`);
      if (result.status !== 200 || typeof result.json !== "object" || result.json === null) continue;
      const json = result.json as Record<string, unknown>;
      const settings = json.default_generation_settings as Record<string, unknown> | undefined;
      const fromProps = positive(settings?.n_ctx) ?? positive(json.n_ctx);
      if (fromProps) return fromProps;
      const loaded = Array.isArray(json.models) ? (json.models as Record<string, unknown>[]) : [];
      const fromPs = positive(loaded[0]?.context_length);
      if (fromPs) return fromPs;
    } catch {
      // Optional endpoints: absence or failure just means the length stays unknown.
    }
  }
  return undefined;
}
