/**
 * The `medgemma` settings section: its shape, defaults and validation. The server validates whatever a client sends
 * (a wrong value is reported and its default used); package.json's `contributes.configuration` mirrors these
 * defaults, and a test keeps the two in step.
 */

export type RuleSeverity = "off" | "error" | "warning" | "information" | "hint";
export type PhiPolicySetting = "auto" | "allow" | "warn" | "redact" | "block";
export type GpuSetting = "auto" | "cuda" | "metal" | "vulkan" | "off";

export interface MedGemmaSettings {
  backend: {
    /** OpenAI-compatible base URL ending in `/v1`; empty selects the embedded engine. */
    endpoint: string;
    /** Model id sent to the server; empty uses the only or first model the server lists. */
    model: string;
    /** Allow plain http to a host that is not loopback. */
    allowInsecureHttp: boolean;
    /** PEM file with extra certificate authorities to trust. */
    caFile: string;
    /** Accept any certificate, including self-signed ones. */
    allowSelfSignedCertificates: boolean;
    connectTimeoutMs: number;
    firstByteTimeoutMs: number;
    /** Context window in tokens; 0 takes it from the server. */
    contextLength: number;
  };
  embedded: {
    /** Path of a GGUF model file. */
    modelPath: string;
    gpu: GpuSetting;
    /** CPU threads; 0 lets the engine choose. */
    threads: number;
    contextSize: number;
  };
  hover: {
    enabled: boolean;
    maxTokens: number;
  };
  temperature: number;
  maxTokens: number;
  maxConcurrentRequests: number;
  /** Let MedGemma 27B think before answering in chat (never in hovers). */
  thinking: boolean;
  phi: {
    policy: PhiPolicySetting;
    showDiagnostics: boolean;
  };
  medicationSafety: {
    enabled: boolean;
    /** Severity per rule id, or "off". Rules not named keep their own severity. */
    rules: Record<string, RuleSeverity>;
    /** Language ids the checks run in. */
    languages: string[];
  };
  chat: {
    /** Keep the chat conversation across sessions (stored by VS Code for this workspace). */
    saveHistory: boolean;
  };
}

export const DEFAULT_SETTINGS: MedGemmaSettings = {
  backend: {
    endpoint: "",
    model: "",
    allowInsecureHttp: false,
    caFile: "",
    allowSelfSignedCertificates: false,
    connectTimeoutMs: 10_000,
    firstByteTimeoutMs: 120_000,
    contextLength: 0,
  },
  embedded: {
    modelPath: "",
    gpu: "auto",
    threads: 0,
    contextSize: 8192,
  },
  hover: {
    enabled: true,
    maxTokens: 120,
  },
  temperature: 0.2,
  maxTokens: 1024,
  maxConcurrentRequests: 2,
  thinking: false,
  phi: {
    policy: "auto",
    showDiagnostics: false,
  },
  medicationSafety: {
    enabled: true,
    rules: {},
    languages: ["markdown", "plaintext", "latex", "clinical-note"],
  },
  chat: {
    saveHistory: false,
  },
};

const RULE_SEVERITIES: readonly RuleSeverity[] = ["off", "error", "warning", "information", "hint"];
const PHI_POLICIES: readonly PhiPolicySetting[] = ["auto", "allow", "warn", "redact", "block"];
const GPU_SETTINGS: readonly GpuSetting[] = ["auto", "cuda", "metal", "vulkan", "off"];

export interface SettingsValidation {
  settings: MedGemmaSettings;
  /** One sentence per rejected value, naming the setting and the default used instead. */
  problems: string[];
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads a dotted path such as "backend.endpoint" from either a nested object or flat dotted keys. */
function lookup(raw: Raw, path: string): unknown {
  if (path in raw) return raw[path];
  const [head, ...rest] = path.split(".");
  if (head === undefined) return undefined;
  const next = raw[head];
  if (rest.length === 0) return next;
  return isRecord(next) ? lookup(next, rest.join(".")) : undefined;
}

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly raw: Raw) {}

  private reject(path: string, value: unknown, expected: string, fallback: unknown): void {
    this.problems.push(
      `Setting medgemma.${path} has an invalid value ${JSON.stringify(value)} (expected ${expected}); using ${JSON.stringify(fallback)}.`,
    );
  }

  string(path: string, fallback: string): string {
    const value = lookup(this.raw, path);
    if (value === undefined || value === null) return fallback;
    if (typeof value === "string") return value.trim();
    this.reject(path, value, "a string", fallback);
    return fallback;
  }

  boolean(path: string, fallback: boolean): boolean {
    const value = lookup(this.raw, path);
    if (value === undefined || value === null) return fallback;
    if (typeof value === "boolean") return value;
    this.reject(path, value, "true or false", fallback);
    return fallback;
  }

  number(path: string, fallback: number, min: number, max: number, integer = true): number {
    const value = lookup(this.raw, path);
    if (value === undefined || value === null) return fallback;
    const ok = typeof value === "number" && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
    if (ok) return value;
    this.reject(path, value, `${integer ? "a whole number" : "a number"} from ${min} to ${max}`, fallback);
    return fallback;
  }

  oneOf<T extends string>(path: string, fallback: T, allowed: readonly T[]): T {
    const value = lookup(this.raw, path);
    if (value === undefined || value === null) return fallback;
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.reject(path, value, `one of ${allowed.join(", ")}`, fallback);
    return fallback;
  }

  stringList(path: string, fallback: string[]): string[] {
    const value = lookup(this.raw, path);
    if (value === undefined || value === null) return fallback;
    if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value;
    this.reject(path, value, "a list of strings", fallback);
    return fallback;
  }

  severityMap(path: string): Record<string, RuleSeverity> {
    const value = lookup(this.raw, path);
    if (value === undefined || value === null) return {};
    if (!isRecord(value)) {
      this.reject(path, value, "an object of rule ids to severities", {});
      return {};
    }
    const result: Record<string, RuleSeverity> = {};
    for (const [rule, severity] of Object.entries(value)) {
      if (typeof severity === "string" && (RULE_SEVERITIES as readonly string[]).includes(severity)) {
        result[rule] = severity as RuleSeverity;
      } else {
        this.reject(`${path}.${rule}`, severity, `one of ${RULE_SEVERITIES.join(", ")}`, "the rule's default");
      }
    }
    return result;
  }
}

