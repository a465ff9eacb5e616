/**
 * The streamed requests (`medgemma/ask`, `medgemma/summarize`), the insert-summary command, and the backend
 * requests (`medgemma/checkBackend`, `medgemma/listModels`).
 */
import { ProgressType } from "vscode-languageserver";
import type { CancellationToken, ExecuteCommandParams, WorkDoneProgressServerReporter } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Methods, SUMMARY_STYLES, ServerCommands } from "../../../common/protocol";
import type {
  AskParams,
  BackendStatus,
  ChatTurn,
  GenerationResult,
  InsertSummaryArgs,
  InsertSummaryResult,
  ModelList,
  ProgressToken,
  Range,
  RedactionSummary,
  StreamProgress,
  SummarizeParams,
  SummaryStyle,
} from "../../../common/protocol";
import { ask } from "../features/ask";
import type { GenerationOutcome } from "../features/generation";
import { GenerationError } from "../features/generation";
import { formatSummaryBlock, insertionAfter, relocatePassage } from "../features/summaryBlock";
import { summarize } from "../features/summarize";
import { describeFindings } from "../medical/phi";
import { summaryLabel } from "../prompts/prompts";
import { DeltaCoalescer } from "../util/deltaCoalescer";
import { invalidParams, toResponseError } from "./responseErrors";
import type { ServerState } from "./serverState";
import { signalFrom } from "./signals";

const streamProgress = new ProgressType<StreamProgress>();
/** Failures that say the backend's state changed (down, loading, key refused), so its status needs a fresh probe. */
const BACKEND_STATE_ERRORS = new Set(["unreachable", "loading", "unauthorized", "timeout", "tls", "engine"]);
/** Progress notifications for a summary are sent at most this often. */
const PROGRESS_INTERVAL_MS = 100;

function isPosition(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const { line, character } = value as { line: unknown; character: unknown };
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

function isRange(value: unknown): value is Range {
  return typeof value === "object" && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}

function isUri(value: unknown): value is { uri: string } {
  return typeof value === "object" && value !== null && typeof (value as { uri: unknown }).uri === "string";
}

function readHistory(value: unknown): ChatTurn[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (turn): turn is ChatTurn =>
      typeof turn === "object" && turn !== null && ((turn as ChatTurn).role === "user" || (turn as ChatTurn).role === "assistant") && typeof (turn as ChatTurn).content === "string",
  );
}

/** Describes redactions for a progress message, without any values. */
export function describeRedactions(summary: RedactionSummary): string {
  return `${describeFindings(summary)} replaced by placeholders before sending`;
}

function toResult(outcome: GenerationOutcome): GenerationResult {
  return {
    text: outcome.text,
    finishReason: outcome.finishReason,
    ...(outcome.usage ? { usage: outcome.usage } : {}),
    ...(outcome.redactions ? { redactions: outcome.redactions } : {}),
  };
}

function rangeText(document: TextDocument, range: Range): { text: string; start: number; end: number } {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return { text: document.getText().slice(Math.min(start, end), Math.max(start, end)), start: Math.min(start, end), end: Math.max(start, end) };
}

export function registerGenerationHandlers(state: ServerState): void {
  const { connection } = state;

  /**
   * Sends stream progress on the request's partial-result token, when it has one. Deltas are coalesced while they
   * arrive faster than a screen refreshes; `flush` sends the rest and must run before the result goes out.
   */
  const progressSender = (token: ProgressToken | undefined) => {
    const send = (value: StreamProgress): void => {
      if (token !== undefined) void connection.sendProgress(streamProgress, token, value);
    };
    const deltas = new DeltaCoalescer((delta) => send({ delta }));
    return {
      onDelta: (delta: string) => deltas.push(delta),
      onRedacted: (redactions: RedactionSummary) => {
        deltas.flush();
        send({ delta: "", redactions });
      },
      onStatus: (status: string) => {
        deltas.flush();
        send({ delta: "", status });
      },
      // The last text goes out as soon as the answer ends, not after the backend's connection is closed.
      onStreamEnd: () => deltas.flush(),
      flush: () => deltas.flush(),
    };
  };

  const afterFailure = (error: unknown, keepPartialText = false): never => {
    if (error instanceof GenerationError && BACKEND_STATE_ERRORS.has(error.kind)) state.backend.noteOutcome(false);
    throw toResponseError(error, { keepPartialText });
  };
  const afterSuccess = <T>(result: T): T => {
    state.backend.noteOutcome(true);
    return result;
  };

  connection.onRequest(Methods.ask, async (params: AskParams, token: CancellationToken): Promise<GenerationResult> => {
    if (typeof params?.question !== "string") throw invalidParams("medgemma/ask needs a question (a string).");
    let context: string | undefined;
    if (params.textDocument !== undefined) {
      if (!isUri(params.textDocument)) throw invalidParams("medgemma/ask: textDocument must be { uri }.");
      const document = state.documents.get(params.textDocument.uri);
      if (!document) throw invalidParams("The document for this question is not open; open it and ask again.");
      context = params.range === undefined ? document.getText() : isRange(params.range) ? rangeText(document, params.range).text : undefined;
      if (context === undefined) throw invalidParams("medgemma/ask: range must be an LSP Range.");
    }
    await state.backend.whenConfigured();
    const settings = state.settings;
    const progress = progressSender(params.partialResultToken);
    try {
      const outcome = await ask(
        state.generationDeps(),
        {
          question: params.question,
          ...(context !== undefined && context.trim() !== "" ? { context } : {}),
          history: readHistory(params.history),
          contextLength: state.backend.contextLength,
          maxTokens: settings.maxTokens,
          temperature: settings.temperature,
          thinking: settings.thinking,
        },
        signalFrom(token),
        progress,
      );
      return afterSuccess(toResult(outcome));
    } catch (error) {
      return afterFailure(error);
    } finally {
      progress.flush();
    }
  });

  connection.onRequest(Methods.summarize, async (params: SummarizeParams, token: CancellationToken): Promise<GenerationResult> => {
    if (!isUri(params?.textDocument) || !isRange(params.range)) throw invalidParams("medgemma/summarize needs textDocument { uri } and a range.");
    if (!SUMMARY_STYLES.includes(params.style)) throw invalidParams(`medgemma/summarize: style must be one of ${SUMMARY_STYLES.join(", ")}.`);
    const document = state.documents.get(params.textDocument.uri);
    if (!document) throw invalidParams("The document to summarize is not open; open it and try again.");
    const { text } = rangeText(document, params.range);
    if (text.trim() === "") throw invalidParams("Select some text to summarize.");
    await state.backend.whenConfigured();
    const progress = progressSender(params.partialResultToken);
    try {
      const outcome = await summarize(state.generationDeps(), summaryInput(state, text, params.style), signalFrom(token), progress);
      return afterSuccess(toResult(outcome));
    } catch (error) {
      return afterFailure(error);
    } finally {
      progress.flush();
    }
  });

  connection.onExecuteCommand(async (params: ExecuteCommandParams, token): Promise<InsertSummaryResult | null> => {
    if (params.command !== ServerCommands.insertSummary) return null;
    const args = params.arguments?.[0] as InsertSummaryArgs | undefined;
    if (!args || !isUri(args.textDocument) || typeof args.textDocument.version !== "number" || !isRange(args.range) || !SUMMARY_STYLES.includes(args.style)) {
      throw invalidParams(`${ServerCommands.insertSummary} needs { textDocument: { uri, version }, range, style }.`);
    }
    await state.backend.whenConfigured();
    try {
      return afterSuccess(await insertSummary(state, args, token));
    } catch (error) {
      // Nothing was inserted; what the model wrote before the failure goes back to the client, not into the document.
      return afterFailure(error, true);
    }
  });

  connection.onRequest(Methods.checkBackend, async (): Promise<BackendStatus> => state.backend.probe());
  connection.onRequest(Methods.listModels, async (): Promise<ModelList> => {
    await state.backend.probe();
    const current = state.backend.modelId;
    return { models: state.backend.models, ...(current ? { current } : {}) };
  });
}

