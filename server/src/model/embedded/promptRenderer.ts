/**
 * Renders a conversation with the model file's own chat template (`tokenizer.chat_template`), through
 * node-llama-cpp's `JinjaTemplateChatWrapper`: the same text llama.cpp's server renders. node-llama-cpp's built-in
 * Gemma wrapper is not used because it frames the system text differently from the template.
 */
import type * as NodeLlamaCpp from "node-llama-cpp";
import type { ChatHistoryItem, JinjaTemplateChatWrapper, LlamaText } from "node-llama-cpp";
import { normalizeConversation } from "../gemmaConversation";
import type { ChatMessage } from "../types";

/** The node-llama-cpp module, loaded lazily with `import()`. */
export type NodeLlamaCppModule = typeof NodeLlamaCpp;

/** How the template's special-token placeholders are written when a prompt is shown as text. */
export interface SpecialTokenTexts {
  bos: string;
  eos: string;
  eot: string;
}

/** Gemma's texts, for files whose vocabulary could not be read. */
export const GEMMA_SPECIAL_TOKEN_TEXTS: SpecialTokenTexts = { bos: "<bos>", eos: "<eos>", eot: "<end_of_turn>" };

function toHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((message): ChatHistoryItem => {
    switch (message.role) {
      case "system":
        return { type: "system", text: message.content };
      case "user":
        return { type: "user", text: message.content };
      case "assistant":
        return { type: "model", response: [message.content] };
    }
  });
  // An empty model turn at the end makes the wrapper stop right after the template's generation prompt.
  history.push({ type: "model", response: [] });
  return history;
}

export class GemmaPromptRenderer {
  private readonly wrapper: JinjaTemplateChatWrapper;

  constructor(
    private readonly engine: NodeLlamaCppModule,
    template: string,
  ) {
    // Gemma's template folds the system text into the first user turn itself; the wrapper must not rewrite it.
    this.wrapper = new engine.JinjaTemplateChatWrapper({
      template,
      convertUnsupportedSystemMessagesToUserMessages: false,
      trimLeadingWhitespaceInResponses: false,
    });
  }

  /**
   * The prompt for `messages` (normalized for Gemma first), ready to tokenize: template text may contain special
   * tokens, message text never does (a user typing `<end_of_turn>` stays plain text).
   */
  render(messages: readonly ChatMessage[]): LlamaText {
    const normalized = normalizeConversation(messages);
    return this.wrapper.generateContextState({ chatHistory: toHistory(normalized) }).contextText;
  }

  /** The prompt as one string, special tokens written as their texts. */
  renderText(messages: readonly ChatMessage[], specials: SpecialTokenTexts = GEMMA_SPECIAL_TOKEN_TEXTS): string {
    return this.render(messages)
      .values.map((value) => {
        if (typeof value === "string") return value;
        if (value instanceof this.engine.SpecialTokensText) return value.value;
        if (value.value === "BOS") return specials.bos;
        if (value.value === "EOS") return specials.eos;
        if (value.value === "EOT") return specials.eot;
        return value.value === "NL" ? "\n" : "";
      })
      .join("");
  }
}
