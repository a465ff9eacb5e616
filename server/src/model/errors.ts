/**
 * One error type for every backend failure. Each carries what went wrong (kind, HTTP status, the server's own
 * message) and a sentence a writer can act on. Messages never contain prompt or document text.
 */

export type BackendErrorKind =
  | "unreachable"
  | "timeout"
  | "loading"
  | "unauthorized"
  | "context-too-long"
  | "model-not-found"
  | "rate-limited"
  | "server-error"
  | "bad-request"
  | "tls"
  | "protocol"
  | "engine"
  | "configuration";

export interface BackendErrorDetails {
  kind: BackendErrorKind;
  /** The actionable sentence shown to the writer. */
  message: string;
  status?: number;
  /** What the server itself said, verbatim but shortened. */
  serverMessage?: string;
  /** The endpoint or model file involved. */
  target?: string;
  /** Context limit in tokens when the server named it. */
  contextLimit?: number;
  /** Model ids the server offers, for model-not-found. */
  availableModels?: string[];
  cause?: unknown;
}

export class BackendError extends Error {
  readonly kind: BackendErrorKind;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  readonly target: string | undefined;
  readonly contextLimit: number | undefined;
  readonly availableModels: string[] | undefined;

  constructor(details: BackendErrorDetails) {
    super(details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "BackendError";
    this.kind = details.kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.target = details.target;
    this.contextLimit = details.contextLimit;
    this.availableModels = details.availableModels;
  }

  /** The message plus the server's words, for display. */
  describe(): string {
    if (!this.serverMessage || this.message.includes(this.serverMessage)) return this.message;
    return `${this.message} (server said: ${this.serverMessage})`;
  }
}

const MAX_SERVER_MESSAGE = 300;

function shorten(text: string): string {
  const single = text.replace(/\s+/g, " ").trim();
  return single.length > MAX_SERVER_MESSAGE ? `${single.slice(0, MAX_SERVER_MESSAGE - 1)}…` : single;
}

export interface ServerErrorBody {
  message?: string;
  type?: string;
  code?: string | number;
}

/**
 * Reads the three error body shapes: `{"error":{"message","type","code"}}` (vLLM ≥ 0.10.1, llama.cpp, Ollama),
 * `{"object":"error","message":…}` (older vLLM) and `{"error":"…","error_type":"…"}` (TGI).
 */
export function parseErrorBody(body: unknown): ServerErrorBody | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const error = record.error;
  if (typeof error === "object" && error !== null) {
    const inner = error as Record<string, unknown>;
    return {
      message: typeof inner.message === "string" ? inner.message : undefined,
      type: typeof inner.type === "string" ? inner.type : undefined,
      code: typeof inner.code === "string" || typeof inner.code === "number" ? inner.code : undefined,
    };
  }
  if (typeof error === "string") {
    return { message: error, type: typeof record.error_type === "string" ? record.error_type : undefined };
  }
  if (record.object === "error" && typeof record.message === "string") {
    return {
      message: record.message,
      type: typeof record.type === "string" ? record.type : undefined,
      code: typeof record.code === "string" || typeof record.code === "number" ? record.code : undefined,
    };
  }
  if (typeof record.detail === "string") return { message: record.detail };
  return undefined;
}

/** Parses an error body given as text; plain text bodies become the message. */
export function parseErrorText(text: string): ServerErrorBody | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  try {
    return parseErrorBody(JSON.parse(trimmed)) ?? { message: shorten(trimmed) };
  } catch {
    return { message: shorten(trimmed) };
  }
}

const CONTEXT_PATTERNS: RegExp[] = [
  /maximum context length is (\d+)/i,
  /context (?:length|size|window) (?:of |is )?(\d+)/i,
  /n_ctx[^\d]{0,20}(\d+)/i,
  /exceeds? (?:the )?(?:available )?context(?: size)?[^\d]{0,40}(\d+)/i,
  /(\d+) tokens? (?:context|limit)/i,
];

function isContextOverflow(body: ServerErrorBody): boolean {
  const text = `${body.type ?? ""} ${body.message ?? ""}`.toLowerCase();
  return (
    text.includes("exceed_context_size") ||
    text.includes("context length") ||
    text.includes("context_length") ||
    text.includes("maximum context") ||
    text.includes("context size") ||
    text.includes("context window") ||
    (text.includes("too long") && text.includes("token"))
  );
}

