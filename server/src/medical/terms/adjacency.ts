/** Whether two neighbouring words of a line may belong to one multi-word term. */
import type { TextSpan } from "../text/words";

/** Only spaces between the words, or "E. coli"-style initials: a period after a single letter. */
export function joined(line: string, left: TextSpan, right: TextSpan): boolean {
  const gap = line.slice(left.end, right.start);
  if (/^[ \t]+$/u.test(gap)) return true;
  return left.text.length === 1 && /^\.[ \t]+$/u.test(gap);
}
