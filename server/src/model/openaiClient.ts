/**
 * Streamed chat completion against any OpenAI-compatible server (vLLM, llama.cpp's llama-server, Ollama, LM Studio,
 * SGLang, TGI) over undici. Aborting the signal destroys the socket, which makes vLLM and llama.cpp stop generating
 * and free the slot.
 */
import { request } from "undici";
import type { Dispatcher } from "undici";
import { CompletionChunkReader } from "./completionChunks";
import { BackendError, httpError, networkError, parseErrorText, protocolError } from "./errors";
import { normalizeConversation, withGemmaStop } from "./gemmaConversation";
import { authHeaders, createTransport, readText } from "./httpTransport";
import type { RemoteBackendConfig, Transport } from "./httpTransport";
import { parseModelList, probeRemote } from "./remoteHealth";
import { SseParser } from "./sse";
import { ThinkingFilter } from "./thinkingFilter";
import type { ChatModel, ChatRequest, CompletionSummary, HealthReport, StreamEvent } from "./types";

const MAX_ERROR_BODY = 64 * 1024;
const PROBE_TIMEOUT_MS = 5_000;

export class OpenAICompatibleClient implements ChatModel {
  readonly kind = "remote";
  readonly target: string;
  private readonly transport: Transport;
  /** The first model the server listed, used when no model is configured. */
  private discoveredModel: string | undefined;

  constructor(private readonly config: RemoteBackendConfig) {
    this.target = config.endpoint;
    this.transport = createTransport(config);
  }

