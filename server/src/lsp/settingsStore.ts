/**
 * The `medgemma` settings as the server sees them: pulled with `workspace/configuration` when the client can answer
 * it (re-read on every `workspace/didChangeConfiguration`), else taken from `initializationOptions.settings`.
 * Invalid values are reported once each and replaced by their defaults.
 */
import type { Connection } from "vscode-languageserver";
import { DEFAULT_SETTINGS, validateSettings } from "../../../common/settings";
import type { MedGemmaSettings } from "../../../common/settings";

export class SettingsStore {
  private current: MedGemmaSettings = DEFAULT_SETTINGS;
  private readonly reported = new Set<string>();
  /** Settings with a language's overrides (e.g. `"[latex]": { "medgemma.medicationSafety.enabled": false }`). */
  private byLanguage = new Map<string, Promise<MedGemmaSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly fromInitialization: unknown,
  ) {}

  get value(): MedGemmaSettings {
    return this.current;
  }

  /** Reads the settings again; returns them. Never throws. */
  async refresh(): Promise<MedGemmaSettings> {
    this.byLanguage = new Map();
    this.current = await this.pull(undefined);
    return this.current;
  }

  /**
   * The settings as they apply to a document's language. Asked with the document as scope, so an editor that
   * supports language-specific settings can answer with them; cached per language until settings change.
   */
  forDocument(uri: string, languageId: string): Promise<MedGemmaSettings> {
    if (!this.canPull) return Promise.resolve(this.current);
    let settings = this.byLanguage.get(languageId);
    if (!settings) {
      settings = this.pull(uri);
      this.byLanguage.set(languageId, settings);
    }
    return settings;
  }

  private async pull(scopeUri: string | undefined): Promise<MedGemmaSettings> {
    let raw: unknown = this.fromInitialization;
    if (this.canPull) {
      try {
        const pulled: unknown = scopeUri
          ? await this.connection.workspace.getConfiguration({ scopeUri, section: "medgemma" })
          : await this.connection.workspace.getConfiguration("medgemma");
        if (pulled !== null && pulled !== undefined) raw = pulled;
      } catch {
        // A client that fails the request still has its initialization settings.
      }
    }
    const { settings, problems } = validateSettings(raw);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      void this.connection.window.showWarningMessage(problem);
    }
    return settings;
  }
}
