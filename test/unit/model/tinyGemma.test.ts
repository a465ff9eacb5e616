import { describe, it, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Llama, LlamaModel } from "node-llama-cpp";
import { GEMMA3_CHAT_TEMPLATE } from "../../support/tinyGemma/gemma3ChatTemplate";
import { packFloat16, toFloat16Bits, SeededRandom } from "../../support/tinyGemma/numeric";
import { DEFAULT_TINY_GEMMA, buildTinyGemmaGguf } from "../../support/tinyGemma/tinyGemmaGguf";
import { ensureTinyGemmaModel, tinyGemmaCacheDir, tinyGemmaFileName, tinyGemmaParameters } from "../../support/tinyGemma/tinyGemmaModel";
import { GemmaTokenId, TokenType, buildVocabulary } from "../../support/tinyGemma/vocabulary";

describe("tiny Gemma 3 generator: numbers", () => {
  it("packs float16 exactly for representable values and rounds to nearest even", () => {
    assert.equal(toFloat16Bits(1), 0x3c00);
    assert.equal(toFloat16Bits(-2), 0xc000);
    assert.equal(toFloat16Bits(0.5), 0x3800);
    assert.equal(toFloat16Bits(65504), 0x7bff);
    assert.equal(toFloat16Bits(1e6), 0x7c00); // overflow becomes infinity
    assert.equal(toFloat16Bits(2 ** -24), 0x0001); // smallest subnormal
    assert.equal(toFloat16Bits(1 + 2 ** -11), 0x3c00); // halfway rounds to even
    assert.equal(toFloat16Bits(1 + 3 * 2 ** -11), 0x3c02);
    assert.deepEqual([...packFloat16(new Float32Array([1, -2]))], [0x00, 0x3c, 0x00, 0xc0]);
  });

  it("draws the same numbers for the same seed and different ones for another", () => {
    const draw = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 5 }, () => random.gaussian());
    };
    assert.deepEqual(draw(7), draw(7));
    assert.notDeepEqual(draw(7), draw(8));
  });

  it("builds a vocabulary with Gemma's ids, byte pieces, newline pieces and reachable word pieces", () => {
    const vocabulary = buildVocabulary(1024, new SeededRandom(1));
    assert.equal(vocabulary.tokens.length, 1024);
    assert.equal(vocabulary.tokens[GemmaTokenId.bos], "<bos>");
    assert.equal(vocabulary.tokens[GemmaTokenId.eos], "<eos>");
    assert.equal(vocabulary.tokens[GemmaTokenId.startOfTurn], "<start_of_turn>");
    assert.equal(vocabulary.tokens[GemmaTokenId.endOfTurn], "<end_of_turn>");
    assert.equal(vocabulary.types[GemmaTokenId.endOfTurn], TokenType.control);
    assert.equal(vocabulary.tokens[GemmaTokenId.newline], "\n");
    assert.equal(vocabulary.types[GemmaTokenId.newline], TokenType.normal);
    const bytes = vocabulary.tokens.filter((_, id) => vocabulary.types[id] === TokenType.byte);
    assert.equal(bytes.length, 256);
    assert.ok(bytes.includes("<0x0A>") && bytes.includes("<0xFF>"));
    const pieces = new Set(vocabulary.tokens);
    for (const [id, piece] of vocabulary.tokens.entries()) {
      const chars = [...piece];
      if (vocabulary.types[id] !== TokenType.normal || chars.length < 2) continue;
      assert.ok(pieces.has(chars.slice(0, -1).join("")), `prefix of ${piece} is a piece`);
    }
  });
});

