/**
 * Turns a model answer (untrusted Markdown) into inert DOM: markdown-it with raw HTML off, then DOMPurify with a
 * short allow-list. No images, no remote content, no styles, no event handlers. Links keep their URL only in
 * `data-href`, so neither the webview nor VS Code's own link handling navigates; the panel asks the extension.
 */
import DOMPurify from "dompurify";
import MarkdownIt from "markdown-it";

/** The window DOMPurify works against: the webview's own, or a jsdom window in tests. */
export type PurifyWindow = Parameters<typeof DOMPurify>[0];

export interface MarkdownRenderer {
  /** Replaces the children of `target` with the rendered answer. */
  render(markdown: string, target: Element): void;
}

const ALLOWED_TAGS = [
  "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre",
  "s", "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
];
const ALLOWED_ATTR = ["href", "class", "start"];
const WEB_LINK = /^https?:\/\//i;
/** Classes our own Markdown rules produce; anything else (e.g. from a code fence's info string) is dropped. */
const KEPT_CLASS = /^(?:language-[A-Za-z0-9_+#.-]{1,40}|align-(?:left|center|right)|image-omitted)$/;

function createMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // Only web links become links; anything else (javascript:, data:, file:, relative) stays literal text.
  md.validateLink = (url) => WEB_LINK.test(url.trim());
  // An image would load remote content: show its description as text instead, without the URL.
  md.renderer.rules.image = (tokens, index, options, env, self) => {
    const token = tokens[index];
    const alt = token ? self.renderInlineAsText(token.children ?? [], options, env) : "";
    const label = alt.trim() === "" ? "[image omitted]" : `[image omitted: ${alt}]`;
    return `<span class="image-omitted">${md.utils.escapeHtml(label)}</span>`;
  };
  // Table alignment arrives as a style attribute, which the CSP forbids; turn it into a class.
  for (const rule of ["th_open", "td_open"] as const) {
    md.renderer.rules[rule] = (tokens, index, options, _env, self) => {
      const token = tokens[index];
      if (token?.attrs) {
        const style = token.attrGet("style") ?? "";
        token.attrs = token.attrs.filter(([name]) => name !== "style");
        const align = /text-align:\s*(left|center|right)/.exec(style)?.[1];
        if (align) token.attrJoin("class", `align-${align}`);
      }
      return self.renderToken(tokens, index, options);
    };
  }
  return md;
}

/** Makes a sanitized link inert and keyboard-reachable, or unwraps it if it is not a web link. */
function neutralizeLink(link: Element): void {
  const href = link.getAttribute("href") ?? "";
  link.removeAttribute("href");
  if (!WEB_LINK.test(href)) {
    link.replaceWith(...Array.from(link.childNodes));
    return;
  }
  link.setAttribute("data-href", href);
  link.setAttribute("title", href);
  link.setAttribute("role", "link");
  link.setAttribute("tabindex", "0");
  link.setAttribute("class", "answer-link");
}

function keepKnownClasses(element: Element): void {
  const kept = Array.from(element.classList).filter((name) => KEPT_CLASS.test(name));
  if (kept.length === 0) element.removeAttribute("class");
  else element.setAttribute("class", kept.join(" "));
}

/**
 * The second line of defence, usable on its own: any HTML in, an inert fragment out (allow-listed tags, no URLs
 * but http(s), links neutralized, unknown classes dropped).
 */
export function createHtmlSanitizer(window?: PurifyWindow): (html: string) => DocumentFragment {
  const purify = window ? DOMPurify(window) : DOMPurify;
  const config = {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: WEB_LINK,
    RETURN_DOM_FRAGMENT: true as const,
  };
  return (html) => {
    const fragment = purify.sanitize(html, config);
    for (const element of Array.from(fragment.querySelectorAll("[class]"))) keepKnownClasses(element);
    for (const link of Array.from(fragment.querySelectorAll("a"))) neutralizeLink(link);
    return fragment;
  };
}

/** A renderer bound to `window` (the webview's own by default). */
export function createMarkdownRenderer(window?: PurifyWindow): MarkdownRenderer {
  const md = createMarkdownIt();
  const sanitize = createHtmlSanitizer(window);
  return {
    render(markdown, target) {
      target.replaceChildren(sanitize(md.render(markdown)));
    },
  };
}
