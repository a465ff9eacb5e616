/**
 * A minimal writer for GGUF version 3 files (little-endian): typed metadata entries, then tensor infos, then the
 * aligned tensor data. Enough for test models; nothing here is specific to one architecture.
 */

/** GGUF metadata value types, by their numeric code in the file. */
export const GgufValueType = {
  Uint8: 0,
  Int8: 1,
  Uint16: 2,
  Int16: 3,
  Uint32: 4,
  Int32: 5,
  Float32: 6,
  Bool: 7,
  String: 8,
  Array: 9,
  Uint64: 10,
  Int64: 11,
  Float64: 12,
} as const;

/** Tensor element types this writer emits. */
export const GgmlTensorType = {
  F32: 0,
  F16: 1,
} as const;
export type GgmlTensorType = (typeof GgmlTensorType)[keyof typeof GgmlTensorType];

export type GgufMetadataValue =
  | { type: "u32"; value: number }
  | { type: "i32"; value: number }
  | { type: "f32"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "string[]"; value: readonly string[] }
  | { type: "f32[]"; value: readonly number[] | Float32Array }
  | { type: "i32[]"; value: readonly number[] | Int32Array };

interface TensorEntry {
  name: string;
  /** Fastest-varying dimension first, as GGUF stores them. */
  dims: readonly number[];
  type: GgmlTensorType;
  data: Uint8Array;
}

const DEFAULT_ALIGNMENT = 32;

/** Grows a byte buffer as values are appended. */
class ByteSink {
  private buffer = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = Buffer.alloc(size);
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  u8(value: number): void {
    this.reserve(1);
    this.buffer.writeUInt8(value, this.length);
    this.length += 1;
  }

  u32(value: number): void {
    this.reserve(4);
    this.buffer.writeUInt32LE(value, this.length);
    this.length += 4;
  }

  i32(value: number): void {
    this.reserve(4);
    this.buffer.writeInt32LE(value, this.length);
    this.length += 4;
  }

  u64(value: number): void {
    this.reserve(8);
    this.buffer.writeBigUInt64LE(BigInt(value), this.length);
    this.length += 8;
  }

  f32(value: number): void {
    this.reserve(4);
    this.buffer.writeFloatLE(value, this.length);
    this.length += 4;
  }

  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  string(value: string): void {
    const encoded = Buffer.from(value, "utf8");
    this.u64(encoded.length);
    this.bytes(encoded);
  }

  padTo(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.bytes(new Uint8Array(padding));
  }

  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function writeValue(sink: ByteSink, entry: GgufMetadataValue): void {
  switch (entry.type) {
    case "u32":
      sink.u32(GgufValueType.Uint32);
      sink.u32(entry.value);
      return;
    case "i32":
      sink.u32(GgufValueType.Int32);
      sink.i32(entry.value);
      return;
    case "f32":
      sink.u32(GgufValueType.Float32);
      sink.f32(entry.value);
      return;
    case "bool":
      sink.u32(GgufValueType.Bool);
      sink.u8(entry.value ? 1 : 0);
      return;
    case "string":
      sink.u32(GgufValueType.String);
      sink.string(entry.value);
      return;
    case "string[]":
      sink.u32(GgufValueType.Array);
      sink.u32(GgufValueType.String);
      sink.u64(entry.value.length);
      for (const item of entry.value) sink.string(item);
      return;
    case "f32[]":
      sink.u32(GgufValueType.Array);
      sink.u32(GgufValueType.Float32);
      sink.u64(entry.value.length);
      for (const item of entry.value) sink.f32(item);
      return;
    case "i32[]":
      sink.u32(GgufValueType.Array);
      sink.u32(GgufValueType.Int32);
      sink.u64(entry.value.length);
      for (const item of entry.value) sink.i32(item);
      return;
  }
}

/** Collects metadata and tensors, then serializes them in insertion order. */
export class GgufWriter {
  private readonly metadata: Array<[string, GgufMetadataValue]> = [];
  private readonly tensors: TensorEntry[] = [];
  private readonly alignment = DEFAULT_ALIGNMENT;

  set(key: string, value: GgufMetadataValue): this {
    if (this.metadata.some(([existing]) => existing === key)) throw new Error(`GGUF key ${key} set twice`);
    this.metadata.push([key, value]);
    return this;
  }

  /** Adds a tensor; `dims` lists the fastest-varying dimension first. */
  addTensor(name: string, dims: readonly number[], type: GgmlTensorType, data: Uint8Array): this {
    const elements = dims.reduce((product, dim) => product * dim, 1);
    const bytesPerElement = type === GgmlTensorType.F32 ? 4 : 2;
    if (data.length !== elements * bytesPerElement) {
      throw new Error(`Tensor ${name}: ${data.length} bytes for ${elements} elements of ${bytesPerElement} bytes`);
    }
    this.tensors.push({ name, dims, type, data });
    return this;
  }

  toBuffer(): Buffer {
    const sink = new ByteSink();
    sink.bytes(Buffer.from("GGUF", "ascii"));
    sink.u32(3);
    sink.u64(this.tensors.length);
    sink.u64(this.metadata.length);
    for (const [key, value] of this.metadata) {
      sink.string(key);
      writeValue(sink, value);
    }
    let offset = 0;
    const offsets: number[] = [];
    for (const tensor of this.tensors) {
      offsets.push(offset);
      offset += tensor.data.length;
      offset += (this.alignment - (offset % this.alignment)) % this.alignment;
    }
    this.tensors.forEach((tensor, index) => {
      sink.string(tensor.name);
      sink.u32(tensor.dims.length);
      for (const dim of tensor.dims) sink.u64(dim);
      sink.u32(tensor.type);
      sink.u64(offsets[index] ?? 0);
    });
    sink.padTo(this.alignment);
    for (const tensor of this.tensors) {
      sink.bytes(tensor.data);
      sink.padTo(this.alignment);
    }
    return sink.result();
  }
}
