/** `textDocument/codeAction`: MedGemma actions on a selection and medication-safety quick fixes. Never calls the model. */
import type { CodeAction } from "vscode-languageserver";
import { selectionActions } from "../features/codeActions";
import type { DiagnosticsPublisher } from "./diagnostics";
import type { ServerState } from "./serverState";

export function registerCodeActions(state: ServerState, diagnostics: DiagnosticsPublisher): void {
  state.connection.onCodeAction((params): CodeAction[] => {
    const document = state.documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const fixes = diagnostics.quickFixes(document, params.context.diagnostics, only);
    const actions = selectionActions({
      uri: document.uri,
      version: document.version,
      range: params.range,
      clientCommands: state.clientCommands,
      ...(only ? { only } : {}),
    });
    return [...fixes, ...actions];
  });
}
