/**
 * The HTTP side of the OpenAI-compatible client: one undici dispatcher per configuration (TLS trust, proxy from
 * HTTPS_PROXY/HTTP_PROXY/NO_PROXY, timeouts) and a small bounded GET for probes.
 */
import { readFileSync } from "node:fs";
import { rootCertificates } from "node:tls";
import { EnvHttpProxyAgent, request } from "undici";
import type { Dispatcher } from "undici";
import { BackendError, networkError } from "./errors";

export interface RemoteBackendConfig {
  /** Base URL ending in /v1 (or another OpenAI-compatible prefix). */
  endpoint: string;
  /** Model id; empty uses the first model the server lists. */
  model: string;
  /** Sent as a bearer token; never logged. */
  apiKey?: string;
  /** PEM file with extra certificate authorities to trust. */
  caFile?: string;
  /** Accept any certificate (self-signed included). Off by default. */
  allowSelfSignedCertificates?: boolean;
  connectTimeoutMs: number;
  /** Limit for the first byte of the response, and for each next byte while streaming. */
  firstByteTimeoutMs: number;
}

export interface Transport {
  dispatcher: Dispatcher;
  /** A configuration problem (an unreadable CA file) that every request must report. */
  problem?: BackendError;
}

/** Builds the dispatcher for a configuration. Never throws: problems are returned for requests to report. */
export function createTransport(config: RemoteBackendConfig): Transport {
  let ca: string | undefined;
  let problem: BackendError | undefined;
  if (config.caFile) {
    try {
      ca = readFileSync(config.caFile, "utf8");
      if (!ca.includes("-----BEGIN CERTIFICATE-----")) {
        problem = new BackendError({
          kind: "configuration",
          target: config.caFile,
          message: `The file in medgemma.backend.caFile (${config.caFile}) holds no PEM certificate: it must contain "-----BEGIN CERTIFICATE-----" blocks.`,
        });
        ca = undefined;
      }
    } catch (error) {
      const code = (error as { code?: string }).code ?? "unreadable";
      problem = new BackendError({
        kind: "configuration",
        target: config.caFile,
        cause: error,
        message: `Cannot read the certificate file in medgemma.backend.caFile (${config.caFile}: ${code}). Fix the path or clear the setting.`,
      });
    }
  }
  // Node's own trust store plus the extra CA: `ca` replaces the defaults, so they are added back explicitly.
  const tls = {
    ...(ca ? { ca: [ca, ...rootCertificates] } : {}),
    ...(config.allowSelfSignedCertificates ? { rejectUnauthorized: false } : {}),
  };
  const dispatcher = new EnvHttpProxyAgent({
    connect: { ...tls, timeout: config.connectTimeoutMs },
    requestTls: tls,
    headersTimeout: config.firstByteTimeoutMs,
    bodyTimeout: config.firstByteTimeoutMs,
    keepAliveTimeout: 30_000,
  });
  return problem ? { dispatcher, problem } : { dispatcher };
}

export function authHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export interface GetResult {
  status: number;
  /** Parsed JSON, or undefined when the body was not JSON. */
  json: unknown;
  text: string;
}

const MAX_PROBE_BODY = 256 * 1024;

/** GET with a hard time limit and a bounded body; throws `BackendError` for network failures. */
export async function getBounded(
  dispatcher: Dispatcher,
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<GetResult> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await request(url, {
      method: "GET",
      headers: { accept: "application/json", ...headers },
      dispatcher,
      signal: combined,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await readText(response.body, MAX_PROBE_BODY);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, json, text };
  } catch (error) {
    if (timeout.aborted && !signal?.aborted) {
      throw new BackendError({
        kind: "timeout",
        target: url,
        message: `No answer from ${new URL(url).origin} within ${Math.round(timeoutMs / 1000)} s: is the server running and reachable?`,
      });
    }
    throw networkError(error, new URL(url).origin);
  }
}

/** Reads at most `limit` bytes of a body as UTF-8 and discards the rest. */
export async function readText(body: Dispatcher.ResponseData["body"], limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    if (size < limit) chunks.push(chunk.subarray(0, limit - size));
    size += chunk.length;
    if (size >= limit) break;
  }
  if (size >= limit) body.destroy();
  return Buffer.concat(chunks).toString("utf8");
}
