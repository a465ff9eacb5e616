/**
 * MedGemma 27B in thinking mode writes `<unused94>thought\n…reasoning…<unused95>` before its answer. The markers are
 * ordinary tokens, so they arrive as text and may be split across stream chunks. This filter separates the hidden
 * reasoning from the visible answer, chunk by chunk.
 */

export const THINKING_START = "<unused94>";
export const THINKING_END = "<unused95>";
const THOUGHT_LABEL = "thought\n";

export interface FilteredChunk {
  visible: string;
  reasoning: string;
}

/** Length of the longest suffix of `text` that is a proper prefix of `marker`. */
function partialMarkerLength(text: string, marker: string): number {
  const max = Math.min(text.length, marker.length - 1);
  for (let length = max; length > 0; length--) {
    if (marker.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

export class ThinkingFilter {
  private inThought = false;
  /** Text held back because it may be the start of a marker (or of the "thought" label). */
  private held = "";
  /** Right after the start marker, the "thought\n" label is dropped. */
  private expectLabel = false;

  /** Feeds one chunk; returns what can be shown and what is reasoning so far. */
  push(chunk: string): FilteredChunk {
    let text = this.held + chunk;
    this.held = "";
    let visible = "";
    let reasoning = "";

    while (text !== "") {
      if (this.expectLabel) {
        if (THOUGHT_LABEL.startsWith(text)) {
          this.held = text; // still could be the label
          return { visible, reasoning };
        }
        if (text.startsWith(THOUGHT_LABEL)) text = text.slice(THOUGHT_LABEL.length);
        this.expectLabel = false;
        continue;
      }
      const marker = this.inThought ? THINKING_END : THINKING_START;
      const index = text.indexOf(marker);
      if (index >= 0) {
        if (this.inThought) reasoning += text.slice(0, index);
        else visible += text.slice(0, index);
        text = text.slice(index + marker.length);
        this.inThought = !this.inThought;
        this.expectLabel = this.inThought;
        continue;
      }
      const hold = partialMarkerLength(text, marker);
      const emit = text.slice(0, text.length - hold);
      this.held = text.slice(text.length - hold);
      if (this.inThought) reasoning += emit;
      else visible += emit;
      text = "";
    }
    return { visible, reasoning };
  }

  /** Ends the stream: held-back text that never became a marker is released. */
  flush(): FilteredChunk {
    const rest = this.held;
    this.held = "";
    this.expectLabel = false;
    return this.inThought ? { visible: "", reasoning: rest } : { visible: rest, reasoning: "" };
  }
}
