/**
 * A minimal Chrome DevTools Protocol client for a Node process started with `--inspect=127.0.0.1:0`: enough to force
 * a full garbage collection and read the heap from outside, so memory is compared after GC without a hook in the
 * server.
 */
import { WebSocket } from "undici";

interface Pending {
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

/** The inspector URL a Node process prints on stderr ("Debugger listening on ws://…"). */
export function inspectorUrl(stderrLines: readonly string[]): string | undefined {
  for (const line of stderrLines) {
    const match = /Debugger listening on (ws:\/\/\S+)/.exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

export class InspectorClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const waiter = this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static connect(url: string): Promise<InspectorClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.addEventListener("open", () => resolve(new InspectorClient(socket)), { once: true });
      socket.addEventListener("error", () => reject(new Error(`cannot connect to the inspector at ${url}`)), { once: true });
    });
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (result) => resolve(result as T), reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Runs a full garbage collection in the inspected process. */
  async collectGarbage(): Promise<void> {
    await this.send("HeapProfiler.collectGarbage");
  }

  /** The V8 heap in use and allocated, in megabytes. */
  async heapUsage(): Promise<{ usedMb: number; totalMb: number }> {
    const usage = await this.send<{ usedSize: number; totalSize: number }>("Runtime.getHeapUsage");
    return { usedMb: usage.usedSize / 1024 / 1024, totalMb: usage.totalSize / 1024 / 1024 };
  }

  close(): void {
    this.socket.close();
  }
}
