/**
 * Reads the metadata at the start of a GGUF file (architecture, name, training context, chat template, special
 * token texts) without loading weights or the native engine. Large arrays such as the vocabulary are skipped by
 * their length prefixes, so a multi-gigabyte file costs one pass over a few megabytes of header.
 */
import { open, stat, type FileHandle } from "node:fs/promises";

export type GgufHeaderProblem =
  | "missing"
  | "not-a-file"
  | "unreadable"
  | "not-gguf"
  | "unsupported-version"
  | "truncated"
  | "malformed";

/** Why a file is not a usable GGUF file, for the error message. */
export class GgufHeaderError extends Error {
  constructor(
    readonly problem: GgufHeaderProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GgufHeaderError";
  }
}

export interface GgufHeader {
  version: number;
  tensorCount: number;
  fileSize: number;
  architecture?: string;
  /** `general.name`. */
  name?: string;
  /** `<architecture>.context_length`: the training context in tokens. */
  contextLength?: number;
  chatTemplate?: string;
  /** Texts of the BOS and EOS tokens, when the vocabulary names them. */
  bosToken?: string;
  eosToken?: string;
}

const CHUNK = 1 << 20;
/** No sane metadata string is longer; a larger length means a corrupt file. */
const MAX_STRING = 64 << 20;
/** Vocabulary entries kept to look up the BOS and EOS texts (their ids are small in every known vocabulary). */
const KEPT_TOKENS = 4096;

const FIXED_SIZES: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const STRING = 8;
const ARRAY = 9;

class BufferedReader {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  position = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {}

  private async ensure(length: number): Promise<void> {
    const end = this.position + length;
    if (end > this.size) throw new GgufHeaderError("truncated", "the file ends inside its header");
    if (this.position >= this.bufferStart && end <= this.bufferStart + this.buffer.length) return;
    const readLength = Math.min(Math.max(length, CHUNK), this.size - this.position);
    const next = Buffer.alloc(readLength);
    const { bytesRead } = await this.handle.read(next, 0, readLength, this.position);
    if (bytesRead < length) throw new GgufHeaderError("truncated", "the file ends inside its header");
    this.buffer = next.subarray(0, bytesRead);
    this.bufferStart = this.position;
  }

  private offset(): number {
    return this.position - this.bufferStart;
  }

  async bytes(length: number): Promise<Buffer> {
    await this.ensure(length);
    const slice = this.buffer.subarray(this.offset(), this.offset() + length);
    this.position += length;
    return slice;
  }

  async u32(): Promise<number> {
    await this.ensure(4);
    const value = this.buffer.readUInt32LE(this.offset());
    this.position += 4;
    return value;
  }

  async u64(): Promise<number> {
    await this.ensure(8);
    const value = this.buffer.readBigUInt64LE(this.offset());
    this.position += 8;
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new GgufHeaderError("malformed", "a length in the header is impossibly large");
    return Number(value);
  }

  async scalar(type: number): Promise<number | boolean | bigint> {
    const size = FIXED_SIZES[type];
    if (size === undefined) throw new GgufHeaderError("malformed", `unknown metadata type ${type}`);
    await this.ensure(size);
    const at = this.offset();
    this.position += size;
    switch (type) {
      case 0: return this.buffer.readUInt8(at);
      case 1: return this.buffer.readInt8(at);
      case 2: return this.buffer.readUInt16LE(at);
      case 3: return this.buffer.readInt16LE(at);
      case 4: return this.buffer.readUInt32LE(at);
      case 5: return this.buffer.readInt32LE(at);
      case 6: return this.buffer.readFloatLE(at);
      case 7: return this.buffer.readUInt8(at) !== 0;
      case 10: return this.buffer.readBigUInt64LE(at);
      case 11: return this.buffer.readBigInt64LE(at);
      default: return this.buffer.readDoubleLE(at);
    }
  }

  async string(): Promise<string> {
    const length = await this.u64();
    if (length > MAX_STRING) throw new GgufHeaderError("malformed", "a metadata string is impossibly long");
    return (await this.bytes(length)).toString("utf8");
  }

  skip(length: number): void {
    if (this.position + length > this.size) throw new GgufHeaderError("truncated", "the file ends inside its header");
    this.position += length;
  }

  async skipString(): Promise<void> {
    const length = await this.u64();
    if (length > MAX_STRING) throw new GgufHeaderError("malformed", "a metadata string is impossibly long");
    this.skip(length);
  }
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  return undefined;
}

async function readMetadata(reader: BufferedReader, count: number): Promise<{ values: Map<string, unknown>; tokens: string[] }> {
  const values = new Map<string, unknown>();
  const tokens: string[] = [];
  for (let entry = 0; entry < count; entry++) {
    const key = await reader.string();
    const type = await reader.u32();
    if (type === STRING) {
      values.set(key, await reader.string());
    } else if (type === ARRAY) {
      const elementType = await reader.u32();
      const length = await reader.u64();
      if (elementType === STRING) {
        const keep = key === "tokenizer.ggml.tokens" ? Math.min(length, KEPT_TOKENS) : 0;
        for (let i = 0; i < length; i++) {
          if (i < keep) tokens.push(await reader.string());
          else await reader.skipString();
        }
      } else {
        const size = FIXED_SIZES[elementType];
        if (size === undefined) throw new GgufHeaderError("malformed", `unsupported array element type ${elementType}`);
        reader.skip(size * length);
      }
    } else {
      values.set(key, await reader.scalar(type));
    }
  }
  return { values, tokens };
}

/**
 * Reads the header of the GGUF file at `path`. Throws `GgufHeaderError` when the file is missing, unreadable, not
 * GGUF, of an unsupported version, or cut short.
 */
export async function readGgufHeader(path: string): Promise<GgufHeader> {
  let fileSize: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new GgufHeaderError("not-a-file", "the path is a folder, not a file");
    fileSize = info.size;
  } catch (error) {
    if (error instanceof GgufHeaderError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new GgufHeaderError("missing", "the file does not exist", { cause: error });
    throw new GgufHeaderError("unreadable", `the file cannot be read (${String(code ?? error)})`, { cause: error });
  }

  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new GgufHeaderError("unreadable", `the file cannot be opened (${String(code ?? error)})`, { cause: error });
  }
  try {
    const reader = new BufferedReader(handle, fileSize);
    if (fileSize < 24 || (await reader.bytes(4)).toString("latin1") !== "GGUF") {
      throw new GgufHeaderError("not-gguf", "it does not start with the GGUF signature");
    }
    const version = await reader.u32();
    if (version !== 2 && version !== 3) {
      throw new GgufHeaderError("unsupported-version", `it is GGUF version ${version}; only versions 2 and 3 are supported`);
    }
    const tensorCount = await reader.u64();
    const metadataCount = await reader.u64();
    const { values, tokens } = await readMetadata(reader, metadataCount);
    const text = (key: string): string | undefined => {
      const value = values.get(key);
      return typeof value === "string" ? value : undefined;
    };
    const architecture = text("general.architecture");
    const bosId = asNumber(values.get("tokenizer.ggml.bos_token_id"));
    const eosId = asNumber(values.get("tokenizer.ggml.eos_token_id"));
    return {
      version,
      tensorCount,
      fileSize,
      architecture,
      name: text("general.name"),
      contextLength: architecture ? asNumber(values.get(`${architecture}.context_length`)) : undefined,
      chatTemplate: text("tokenizer.chat_template"),
      bosToken: bosId === undefined ? undefined : tokens[bosId],
      eosToken: eosId === undefined ? undefined : tokens[eosId],
    };
  } finally {
    await handle.close();
  }
}
