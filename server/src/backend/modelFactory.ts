/** Builds the backend the settings ask for: an OpenAI-compatible server when an endpoint is set, else the embedded engine. */
import { EmbeddedChatModel } from "../model/embedded/embeddedChatModel";
import type { EngineLogger } from "../model/embedded/engineLoader";
import { OpenAICompatibleClient } from "../model/openaiClient";
import type { ChatModel } from "../model/types";
import type { BackendConfig } from "./backendManager";

export function createModel(config: BackendConfig, engineLogger?: EngineLogger): ChatModel {
  const { backend, embedded } = config.settings;
  if (backend.endpoint) {
    return new OpenAICompatibleClient({
      endpoint: backend.endpoint,
      model: backend.model,
      ...(config.apiKey ? { apiKey: config.apiKey } : {}),
      ...(backend.caFile ? { caFile: backend.caFile } : {}),
      allowSelfSignedCertificates: backend.allowSelfSignedCertificates,
      connectTimeoutMs: backend.connectTimeoutMs,
      firstByteTimeoutMs: backend.firstByteTimeoutMs,
    });
  }
  return EmbeddedChatModel.fromSettings(embedded, engineLogger ? { logger: engineLogger } : {});
}
