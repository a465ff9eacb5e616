/**
 * Letter classes for regular expressions without the `u` flag. Unicode property escapes (`\p{Lu}`) need `u`, which
 * makes V8 scan several times slower; names in clinical text use the Latin script, so explicit classes over Basic
 * Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional (Vietnamese) cover them at full speed.
 * Each constant is the inside of a character class: use it as `[${UPPER}]` or `[${LETTER}'’-]`.
 */

const RANGES: readonly (readonly [number, number])[] = [
  [0x41, 0x5a],
  [0x61, 0x7a],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

const hex = (code: number): string => `\\u${code.toString(16).padStart(4, "0")}`;

/** The class content of every code point in RANGES that passes `test`, as compact ranges. */
function classOf(test: (char: string) => boolean): string {
  let out = "";
  for (const [from, to] of RANGES) {
    let start = -1;
    for (let code = from; code <= to + 1; code++) {
      const inside = code <= to && test(String.fromCharCode(code));
      if (inside && start < 0) start = code;
      if (!inside && start >= 0) {
        out += start === code - 1 ? hex(start) : `${hex(start)}-${hex(code - 1)}`;
        start = -1;
      }
    }
  }
  return out;
}

const isLetter = (char: string): boolean => /\p{L}/u.test(char);

/** Upper-case (and title-case) Latin letters. */
export const UPPER = classOf((char) => isLetter(char) && char !== char.toLowerCase());
/** Lower-case Latin letters. */
export const LOWER = classOf((char) => isLetter(char) && char === char.toLowerCase());
/** All Latin letters. */
export const LETTER = classOf(isLetter);
