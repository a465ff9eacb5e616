/** The chat webview's entry point: wires the panel to VS Code's message channel. Nothing is kept in webview state. */
import { ChatView } from "./chatView";
import { createMarkdownRenderer } from "./markdown";

interface VsCodeWebviewApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeWebviewApi;

const vscode = acquireVsCodeApi();
const view = new ChatView(document, {
  post: (message) => vscode.postMessage(message),
  renderer: createMarkdownRenderer(),
  schedule: (callback) => {
    requestAnimationFrame(() => callback());
  },
});
window.addEventListener("message", (event: MessageEvent<unknown>) => view.receive(event.data));
view.start();
