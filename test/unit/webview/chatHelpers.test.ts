import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { chatHtml, contentSecurityPolicy, createNonce } from "../../../client/src/chat/chatHtml";
import { openableUrl } from "../../../client/src/chat/linkPolicy";
import { baseName, describeAttachment, selectedLines } from "../../../client/src/chat/selectionLabel";

const range = (startLine: number, startChar: number, endLine: number, endChar: number) => ({
  start: { line: startLine, character: startChar },
  end: { line: endLine, character: endChar },
});

describe("selection label", () => {
  it("names files by their last path segment", () => {
    assert.equal(baseName("/home/writer/notes/note.md"), "note.md");
    assert.equal(baseName("Untitled-1"), "Untitled-1");
    assert.equal(baseName("/c:/Users/a/discharge summary.tex"), "discharge summary.tex");
  });

  it("counts one-based lines and leaves out a last line the selection only touches", () => {
    assert.deepEqual(selectedLines(range(11, 3, 17, 9)), { first: 12, last: 18 });
    assert.deepEqual(selectedLines(range(11, 0, 18, 0)), { first: 12, last: 18 });
    assert.deepEqual(selectedLines(range(4, 2, 4, 9)), { first: 5, last: 5 });
  });

  it("labels a chip with file and lines only", () => {
    assert.deepEqual(describeAttachment("note.md", "notes/note.md", range(11, 0, 17, 4)), {
      label: "note.md:12–18",
      detail: "notes/note.md, lines 12 to 18",
    });
    assert.deepEqual(describeAttachment("note.md", "note.md", range(2, 1, 2, 8)), { label: "note.md:3", detail: "note.md, line 3" });
  });
});

describe("link policy", () => {
  it("opens only absolute http(s) URLs", () => {
    assert.equal(openableUrl("https://example.org/path?q=1")?.href, "https://example.org/path?q=1");
    assert.equal(openableUrl("http://example.org")?.hostname, "example.org");
    for (const href of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "file:///etc/passwd",
      "vscode://settings",
      "command:workbench.action.terminal.new",
      "/relative/path",
      "mailto:someone@example.org",
      "not a url",
      "",
    ]) {
      assert.equal(openableUrl(href), undefined, href);
    }
  });

  it("refuses URLs with credentials that can disguise the host", () => {
    assert.equal(openableUrl("https://trusted.example@other.example/"), undefined);
    assert.equal(openableUrl("https://user:pass@example.org/"), undefined);
  });
});

describe("chat HTML", () => {
  const options = { cspSource: "https://file+.vscode-resource.vscode-cdn.net", nonce: "abc123+/=", scriptUri: "https://r/chat.js", styleUri: "https://r/chat.css" };

  it("allows nothing by default, scripts only by nonce, styles only from the webview folder", () => {
    const csp = contentSecurityPolicy(options.cspSource, options.nonce);
    const directives = new Map(csp.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }));
    assert.equal(directives.get("default-src"), "'none'");
    assert.equal(directives.get("script-src"), "'nonce-abc123+/='");
    assert.equal(directives.get("style-src"), options.cspSource);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it("loads the one script with the nonce and nothing inline", () => {
    const html = chatHtml(options);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, ['<script nonce="abc123+/=" src="https://r/chat.js">']);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-abc123\+\/='/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/r\/chat.css">/);
    assert.doesNotMatch(html, /<style|style=|\son\w+=/);
  });

  it("escapes attribute values", () => {
    const html = chatHtml({ ...options, scriptUri: 'https://r/"><script>alert(1)</script>' });
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, "base64").length, 16);
  });
});
