/**
 * The embedded engine with the tiny generated Gemma 3 model: tokens/s of `medgemma/ask` through the server against
 * node-llama-cpp driven directly in this process, with the same settings (CPU, 1 thread, context 2,048, the same
 * token budget, greedy sampling) and the same prompt tokens (the server's ask prompt, rendered with the file's chat
 * template). Both keep the prompt's evaluated state between runs and drop the previous answer, as the server does.
 * The rate is taken from the first to the last token, so model loading and prompt evaluation are left out of both;
 * runs alternate between the two paths and the ratio is taken run by run.
 */
import type { LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";
import { SAMPLING_DEFAULTS } from "../../server/src/model/embedded/generation";
import { GemmaPromptRenderer } from "../../server/src/model/embedded/promptRenderer";
import { askMessages } from "../../server/src/prompts/prompts";
import { ensureTinyGemmaModel } from "../../test/support/tinyGemma/tinyGemmaModel";
import { BenchSession } from "../lib/benchSession";
import type { Figure } from "../lib/figures";
import { figure } from "../lib/figures";
import { paired, ratePerSecond } from "../lib/stats";
import type { SuiteContext, SuiteResult } from "../lib/suite";

const GROUP = "Embedded engine (tiny model, CPU, 1 thread)";
const QUESTION = "Explain the treatment of atrial fibrillation.";
const CONTEXT_SIZE = 2048;

interface DirectEngine {
  model: LlamaModel;
  sequence: LlamaContextSequence;
  prompt: Token[];
  dispose(): Promise<void>;
}

async function loadDirect(modelPath: string): Promise<DirectEngine> {
  const engine = await import("node-llama-cpp");
  const llama = await engine.getLlama({ gpu: false, build: "never", skipDownload: true, progressLogs: false, logLevel: engine.LlamaLogLevel.warn });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ contextSize: CONTEXT_SIZE, sequences: 1, threads: 1 });
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  if (typeof template !== "string") throw new Error("the tiny model carries no chat template");
  const renderer = new GemmaPromptRenderer(engine, template);
  const prompt = renderer.render(askMessages({ question: QUESTION })).tokenize(model.tokenizer);
  return {
    model,
    sequence: context.getSequence(),
    prompt,
    dispose: async () => {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

/** Generates up to `maxTokens` greedily, turning each token into text as a streaming consumer would. */
async function directRun(direct: DirectEngine, maxTokens: number): Promise<{ times: number[]; text: string }> {
  // As the server does: keep the prompt evaluated by the previous run, drop its answer, evaluate the rest.
  await direct.sequence.adaptStateToTokens(direct.prompt.slice(0, -1), false);
  const times: number[] = [];
  const generated: Token[] = [];
  let text = "";
  const evaluation = direct.sequence.evaluate(direct.prompt.slice(direct.sequence.nextTokenIndex), {
    temperature: 0,
    topP: SAMPLING_DEFAULTS.topP,
    topK: SAMPLING_DEFAULTS.topK,
    minP: SAMPLING_DEFAULTS.minP,
    yieldEogToken: true,
  });
  try {
    for await (const token of evaluation) {
      if (direct.model.isEogToken(token)) break;
      text += direct.model.detokenize([token], true, generated);
      generated.push(token);
      times.push(performance.now());
      if (generated.length >= maxTokens) break;
    }
  } finally {
    await evaluation.return();
  }
  return { times, text };
}

export async function runEmbedded(context: SuiteContext): Promise<SuiteResult> {
  const repetitions = context.quick ? 3 : 31;
  const maxTokens = context.quick ? 150 : 300;
  const modelPath = await ensureTinyGemmaModel();
  const settings = { embedded: { modelPath, gpu: "off", threads: 1, contextSize: CONTEXT_SIZE }, maxTokens, temperature: 0 };
  context.log("embedded: starting the server and loading the tiny model in both places");
  const session = await BenchSession.start({ settings });
  const direct = await loadDirect(modelPath);
  try {
    await session.lsp.waitForStatus((status) => status.state === "ready" && status.backend === "embedded");
    const loadStarted = performance.now();
    // The first ask loads the model in the server; it and one direct run are warm-up.
    await session.ask({ question: QUESTION });
    const firstAskMs = performance.now() - loadStarted;
    await directRun(direct, maxTokens);

    const server: number[] = [];
    const alone: number[] = [];
    const lengths = new Set<number>();
    let sameText = true;
    for (let rep = 0; rep < repetitions; rep++) {
      context.log(`embedded: run ${rep + 1} of ${repetitions}`);
      let serverText = "";
      let directText = "";
      const viaServer = async (): Promise<void> => {
        const ask = await session.ask({ question: QUESTION });
        const count = ask.result.usage?.completionTokens ?? ask.arrivals.length;
        server.push(ratePerSecond(ask.arrivals, count));
        lengths.add(count);
        serverText = ask.result.text;
      };
      const viaEngine = async (): Promise<void> => {
        const run = await directRun(direct, maxTokens);
        alone.push(ratePerSecond(run.times));
        lengths.add(run.times.length);
        directText = run.text;
      };
      if (rep % 2 === 0) {
        await viaServer();
        await viaEngine();
      } else {
        await viaEngine();
        await viaServer();
      }
      if (directText !== serverText) sameText = false;
    }
    if (lengths.size !== 1) throw new Error(`the two paths generated different lengths (${[...lengths].join(", ")} tokens)`);
    const figures: Figure[] = [
      figure(
        { id: "embedded.share", group: GROUP, label: "Tokens/s through the server ÷ node-llama-cpp alone", unit: "%", digits: 1, target: { op: ">=", value: 95 }, note: `${maxTokens} tokens per run, greedy, ${sameText ? "identical text on both paths" : "the texts differ"}` },
        paired(server, alone, (s, a) => (s / a) * 100),
      ),
      figure({ id: "embedded.serverRate", group: GROUP, label: "  through the server", unit: "tok/s", digits: 0 }, server),
      figure({ id: "embedded.directRate", group: GROUP, label: "  node-llama-cpp alone", unit: "tok/s", digits: 0 }, alone),
    ];
    return { figures, details: { firstAskWithLoadMs: firstAskMs, tokensPerRun: [...lengths][0], sameText } };
  } finally {
    await direct.dispose();
    await session.stop();
  }
}
