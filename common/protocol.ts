/**
 * The custom LSP contract between the MedGemma language server and any client. Plain types and method names
 * only, so the VS Code client, the webview and other editors' plug-ins can share them without a runtime.
 */

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextDocumentIdentifier {
  uri: string;
}

export interface VersionedTextDocumentIdentifier extends TextDocumentIdentifier {
  version: number;
}

export type ProgressToken = number | string;

/** Custom request, notification and command names. */
export const Methods = {
  ask: "medgemma/ask",
  summarize: "medgemma/summarize",
  checkBackend: "medgemma/checkBackend",
  listModels: "medgemma/listModels",
  backendStatus: "medgemma/backendStatus",
} as const;

/** Commands the server executes through `workspace/executeCommand`. */
export const ServerCommands = {
  /** Streams a summary of a range and inserts it below the range as a marked block. Args: [InsertSummaryArgs]. */
  insertSummary: "medgemma.server.insertSummary",
} as const;

/**
 * Commands a client may implement itself. The server offers code actions that use them only when the client lists
 * them in `initializationOptions.clientCommands`, so editors without them never see actions they cannot run.
 */
export const ClientCommands = {
  explainSelection: "medgemma.explainSelection",
  askAboutSelection: "medgemma.askAboutSelection",
} as const;

export type SummaryStyle = "clinical" | "patient" | "bullets" | "abstract";
export const SUMMARY_STYLES: readonly SummaryStyle[] = ["clinical", "patient", "bullets", "abstract"];

export type FinishReason = "stop" | "length" | "cancelled";

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

/** What the PHI policy replaced before text left for the backend: a count per identifier type. */
export interface RedactionSummary {
  total: number;
  byType: Record<string, number>;
}

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

/** `medgemma/ask` params. `range` without `textDocument` is ignored. */
export interface AskParams {
  question: string;
  textDocument?: TextDocumentIdentifier;
  range?: Range;
  /** Earlier turns of a chat, oldest first; the server keeps only what fits its context budget. */
  history?: ChatTurn[];
  partialResultToken?: ProgressToken;
}

/** `medgemma/summarize` params. */
export interface SummarizeParams {
  textDocument: TextDocumentIdentifier;
  range: Range;
  style: SummaryStyle;
  partialResultToken?: ProgressToken;
}

/** Each `$/progress` value on an ask or summarize `partialResultToken`. */
export interface StreamProgress {
  delta: string;
  /** Sent once, before the first delta, when the PHI policy redacted something. */
  redactions?: RedactionSummary;
  /** Human-readable stage of long work, e.g. "Summarizing part 2 of 3". */
  status?: string;
}

/** Result of `medgemma/ask` and `medgemma/summarize`. */
export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  usage?: Usage;
  redactions?: RedactionSummary;
}

/** Args of the `medgemma.server.insertSummary` command. */
export interface InsertSummaryArgs {
  textDocument: VersionedTextDocumentIdentifier;
  range: Range;
  style: SummaryStyle;
}

/** Result of the `medgemma.server.insertSummary` command. */
export interface InsertSummaryResult {
  inserted: boolean;
  finishReason: FinishReason;
  /** The summary text, so a client can still offer it when it could not be inserted. */
  text: string;
  /** Why nothing was inserted, in words for the writer. */
  message?: string;
}

export type BackendState = "ready" | "loading" | "unreachable" | "unauthorized" | "error";
export type BackendKind = "embedded" | "remote";

/** `medgemma/backendStatus` notification params and `medgemma/checkBackend` result. */
export interface BackendStatus {
  state: BackendState;
  backend: BackendKind;
  endpoint?: string;
  model?: string;
  contextLength?: number;
  latencyMs?: number;
  message?: string;
}

/** `medgemma/listModels` result: the model ids the backend offers. */
export interface ModelList {
  models: string[];
  current?: string;
}

/**
 * Extra hover params: a client that knows the editor's selection passes it, and a hover inside it explains the
 * selected text. Other clients may omit it.
 */
export interface HoverSelectionParams {
  selection?: Range;
}

/** `initializationOptions` the server understands. */
export interface InitializationOptions {
  /** Settings for clients that cannot answer `workspace/configuration`: the `medgemma` section as an object. */
  settings?: unknown;
  /** Commands from `ClientCommands` that this client implements. */
  clientCommands?: string[];
  /** The workspace is untrusted: the server must make no backend calls. */
  untrustedWorkspace?: boolean;
}