function summaryInput(state: ServerState, text: string, style: SummaryStyle) {
  const settings = state.settings;
  return { text, style, contextLength: state.backend.contextLength, maxTokens: settings.maxTokens, temperature: settings.temperature };
}

/** Streams a summary with cancellable work-done progress, then inserts it below the passage as a marked block. */
async function insertSummary(state: ServerState, args: InsertSummaryArgs, token: CancellationToken): Promise<InsertSummaryResult> {
  const { connection } = state;
  const document = state.documents.get(args.textDocument.uri);
  if (!document) throw invalidParams("The document to summarize is not open; open it and try again.");
  if (document.version !== args.textDocument.version) {
    throw new GenerationError("The document changed since the action was offered; select the passage again and choose the action again.", "bad-request");
  }
  const passage = rangeText(document, args.range);
  if (passage.text.trim() === "") throw invalidParams("Select some text to summarize.");

  const label = summaryLabel(args.style);
  const progress: WorkDoneProgressServerReporter = await connection.window.createWorkDoneProgress();
  progress.begin(`MedGemma: ${label}`, undefined, "Waiting for the model…", true);
  let characters = 0;
  let lastReport = 0;
  let notice = "";
  const report = (message: string, force = false): void => {
    const now = performance.now();
    if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = now;
    progress.report(notice ? `${message} · ${notice}` : message);
  };
  let outcome: GenerationOutcome;
  try {
    outcome = await summarize(state.generationDeps(), summaryInput(state, passage.text, args.style), signalFrom(token, progress.token), {
      onDelta: (delta) => {
        characters += delta.length;
        report(`Writing… ${characters} characters`);
      },
      onStatus: (status) => report(status, true),
      onRedacted: (redactions) => {
        notice = describeRedactions(redactions);
        report("Sending", true);
      },
    });
  } finally {
    progress.done();
  }

  if (outcome.finishReason === "cancelled") {
    return { inserted: false, finishReason: "cancelled", text: outcome.text, message: "Cancelled: nothing was inserted." };
  }
  const block = formatSummaryBlock(document.languageId, args.style, outcome.text, outcome.finishReason === "length");

  // Place it after the passage as it is now: the writer may have typed meanwhile.
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = state.documents.get(args.textDocument.uri);
    if (!current) break;
    const currentText = current.getText();
    const where =
      current.version === args.textDocument.version ? { start: passage.start, end: passage.end } : relocatePassage(currentText, passage.text, passage.start);
    if (!where) break;
    const insertion = insertionAfter(currentText, where.end, block);
    const position = current.positionAt(insertion.offset);
    const applied = await connection.workspace.applyEdit({
      label: `MedGemma: ${label}`,
      edit: {
        documentChanges: [{ textDocument: { uri: current.uri, version: current.version }, edits: [{ range: { start: position, end: position }, newText: insertion.text }] }],
      },
    });
    if (applied.applied) return { inserted: true, finishReason: outcome.finishReason, text: outcome.text };
  }
  const message = "The selected passage changed while MedGemma was writing, so the summary was not inserted. Nothing in the document was touched.";
  void connection.window.showWarningMessage(message);
  return { inserted: false, finishReason: outcome.finishReason, text: outcome.text, message };
}

