import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import type { AddressInfo, Server, Socket } from "node:net";
import { join } from "node:path";
import { OpenAICompatibleClient } from "../../../server/src/model/openaiClient";
import { startScriptedBackend } from "../../support/scriptedBackend";
import type { ScriptedBackend } from "../../support/scriptedBackend";
import { ask } from "../../support/collect";

const TLS_DIR = join(__dirname, "..", "..", "fixtures", "tls");
const read = (name: string): string => readFileSync(join(TLS_DIR, name), "utf8");

function client(endpoint: string, extra: { caFile?: string; allowSelfSignedCertificates?: boolean } = {}): OpenAICompatibleClient {
  return new OpenAICompatibleClient({ endpoint, model: "m", connectTimeoutMs: 2_000, firstByteTimeoutMs: 2_000, ...extra });
}

describe("TLS", () => {
  let signedByTestCa: ScriptedBackend;
  let selfSigned: ScriptedBackend;
  before(async () => {
    signedByTestCa = await startScriptedBackend({ tls: { key: read("server.key"), cert: read("server.pem") } });
    selfSigned = await startScriptedBackend({ tls: { key: read("self.key"), cert: read("self.pem") } });
  });
  after(async () => {
    await signedByTestCa.close();
    await selfSigned.close();
  });

  it("refuses a certificate from an unknown authority and names the CA setting", async () => {
    const c = client(signedByTestCa.url);
    const out = await ask(c, "q");
    assert.equal(out.summary.error?.kind, "tls");
    assert.match(out.summary.error?.message ?? "", /authority this machine does not know.*medgemma\.backend\.caFile/);
    await c.dispose();
  });

  it("accepts it once the CA file is configured", async () => {
    const c = client(signedByTestCa.url, { caFile: join(TLS_DIR, "ca.pem") });
    const out = await ask(c, "q");
    assert.equal(out.summary.finishReason, "stop");
    assert.equal(out.text, "Hello from the test backend.");
    await c.dispose();
  });

  it("refuses a self-signed certificate unless explicitly allowed", async () => {
    const refused = client(selfSigned.url);
    const out = await ask(refused, "q");
    assert.equal(out.summary.error?.kind, "tls");
    assert.match(out.summary.error?.message ?? "", /self-signed.*allowSelfSignedCertificates/);
    await refused.dispose();

    const allowed = client(selfSigned.url, { allowSelfSignedCertificates: true });
    assert.equal((await ask(allowed, "q")).summary.finishReason, "stop");
    await allowed.dispose();
  });

  it("reports an unreadable CA file as a configuration problem, for requests and for the probe", async () => {
    const c = client(signedByTestCa.url, { caFile: join(TLS_DIR, "missing.pem") });
    const out = await ask(c, "q");
    assert.equal(out.summary.error?.kind, "configuration");
    assert.match(out.summary.error?.message ?? "", /Cannot read the certificate file in medgemma\.backend\.caFile.*ENOENT/);
    const health = await c.health();
    assert.equal(health.state, "error");
    await c.dispose();
  });
});

/** A minimal HTTP CONNECT proxy that records the targets it tunnels to. */
async function startConnectProxy(): Promise<{ url: string; targets: string[]; close: () => Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once("data", (head) => {
      const match = /^CONNECT ([^ ]+) HTTP/.exec(head.toString("latin1"));
      if (!match?.[1]) {
        socket.destroy();
        return;
      }
      targets.push(match[1]);
      const [host, port] = match[1].split(":");
      const upstream = connect(Number(port), host ?? "127.0.0.1", () => {
        socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      sockets.add(upstream);
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    targets,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("proxies", () => {
  const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
  after(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("goes through HTTP_PROXY, and straight to hosts in NO_PROXY", async () => {
    const backend = await startScriptedBackend();
    const proxy = await startConnectProxy();
    delete process.env.http_proxy;
    delete process.env.no_proxy;
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    const proxied = client(backend.url);
    assert.equal((await ask(proxied, "q")).summary.finishReason, "stop");
    assert.deepEqual(proxy.targets, [`127.0.0.1:${backend.port}`]);
    await proxied.dispose();

    process.env.NO_PROXY = "127.0.0.1";
    const direct = client(backend.url);
    assert.equal((await ask(direct, "q")).summary.finishReason, "stop");
    assert.equal(proxy.targets.length, 1);
    await direct.dispose();
    await proxy.close();
    await backend.close();
  });
});
