import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GgufHeaderError, readGgufHeader } from "../../../server/src/model/embedded/ggufHeader";
import { RequestQueue } from "../../../server/src/model/embedded/requestQueue";
import { StopStringScanner } from "../../../server/src/model/embedded/stopStrings";
import { contextTooLongError, engineUnavailableError, loadFailedError, modelFileError } from "../../../server/src/model/embedded/embeddedErrors";
import { GEMMA3_CHAT_TEMPLATE } from "../../support/tinyGemma/gemma3ChatTemplate";
import { DEFAULT_TINY_GEMMA, buildTinyGemmaGguf } from "../../support/tinyGemma/tinyGemmaGguf";
import { ensureTinyGemmaModel, tinyGemmaParameters } from "../../support/tinyGemma/tinyGemmaModel";

function scanAll(stops: string[], chunks: string[]): { text: string; stopped: boolean } {
  const scanner = new StopStringScanner(stops);
  let text = "";
  for (const chunk of chunks) {
    const scan = scanner.push(chunk);
    text += scan.text;
    if (scan.stopped) return { text, stopped: true };
  }
  return { text: text + scanner.flush(), stopped: false };
}

describe("StopStringScanner", () => {
  it("passes text through when no stop string occurs", () => {
    assert.deepEqual(scanAll(["<end_of_turn>"], ["Hello ", "world", "<"]), { text: "Hello world<", stopped: false });
  });

  it("finds a stop string split across chunks and shows nothing of it", () => {
    const scanner = new StopStringScanner(["<end_of_turn>"]);
    assert.deepEqual(scanner.push("Done.<end_"), { text: "Done.", stopped: false });
    assert.deepEqual(scanner.push("of_turn>more"), { text: "", stopped: true });
  });

  it("releases held text that turned out not to be a stop string", () => {
    const scanner = new StopStringScanner(["STOP"]);
    assert.deepEqual(scanner.push("a ST"), { text: "a ", stopped: false });
    assert.deepEqual(scanner.push("ART"), { text: "START", stopped: false });
  });

  it("stops at the earliest of several stop strings", () => {
    assert.deepEqual(scanAll(["\n\n", "END"], ["one END two\n\nthree"]), { text: "one ", stopped: true });
  });
});

describe("RequestQueue", () => {
  it("grants turns first in, first out", async () => {
    const queue = new RequestQueue();
    const order: string[] = [];
    const first = await queue.acquire();
    const second = queue.acquire().then((release) => {
      order.push("second");
      return release;
    });
    const third = queue.acquire().then((release) => {
      order.push("third");
      release();
    });
    assert.equal(queue.pending, 2);
    first();
    (await second)();
    await third;
    assert.deepEqual(order, ["second", "third"]);
    assert.equal(queue.pending, 0);
  });

  it("lets a waiting request leave when its signal fires, without blocking the others", async () => {
    const queue = new RequestQueue();
    const first = await queue.acquire();
    const controller = new AbortController();
    const cancelled = queue.acquire(controller.signal);
    const next = queue.acquire();
    controller.abort();
    await assert.rejects(cancelled);
    assert.equal(queue.pending, 1);
    first();
    const release = await next;
    release();
    const again = await queue.acquire();
    again();
  });

  it("refuses at once when the signal already fired", async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(new RequestQueue().acquire(controller.signal));
  });
});

describe("readGgufHeader", () => {
  let dir = "";
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), "medgemma-gguf-"));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const problemOf = async (path: string): Promise<string> => {
    try {
      await readGgufHeader(path);
      return "none";
    } catch (error) {
      assert.ok(error instanceof GgufHeaderError);
      return error.problem;
    }
  };

  it("reads architecture, name, training context, chat template and special token texts", async () => {
    const header = await readGgufHeader(await ensureTinyGemmaModel());
    assert.equal(header.version, 3);
    assert.equal(header.architecture, "gemma3");
    assert.equal(header.name, DEFAULT_TINY_GEMMA.name);
    assert.equal(header.contextLength, DEFAULT_TINY_GEMMA.contextLength);
    assert.equal(header.chatTemplate, GEMMA3_CHAT_TEMPLATE);
    assert.equal(header.bosToken, "<bos>");
    assert.equal(header.eosToken, "<eos>");
    assert.equal(header.tensorCount, 80);
  });

  it("tells a missing file, a folder, a non-GGUF file, a wrong version and a cut-off file apart", async () => {
    assert.equal(await problemOf(join(dir, "absent.gguf")), "missing");
    await mkdir(join(dir, "folder.gguf"));
    assert.equal(await problemOf(join(dir, "folder.gguf")), "not-a-file");
    await writeFile(join(dir, "text.gguf"), "This is a README, not a model. ".repeat(4));
    assert.equal(await problemOf(join(dir, "text.gguf")), "not-gguf");
    const bytes = buildTinyGemmaGguf(tinyGemmaParameters());
    const version1 = Buffer.from(bytes);
    version1.writeUInt32LE(1, 4);
    await writeFile(join(dir, "v1.gguf"), version1);
    assert.equal(await problemOf(join(dir, "v1.gguf")), "unsupported-version");
    await writeFile(join(dir, "cut.gguf"), bytes.subarray(0, 5000));
    assert.equal(await problemOf(join(dir, "cut.gguf")), "truncated");
  });
});

describe("embedded error messages", () => {
  it("say what to change", () => {
    const missing = modelFileError("/models/medgemma.gguf", new GgufHeaderError("missing", "the file does not exist"));
    assert.equal(missing.kind, "configuration");
    assert.match(missing.message, /\/models\/medgemma\.gguf does not exist/);
    assert.match(missing.message, /medgemma\.embedded\.modelPath/);
    const notGguf = modelFileError("/models/readme.txt", new GgufHeaderError("not-gguf", "it does not start with the GGUF signature"));
    assert.match(notGguf.message, /readme\.txt is not a GGUF model file/);

    const memory = loadFailedError("/m/medgemma-27b.gguf", Object.assign(new Error("A context size of 8192 is too large for the available VRAM"), { name: "InsufficientMemoryError" }), 8192);
    assert.equal(memory.kind, "engine");
    assert.match(memory.message, /Not enough memory/);
    assert.match(memory.message, /medgemma\.embedded\.contextSize/);

    const noBinary = engineUnavailableError(Object.assign(new Error("No binary found for cuda"), { name: "NoBinaryFoundError" }), "cuda");
    assert.match(noBinary.message, /could not start/);
    assert.match(noBinary.message, /medgemma\.embedded\.gpu/);
    assert.match(noBinary.message, /medgemma\.backend\.endpoint/);

    const long = contextTooLongError("/m/x.gguf", 9000, 8192, 131072);
    assert.equal(long.kind, "context-too-long");
    assert.equal(long.contextLimit, 8192);
    assert.match(long.message, /up to 131072 tokens/);
  });
});