function contextLimitOf(message: string | undefined): number | undefined {
  if (!message) return undefined;
  for (const pattern of CONTEXT_PATTERNS) {
    const match = pattern.exec(message);
    if (match?.[1]) return Number(match[1]);
  }
  return undefined;
}

export interface HttpErrorContext {
  status: number;
  body: ServerErrorBody | undefined;
  endpoint: string;
  model?: string;
  availableModels?: string[];
  /** `Retry-After` header, seconds. */
  retryAfterSeconds?: number;
}

/** Maps an HTTP error response to a `BackendError` with an actionable sentence. */
export function httpError(context: HttpErrorContext): BackendError {
  const { status, body, endpoint } = context;
  const serverMessage = body?.message ? shorten(body.message) : undefined;
  const base = { status, serverMessage, target: endpoint };
  if (status === 401 || status === 403) {
    return new BackendError({
      ...base,
      kind: "unauthorized",
      message: `The MedGemma server at ${endpoint} refused the request (HTTP ${status}): set the API key with "MedGemma: Set API Key", or check that the key is still valid.`,
    });
  }
  if (body && (status === 400 || status === 413 || status === 422) && isContextOverflow(body)) {
    const limit = contextLimitOf(body.message);
    return new BackendError({
      ...base,
      kind: "context-too-long",
      contextLimit: limit,
      message: `The text is too long for the model's context${limit ? ` of ${limit} tokens` : ""}: select a shorter passage, or start the server with a larger context (vLLM --max-model-len, llama.cpp -c, Ollama OLLAMA_CONTEXT_LENGTH).`,
    });
  }
  if (status === 404) {
    const model = context.model ? `"${context.model}"` : "the requested model";
    const offers = context.availableModels?.length
      ? ` The server offers: ${context.availableModels.slice(0, 8).join(", ")}.`
      : " Check that the endpoint ends in /v1.";
    return new BackendError({
      ...base,
      kind: "model-not-found",
      availableModels: context.availableModels,
      message: `The server at ${endpoint} does not have ${model} (HTTP 404).${offers} Choose one with "MedGemma: Choose Model" or set medgemma.backend.model.`,
    });
  }
  if (status === 429) {
    const wait = context.retryAfterSeconds ? ` Try again in ${context.retryAfterSeconds} s.` : " Wait a moment and try again.";
    return new BackendError({
      ...base,
      kind: "rate-limited",
      message: `The MedGemma server at ${endpoint} is rate-limiting requests (HTTP 429).${wait} Lowering medgemma.maxConcurrentRequests helps.`,
    });
  }
  if (status === 503) {
    return new BackendError({
      ...base,
      kind: "loading",
      message: `The MedGemma server at ${endpoint} is not ready yet (HTTP 503): it is probably still loading the model, which can take minutes. Try again shortly.`,
    });
  }
  if (status >= 500) {
    return new BackendError({
      ...base,
      kind: "server-error",
      message: `The MedGemma server at ${endpoint} failed with HTTP ${status}. Its log will say why; the request can be retried.`,
    });
  }
  return new BackendError({
    ...base,
    kind: "bad-request",
    message: `The MedGemma server at ${endpoint} rejected the request (HTTP ${status})${serverMessage ? `: ${serverMessage}` : ""}. Check medgemma.backend.model and the server's chat template.`,
  });
}

const TLS_CODES: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "its certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its certificate chain ends in a self-signed authority this machine does not trust",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its certificate was issued by an authority this machine does not know",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "its certificate was issued by an authority this machine does not know",
  UNABLE_TO_GET_ISSUER_CERT: "its certificate's issuer could not be found",
  CERT_HAS_EXPIRED: "its certificate has expired",
  CERT_NOT_YET_VALID: "its certificate is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID: "its certificate is for a different host name",
  CERT_REVOKED: "its certificate was revoked",
  ERR_SSL_WRONG_VERSION_NUMBER: "it does not speak TLS on that port (try http://, or the right port)",
  EPROTO: "the TLS handshake failed",
};

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

