/**
 * What the handlers share: documents, settings, the backend, the request scheduler, the hover cache, and the
 * privacy guard. Built once per session in `onInitialize`.
 */
import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { MedGemmaSettings } from "../../../common/settings";
import type { BackendManager } from "../backend/backendManager";
import { unavailableModel } from "../backend/unavailableModel";
import type { GenerationDeps, GenerationOutcome } from "../features/generation";
import { hoverVocabulary } from "../features/hoverVocabulary";
import type { HoverVocabulary } from "../features/hover";
import { phiToolkit } from "../features/phiToolkit";
import { PrivacyGuard } from "../features/privacyGuard";
import type { PhiPolicy, WarnChoice } from "../features/privacyGuard";
import { resolvePhiPolicy } from "../medical/phi";
import { LruCache } from "../util/lruCache";
import { RequestScheduler } from "../util/requestScheduler";
import { SingleFlight } from "../util/singleFlight";
import type { SettingsStore } from "./settingsStore";

/** Hover answers kept in memory: at most 4 MB of text (UTF-16) or 5,000 answers. */
const HOVER_CACHE_BYTES = 4 * 1024 * 1024;
const HOVER_CACHE_ENTRIES = 5_000;

export interface ServerStateOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  backend: BackendManager;
  apiKey: string | undefined;
  untrusted: boolean;
  clientCommands: string[];
}

/** "auto" decides by where the text goes: redact for a remote host, allow on this machine. */
export function effectivePhiPolicy(settings: MedGemmaSettings): PhiPolicy {
  const endpoint = settings.backend.endpoint;
  return resolvePhiPolicy(settings.phi.policy, endpoint ? { backend: "remote", endpoint } : { backend: "embedded" });
}

export class ServerState {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly backend: BackendManager;
  readonly clientCommands: readonly string[];
  readonly scheduler = new RequestScheduler(2);
  readonly hoverCache = new LruCache<string>(HOVER_CACHE_BYTES, HOVER_CACHE_ENTRIES, (text) => text.length * 2 + 64);
  readonly hoverFlights = new SingleFlight<GenerationOutcome>();
  readonly vocabulary: HoverVocabulary = hoverVocabulary;
  readonly guard: PrivacyGuard;
  private readonly settingsStore: SettingsStore;
  private readonly apiKey: string | undefined;
  private readonly untrusted: boolean;
  private readonly settingsListeners: (() => void)[] = [];

  constructor(options: ServerStateOptions) {
    this.connection = options.connection;
    this.documents = options.documents;
    this.backend = options.backend;
    this.settingsStore = options.settings;
    this.apiKey = options.apiKey;
    this.untrusted = options.untrusted;
    this.clientCommands = options.clientCommands;
    this.guard = new PrivacyGuard({
      toolkit: phiToolkit,
      policy: () => effectivePhiPolicy(this.settings),
      destination: () => this.settings.backend.endpoint || "the embedded engine on this machine",
      confirm: (question) => this.confirmSend(question),
    });
  }

  get settings(): MedGemmaSettings {
    return this.settingsStore.value;
  }

  /** The settings with the document language's overrides applied. */
  settingsFor(document: TextDocument): Promise<MedGemmaSettings> {
    return this.settingsStore.forDocument(document.uri, document.languageId);
  }

  /** What a generation needs right now. */
  generationDeps(): GenerationDeps {
    return { model: this.backend.current ?? unavailableModel(this.backend.currentStatus.message), scheduler: this.scheduler, guard: this.guard };
  }

  /** Runs when settings change (after the backend has been reconfigured). */
  onSettingsChanged(listener: () => void): void {
    this.settingsListeners.push(listener);
  }

  async reloadSettings(): Promise<void> {
    const settings = await this.settingsStore.refresh();
    this.scheduler.setLimit(settings.maxConcurrentRequests);
    for (const listener of this.settingsListeners) listener();
    await this.backend.configure({ settings, apiKey: this.apiKey, untrusted: this.untrusted });
  }

  async dispose(): Promise<void> {
    await this.backend.dispose();
  }

  private async confirmSend(question: string): Promise<WarnChoice> {
    const send = "Send as is";
    const redact = "Redact and send";
    const choice = await this.connection.window.showWarningMessage(question, { title: redact }, { title: send }, { title: "Cancel" });
    if (choice?.title === send) return "send";
    if (choice?.title === redact) return "redact";
    return "cancel";
  }
}
