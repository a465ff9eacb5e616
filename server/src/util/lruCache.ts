/**
 * A least-recently-used cache bounded by the total size of its values (and by entry count), so a few long
 * answers cannot grow memory without limit the way a count-only bound would allow.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private totalSize = 0;

  constructor(
    private readonly maxSize: number,
    private readonly maxEntries: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The summed size of the cached values. */
  get weight(): number {
    return this.totalSize;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert to mark as most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    this.delete(key);
    if (size > this.maxSize) return; // larger than the whole cache: not worth evicting everything for
    this.entries.set(key, { value, size });
    this.totalSize += size;
    while (this.totalSize > this.maxSize || this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalSize -= entry.size;
  }

  clear(): void {
    this.entries.clear();
    this.totalSize = 0;
  }
}
