/**
 * Contact identifiers: telephone and fax numbers, e-mail addresses, URLs and IP addresses.
 */

import type { PhiFinding, PhiRecognizer, PhiType } from "./phiTypes";
import { UNIT_AFTER, after, before, forEachMatch, makeFinding } from "./patternTools";
import { isValidEmail, isValidIpv4, isValidIpv6 } from "./validators";

/** North American numbers: "(555) 214-0187", "555-302-8841", "555.410.2276", "+1 555 607 3312", "1-800-555-0199". */
const NANP =
  /(?<![\w+./-])(?:\+?1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)\s?|[2-9]\d{2}[\s.-])\d{3}[\s.-]\d{4}(?![\w/-]|\.\d)/g;
/** International numbers with a "+" and a country code: "+44 20 7946 0958", "+353 87 555 0142". */
const INTERNATIONAL = /(?<![\w+])\+(?!1[\s.(-]*[2-9]\d{2}[\s.)-])\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}(?![\w/-]|\.\d)/g;
/** UK-style national numbers starting with 0, written in groups: "01332 555 0182", "0113 555 0147". */
const NATIONAL_ZERO = /(?<![\w+./-])0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}(?![\w/-]|\.\d)/g;
/** Bare digit runs and seven-digit local numbers, reported only after a telephone word. */
const CUED_NUMBER = /(?<![\w+./-])(?:\d{10,11}|\d{3}[\s.-]\d{4})(?![\w/-]|\.\d)/g;
const PHONE_CUE =
  /\b(?:phone|ph|tel|telephone|cell|mobile|mob|home|work|pager|page|call(?:back)?|contact|reach(?:able)?|fax|facsimile|voicemail|number|ext)\b[^\d\n]{0,16}$/i;
const FAX_CUE = /(?:\bfax(?:ed)?\b|\bfacsimile\b|\bF\s*:)[^\n\d]{0,16}$/i;
/** Extensions after a number: "ext. 4", "x212". */
const EXTENSION = /^\s*(?:ext\.?|extension|x)\s*\d{1,5}\b/i;

