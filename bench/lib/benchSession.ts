/**
 * The language server as the benchmarks drive it: `LspSession` (the built `dist/server.js --stdio` with a real
 * JSON-RPC client) plus arrival timestamps for streamed progress and published diagnostics, taken in this process
 * the moment each message is dispatched.
 */
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import type { CancellationToken } from "vscode-languageserver-protocol/node";
import type { AskParams, GenerationResult, StreamProgress } from "../../common/protocol";
import { Methods } from "../../common/protocol";
import type { ProgressRecord, SessionOptions } from "../../test/support/lspSession";
import { LspSession } from "../../test/support/lspSession";

/** A streamed ask as the client saw it. */
export interface TimedAsk {
  result: GenerationResult;
  /** `performance.now()` just before the request was written. */
  sentAt: number;
  /** When the response arrived. */
  doneAt: number;
  /** Arrival time of each non-empty delta, and the delta. */
  arrivals: number[];
  deltas: string[];
}

interface DiagnosticsWaiter {
  uri: string;
  version: number;
  resolve: (at: number) => void;
}

export class BenchSession {
  private readonly progressListeners = new Map<string | number, (value: StreamProgress, at: number) => void>();
  private readonly diagnosticsWaiters: DiagnosticsWaiter[] = [];
  private nextToken = 1;

  private constructor(readonly lsp: LspSession) {
    const connection = lsp.connection;
    // These replace LspSession's own handlers for the two methods (a connection keeps one handler per method);
    // messages nobody here waits for are still recorded where LspSession keeps them.
    connection.onNotification("$/progress", (params: ProgressRecord) => {
      const at = performance.now();
      const listener = this.progressListeners.get(params.token);
      if (listener) listener(params.value as StreamProgress, at);
      else lsp.progress.push(params);
    });
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
      const at = performance.now();
      lsp.diagnostics.set(params.uri, params.diagnostics);
      for (let i = this.diagnosticsWaiters.length - 1; i >= 0; i--) {
        const waiter = this.diagnosticsWaiters[i];
        if (waiter && waiter.uri === params.uri && params.version !== undefined && params.version >= waiter.version) {
          this.diagnosticsWaiters.splice(i, 1);
          waiter.resolve(at);
        }
      }
    });
  }

  /** Starts the server with `settings` as the `medgemma` section and completes the handshake. */
  static async start(options: SessionOptions): Promise<BenchSession> {
    return new BenchSession(await LspSession.start(options));
  }

  get pid(): number {
    const pid = this.lsp.process.pid;
    if (pid === undefined) throw new Error("the server process has no pid");
    return pid;
  }

  /** Sends `medgemma/ask` with a fresh partial-result token and records when each delta arrives. */
  async ask(params: Omit<AskParams, "partialResultToken">, token?: CancellationToken, onDelta?: (count: number) => void): Promise<TimedAsk> {
    const progressToken = `bench${this.nextToken++}`;
    const arrivals: number[] = [];
    const deltas: string[] = [];
    this.progressListeners.set(progressToken, (value, at) => {
      if (!value.delta) return;
      arrivals.push(at);
      deltas.push(value.delta);
      onDelta?.(deltas.length);
    });
    try {
      const sentAt = performance.now();
      const result: GenerationResult = await this.lsp.connection.sendRequest(Methods.ask, { ...params, partialResultToken: progressToken }, token);
      return { result, sentAt, doneAt: performance.now(), arrivals, deltas };
    } finally {
      this.progressListeners.delete(progressToken);
    }
  }

  /** Resolves with the arrival time of the first diagnostics published for `uri` at `version` or later. */
  diagnosticsFor(uri: string, version: number): Promise<number> {
    return new Promise((resolve) => this.diagnosticsWaiters.push({ uri, version, resolve }));
  }

  stop(): Promise<void> {
    return this.lsp.stop();
  }
}
