/** The chat webview's HTML shell: a strict CSP, our stylesheet, and our one script, admitted by a fresh nonce. */
import { randomBytes } from "node:crypto";

export interface ChatHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri(...)` of dist/webview/chat.js and chat.css, as strings. */
  scriptUri: string;
  styleUri: string;
}

/** A nonce from the platform's cryptographic generator (128 bits, base64). */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Nothing loads unless listed: no inline script or style, no images, fonts, frames or network; scripts only with
 * this page's nonce, styles only from the extension's own webview folder.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The page; the script builds the panel inside `#app`. */
export function chatHtml(options: ChatHtmlOptions): string {
  const csp = escapeAttribute(contentSecurityPolicy(options.cspSource, options.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>MedGemma Chat</title>
</head>
<body>
<div id="app"></div>
<script nonce="${escapeAttribute(options.nonce)}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
