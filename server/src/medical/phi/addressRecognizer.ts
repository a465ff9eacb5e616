/**
 * Street addresses: "1234 Oak Street, Apt 5B", "12 Rue des Lilas", "Flat 2, 17 Station Road", "P.O. Box 44120",
 * "on Wellington Crescent", and the town or postcode that follows a street line ("…, Little Haddon", ", 69003 Lyon").
 */

import type { PhiFinding, PhiRecognizer } from "./phiTypes";
import { alternation, before, forEachMatch, groupStart, makeFinding } from "./patternTools";
import { LETTER, LOWER, UPPER } from "./letterClasses";
import { HOUSE_WORDS, STREET_PREFIXES, STREET_SUFFIXES } from "./placeLexicon";
import { PLACE, STATE, leadingNonPlace } from "./placeShapes";

const NUMBER = "\\d{1,6}[A-Z]?(?:-\\d{1,4})?";
const DIRECTION = "(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?";
const STREET_WORD = `(?:[${UPPER}][${LOWER}'’]+(?:-[${UPPER}][${LOWER}'’]+)?|\\d{1,3}(?:st|nd|rd|th)|[A-Z])`;
const SUFFIX = `(?:${alternation(STREET_SUFFIXES)})`;
const UNIT = "(?:Apt|Apartment|Unit|Suite|Ste|Flat|Fl|Floor|Room|Rm|Bldg|Building|#)\\.?[ \\t]*#?[ \\t]*[A-Z0-9-]{1,6}";
const STREET =
  `(?:${NUMBER}[ \\t]+(?:${DIRECTION}[ \\t]+)?${STREET_WORD}(?:[ \\t]+${STREET_WORD}){0,3}[ \\t]+${SUFFIX}\\b\\.?(?:[ \\t]+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?` +
  `|${NUMBER}[ \\t]+(?:${alternation(STREET_PREFIXES)})[ \\t]+(?:[${LOWER}]{1,4}[ \\t]+){0,2}[${UPPER}][${LETTER}'’-]*(?:[ \\t]+[${UPPER}][${LETTER}'’-]*){0,2})`;
const ADDRESS = new RegExp(`(?<![\\w.\\/-])${STREET}(?:,?[ \\t]*${UNIT}\\b)?`, "g");
/** What may precede a street line: a house name and a flat ("Rosemary Cottage, Flat 2, "). */
const BEFORE_STREET = new RegExp(
  `(?:[${UPPER}][${LOWER}]+[ \\t]+(?:${alternation(HOUSE_WORDS)}),[ \\t]*)?(?:(?:Apt|Apartment|Flat|Unit|Suite)\\.?[ \\t]*#?[ \\t]*[A-Z0-9-]{1,6},?[ \\t]+)?$`,
);
const PO_BOX = /\bP\.?\s?O\.?\s+Box\s+\d{1,7}\b/gi;
const APARTMENT = /(?<![\w-])(?:Apt|Apartment|Flat)\.?[ \t]*#?[ \t]*\d{1,5}[A-Z]?\b/g;
/** A street named without a house number after a place preposition: "on Wellington Crescent", "at Birch Hill Rd". */
const STREET_WITHOUT_NUMBER = new RegExp(
  `\\b(?:on|at|off|along|near)[ \\t]+((?:${STREET_WORD}[ \\t]+){1,3}${SUFFIX})\\b(?![ \\t]*[${UPPER}][${LOWER}])`,
  "gd",
);
/** Numbered roads after a place preposition: "off County Road 12", "on Route 9", "at I-95 exit 41". */
const NUMBERED_ROAD = /\b(?:on|off|at|along|near|from)[ \t]+((?:County Road|County Rd|State Road|State Route|Route|Rte|Highway|Hwy|Interstate|Farm Road|FM|CR|SR|US|I)[ -]?\d{1,4}[A-Z]?)\b/gd;

/** After a street line: ", City", " in City", ", 69003 Lyon". */
const CONTINUATION = new RegExp(
  `^(?:,[ \\t]*(?:(\\d{4,5})[ \\t]+)?|[ \\t]+in[ \\t]+)(${PLACE}(?:[ \\t]\\d{1,2}(?!\\d))?)(?=\\s*(?:[,.;:)·|•–—]|\\n|$)|[ \\t]+(?:${STATE})\\b|[ \\t]+[A-Z]{1,2}\\d|[ \\t]+[${LOWER}])`,
  "d",
);

/** Street addresses, P.O. boxes and apartment numbers, with the city or postcode that follows them. */
export const addressRecognizer: PhiRecognizer = {
  name: "address",
  types: ["ADDRESS", "LOCATION", "ZIP"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    const continueAfter = (end: number): void => {
      const next = CONTINUATION.exec(text.slice(end, end + 80));
      if (!next) return;
      const place = next[2] ?? "";
      if (leadingNonPlace(place) !== 0) return;
      if (next[1]) {
        const zipStart = end + groupStart(next, 1);
        found.push(makeFinding("ZIP", zipStart, zipStart + next[1].length, 0.8, "address"));
      }
      const placeStart = end + groupStart(next, 2);
      found.push(makeFinding("LOCATION", placeStart, placeStart + place.length, 0.75, "address"));
    };
    forEachMatch(ADDRESS, text, (m) => {
      const lead = BEFORE_STREET.exec(before(text, m.index, 48))?.[0].length ?? 0;
      const end = m.index + m[0].length;
      found.push(makeFinding("ADDRESS", m.index - lead, end, 0.85, "streetAddress"));
      continueAfter(end);
    });
    forEachMatch(PO_BOX, text, (m) => {
      found.push(makeFinding("ADDRESS", m.index, m.index + m[0].length, 0.85, "poBox"));
      continueAfter(m.index + m[0].length);
    });
    forEachMatch(APARTMENT, text, (m) => found.push(makeFinding("ADDRESS", m.index, m.index + m[0].length, 0.6, "apartment")));
    forEachMatch(NUMBERED_ROAD, text, (m) => {
      const start = groupStart(m, 1);
      found.push(makeFinding("ADDRESS", start, start + (m[1] ?? "").length, 0.7, "numberedRoad"));
    });
    forEachMatch(STREET_WITHOUT_NUMBER, text, (m) => {
      const start = groupStart(m, 1);
      const street = m[1] ?? "";
      if (leadingNonPlace(street) !== 0) return;
      found.push(makeFinding("ADDRESS", start, start + street.length, 0.7, "streetName"));
      continueAfter(start + street.length);
    });
    return found;
  },
};
