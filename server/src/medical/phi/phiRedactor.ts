/**
 * Replaces identifiers with typed placeholders such as `[DATE-1]` or `[NAME-2]`. One redactor is one request: the
 * question and its context share one numbering, the same value always gets the same placeholder, and the map from
 * placeholder to value lives only in this object's memory (it is never logged, persisted or sent).
 */

import type { RedactionSummary } from "../../../../common/protocol";
import type { PhiDetectOptions, PhiFinding, PhiType } from "./phiTypes";
import { detectPhi } from "./phiDetector";
import { PlaceholderRestorer } from "./placeholderRestorer";
import { summarizeFindings } from "./findingSummary";

/** Placeholder text for a type and a number: `[DATE-1]`. */
export function placeholderFor(type: PhiType, index: number): string {
  return `[${type}-${index}]`;
}

/** Anything already shaped like a placeholder, so a literal "[NAME-1]" in the input never collides with ours. */
const EXISTING_PLACEHOLDER = /\[([A-Z]+(?:_[A-Z]+)*)-(\d{1,6})\]/g;

/** The result of redacting one text. */
export interface RedactedText {
  text: string;
  /** Findings in the original text that were replaced. */
  findings: PhiFinding[];
}

/**
 * One redaction session (one request). Also fits the server's redaction-session shape: `redact(text)`,
 * `restorer()`, `summary()`.
 */
export class PhiRedactor {
  /** Placeholder (canonical `TYPE-n`, no brackets) → original value. */
  private readonly originals = new Map<string, string>();
  /** `TYPE` + normalized value → placeholder. */
  private readonly byValue = new Map<string, string>();
  private readonly counters = new Map<PhiType, number>();
  private readonly reserved = new Set<string>();
  private readonly replaced: PhiFinding[] = [];

  constructor(private readonly options: PhiDetectOptions = {}) {}

  /**
   * Redacts one text, continuing the numbering of earlier calls. Pass `findings` to reuse a detection already made
   * on exactly this text.
   */
  redact(text: string, findings?: readonly PhiFinding[]): string {
    return this.redactWithFindings(text, findings).text;
  }

  /** Like `redact`, and also returns the findings that were replaced. */
  redactWithFindings(text: string, findings?: readonly PhiFinding[]): RedactedText {
    this.reserveExisting(text);
    const used = [...(findings ?? detectPhi(text, this.options))].sort((a, b) => a.start - b.start);
    let out = "";
    let last = 0;
    const kept: PhiFinding[] = [];
    for (const finding of used) {
      if (finding.start < last || finding.end > text.length) continue;
      out += text.slice(last, finding.start) + this.placeholder(finding.type, text.slice(finding.start, finding.end));
      last = finding.end;
      kept.push(finding);
    }
    this.replaced.push(...kept);
    return { text: out + text.slice(last), findings: kept };
  }

  /** Redacts several texts (a question and its context) with one shared numbering. */
  redactAll(texts: readonly string[]): string[] {
    for (const text of texts) this.reserveExisting(text);
    return texts.map((text) => this.redact(text));
  }

  /** Counts of what was replaced so far, by type. */
  summary(): RedactionSummary {
    return summarizeFindings(this.replaced);
  }

  /** A streaming restorer that puts the originals back into a model answer. */
  restorer(): PlaceholderRestorer {
    return new PlaceholderRestorer(this.originals);
  }

  /** Restores every placeholder in a complete text. */
  restore(text: string): string {
    const restorer = this.restorer();
    return restorer.push(text) + restorer.flush();
  }

  /** Number of distinct placeholders handed out. */
  get size(): number {
    return this.originals.size;
  }

  /** Forgets every value; later restores leave placeholders as they are. */
  clear(): void {
    this.originals.clear();
    this.byValue.clear();
    this.counters.clear();
    this.replaced.length = 0;
  }

  private reserveExisting(text: string): void {
    for (const m of text.matchAll(EXISTING_PLACEHOLDER)) this.reserved.add(`${m[1]}-${Number(m[2])}`);
  }

  private placeholder(type: PhiType, value: string): string {
    const key = `${type}\u0000${value.replace(/\s+/g, " ").trim()}`;
    const existing = this.byValue.get(key);
    if (existing) return `[${existing}]`;
    let index = this.counters.get(type) ?? 0;
    let id: string;
    do {
      index++;
      id = `${type}-${index}`;
    } while (this.reserved.has(id));
    this.counters.set(type, index);
    this.byValue.set(key, id);
    this.originals.set(id, value);
    return placeholderFor(type, index);
  }
}
