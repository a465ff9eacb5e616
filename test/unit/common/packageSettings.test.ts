import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SETTINGS } from "../../../common/settings";

interface Property {
  default: unknown;
  scope?: string;
  markdownDescription?: string;
  description?: string;
}

const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = pkg.contributes.configuration.properties;

/** Every leaf of the defaults as "medgemma.a.b" → value (objects of rules count as leaves). */
function leaves(value: unknown, prefix: string): [string, unknown][] {
  if (typeof value !== "object" || value === null || Array.isArray(value) || prefix.endsWith(".rules")) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${prefix}.${key}`));
}

describe("package.json settings", () => {
  const defaults = leaves(DEFAULT_SETTINGS, "medgemma");

  it("contributes every setting the server reads, with the same default", () => {
    for (const [key, value] of defaults) {
      assert.ok(properties[key], `${key} is contributed`);
      assert.deepEqual(properties[key]?.default, value, key);
    }
    assert.equal(Object.keys(properties).length, defaults.length, "no contributed setting the server ignores");
  });

  it("describes every setting, and keeps where clinical text goes out of workspace settings", () => {
    for (const [key, property] of Object.entries(properties)) assert.ok((property.markdownDescription ?? property.description ?? "").length > 30, key);
    for (const key of ["medgemma.backend.endpoint", "medgemma.backend.allowInsecureHttp", "medgemma.backend.caFile", "medgemma.backend.allowSelfSignedCertificates", "medgemma.embedded.modelPath"]) {
      assert.equal(properties[key]?.scope, "machine", key);
    }
    assert.match(properties["medgemma.phi.policy"]?.markdownDescription ?? "", /not certified de-identification/);
  });
});
