/**
 * Checksums and structural rules for identifiers that have them. A pattern alone matches too much clinical text
 * (labs, doses, codes); a failed validator turns a look-alike back into an ordinary number.
 */

/** Digits of `value`, ignoring spaces and dashes; undefined if anything else is left. */
function digitsOf(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, "");
  return /^\d+$/.test(digits) ? digits : undefined;
}

/** Luhn (mod 10) check over a digit string, as used by card numbers and the NPI. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = digits.charCodeAt(i) - 48;
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * US social security number: 9 digits; area not 000, 666 or 900-999; group not 00; serial not 0000; not one digit
 * repeated.
 */
export function isValidSsn(value: string): boolean {
  const digits = digitsOf(value);
  if (digits?.length !== 9) return false;
  const area = digits.slice(0, 3);
  if (area === "000" || area === "666" || area.startsWith("9")) return false;
  if (digits.slice(3, 5) === "00" || digits.slice(5) === "0000") return false;
  return !/^(\d)\1{8}$/.test(digits);
}

/** National Provider Identifier: 10 digits starting with 1 or 2, Luhn over "80840" followed by the number. */
export function isValidNpi(value: string): boolean {
  const digits = digitsOf(value);
  if (digits?.length !== 10 || !/^[12]/.test(digits)) return false;
  return passesLuhn(`80840${digits}`);
}

/**
 * DEA registration number: two letters and seven digits. The last digit equals the last digit of
 * (d1 + d3 + d5) + 2 × (d2 + d4 + d6).
 */
export function isValidDea(value: string): boolean {
  const match = /^([A-Z])([A-Z9])(\d{7})$/.exec(value.toUpperCase());
  if (!match) return false;
  const [first, , digits = ""] = match.slice(1);
  if (!first || !"ABCDEFGHJKLMPRSTUX".includes(first)) return false;
  const d = [...digits].map(Number);
  const sum = (d[0] ?? 0) + (d[2] ?? 0) + (d[4] ?? 0) + 2 * ((d[1] ?? 0) + (d[3] ?? 0) + (d[5] ?? 0));
  return sum % 10 === d[6];
}

/** Letters a Medicare Beneficiary Identifier may use: A-Z without S, L, O, I, B and Z. */
const MBI_LETTER = "[AC-HJKMNP-RT-Y]";
const MBI_ALNUM = "[AC-HJKMNP-RT-Y0-9]";
const MBI_PATTERN = new RegExp(
  `^[1-9]${MBI_LETTER}${MBI_ALNUM}\\d${MBI_LETTER}${MBI_ALNUM}\\d${MBI_LETTER}${MBI_LETTER}\\d\\d$`,
);

/** Medicare Beneficiary Identifier: 11 characters in the fixed pattern C A AN N A AN N A A N N (dashes allowed). */
export function isValidMbi(value: string): boolean {
  return MBI_PATTERN.test(value.replace(/-/g, "").toUpperCase());
}

/** Source of a regular expression that matches an MBI written with or without its two dashes (4-3-4). */
export const MBI_SOURCE = `[1-9]${MBI_LETTER}${MBI_ALNUM}\\d-?${MBI_LETTER}${MBI_ALNUM}\\d-?${MBI_LETTER}${MBI_LETTER}\\d\\d`;

/** Dotted IPv4 address with four octets of 0-255 and no leading zeros beyond a single 0. */
export function isValidIpv4(value: string): boolean {
  const parts = value.split(".");
  if (parts.length !== 4) return false;
  return parts.every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

/** IPv6 address: eight groups of 1-4 hex digits, or fewer around a single "::". */
export function isValidIpv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:]+$/.test(value)) return false;
  const halves = value.split("::");
  if (halves.length > 2) return false;
  const groups = (half: string | undefined): string[] | undefined => {
    if (!half) return [];
    const parts = half.split(":");
    return parts.every((part) => /^[0-9A-Fa-f]{1,4}$/.test(part)) ? parts : undefined;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return false;
  const count = head.length + tail.length;
  return halves.length === 2 ? count >= 1 && count <= 7 : count === 8;
}

/** E-mail address with a local part, an "@" and a domain that has a dotted top-level part of letters. */
export function isValidEmail(value: string): boolean {
  return /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/.test(value);
}

const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5,
  W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** North American vehicle identification number: 17 characters without I, O, Q and a check digit in position 9. */
export function isValidVin(value: string): boolean {
  const vin = value.toUpperCase();
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const char = vin.charAt(i);
    const n = /\d/.test(char) ? Number(char) : (VIN_VALUES[char] ?? 0);
    sum += n * (VIN_WEIGHTS[i] ?? 0);
  }
  const check = sum % 11;
  return vin.charAt(8) === (check === 10 ? "X" : String(check));
}

/** NHS number: 10 digits whose last is a mod-11 check digit over the first nine (weights 10 down to 2). */
export function isValidNhsNumber(value: string): boolean {
  const digits = digitsOf(value);
  if (digits?.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits.charAt(i)) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits.charAt(9));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when day and month form a calendar date; a year, when given, checks 29 February. */
export function isCalendarDate(month: number, day: number, year?: number): boolean {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
  if (day > (DAYS_IN_MONTH[month - 1] ?? 0)) return false;
  if (month === 2 && day === 29 && year !== undefined) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  }
  return true;
}
