/**
 * Entry point of the MedGemma language server: `node dist/server.js --stdio` (or `--node-ipc` from VS Code).
 * Works with any LSP client; see the README for the custom methods.
 */
import { ProposedFeatures, createConnection } from "vscode-languageserver/node";
import { startServer } from "./lsp/server";

// With --stdio, stdout carries the protocol: a library that prints (node-llama-cpp does on some fallback paths)
// would corrupt it. Everything printed goes to stderr, which clients show as the server's log.
for (const method of ["log", "info", "debug"] as const) {
  // eslint-disable-next-line no-console
  console[method] = (...args: unknown[]) => void process.stderr.write(`${args.map(String).join(" ")}\n`);
}

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { env: process.env });
