/**
 * The remote-backend rig shared by the relay, hover, cancellation and diagnostics suites: a scripted
 * OpenAI-compatible backend on loopback streaming on a schedule, the language server configured to use it, and a
 * direct client to the same backend. The backend runs in this process so both sides of a cancellation share one
 * clock; the server runs in its own process as in an editor.
 */
import type { SessionOptions } from "../../test/support/lspSession";
import { startScriptedBackend } from "../../test/support/scriptedBackend";
import type { ScriptedBackend } from "../../test/support/scriptedBackend";
import { BenchSession } from "./benchSession";
import { DirectClient } from "./directClient";
import type { Emission, PacedPlan } from "./pacedStream";
import { pacedHandler, wordTokens } from "./pacedStream";

/** What the backend streams next and what it recorded; shared with its handler. */
interface BackendScript {
  plan: PacedPlan;
  emissions: Emission[];
}

export interface RigOptions {
  /** Settings laid over the backend settings. */
  settings?: Record<string, unknown>;
  env?: SessionOptions["env"];
}

export class RemoteRig {
  private constructor(
    readonly backend: ScriptedBackend,
    readonly session: BenchSession,
    readonly direct: DirectClient,
    private readonly script: BackendScript,
  ) {}

  /** Starts the backend and a server pointed at it, and waits until the server reports the backend ready. */
  static async start(options: RigOptions = {}): Promise<RemoteRig> {
    const script: BackendScript = { plan: { tokens: wordTokens(20), ratePerSecond: Infinity }, emissions: [] };
    const backend = await startScriptedBackend({ chat: pacedHandler(() => script.plan, (emission) => script.emissions.push(emission)) });
    // Loopback: the "auto" PHI policy allows, as for any server on this machine. The model is named, so the server
    // makes no model-discovery request before a completion.
    const settings = { backend: { endpoint: backend.url, model: "google/medgemma-27b-text-it" }, ...options.settings };
    const session = await BenchSession.start({ settings, ...(options.env ? { env: options.env } : {}) });
    try {
      await session.lsp.waitForStatus((status) => status.state === "ready" && status.backend === "remote");
    } catch (error) {
      await session.stop();
      await backend.close();
      throw error;
    }
    return new RemoteRig(backend, session, new DirectClient(backend.url), script);
  }

  /** Sets what the backend streams for the next requests. */
  setPlan(plan: PacedPlan): void {
    this.script.plan = plan;
  }

  /** The backend's record of the most recent request. */
  lastEmission(): Emission {
    const emission = this.script.emissions[this.script.emissions.length - 1];
    if (!emission) throw new Error("the backend has recorded no request");
    return emission;
  }

  async stop(): Promise<void> {
    await this.session.stop();
    await this.direct.close();
    await this.backend.close();
  }
}