/** Validates an endpoint URL; returns a problem sentence or undefined. */
export function endpointProblem(endpoint: string, allowInsecureHttp: boolean): string | undefined {
  if (endpoint === "") return undefined;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return `Setting medgemma.backend.endpoint is not a valid URL (${JSON.stringify(endpoint)}); expected something like https://host:8000/v1. Using the embedded engine instead.`;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `Setting medgemma.backend.endpoint must start with http:// or https:// (got ${url.protocol}). Using the embedded engine instead.`;
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !allowInsecureHttp) {
    return `The endpoint ${url.origin} is not on this machine and uses plain http, which would send clinical text unencrypted. Use https, or turn on medgemma.backend.allowInsecureHttp if the network is trusted. Using the embedded engine instead.`;
  }
  return undefined;
}

/** True for localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Turns whatever a client sent for the `medgemma` section into complete, valid settings plus problem sentences. */
export function validateSettings(raw: unknown): SettingsValidation {
  const reader = new Reader(isRecord(raw) ? raw : {});
  const d = DEFAULT_SETTINGS;
  const allowInsecureHttp = reader.boolean("backend.allowInsecureHttp", d.backend.allowInsecureHttp);
  let endpoint = reader.string("backend.endpoint", d.backend.endpoint).replace(/\/+$/, "");
  const problem = endpointProblem(endpoint, allowInsecureHttp);
  if (problem) {
    reader.problems.push(problem);
    endpoint = "";
  }
  const settings: MedGemmaSettings = {
    backend: {
      endpoint,
      model: reader.string("backend.model", d.backend.model),
      allowInsecureHttp,
      caFile: reader.string("backend.caFile", d.backend.caFile),
      allowSelfSignedCertificates: reader.boolean("backend.allowSelfSignedCertificates", d.backend.allowSelfSignedCertificates),
      connectTimeoutMs: reader.number("backend.connectTimeoutMs", d.backend.connectTimeoutMs, 100, 600_000),
      firstByteTimeoutMs: reader.number("backend.firstByteTimeoutMs", d.backend.firstByteTimeoutMs, 100, 3_600_000),
      contextLength: reader.number("backend.contextLength", d.backend.contextLength, 0, 10_000_000),
    },
    embedded: {
      modelPath: reader.string("embedded.modelPath", d.embedded.modelPath),
      gpu: reader.oneOf("embedded.gpu", d.embedded.gpu, GPU_SETTINGS),
      threads: reader.number("embedded.threads", d.embedded.threads, 0, 1024),
      contextSize: reader.number("embedded.contextSize", d.embedded.contextSize, 256, 1_048_576),
    },
    hover: {
      enabled: reader.boolean("hover.enabled", d.hover.enabled),
      maxTokens: reader.number("hover.maxTokens", d.hover.maxTokens, 8, 1024),
    },
    temperature: reader.number("temperature", d.temperature, 0, 2, false),
    maxTokens: reader.number("maxTokens", d.maxTokens, 16, 8192),
    maxConcurrentRequests: reader.number("maxConcurrentRequests", d.maxConcurrentRequests, 1, 64),
    thinking: reader.boolean("thinking", d.thinking),
    phi: {
      policy: reader.oneOf("phi.policy", d.phi.policy, PHI_POLICIES),
      showDiagnostics: reader.boolean("phi.showDiagnostics", d.phi.showDiagnostics),
    },
    medicationSafety: {
      enabled: reader.boolean("medicationSafety.enabled", d.medicationSafety.enabled),
      rules: reader.severityMap("medicationSafety.rules"),
      languages: reader.stringList("medicationSafety.languages", d.medicationSafety.languages),
    },
    chat: {
      saveHistory: reader.boolean("chat.saveHistory", d.chat.saveHistory),
    },
  };
  return { settings, problems: reader.problems };
}
