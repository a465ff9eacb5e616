/**
 * The chat side panel's extension-host half: it creates the webview, validates what it says, and does what a
 * webview must not do itself (clipboard, editing documents, opening links). The conversation lives in the
 * ChatController here, not in the webview, so hiding and showing the panel loses nothing.
 */
import * as vscode from "vscode";
import type { Range } from "../../../common/protocol";
import { DEFAULT_SETTINGS } from "../../../common/settings";
import { knownMessageType, parseWebviewMessage } from "../../../common/webviewProtocol";
import type { HostMessage, NoticeLevel, WebviewMessage } from "../../../common/webviewProtocol";
import { ChatController } from "./chatController";
import type { ChatPanelState } from "./chatController";
import { chatHtml, createNonce } from "./chatHtml";
import type { ChatTransport } from "./chatTransport";
import { openableUrl } from "./linkPolicy";
import { baseName, describeAttachment, selectedLines } from "./selectionLabel";
import { STORAGE_KEY } from "./storedConversation";

/** The activity-bar container and the view inside it (package.json `viewsContainers` and `views`). */
export const CHAT_CONTAINER_ID = "medgemma";
export const CHAT_VIEW_ID = "medgemma.chatView";

export interface ChatViewProviderOptions {
  extensionUri: vscode.Uri;
  transport: ChatTransport;
  logger: vscode.LogOutputChannel;
  workspaceState: vscode.Memento;
}

/** Panel state for the rest of the extension, e.g. to set a context key while an answer streams. */
export interface ChatViewState extends ChatPanelState {
  visible: boolean;
}

export interface ChatAskOptions {
  /** Attach the active editor's selection first; nothing is asked if there is no selection. */
  attachSelection?: boolean;
}

/** Editors the writer cannot mean as a target: output channels show up as text editors too. */
function isWritingEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return editor !== undefined && editor.document.uri.scheme !== "output" && !editor.document.isClosed;
}