/** Maps a network-level failure (no HTTP response) to a `BackendError`. */
export function networkError(error: unknown, endpoint: string): BackendError {
  const codes = errorCodes(error);
  const tls = codes.find((code) => code in TLS_CODES);
  if (tls) {
    return new BackendError({
      kind: "tls",
      target: endpoint,
      serverMessage: tls,
      cause: error,
      message: `Could not open a secure connection to ${endpoint}: ${TLS_CODES[tls]} (${tls}). Point medgemma.backend.caFile at the PEM file of the authority that signed it, or, only for a server you control, turn on medgemma.backend.allowSelfSignedCertificates.`,
    });
  }
  if (codes.includes("ENOTFOUND") || codes.includes("EAI_AGAIN")) {
    return new BackendError({
      kind: "unreachable",
      target: endpoint,
      serverMessage: codes.includes("ENOTFOUND") ? "ENOTFOUND" : "EAI_AGAIN",
      cause: error,
      message: `The host name in ${endpoint} does not resolve: check the spelling of medgemma.backend.endpoint and your network or VPN.`,
    });
  }
  if (codes.includes("UND_ERR_CONNECT_TIMEOUT")) {
    return new BackendError({
      kind: "timeout",
      target: endpoint,
      cause: error,
      message: `Connecting to ${endpoint} timed out: is the server running and reachable from this machine (firewall, VPN)? The limit is medgemma.backend.connectTimeoutMs.`,
    });
  }
  if (codes.includes("UND_ERR_HEADERS_TIMEOUT") || codes.includes("UND_ERR_BODY_TIMEOUT")) {
    return new BackendError({
      kind: "timeout",
      target: endpoint,
      cause: error,
      message: `The server at ${endpoint} accepted the connection but sent nothing in time: it may be overloaded or stuck. The limit is medgemma.backend.firstByteTimeoutMs.`,
    });
  }
  // The server was reached (a socket was open) but dropped it before any response: "is it running?" would mislead.
  const dropped = codes.find((c) => c === "UND_ERR_SOCKET" || c === "ECONNRESET" || c === "EPIPE");
  if (dropped) {
    return new BackendError({
      kind: "unreachable",
      target: endpoint,
      serverMessage: dropped,
      cause: error,
      message: `The MedGemma server at ${endpoint} closed the connection before answering (${dropped}): it may have crashed or restarted. Retry, and check the server's log if it happens again.`,
    });
  }
  const code = codes.find((c) => /^E[A-Z]+$/.test(c));
  return new BackendError({
    kind: "unreachable",
    target: endpoint,
    serverMessage: code,
    cause: error,
    message: `Cannot reach the MedGemma server at ${endpoint}${code ? ` (${code})` : ""}: is it running? A vLLM server opens its port only after the model has loaded, which can take minutes.`,
  });
}

/** A stream that broke the wire format or ended too early. */
export function protocolError(endpoint: string, what: string): BackendError {
  return new BackendError({
    kind: "protocol",
    target: endpoint,
    serverMessage: what,
    message: `The answer from ${endpoint} broke off: ${what}. The text so far is kept; retry, and check the server's log if it happens again.`,
  });
}

/** An error reported inside the stream (`data: {"error": …}` or the legacy `error:` field). */
export function streamedError(endpoint: string, body: ServerErrorBody): BackendError {
  const status = typeof body.code === "number" && body.code >= 400 && body.code < 600 ? body.code : undefined;
  if (status !== undefined && status !== 500) {
    return httpError({ status, body, endpoint });
  }
  if (isContextOverflow(body)) return httpError({ status: 400, body, endpoint });
  const serverMessage = body.message ? shorten(body.message) : undefined;
  return new BackendError({
    kind: "server-error",
    status,
    target: endpoint,
    serverMessage,
    message: `The MedGemma server at ${endpoint} stopped with an error while answering${serverMessage ? `: ${serverMessage}` : ""}. The text so far is kept; retry, and check the server's log if it happens again.`,
  });
}

/** Wraps anything thrown into a `BackendError` (for code paths that must not throw). */
export function toBackendError(error: unknown, target: string): BackendError {
  if (error instanceof BackendError) return error;
  return networkError(error, target);
}
