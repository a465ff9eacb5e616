import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SERVER_PROCESS_ENV, serverEnvironment } from "../../../common/serverProcess";

describe("serverEnvironment", () => {
  it("keeps glibc to one malloc arena unless the editor's environment already chose", () => {
    assert.equal(serverEnvironment({ PATH: "/usr/bin" }, undefined).MALLOC_ARENA_MAX, "1");
    assert.equal(serverEnvironment({ MALLOC_ARENA_MAX: "8" }, undefined).MALLOC_ARENA_MAX, "8");
    assert.deepEqual(Object.keys(SERVER_PROCESS_ENV), ["MALLOC_ARENA_MAX"]);
  });

  it("passes the API key only when there is one, and keeps the rest of the environment", () => {
    const withKey = serverEnvironment({ PATH: "/usr/bin", HOME: "/home/a" }, "sk-test");
    assert.equal(withKey.MEDGEMMA_API_KEY, "sk-test");
    assert.equal(withKey.PATH, "/usr/bin");
    assert.equal(withKey.HOME, "/home/a");
    assert.ok(!("MEDGEMMA_API_KEY" in serverEnvironment({ PATH: "/usr/bin" }, undefined)));
    assert.ok(!("MEDGEMMA_API_KEY" in serverEnvironment({ PATH: "/usr/bin" }, "")));
  });

  it("does not change the environment it was given", () => {
    const base = { PATH: "/usr/bin" };
    serverEnvironment(base, "sk-test");
    assert.deepEqual(base, { PATH: "/usr/bin" });
  });
});
