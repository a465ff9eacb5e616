/** Document-bound features that need no model: diagnostics, outline and folding. */
import { documentSymbols, foldingRanges } from "../features/outline";
import { DiagnosticsPublisher } from "./diagnostics";
import type { ServerState } from "./serverState";

export function registerDocumentFeatures(state: ServerState): DiagnosticsPublisher {
  const diagnostics = new DiagnosticsPublisher(state);
  state.documents.onDidOpen(({ document }) => diagnostics.schedule(document));
  state.documents.onDidChangeContent(({ document }) => diagnostics.schedule(document));
  state.documents.onDidClose(({ document }) => diagnostics.forget(document.uri));
  state.onSettingsChanged(() => diagnostics.refreshAll());

  state.connection.onDocumentSymbol(({ textDocument }) => {
    const document = state.documents.get(textDocument.uri);
    return document ? documentSymbols(document.getText(), document.languageId) : [];
  });
  state.connection.onFoldingRanges(({ textDocument }) => {
    const document = state.documents.get(textDocument.uri);
    return document ? foldingRanges(document.getText(), document.languageId) : [];
  });
  return diagnostics;
}
