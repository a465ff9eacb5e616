/**
 * The backend API key lives in VS Code's SecretStorage only: never in settings, logs, LSP messages or the webview.
 * The server receives it in its environment when it starts, so a change restarts the server.
 */
import * as vscode from "vscode";

const SECRET_NAME = "medgemma.backend.apiKey";

export class ApiKeyStore implements vscode.Disposable {
  private cached: string | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the key was set, cleared or changed in another window. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange(async (event) => {
      if (event.key !== SECRET_NAME) return;
      const next = await this.secrets.get(SECRET_NAME);
      if (next === this.cached) return;
      this.cached = next;
      this.changed.fire();
    });
  }

  /** Loads the key once at activation. */
  async load(): Promise<void> {
    this.cached = await this.secrets.get(SECRET_NAME);
  }

  get value(): string | undefined {
    return this.cached;
  }

  async set(key: string): Promise<void> {
    this.cached = key;
    await this.secrets.store(SECRET_NAME, key);
    this.changed.fire();
  }

  async clear(): Promise<void> {
    this.cached = undefined;
    await this.secrets.delete(SECRET_NAME);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Asks for a key in a password box. Undefined when the writer cancels. */
export async function promptForApiKey(): Promise<string | undefined> {
  const key = await vscode.window.showInputBox({
    title: "MedGemma: Set API Key",
    prompt: "The key for your MedGemma server (sent as a bearer token). It is kept in VS Code's secret storage.",
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (/\s/.test(value.trim()) ? "An API key has no spaces." : undefined),
  });
  const trimmed = key?.trim();
  return trimmed ? trimmed : undefined;
}