  async *stream(chatRequest: ChatRequest, signal?: AbortSignal): AsyncGenerator<StreamEvent> {
    const started = performance.now();
    const done = (summary: CompletionSummary): StreamEvent => ({
      type: "done",
      summary: { ...summary, timings: { ...summary.timings, totalMs: Math.round(performance.now() - started) } },
    });
    if (this.transport.problem) {
      yield done({ finishReason: "error", error: this.transport.problem });
      return;
    }
    if (signal?.aborted) {
      yield done({ finishReason: "cancelled" });
      return;
    }

    const model = this.config.model || this.discoveredModel || (await this.discoverModel(signal));
    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${this.config.endpoint}/chat/completions`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream",
          "user-agent": "medgemma-writer",
          ...authHeaders(this.config.apiKey),
        },
        body: JSON.stringify(this.requestBody(chatRequest, model)),
        dispatcher: this.transport.dispatcher,
        signal,
      });
    } catch (error) {
      yield done(signal?.aborted ? { finishReason: "cancelled" } : { finishReason: "error", error: networkError(error, this.target) });
      return;
    }

    if (response.statusCode >= 400) {
      yield done({ finishReason: "error", error: await this.errorFromResponse(response, model, signal) });
      return;
    }

    const contentType = String(response.headers["content-type"] ?? "");
    if (contentType.includes("application/json")) {
      // A server that ignored `stream: true` answers in one JSON object; it is read the same way.
      yield* this.readWholeAnswer(response, started, done);
      return;
    }

    const decoder = new TextDecoder("utf-8");
    const parser = new SseParser();
    const reader = new CompletionChunkReader(this.target);
    const filter = new ThinkingFilter();
    let firstTokenMs: number | undefined;
    let failure: BackendError | undefined;
    let cancelled = false;
    try {
      read: for await (const chunk of response.body as AsyncIterable<Buffer>) {
        for (const event of parser.push(decoder.decode(chunk, { stream: true }))) {
          for (const output of reader.read(event)) {
            if (output.type === "reasoning") {
              yield output;
              continue;
            }
            const filtered = filter.push(output.text);
            if (filtered.reasoning) yield { type: "reasoning", text: filtered.reasoning };
            if (filtered.visible) {
              firstTokenMs ??= Math.round(performance.now() - started);
              yield { type: "text", text: filtered.visible };
            }
          }
          if (reader.finished) break read;
        }
      }
      if (!reader.finished) for (const event of [...parser.push(decoder.decode()), ...parser.end()]) reader.read(event);
    } catch (error) {
      if (signal?.aborted) cancelled = true;
      else failure = this.streamFailure(error);
    } finally {
      // Drain a well-behaved end so the connection can be reused; a broken or abandoned one is destroyed.
      if (reader.finished && !cancelled && !failure) response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      else response.body.destroy();
    }

    const rest = filter.flush();
    if (rest.reasoning) yield { type: "reasoning", text: rest.reasoning };
    if (rest.visible) yield { type: "text", text: rest.visible };

    const summary = reader.summary();
    const timings = { ...summary.timings, ...(firstTokenMs === undefined ? {} : { firstTokenMs }) };
    if (cancelled) yield done({ ...summary, finishReason: "cancelled", error: undefined, timings });
    else if (failure) yield done({ ...summary, finishReason: "error", error: failure, timings });
    else yield done({ ...summary, timings });
  }

  health(signal?: AbortSignal): Promise<HealthReport> {
    if (this.transport.problem) {
      const problem = this.transport.problem;
      return Promise.resolve({ state: "error", message: problem.message, models: [], latencyMs: 0 });
    }
    return probeRemote({
      dispatcher: this.transport.dispatcher,
      endpoint: this.config.endpoint,
      model: this.config.model,
      headers: authHeaders(this.config.apiKey),
      timeoutMs: Math.min(PROBE_TIMEOUT_MS, this.config.firstByteTimeoutMs),
      ...(signal ? { signal } : {}),
    }).then((report) => {
      if (report.state === "ready" && report.model) this.discoveredModel = report.model;
      return report;
    });
  }

  async dispose(): Promise<void> {
    await this.transport.dispatcher.destroy().catch(() => undefined);
  }

  private requestBody(chatRequest: ChatRequest, model: string | undefined): Record<string, unknown> {
    const options = chatRequest.options ?? {};
    const body: Record<string, unknown> = {
      messages: normalizeConversation(chatRequest.messages),
      stream: true,
      stream_options: { include_usage: true },
      stop: withGemmaStop(options),
    };
    // Vertex AI wants no model name; other servers want the served id.
    if (model) body.model = model;
    if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
    // Sent even when it is the server's default: community Ollama Modelfiles default to 0.7 or more.
    if (options.temperature !== undefined) body.temperature = options.temperature;
    if (options.topP !== undefined) body.top_p = options.topP;
    if (options.seed !== undefined) body.seed = options.seed;
    return body;
  }

  private async discoverModel(signal?: AbortSignal): Promise<string | undefined> {
    const models = await this.listModels(signal);
    this.discoveredModel = models[0];
    return this.discoveredModel;
  }

  /** The model ids the server lists; empty when it cannot say. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    try {
      const response = await request(`${this.config.endpoint}/models`, {
        method: "GET",
        headers: { accept: "application/json", ...authHeaders(this.config.apiKey) },
        dispatcher: this.transport.dispatcher,
        signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]) : AbortSignal.timeout(PROBE_TIMEOUT_MS),
        headersTimeout: PROBE_TIMEOUT_MS,
        bodyTimeout: PROBE_TIMEOUT_MS,
      });
      const text = await readText(response.body, MAX_ERROR_BODY * 4);
      if (response.statusCode !== 200) return [];
      return parseModelList(JSON.parse(text)).map((m) => m.id);
    } catch {
      return [];
    }
  }

  private async errorFromResponse(response: Dispatcher.ResponseData, model: string | undefined, signal?: AbortSignal): Promise<BackendError> {
    let text = "";
    try {
      text = await readText(response.body, MAX_ERROR_BODY);
    } catch {
      // The status alone still says what happened.
    }
    const retryAfter = Number(response.headers["retry-after"]);
    return httpError({
      status: response.statusCode,
      body: parseErrorText(text),
      endpoint: this.target,
      ...(model ? { model } : {}),
      ...(response.statusCode === 404 ? { availableModels: await this.listModels(signal) } : {}),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
    });
  }

  private streamFailure(error: unknown): BackendError {
    const code = (error as { code?: string }).code;
    if (code === "UND_ERR_BODY_TIMEOUT") {
      return new BackendError({
        kind: "timeout",
        target: this.target,
        cause: error,
        message: `The server at ${this.target} stopped sending in the middle of the answer for ${Math.round(this.config.firstByteTimeoutMs / 1000)} s. The text so far is kept; retry, and check the server if it happens again (the limit is medgemma.backend.firstByteTimeoutMs).`,
      });
    }
    if (code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "UND_ERR_ABORTED") {
      return protocolError(this.target, "the connection was closed by the server");
    }
    return networkError(error, this.target);
  }

  private async *readWholeAnswer(
    response: Dispatcher.ResponseData,
    started: number,
    done: (summary: CompletionSummary) => StreamEvent,
  ): AsyncGenerator<StreamEvent> {
    const reader = new CompletionChunkReader(this.target);
    const filter = new ThinkingFilter();
    try {
      const text = await readText(response.body, 64 * 1024 * 1024);
      for (const output of reader.read({ data: text })) {
        const filtered = output.type === "text" ? filter.push(output.text) : { visible: "", reasoning: output.text };
        if (filtered.reasoning) yield { type: "reasoning", text: filtered.reasoning };
        if (filtered.visible) yield { type: "text", text: filtered.visible };
      }
    } catch (error) {
      yield done({ finishReason: "error", error: this.streamFailure(error) });
      return;
    }
    const rest = filter.flush();
    if (rest.visible) yield { type: "text", text: rest.visible };
    reader.read({ data: "[DONE]" });
    yield done({ ...reader.summary(), timings: { firstTokenMs: Math.round(performance.now() - started) } });
  }
}
