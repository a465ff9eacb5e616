/** `textDocument/hover`: explanations of selections and medical terms, senses of abbreviations. */
import type { Hover, HoverParams } from "vscode-languageserver";
import type { HoverSelectionParams, Range } from "../../../common/protocol";
import { hover } from "../features/hover";
import { CancelledError } from "../util/singleFlight";
import type { ServerState } from "./serverState";
import { signalFrom } from "./signals";

function isRange(value: unknown): value is Range {
  if (typeof value !== "object" || value === null) return false;
  const range = value as Range;
  const isPosition = (p: unknown): boolean =>
    typeof p === "object" && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { character: unknown }).character);
  return isPosition(range.start) && isPosition(range.end);
}

export function registerHover(state: ServerState): void {
  state.connection.onHover(async (params: HoverParams & HoverSelectionParams, token): Promise<Hover | null> => {
    // A hover right after start-up waits for the first settings, so it meets the configured backend.
    await state.backend.whenConfigured();
    const settings = state.settings;
    if (!settings.hover.enabled) return null;
    const document = state.documents.get(params.textDocument.uri);
    if (!document) return null;
    const text = document.getText();
    const offset = document.offsetAt(params.position);
    const selection = isRange(params.selection)
      ? { start: document.offsetAt(params.selection.start), end: document.offsetAt(params.selection.end) }
      : undefined;
    const status = state.backend.currentStatus;
    try {
      const result = await hover(
        {
          ...state.generationDeps(),
          vocabulary: state.vocabulary,
          cache: state.hoverCache,
          flights: state.hoverFlights,
          backendState: status.state,
          ...(status.message ? { backendMessage: status.message } : {}),
          modelId: state.backend.modelId,
          contextLength: state.backend.contextLength,
          maxTokens: settings.hover.maxTokens,
          temperature: settings.temperature,
        },
        { text, offset, ...(selection ? { selection } : {}) },
        signalFrom(token),
      );
      if (!result) return null;
      return {
        contents: { kind: "markdown", value: result.markdown },
        range: { start: document.positionAt(result.range.start), end: document.positionAt(result.range.end) },
      };
    } catch (error) {
      if (error instanceof CancelledError) return null;
      throw error;
    }
  });
}
