import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inertMarkdown, literalMarkdown } from "../../../server/src/features/markdownSafety";

describe("inertMarkdown", () => {
  it("escapes HTML, keeps link labels and image alt text but drops their targets", () => {
    const out = inertMarkdown('<script>x</script> [docs](https://x.org) ![scan](data:image/png;base64,AAA) [r][1]\n[1]: https://x.org');
    assert.equal(out.trim(), "&lt;script&gt;x&lt;/script&gt; docs scan r");
  });

  it("turns bare URLs of any scheme into code so nothing is clickable", () => {
    assert.equal(inertMarkdown("open command:workbench.action.quit now"), "open `command:workbench.action.quit` now");
    assert.equal(inertMarkdown("javascript:alert(1)"), "`javascript:alert(1)`");
  });

  it("keeps ordinary Markdown", () => {
    assert.equal(inertMarkdown("**Bold** and *italic*\n- item"), "**Bold** and *italic*\n- item");
  });

  it("shows document words literally", () => {
    assert.equal(literalMarkdown("*a*_b_[c]"), "\\*a\\*\\_b\\_\\[c\\]");
  });
});
