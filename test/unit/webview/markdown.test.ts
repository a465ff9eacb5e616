import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { createHtmlSanitizer, createMarkdownRenderer } from "../../../client/webview/markdown";

function newWindow(): JSDOM["window"] {
  return new JSDOM("<!DOCTYPE html><html><body><div id=\"target\"></div></body></html>").window;
}

/** Renders `markdown` into a fresh jsdom document and returns the container. */
function render(markdown: string): Element {
  const window = newWindow();
  const target = window.document.getElementById("target");
  assert.ok(target);
  createMarkdownRenderer(window).render(markdown, target);
  return target;
}

const DANGEROUS_TAGS = ["script", "img", "iframe", "svg", "object", "embed", "style", "link", "meta", "base", "form", "input", "video", "audio", "source", "math", "template"];

/** The invariants every rendered answer must keep, whatever the model wrote. */
function assertInert(root: Element): void {
  for (const tag of DANGEROUS_TAGS) assert.equal(root.querySelector(tag), null, `no <${tag}> element`);
  for (const element of Array.from(root.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      assert.ok(!attribute.name.toLowerCase().startsWith("on"), `no ${attribute.name} handler on <${element.localName}>`);
      assert.ok(!["href", "src", "srcset", "style", "action", "formaction", "xlink:href"].includes(attribute.name), `no ${attribute.name} on <${element.localName}>`);
    }
    const link = element.getAttribute("data-href");
    if (link !== null) assert.match(link, /^https?:\/\//);
  }
  const comments = root.ownerDocument.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  assert.equal(comments.nextNode(), null, "no comment nodes");
}

describe("markdown renderer: hostile answers", () => {
  it("shows an <img onerror> as text", () => {
    const root = render("Look: <img src=x onerror=alert(1)>");
    assertInert(root);
    assert.match(root.textContent ?? "", /<img src=x onerror=alert\(1\)>/);
  });

  it("shows a <script> block as text and runs nothing", () => {
    const root = render("<script>alert(1)</script>\n\nafter");
    assertInert(root);
    assert.match(root.textContent ?? "", /<script>alert\(1\)<\/script>/);
  });

  it("does not make links of javascript:, vbscript:, data: or file: URLs", () => {
    const root = render(
      [
        "[one](javascript:alert(1))",
        "[two](JaVaScRiPt:alert(1))",
        "[three](vbscript:msgbox(1))",
        "[four](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[five](file:///etc/passwd)",
        "<javascript:alert(1)>",
        "[six](  javascript:alert(1)  )",
      ].join("\n\n"),
    );
    assertInert(root);
    assert.equal(root.querySelector("a"), null);
    assert.match(root.textContent ?? "", /\[one\]\(javascript:alert\(1\)\)/);
  });

  it("drops HTML comments", () => {
    const root = render("before <!-- hidden instruction --> after\n\n<!--\nblock\n-->");
    assertInert(root);
  });

  it("shows <iframe> and <svg> with handlers as text", () => {
    const root = render('<iframe src="https://example.com"></iframe>\n\n<svg onload="alert(1)"><circle r="4"/></svg>\n\n<math><mtext>x</mtext></math>');
    assertInert(root);
    assert.match(root.textContent ?? "", /<svg onload="alert\(1\)">/);
  });

  it("never shows images; describes them without their URL", () => {
    const root = render("![chest X-ray](https://example.com/xray.png)\n\n![](https://example.com/pixel.gif)\n\n![x](data:image/png;base64,AAAA)");
    assertInert(root);
    const text = root.textContent ?? "";
    assert.match(text, /\[image omitted: chest X-ray\]/);
    assert.match(text, /\[image omitted\]/);
    assert.doesNotMatch(text, /xray\.png|pixel\.gif/);
  });

  it("keeps raw anchors with handlers as text", () => {
    const root = render('<a href="javascript:alert(1)" onclick="alert(2)">click</a> and <b onmouseover=alert(3)>bold</b>');
    assertInert(root);
    assert.equal(root.querySelector("a"), null);
    assert.equal(root.querySelector("b"), null);
  });

  it("drops classes injected through a code fence's info string", () => {
    const root = render('```js" onmouseover="alert(1)\nlet x = 1;\n```\n\n```chat-panel hidden\ncode\n```');
    assertInert(root);
    for (const element of Array.from(root.querySelectorAll("[class]"))) {
      assert.match(element.getAttribute("class") ?? "", /^language-[A-Za-z0-9_+#.-]+$/);
    }
  });

  it("renders a web link as an inert, focusable element that carries its URL in data-href", () => {
    const root = render("See [the guideline](https://example.org/guide?x=1&y=2) and <https://example.org/auto>.");
    assertInert(root);
    const links = Array.from(root.querySelectorAll("a"));
    assert.deepEqual(links.map((link) => link.getAttribute("data-href")), ["https://example.org/guide?x=1&y=2", "https://example.org/auto"]);
    for (const link of links) {
      assert.equal(link.hasAttribute("href"), false);
      assert.equal(link.getAttribute("role"), "link");
      assert.equal(link.getAttribute("tabindex"), "0");
      assert.equal(link.getAttribute("title"), link.getAttribute("data-href"));
    }
    assert.equal(links[0]?.textContent, "the guideline");
  });

  it("does not turn bare URLs into links", () => {
    const root = render("Visit https://example.org today.");
    assert.equal(root.querySelector("a"), null);
    assert.match(root.textContent ?? "", /https:\/\/example\.org/);
  });
});

describe("markdown renderer: ordinary answers", () => {
  it("renders headings, lists, emphasis, code and quotes", () => {
    const root = render(
      [
        "# Summary",
        "## Plan",
        "- **Metformin** 500 mg *twice daily*",
        "- Check `eGFR` first",
        "",
        "1. First",
        "2. Second",
        "",
        "> Quoted guidance",
        "",
        "```",
        "dose = weight * 2",
        "```",
        "",
        "~~old~~ text",
      ].join("\n"),
    );
    assertInert(root);
    assert.equal(root.querySelector("h1")?.textContent, "Summary");
    assert.equal(root.querySelector("h2")?.textContent, "Plan");
    assert.equal(root.querySelectorAll("ul > li").length, 2);
    assert.equal(root.querySelectorAll("ol > li").length, 2);
    assert.equal(root.querySelector("strong")?.textContent, "Metformin");
    assert.equal(root.querySelector("em")?.textContent, "twice daily");
    assert.equal(root.querySelector("li code")?.textContent, "eGFR");
    assert.equal(root.querySelector("pre > code")?.textContent, "dose = weight * 2\n");
    assert.equal(root.querySelector("blockquote p")?.textContent, "Quoted guidance");
    assert.equal(root.querySelector("s")?.textContent, "old");
  });

  it("renders tables, turning alignment into classes instead of inline styles", () => {
    const root = render("| Drug | Dose |\n|:-----|-----:|\n| Aspirin | 75 mg |\n| Heparin | 5000 units |");
    assertInert(root);
    assert.deepEqual(Array.from(root.querySelectorAll("th")).map((cell) => cell.textContent), ["Drug", "Dose"]);
    assert.equal(root.querySelectorAll("tbody tr").length, 2);
    assert.equal(root.querySelector("th")?.getAttribute("class"), "align-left");
    assert.equal(root.querySelector("td:last-child")?.getAttribute("class"), "align-right");
  });

  it("replaces earlier content on each render", () => {
    const window = newWindow();
    const target = window.document.getElementById("target");
    assert.ok(target);
    const renderer = createMarkdownRenderer(window);
    renderer.render("first **draft**", target);
    renderer.render("second", target);
    assert.equal(target.textContent?.trim(), "second");
  });
});

describe("HTML sanitizer (second layer, on raw HTML)", () => {
  it("strips dangerous markup even when it reaches the sanitizer as real HTML", () => {
    const window = newWindow();
    const sanitize = createHtmlSanitizer(window);
    const fragment = sanitize(
      [
        '<p onclick="alert(1)" style="color:red">text</p>',
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        '<iframe src="https://example.com"></iframe>',
        '<svg onload="alert(1)"><a xlink:href="javascript:alert(2)"><text>t</text></a></svg>',
        '<a href="javascript:alert(1)">js</a>',
        '<a href="data:text/html,x">data</a>',
        '<a href="https://example.org" target="_blank" onmouseover="x()">ok</a>',
        "<!-- comment -->",
        '<form action="https://example.com"><input name="q"></form>',
        '<p class="chat-panel language-ts">kept</p>',
        '<div data-x="1" aria-hidden="true">div is not allowed but its text stays</div>',
      ].join(""),
    );
    const root = window.document.createElement("div");
    root.append(fragment);
    assertInert(root);
    assert.deepEqual(Array.from(root.querySelectorAll("a")).map((link) => link.getAttribute("data-href")), ["https://example.org"]);
    assert.equal(root.querySelector("a")?.hasAttribute("target"), false);
    assert.equal(root.querySelector("p")?.hasAttribute("style"), false);
    assert.equal(root.querySelector("p.language-ts")?.getAttribute("class"), "language-ts");
    assert.match(root.textContent ?? "", /js/);
    assert.match(root.textContent ?? "", /div is not allowed but its text stays/);
    assert.equal(root.querySelector("[data-x], [aria-hidden]"), null);
  });
});
