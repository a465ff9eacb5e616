/** The backend status in the status bar: which backend, which model, and whether it is ready. Click for actions. */
import * as vscode from "vscode";
import type { BackendStatus } from "../../common/protocol";

const ICONS: Record<BackendStatus["state"], string> = {
  ready: "$(check)",
  loading: "$(loading~spin)",
  unreachable: "$(debug-disconnect)",
  unauthorized: "$(key)",
  error: "$(warning)",
};

export const STATUS_ACTIONS_COMMAND = "medgemma.statusActions";

/** The status in words, for the tooltip and for tests. */
export function describeStatus(status: BackendStatus): string {
  const where = status.backend === "embedded" ? "embedded engine" : (status.endpoint ?? "remote server");
  const parts = [`MedGemma: ${status.state}`, where];
  if (status.model) parts.push(`model ${status.model}`);
  if (status.contextLength) parts.push(`context ${status.contextLength} tokens`);
  if (status.latencyMs !== undefined) parts.push(`${status.latencyMs} ms`);
  return parts.join(" · ");
}

export class BackendStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("medgemma.status", vscode.StatusBarAlignment.Right, 100);
  private current: BackendStatus | undefined;

  constructor() {
    this.item.name = "MedGemma";
    this.item.command = STATUS_ACTIONS_COMMAND;
    this.item.text = "$(loading~spin) MedGemma";
    this.item.tooltip = "MedGemma is starting";
    this.item.show();
  }

  get status(): BackendStatus | undefined {
    return this.current;
  }

  update(status: BackendStatus): void {
    this.current = status;
    const backend = status.backend === "embedded" ? "embedded" : "remote";
    this.item.text = `${ICONS[status.state]} MedGemma (${backend})`;
    // Plain text: as Markdown, appendText's non-breaking spaces glue a URL to the words after it into one bogus
    // link, and escapes inside that link show as backslashes.
    this.item.tooltip = status.message ? `${describeStatus(status)}\n\n${status.message}` : describeStatus(status);
    this.item.backgroundColor =
      status.state === "ready" || status.state === "loading" ? undefined : new vscode.ThemeColor("statusBarItem.warningBackground");
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** The quick pick behind the status item. */
export async function pickStatusAction(status: BackendStatus | undefined): Promise<void> {
  const items: (vscode.QuickPickItem & { command: string; args?: unknown[] })[] = [
    { label: "$(refresh) Check again", command: "medgemma.checkBackend" },
    { label: "$(settings-gear) Open settings", command: "workbench.action.openSettings", args: ["@ext:medgemma-writer.medgemma-writer"] },
    { label: "$(output) Show logs", command: "medgemma.showLogs" },
    { label: "$(list-selection) Choose model", command: "medgemma.chooseModel" },
    { label: "$(key) Set API key", command: "medgemma.setApiKey" },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: status ? describeStatus(status) : "MedGemma",
    placeHolder: status?.message ?? "MedGemma backend",
  });
  if (picked) await vscode.commands.executeCommand(picked.command, ...(picked.args ?? []));
}