/** Labels of other identifiers: a number right after them belongs to their recognizer. */
const OTHER_ID_LABEL =
  /\b(?:MRN|MR\s?#|record|acct|account|NPI|DEA|SSN|member|policy|group|license|licence|serial|S\/N|claim|case|accession|ID|no\.?|number|#)\s*[:#]?\s*$/i;

function phoneType(text: string, start: number): PhiType {
  return FAX_CUE.test(before(text, start, 24)) ? "FAX" : "PHONE";
}

function digitCount(value: string): number {
  return value.replace(/\D/g, "").length;
}

/** Telephone and fax numbers in US, international and UK national formats. */
export const phoneRecognizer: PhiRecognizer = {
  name: "phone",
  types: ["PHONE", "FAX"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    const add = (start: number, end: number, score: number, name: string): void => {
      if (UNIT_AFTER.test(after(text, end, 10)) && !EXTENSION.test(after(text, end, 16))) return;
      const extension = EXTENSION.exec(after(text, end, 24));
      const cued = PHONE_CUE.test(before(text, start, 32)) || FAX_CUE.test(before(text, start, 24));
      found.push(makeFinding(phoneType(text, start), start, end + (extension?.[0].length ?? 0), cued ? Math.max(score, 0.9) : score, name));
    };
    forEachMatch(NANP, text, (m) => add(m.index, m.index + m[0].length, 0.8, "usPhone"));
    forEachMatch(INTERNATIONAL, text, (m) => {
      const count = digitCount(m[0]);
      if (count >= 8 && count <= 15) add(m.index, m.index + m[0].length, 0.85, "internationalPhone");
    });
    forEachMatch(NATIONAL_ZERO, text, (m) => {
      const count = digitCount(m[0]);
      if (count >= 10 && count <= 11) add(m.index, m.index + m[0].length, 0.7, "nationalPhone");
    });
    forEachMatch(CUED_NUMBER, text, (m) => {
      const preceding = before(text, m.index, 32);
      if (!PHONE_CUE.test(preceding) && !FAX_CUE.test(preceding)) return;
      if (OTHER_ID_LABEL.test(before(text, m.index, 16)) && !/(?:phone|tel|cell|fax|number)\s*[:#]?\s*$/i.test(preceding)) return;
      add(m.index, m.index + m[0].length, 0.75, "cuedPhone");
    });
    return found;
  },
};

/** The "@domain" part; the local part is read backwards from the "@" (patterns that start at "@" scan fast). */
const EMAIL_DOMAIN = /@[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?![\w-])/g;
const LOCAL_PART = /(?<![\w.%+-])[A-Za-z0-9._%+-]+$/;

/** E-mail addresses with a dotted domain. */
export const emailRecognizer: PhiRecognizer = {
  name: "email",
  types: ["EMAIL"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    forEachMatch(EMAIL_DOMAIN, text, (m) => {
      const local = LOCAL_PART.exec(before(text, m.index, 64))?.[0];
      if (!local) return;
      const start = m.index - local.length;
      const value = text.slice(start, m.index + m[0].length).replace(/\.+$/, "");
      if (isValidEmail(value)) found.push(makeFinding("EMAIL", start, start + value.length, 0.99, "email"));
    });
    return found;
  },
};

const TOP_LEVEL = "com|org|net|edu|gov|mil|int|io|info|biz|health|care|clinic|hospital|med|us|uk|ca|au|nz|ie|de|fr|nl|es|it|eu|ch|se|no|dk|in|jp|cn";
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^⟧]+/gi;
const URL_WWW = /(?<![\w@./-])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s<>"'`{}|\\^]*)?/gi;
/** A known top-level domain and an optional path; the host labels before it are read backwards. */
const TOP_LEVEL_AND_PATH = new RegExp(`\\.(?:${TOP_LEVEL})(?:\\.[a-z]{2})?(?![\\w@-])(?:\\/[^\\s<>"'\`{}|\\\\^]*)?`, "g");
const HOST_BEFORE = /(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

function trimUrl(value: string): string {
  let url = value.replace(/[.,;:!?'"]+$/, "");
  // A closing bracket belongs to the URL only when the URL opened one.
  while (/[)\]]$/.test(url)) {
    const close = url.slice(-1);
    const open = close === ")" ? "(" : "[";
    if (url.split(open).length >= url.split(close).length) break;
    url = url.slice(0, -1).replace(/[.,;:!?'"]+$/, "");
  }
  return url;
}

/** Web addresses with a scheme, starting with "www.", or bare host names with a known top-level domain. */
export const urlRecognizer: PhiRecognizer = {
  name: "url",
  types: ["URL"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    const add = (match: RegExpExecArray, score: number, name: string): void => {
      const value = trimUrl(match[0]);
      if (value.length > 4) found.push(makeFinding("URL", match.index, match.index + value.length, score, name));
    };
    forEachMatch(URL_WITH_SCHEME, text, (m) => add(m, 0.95, "url"));
    forEachMatch(URL_WWW, text, (m) => add(m, 0.9, "url"));
    forEachMatch(TOP_LEVEL_AND_PATH, text, (m) => {
      const host = HOST_BEFORE.exec(before(text, m.index, 64))?.[0];
      if (!host) return;
      const start = m.index - host.length;
      const value = trimUrl(text.slice(start, m.index + m[0].length));
      found.push(makeFinding("URL", start, start + value.length, 0.75, "domain"));
    });
    return found;
  },
};

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;
/** Two colons around at most four hex digits: the core of any IPv6 address; the full run is read around it. */
const IPV6_CORE = /:[0-9A-Fa-f]{0,4}:/g;
const HEX_RUN_BEFORE = /[0-9A-Fa-f:]*$/;
const HEX_RUN_AFTER = /^[0-9A-Fa-f:]*/;

/** IPv4 addresses with valid octets and IPv6 addresses in full or compressed form. */
export const ipRecognizer: PhiRecognizer = {
  name: "ip",
  types: ["IP"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    forEachMatch(IPV4, text, (m) => {
      if (!isValidIpv4(m[0])) return;
      if (/(?:\bv|\bversion|\bver\.?)\s*$/i.test(before(text, m.index, 10))) return;
      found.push(makeFinding("IP", m.index, m.index + m[0].length, 0.9, "ipv4"));
    });
    forEachMatch(IPV6_CORE, text, (m) => {
      const start = m.index - (HEX_RUN_BEFORE.exec(before(text, m.index, 40))?.[0].length ?? 0);
      const end = m.index + (HEX_RUN_AFTER.exec(after(text, m.index, 40))?.[0].length ?? 0);
      IPV6_CORE.lastIndex = Math.max(IPV6_CORE.lastIndex, end);
      if (/[\w.]/.test(text.charAt(start - 1)) || /\w/.test(text.charAt(end))) return;
      const value = text.slice(start, end);
      if (!isValidIpv6(value)) return;
      // "::" alone or times like "10:22:33" are not addresses: require a hex letter or a "::" with two groups.
      const groups = value.split(":").filter(Boolean);
      if (groups.length < 2) return;
      if (!value.includes("::") && !/[A-Fa-f]/.test(value)) return;
      found.push(makeFinding("IP", start, end, 0.9, "ipv6"));
    });
    return found;
  },
};
