/**
 * A scripted OpenAI-compatible HTTP server on 127.0.0.1 for fault injection: each test says what the server
 * answers, byte by byte if need be, and can see every request and when the client closed its connection.
 * Real-engine behaviour is tested against node-llama-cpp with the tiny model; this is for what real servers
 * only do when something goes wrong.
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** The parsed JSON body, or undefined. */
  json: unknown;
  /** Resolves with `performance.now()` when the client's socket closes. */
  closed: Promise<number>;
  socket: Socket;
}

export type Handler = (request: RecordedRequest, response: Reply) => void | Promise<void>;

export type ChunkShape = "vllm" | "llamacpp" | "ollama";

export interface TokenStreamOptions {
  shape?: ChunkShape;
  /** Delay between tokens; 0 sends them in one go. */
  intervalMs?: number;
  finishReason?: "stop" | "length";
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Leave out `[DONE]`. */
  omitDone?: boolean;
  /** Leave out the finish reason. */
  omitFinishReason?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One close promise per socket: keep-alive sockets carry many requests, and each would add a listener. */
const closedSockets = new WeakMap<Socket, Promise<number>>();
function socketClosed(socket: Socket): Promise<number> {
  let closed = closedSockets.get(socket);
  if (!closed) {
    closed = socket.destroyed ? Promise.resolve(performance.now()) : new Promise<number>((resolve) => socket.once("close", () => resolve(performance.now())));
    closedSockets.set(socket, closed);
  }
  return closed;
}

/** The chunk objects a server of each kind sends for a list of tokens. */
export function chunksFor(tokens: string[], options: TokenStreamOptions = {}): unknown[] {
  const shape = options.shape ?? "vllm";
  const base = { id: "chatcmpl-test", object: "chat.completion.chunk", created: 1, model: "google/medgemma-27b-text-it" };
  const chunks: unknown[] = [];
  if (shape === "vllm") chunks.push({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
  if (shape === "llamacpp") chunks.push({ ...base, choices: [{ index: 0, delta: { role: "assistant", content: null }, finish_reason: null }] });
  for (const token of tokens) {
    const delta = shape === "ollama" ? { role: "assistant", content: token } : { content: token };
    chunks.push({ ...base, choices: [{ index: 0, delta, finish_reason: null }] });
  }
  const finish = options.omitFinishReason ? null : (options.finishReason ?? "stop");
  const last: Record<string, unknown> = { ...base, choices: [{ index: 0, delta: shape === "ollama" ? { role: "assistant", content: "" } : {}, finish_reason: finish }] };
  if (shape === "llamacpp") last.timings = { prompt_per_second: 812.5, predicted_per_second: 42.1 };
  chunks.push(last);
  const usage = options.usage ?? { prompt_tokens: 17, completion_tokens: tokens.length };
  chunks.push({ ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
  return chunks;
}

export class Reply {
  private headersSent = false;
  constructor(readonly raw: ServerResponse, private readonly socket: Socket) {}

  /** A complete JSON answer with a status. */
  json(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.raw.writeHead(status, { "content-type": "application/json", ...headers });
    this.raw.end(JSON.stringify(body));
  }

  text(status: number, body: string): void {
    this.raw.writeHead(status, { "content-type": "text/plain" });
    this.raw.end(body);
  }

  /** Starts an SSE response (idempotent). */
  startStream(): void {
    if (this.headersSent) return;
    this.headersSent = true;
    this.raw.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    this.raw.flushHeaders();
  }

  /** Writes raw bytes into the SSE body. Resolves false when the client has gone. */
  write(data: string | Buffer): Promise<boolean> {
    this.startStream();
    if (this.raw.destroyed || this.socket.destroyed) return Promise.resolve(false);
    return new Promise((resolve) => this.raw.write(data, (error) => resolve(!error)));
  }

  /** Writes one `data:` event. */
  event(data: unknown): Promise<boolean> {
    return this.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
  }

  async done(): Promise<void> {
    await this.event("[DONE]");
    this.end();
  }

  end(): void {
    if (!this.raw.writableEnded) this.raw.end();
  }

  /** Cuts the TCP connection without a proper end (a crash or a kill). */
  destroy(): void {
    this.socket.destroy();
  }

  /** Streams tokens in a server's chunk shape; stops early (returns false) when the client closes. */
  async tokens(tokens: string[], options: TokenStreamOptions = {}): Promise<boolean> {
    const chunks = chunksFor(tokens, options);
    for (const chunk of chunks) {
      if (!(await this.event(chunk))) return false;
      if (options.intervalMs) await sleep(options.intervalMs);
    }
    if (!options.omitDone) await this.event("[DONE]");
    this.end();
    return true;
  }
}

export interface ScriptedBackend {
  /** Base URL ending in /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Requests to chat/completions only. */
  chatRequests(): RecordedRequest[];
  setChatHandler(handler: Handler): void;
  setHandler(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export interface ScriptedBackendOptions {
  chat?: Handler;
  /** Handlers by exact path, e.g. "/health", "/v1/models". */
  routes?: Record<string, Handler>;
  tls?: { key: string; cert: string };
  port?: number;
}

const defaultRoutes: Record<string, Handler> = {
  "/health": (_request, reply) => reply.json(200, { status: "ok" }),
  "/v1/models": (_request, reply) =>
    reply.json(200, { object: "list", data: [{ id: "google/medgemma-27b-text-it", object: "model", max_model_len: 32768 }] }),
};

/** Starts a scripted backend; the default chat handler streams "Hello from the test backend." */
export async function startScriptedBackend(options: ScriptedBackendOptions = {}): Promise<ScriptedBackend> {
  const routes: Record<string, Handler> = { ...defaultRoutes, ...options.routes };
  let chat: Handler = options.chat ?? (async (_request, reply) => void (await reply.tokens(["Hello", " from", " the", " test", " backend."])));
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const listener = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    const bodyParts: Buffer[] = [];
    incoming.on("data", (part: Buffer) => bodyParts.push(part));
    incoming.on("end", () => {
      const socket = incoming.socket;
      const closed = socketClosed(socket);
      let json: unknown;
      try {
        json = bodyParts.length ? JSON.parse(Buffer.concat(bodyParts).toString("utf8")) : undefined;
      } catch {
        json = undefined;
      }
      const path = (incoming.url ?? "/").split("?")[0] ?? "/";
      const recorded: RecordedRequest = { method: incoming.method ?? "GET", path, headers: incoming.headers, json, closed, socket };
      requests.push(recorded);
      const reply = new Reply(outgoing, socket);
      const handler = path.endsWith("/chat/completions") ? chat : routes[path];
      const run = handler ?? ((_r: RecordedRequest, rep: Reply) => rep.json(404, { error: { message: `no route ${path}`, type: "not_found", code: 404 } }));
      Promise.resolve(run(recorded, reply)).catch(() => socket.destroy());
    });
  };

  const server: Server = options.tls ? createTlsServer(options.tls, listener) : createServer(listener);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const scheme = options.tls ? "https" : "http";
  return {
    url: `${scheme}://127.0.0.1:${port}/v1`,
    port,
    requests,
    chatRequests: () => requests.filter((r) => r.path.endsWith("/chat/completions")),
    setChatHandler: (handler) => {
      chat = handler;
    },
    setHandler: (path, handler) => {
      routes[path] = handler;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waits for a promise, or fails after `ms` with a message (a bound, not a measurement). */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
