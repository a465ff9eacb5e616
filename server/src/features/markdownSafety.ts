/**
 * Model output is untrusted. Before it reaches a hover (rendered as Markdown by the editor) it is made inert:
 * no HTML, no images, no clickable links, no command URIs; the words stay readable.
 */

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Makes untrusted Markdown safe to render in a hover while keeping its text and simple emphasis. */
export function inertMarkdown(text: string): string {
  return (
    text
      // Control characters (other than tab and newline) have no business in a hover.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .replace(/[&<>]/g, (char) => HTML_ESCAPES[char] ?? char)
      // Images: keep the alt text only.
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      // Inline links and reference links: keep the label, drop the target.
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      // Reference definitions ("[1]: http://…").
      .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, "")
      // Bare URLs would be linkified: show them as code instead.
      .replace(/\b((?:https?|ftp|file|command|vscode|javascript|data):[^\s`]+)/gi, "`$1`")
  );
}

/** Escapes text so Markdown shows it literally (used for document words echoed in a hover). */
export function literalMarkdown(text: string): string {
  return inertMarkdown(text).replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1");
}