describe("tiny Gemma 3 generator: file", () => {
  const created: string[] = [];
  after(async () => {
    for (const path of created) await rm(path, { force: true });
  });

  it("writes byte-identical files for the same parameters and different ones for another seed", () => {
    const first = buildTinyGemmaGguf(tinyGemmaParameters());
    const second = buildTinyGemmaGguf(tinyGemmaParameters());
    assert.ok(first.equals(second));
    assert.ok(!first.equals(buildTinyGemmaGguf(tinyGemmaParameters({ seed: DEFAULT_TINY_GEMMA.seed + 1 }))));
    assert.equal(first.subarray(0, 4).toString("latin1"), "GGUF");
    assert.equal(first.readUInt32LE(4), 3);
    assert.ok(first.length < 4 << 20, `${first.length} bytes`);
  });

  it("caches the file under .cache/models, named after the parameters, and reuses it", async () => {
    const path = await ensureTinyGemmaModel();
    assert.equal(path, join(tinyGemmaCacheDir(), tinyGemmaFileName(tinyGemmaParameters())));
    assert.match(basename(path), /^tiny-gemma3-[0-9a-f]{16}\.gguf$/);
    assert.ok((await readFile(path)).equals(buildTinyGemmaGguf(tinyGemmaParameters())));
    const before = await stat(path);
    assert.equal(await ensureTinyGemmaModel(), path);
    assert.equal((await stat(path)).mtimeMs, before.mtimeMs);
    assert.notEqual(tinyGemmaFileName(tinyGemmaParameters({ endOfTurnBias: 2 })), basename(path));
  });

  it("survives parallel first calls: one complete file, no temporary files left", async () => {
    const overrides = { seed: 4242, name: "Tiny Gemma 3 (parallel test)" };
    const expected = join(tinyGemmaCacheDir(), tinyGemmaFileName(tinyGemmaParameters(overrides)));
    await rm(expected, { force: true });
    created.push(expected);
    const paths = await Promise.all(Array.from({ length: 4 }, () => ensureTinyGemmaModel(overrides)));
    assert.deepEqual(new Set(paths), new Set([expected]));
    assert.ok((await readFile(expected)).equals(buildTinyGemmaGguf(tinyGemmaParameters(overrides))));
    assert.deepEqual((await readdir(tinyGemmaCacheDir())).filter((name) => name.startsWith(basename(expected)) && name.endsWith(".tmp")), []);
  });
});

describe("tiny Gemma 3 generator: read back by node-llama-cpp", () => {
  let llama: Llama | undefined;
  let model: LlamaModel | undefined;
  after(async () => {
    await model?.dispose();
    await llama?.dispose();
  });

  it("has the gemma3 metadata, the chat template and tied weights", async () => {
    const { readGgufFileInfo } = await import("node-llama-cpp");
    const info = await readGgufFileInfo(await ensureTinyGemmaModel(), { readTensorInfo: true });
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    const general = metadata.general ?? {};
    const gemma = metadata.gemma3 ?? {};
    const tokenizer = metadata.tokenizer ?? {};
    assert.equal(general.architecture, "gemma3");
    assert.equal(general.name, DEFAULT_TINY_GEMMA.name);
    assert.equal(gemma.context_length, DEFAULT_TINY_GEMMA.contextLength);
    assert.equal(gemma.block_count, 6);
    assert.equal(gemma.embedding_length, 64);
    assert.equal(tokenizer.chat_template, GEMMA3_CHAT_TEMPLATE);
    const ggml = tokenizer.ggml as Record<string, unknown>;
    assert.equal(ggml.model, "llama");
    assert.equal(ggml.bos_token_id, 2);
    assert.equal(ggml.eos_token_id, 1);
    const tokens = ggml.tokens as string[];
    assert.equal(tokens.length, DEFAULT_TINY_GEMMA.vocabularySize);
    assert.equal(tokens[105], "<start_of_turn>");
    assert.equal(tokens[106], "<end_of_turn>");
    const names = (info.tensorInfo ?? []).map((tensor) => tensor.name);
    assert.equal(names.length, 2 + 13 * 6);
    assert.ok(names.includes("token_embd.weight") && names.includes("blk.5.post_ffw_norm.weight"));
    assert.ok(!names.includes("output.weight"));
  });

  it("loads in the engine with Gemma's special tokens and end-of-turn as end of generation", async () => {
    const { getLlama } = await import("node-llama-cpp");
    llama = await getLlama({ gpu: false, build: "never", skipDownload: true, progressLogs: false });
    model = await llama.loadModel({ modelPath: await ensureTinyGemmaModel() });
    assert.equal(model.trainContextSize, DEFAULT_TINY_GEMMA.contextLength);
    assert.equal(model.tokens.bos, 2);
    assert.equal(model.tokens.eos, 1);
    assert.equal(model.tokens.eot, 106);
    assert.ok(model.isEogToken(model.tokens.eot ?? undefined));
    assert.deepEqual(model.tokenize("<start_of_turn>user\n", true), [105, ...model.tokenize("user"), 107]);
    // A character outside the vocabulary falls back to byte pieces and comes back intact.
    assert.equal(model.detokenize(model.tokenize("dosé µg")), "dosé µg");
  });
});
