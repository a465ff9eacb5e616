/**
 * The MedGemma code actions offered on a selection. Listing them is free: no model call happens until one is
 * chosen, and then through a command.
 */
import type { CodeAction } from "vscode-languageserver";
import type { InsertSummaryArgs, Range, SummaryStyle } from "../../../common/protocol";
import { ClientCommands, ServerCommands } from "../../../common/protocol";

export const CODE_ACTION_KIND_PREFIX = "refactor.rewrite.medgemma";

const SUMMARY_ACTIONS: { style: SummaryStyle; name: string; title: string }[] = [
  { style: "clinical", name: "summarizeClinical", title: "MedGemma: Summarize (clinical)" },
  { style: "patient", name: "summarizePatient", title: "MedGemma: Summarize for patients (plain language)" },
  { style: "bullets", name: "keyPoints", title: "MedGemma: Key points" },
  { style: "abstract", name: "structuredAbstract", title: "MedGemma: Structured abstract" },
];

export interface SelectionActionsInput {
  uri: string;
  version: number;
  range: Range;
  /** Client commands the client said it implements. */
  clientCommands: readonly string[];
  /** The client's `only` filter, if any. */
  only?: readonly string[];
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}

function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/** The actions for a non-empty selection; none for an empty one. */
export function selectionActions(input: SelectionActionsInput): CodeAction[] {
  if (isEmpty(input.range)) return [];
  const actions: CodeAction[] = SUMMARY_ACTIONS.map(({ style, name, title }) => {
    const args: InsertSummaryArgs = { textDocument: { uri: input.uri, version: input.version }, range: input.range, style };
    return { title, kind: `${CODE_ACTION_KIND_PREFIX}.${name}`, command: { title, command: ServerCommands.insertSummary, arguments: [args] } };
  });
  const clientActions = [
    { command: ClientCommands.explainSelection, name: "explainSelection", title: "MedGemma: Explain selection" },
    { command: ClientCommands.askAboutSelection, name: "askAboutSelection", title: "MedGemma: Ask about selection…" },
  ];
  for (const { command, name, title } of clientActions) {
    if (!input.clientCommands.includes(command)) continue;
    actions.push({ title, kind: `${CODE_ACTION_KIND_PREFIX}.${name}`, command: { title, command, arguments: [{ uri: input.uri, range: input.range }] } });
  }
  return actions.filter((action) => wanted(action.kind ?? "", input.only));
}