function toRange(selection: vscode.Selection): Range {
  return {
    start: { line: selection.start.line, character: selection.start.character },
    end: { line: selection.end.line, character: selection.end.character },
  };
}

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  static readonly viewType = CHAT_VIEW_ID;

  private readonly controller: ChatController;
  private readonly disposables: { dispose(): unknown }[] = [];
  private readonly stateEmitter = new vscode.EventEmitter<ChatViewState>();
  private view: vscode.WebviewView | undefined;
  private viewDisposables: vscode.Disposable[] = [];
  private lastEditor: vscode.TextEditor | undefined;
  /** Focus the question box once the webview has loaded. */
  private focusWhenReady = false;

  /** Fires when an answer starts or ends, the conversation changes, or the panel is shown or hidden. */
  readonly onDidChangeState: vscode.Event<ChatViewState> = this.stateEmitter.event;

  constructor(private readonly options: ChatViewProviderOptions) {
    const { transport, logger, workspaceState } = options;
    this.controller = new ChatController({
      transport,
      logger,
      storage: {
        read: () => workspaceState.get<unknown>(STORAGE_KEY),
        write: (value) => workspaceState.update(STORAGE_KEY, value),
      },
      saveHistory: () =>
        vscode.workspace.getConfiguration("medgemma").get<boolean>("chat.saveHistory", DEFAULT_SETTINGS.chat.saveHistory) === true,
      createCancellation: () => {
        const source = new vscode.CancellationTokenSource();
        return { token: source.token, cancel: () => source.cancel(), dispose: () => source.dispose() };
      },
    });
    if (isWritingEditor(vscode.window.activeTextEditor)) this.lastEditor = vscode.window.activeTextEditor;
    this.disposables.push(
      this.controller.onDidChangeState(() => this.fireState()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isWritingEditor(editor)) this.lastEditor = editor;
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("medgemma.chat.saveHistory")) this.controller.saveHistoryChanged();
      }),
    );
  }

  /** The panel's current state. */
  get state(): ChatViewState {
    return { ...this.controller.state, visible: this.view?.visible ?? false };
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.releaseView();
    this.view = view;
    const root = vscode.Uri.joinPath(this.options.extensionUri, "dist", "webview");
    view.webview.options = { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [root] };
    view.webview.html = chatHtml({
      cspSource: view.webview.cspSource,
      nonce: createNonce(),
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(root, "chat.js")).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(root, "chat.css")).toString(),
    });
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      view.onDidChangeVisibility(() => {
        // A view without retained context reloads when shown again and then asks for the state itself; a
        // retained one does not, so send it either way.
        if (view.visible) this.post(this.controller.snapshotMessage());
        this.fireState();
      }),
      view.onDidDispose(() => {
        if (this.view !== view) return;
        this.releaseView();
        this.fireState();
      }),
    );
    this.controller.connect((message) => this.post(message));
    this.options.logger.info("Chat: panel opened.");
    this.fireState();
  }

  /** Reveals the panel; with `preserveFocus` false the question box gets the focus. */
  async show(preserveFocus = false): Promise<void> {
    if (!preserveFocus) this.focusWhenReady = true;
    if (this.view) {
      this.view.show(preserveFocus);
      if (!preserveFocus && this.view.visible) this.post({ type: "focusInput" });
    } else {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
    }
  }

  /** Cancels any answer, clears the conversation and the attachment, and deletes a saved copy. */
  newConversation(): void {
    this.controller.newConversation();
    if (this.view?.visible) this.post({ type: "focusInput" });
  }

  /** Stops the answer that is streaming, if any. */
  stop(): void {
    this.controller.stop();
  }

  /**
   * Attaches the selection of `editor` (default: the active or last used text editor) to the next questions and
   * reveals the panel. Returns false, after telling the writer why, when there is no editor or no selection.
   */
  attachSelection(editor?: vscode.TextEditor): boolean {
    const target = editor ?? this.targetEditor();
    if (!target) {
      this.notify("Open a document and select the text to ask about, then attach it.", "warning");
      return false;
    }
    if (target.selection.isEmpty) {
      this.notify("Select the text to ask about first, then attach it.", "warning");
      return false;
    }
    const uri = target.document.uri;
    const range = toRange(target.selection);
    const view = describeAttachment(baseName(uri.path), vscode.workspace.asRelativePath(uri, false), range);
    this.controller.setAttachment({ uri: uri.toString(), range, view });
    const { first, last } = selectedLines(range);
    this.options.logger.info(`Chat: selection attached (${last - first + 1} lines).`);
    void this.show(true);
    return true;
  }

  /**
   * Reveals the panel and asks `question`, with the current attachment or, if asked to, the active selection.
   * Answers stream into the panel; the promise settles once the question has been sent, not when it is answered.
   */
  async ask(question: string, options: ChatAskOptions = {}): Promise<void> {
    if (options.attachSelection && !this.attachSelection()) return;
    await this.show(true);
    this.controller.send(question);
  }

  dispose(): void {
    this.controller.dispose();
    this.releaseView();
    for (const disposable of this.disposables) disposable.dispose();
    this.stateEmitter.dispose();
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.options.logger.warn(`Chat: dropped a malformed message from the panel (type: ${knownMessageType(raw) ?? "unknown"}).`);
      return;
    }
    this.handle(message).catch((error: unknown) => {
      this.options.logger.warn(`Chat: handling "${message.type}" failed (${error instanceof Error ? error.name : typeof error}).`);
    });
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case "ready":
        this.post(this.controller.snapshotMessage());
        if (this.focusWhenReady) this.post({ type: "focusInput" });
        this.focusWhenReady = false;
        return;
      case "send":
        if (this.controller.send(message.text) !== "started") {
          // The webview cleared its box when it sent; give the text back.
          this.controller.setDraft(message.text);
          this.post({ type: "draft", text: message.text });
        }
        return;
      case "stop":
        this.controller.stop();
        return;
      case "retry":
        this.controller.retry(message.id);
        return;
      case "copy":
        return this.copy(message.id);
      case "insert":
        return this.insert(message.id);
      case "openLink":
        return this.openLink(message.href);
      case "attachSelection":
        this.attachSelection();
        return;
      case "removeAttachment":
        this.controller.setAttachment(undefined);
        return;
      case "newConversation":
        this.newConversation();
        return;
      case "draft":
        this.controller.setDraft(message.text);
        return;
      case "dropped":
        this.options.logger.warn(`Chat: the panel dropped a malformed message (type: ${message.messageType ?? "unknown"}).`);
        return;
    }
  }

  private async copy(id: string): Promise<void> {
    const text = this.controller.answerOf(id);
    if (text === undefined) return;
    await vscode.env.clipboard.writeText(text);
    this.notify("Copied the answer to the clipboard.");
    this.options.logger.info(`Chat: answer copied (${text.length} characters).`);
  }

  /** Inserts an answer into the last used editor as one undoable edit, replacing its selection if any. */
  private async insert(id: string): Promise<void> {
    const text = this.controller.answerOf(id);
    if (text === undefined) return;
    const editor = this.targetEditor();
    if (!editor) {
      this.notify("There is no open editor to insert into. Click in a document where the answer should go, then choose Insert at Cursor again.", "warning");
      return;
    }
    const selection = editor.selection;
    const inserted = await editor.edit((edit) => edit.replace(selection, text));
    if (!inserted) {
      this.notify("The answer could not be inserted; the document may be read-only.", "warning");
      return;
    }
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    this.notify(`Inserted the answer into ${baseName(editor.document.uri.path)}.`);
    this.options.logger.info(`Chat: answer inserted (${text.length} characters).`);
  }

  /** Opens an http(s) link from an answer in the browser, after the writer has seen the full URL and agreed. */
  private async openLink(href: string): Promise<void> {
    const url = openableUrl(href);
    if (!url) {
      this.notify("Only web links (http or https) can be opened from an answer.", "warning");
      this.options.logger.info("Chat: refused to open a link that is not http(s).");
      return;
    }
    const open = "Open Link";
    const choice = await vscode.window.showWarningMessage(
      "Open this link from MedGemma's answer in your browser?",
      { modal: true, detail: `Site: ${url.hostname}\n\n${url.href}\n\nModel answers can contain wrong or made-up links.` },
      open,
    );
    if (choice !== open) return;
    const opened = await vscode.env.openExternal(vscode.Uri.parse(url.href, true));
    this.options.logger.info(`Chat: link ${opened ? "opened" : "not opened"}.`);
  }

  /** The editor the writer last worked in, if it is still open and showing. */
  private targetEditor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (isWritingEditor(active)) return active;
    const last = this.lastEditor;
    if (!isWritingEditor(last)) return undefined;
    const visible = vscode.window.visibleTextEditors;
    if (visible.includes(last)) return last;
    const uri = last.document.uri.toString();
    return visible.find((editor) => editor.document.uri.toString() === uri);
  }

  /** A message in the panel when it is showing, otherwise a VS Code notification so it is not missed. */
  private notify(text: string, level: NoticeLevel = "info"): void {
    if (this.view?.visible) {
      this.controller.notify(text, level);
    } else if (level === "warning") {
      void vscode.window.showWarningMessage(text);
    } else {
      void vscode.window.showInformationMessage(text);
    }
  }

  private post(message: HostMessage): void {
    const view = this.view;
    if (!view) return;
    // A hidden or disposed webview may refuse a message; the next snapshot brings it up to date.
    Promise.resolve(view.webview.postMessage(message)).catch(() => undefined);
  }

  private releaseView(): void {
    for (const disposable of this.viewDisposables) disposable.dispose();
    this.viewDisposables = [];
    this.view = undefined;
    this.controller.connect(undefined);
  }

  private fireState(): void {
    this.stateEmitter.fire(this.state);
  }
}
