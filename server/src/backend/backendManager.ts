/**
 * Owns the current backend: builds it from the settings, probes it (at start, on configuration change, after a
 * failure, and every 30 s while it is unhealthy, never in a busy loop), and reports each change of status.
 */
import type { BackendKind, BackendStatus } from "../../../common/protocol";
import type { MedGemmaSettings } from "../../../common/settings";
import type { ChatModel, HealthReport } from "../model/types";

export const UNHEALTHY_PROBE_INTERVAL_MS = 30_000;
/** Context assumed when neither the settings nor the backend say. */
export const DEFAULT_CONTEXT_LENGTH = 8192;
/**
 * How long a request that arrives before the first settings waits for them. The client answers the configuration
 * request right after start-up; past this, the request goes on with what there is and says so.
 */
const FIRST_CONFIGURATION_WAIT_MS = 10_000;

export interface BackendConfig {
  settings: MedGemmaSettings;
  apiKey: string | undefined;
  /** An untrusted workspace: no backend calls at all. */
  untrusted: boolean;
}

export type ModelFactory = (config: BackendConfig) => ChatModel;

export interface BackendManagerOptions {
  createModel: ModelFactory;
  onStatus: (status: BackendStatus) => void;
  probeIntervalMs?: number;
}

function kindOf(settings: MedGemmaSettings): BackendKind {
  return settings.backend.endpoint ? "remote" : "embedded";
}

/** A configuration key: a new backend is built only when one of these changes. */
function identity(config: BackendConfig): string {
  const { backend, embedded } = config.settings;
  return JSON.stringify([backend, embedded, config.apiKey ?? "", config.untrusted]);
}

export class BackendManager {
  private model: ChatModel | undefined;
  private config: BackendConfig | undefined;
  private configKey = "";
  private report: HealthReport | undefined;
  private lastStatusJson = "";
  private status: BackendStatus = { state: "loading", backend: "embedded", message: "Starting." };
  private probeTimer: NodeJS.Timeout | undefined;
  private probing: Promise<BackendStatus> | undefined;
  private probeController: AbortController | undefined;
  private disposed = false;
  private configured = false;
  private resolveFirstConfiguration: () => void = () => undefined;
  private readonly firstConfiguration = new Promise<void>((resolve) => (this.resolveFirstConfiguration = resolve));

  constructor(private readonly options: BackendManagerOptions) {}

  /**
   * Resolves once the first settings are applied (at once after that). A request right after start-up (a command
   * run while the editor is still starting the server) then meets the configured backend, not the default one.
   */
  whenConfigured(timeoutMs = FIRST_CONFIGURATION_WAIT_MS): Promise<void> {
    if (this.configured) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void this.firstConfiguration.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Applies settings; rebuilds and re-probes the backend only when its configuration changed. */
  async configure(config: BackendConfig): Promise<void> {
    const key = identity(config);
    this.config = config;
    if (key === this.configKey && this.model) return;
    this.configKey = key;
    const previous = this.model;
    this.model = undefined;
    this.report = undefined;
    this.probeController?.abort();
    if (previous) await previous.dispose().catch(() => undefined);
    if (!config.untrusted) this.model = this.options.createModel(config);
    this.configured = true;
    this.resolveFirstConfiguration();
    await this.probe();
  }

  /** The backend to use, or undefined in an untrusted workspace. */
  get current(): ChatModel | undefined {
    return this.model;
  }

  get currentStatus(): BackendStatus {
    return this.status;
  }

  get kind(): BackendKind {
    return this.config ? kindOf(this.config.settings) : "embedded";
  }

  /** The model id for cache keys and display. */
  get modelId(): string {
    return this.report?.model ?? this.config?.settings.backend.model ?? this.model?.target ?? "";
  }

  /** Context window in tokens: the setting, else what the backend reported, else a safe default. */
  get contextLength(): number {
    const settings = this.config?.settings;
    if (settings?.backend.contextLength) return settings.backend.contextLength;
    if (this.report?.contextLength) {
      return this.kind === "embedded" && settings ? Math.min(this.report.contextLength, settings.embedded.contextSize) : this.report.contextLength;
    }
    return settings && this.kind === "embedded" ? settings.embedded.contextSize : DEFAULT_CONTEXT_LENGTH;
  }

  /** Model ids the backend lists (from the last probe). */
  get models(): string[] {
    return this.report?.models.map((m) => m.id) ?? [];
  }

  /** Probes now; concurrent callers share one probe. */
  probe(): Promise<BackendStatus> {
    this.probing ??= this.whenConfigured().then(() => this.runProbe()).finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  /**
   * A request succeeded or failed for a reason that says something about the backend. When that disagrees with
   * the status (a failure while "ready", a success while not), the status is out of date: probe again, once.
   */
  noteOutcome(succeeded: boolean): void {
    if (this.probing) return;
    if (succeeded !== (this.status.state === "ready")) void this.probe();
  }

  dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.probeTimer);
    this.probeController?.abort();
    const model = this.model;
    this.model = undefined;
    return model ? model.dispose().catch(() => undefined) : Promise.resolve();
  }

  private async runProbe(): Promise<BackendStatus> {
    clearTimeout(this.probeTimer);
    const config = this.config;
    const model = this.model;
    if (!config) return this.status;
    const kind = kindOf(config.settings);
    const endpoint = kind === "remote" ? { endpoint: config.settings.backend.endpoint } : {};
    if (config.untrusted || !model) {
      this.publish({
        state: "error",
        backend: kind,
        ...endpoint,
        message: "MedGemma makes no backend calls in an untrusted workspace. Trust the workspace to use hovers, summaries and chat; the offline checks still run.",
      });
      return this.status;
    }
    const controller = new AbortController();
    this.probeController = controller;
    const report = await model.health(controller.signal);
    if (controller.signal.aborted || model !== this.model || this.disposed) return this.status;
    this.report = report;
    this.publish({
      state: report.state,
      backend: kind,
      ...endpoint,
      ...(report.model ? { model: report.model } : {}),
      ...(report.contextLength ? { contextLength: report.contextLength } : {}),
      latencyMs: report.latencyMs,
      message: report.message,
    });
    if (report.state !== "ready") {
      this.probeTimer = setTimeout(() => void this.probe(), this.options.probeIntervalMs ?? UNHEALTHY_PROBE_INTERVAL_MS);
      this.probeTimer.unref();
    }
    return this.status;
  }

  private publish(status: BackendStatus): void {
    this.status = status;
    // Latency changes on every probe; only a change of anything else is news.
    const json = JSON.stringify({ ...status, latencyMs: undefined });
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    this.options.onStatus(status);
  }
}
