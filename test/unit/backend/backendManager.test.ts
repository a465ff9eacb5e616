import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { BackendManager } from "../../../server/src/backend/backendManager";
import type { BackendConfig } from "../../../server/src/backend/backendManager";
import type { BackendStatus } from "../../../common/protocol";
import { validateSettings } from "../../../common/settings";
import type { ChatModel, HealthReport } from "../../../server/src/model/types";

function config(raw: unknown, untrusted = false): BackendConfig {
  return { settings: validateSettings(raw).settings, apiKey: undefined, untrusted };
}

/** A model whose health follows a list of reports, recording probes and disposal. */
function modelWith(reports: HealthReport["state"][]): ChatModel & { probes: number; disposed: boolean } {
  const model = {
    kind: "remote" as const,
    target: "t",
    probes: 0,
    disposed: false,
    stream: async function* () {
      await Promise.resolve();
      yield { type: "done" as const, summary: { finishReason: "stop" as const } };
    },
    health(): Promise<HealthReport> {
      const state = reports[Math.min(model.probes, reports.length - 1)] ?? "ready";
      model.probes++;
      return Promise.resolve({ state, message: state, models: [{ id: "medgemma", contextLength: 16384 }], model: "medgemma", contextLength: 16384, latencyMs: 3 });
    },
    dispose(): Promise<void> {
      model.disposed = true;
      return Promise.resolve();
    },
  };
  return model;
}

const remote = { backend: { endpoint: "https://gpu.example.org/v1" } };

describe("BackendManager", () => {
  it("probes at start and reports the status once per change", async () => {
    const statuses: BackendStatus[] = [];
    const model = modelWith(["ready"]);
    const manager = new BackendManager({ createModel: () => model, onStatus: (s) => statuses.push(s) });
    await manager.configure(config(remote));
    assert.deepEqual(statuses.map((s) => [s.state, s.backend, s.endpoint, s.model, s.contextLength]), [["ready", "remote", "https://gpu.example.org/v1", "medgemma", 16384]]);
    await manager.probe();
    assert.equal(statuses.length, 1, "an unchanged status is not sent again");
    assert.equal(manager.contextLength, 16384);
    await manager.dispose();
  });

  it("holds a probe asked for before the first settings until they arrive, then probes the configured backend", async () => {
    const model = modelWith(["ready"]);
    const manager = new BackendManager({ createModel: () => model, onStatus: () => undefined });
    const seen: { status?: BackendStatus } = {};
    const early = manager.probe().then((status) => (seen.status = status));
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(seen.status, undefined, "no answer from the default backend before the settings");
    await manager.configure(config(remote));
    const answered = await early;
    assert.deepEqual([answered.state, answered.backend, answered.endpoint], ["ready", "remote", "https://gpu.example.org/v1"]);
    assert.equal(model.probes, 1, "the early request and the configuration share one probe");
    await manager.whenConfigured(1);
    await manager.dispose();
  });

  it("stops waiting for the first settings after its limit", async () => {
    const manager = new BackendManager({ createModel: () => modelWith(["ready"]), onStatus: () => undefined });
    const started = performance.now();
    await manager.whenConfigured(20);
    assert.ok(performance.now() - started >= 15);
    await manager.dispose();
  });

  it("probes again every interval while unhealthy, and stops once ready", async () => {
    const statuses: BackendStatus[] = [];
    const model = modelWith(["unreachable", "loading", "ready"]);
    const manager = new BackendManager({ createModel: () => model, onStatus: (s) => statuses.push(s), probeIntervalMs: 20 });
    await manager.configure(config(remote));
    const deadline = performance.now() + 5000;
    while (statuses.at(-1)?.state !== "ready" && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(statuses.map((s) => s.state), ["unreachable", "loading", "ready"]);
    const probes = model.probes;
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(model.probes, probes, "no probing while healthy");
    await manager.dispose();
  });

  it("rebuilds the backend only when its configuration changes", async () => {
    const built: ReturnType<typeof modelWith>[] = [];
    const manager = new BackendManager({ createModel: () => (built.push(modelWith(["ready"])), built.at(-1) as ChatModel), onStatus: () => undefined });
    await manager.configure(config(remote));
    await manager.configure(config({ ...remote, hover: { enabled: false } }));
    assert.equal(built.length, 1);
    await manager.configure(config({ backend: { endpoint: "" } }));
    assert.equal(built.length, 2);
    assert.equal(built[0]?.disposed, true);
    assert.equal(manager.kind, "embedded");
    await manager.dispose();
  });

  it("makes no backend in an untrusted workspace and says why", async () => {
    const statuses: BackendStatus[] = [];
    let built = 0;
    const manager = new BackendManager({ createModel: () => (built++, modelWith(["ready"])), onStatus: (s) => statuses.push(s) });
    await manager.configure(config(remote, true));
    assert.equal(built, 0);
    assert.equal(manager.current, undefined);
    assert.equal(statuses[0]?.state, "error");
    assert.match(statuses[0]?.message ?? "", /untrusted workspace/);
  });
});
