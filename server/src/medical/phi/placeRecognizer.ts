/**
 * Places named in running text: city and state lines ("Springfield, IL 62704"), ZIP codes after a state or a label,
 * UK postcodes with their town, counties, and towns after words such as "lives in". States and countries themselves
 * are allowed by Safe Harbor and are only anchors.
 */

import type { PhiFinding, PhiRecognizer } from "./phiTypes";
import { alternation, before, forEachMatch, groupStart, makeFinding } from "./patternTools";
import { GIVEN_NAMES, TITLES } from "./nameLexicon";
import { LETTER, UPPER } from "./letterClasses";
import { NOT_LETTER_AFTER, PLACE, STATE, STATE_OR_COUNTRY, UK_POSTCODE, ZIP, leadingNonPlace, placeEndingAt } from "./placeShapes";

/** ", IL 62704", ", Louisiana", ",\nKY 40065". */
const STATE_AFTER_COMMA = new RegExp(`,[ \\t]*(?:\\r?\\n[ \\t]*)?(${STATE_OR_COUNTRY})${NOT_LETTER_AFTER}(?:\\.?[ \\t]+(${ZIP})(?!\\d))?`, "gd");
const ZIP_CODE = new RegExp(`(?<![\\w-])${ZIP}(?![\\w-])`, "g");
const STATE_BEFORE = new RegExp(`(?<![${LETTER}])${STATE}\\.?[ \\t]+$`);
const LABELLED_ZIP = new RegExp(`\\b(?:ZIP(?:\\s+code)?|postal\\s+code|post\\s?code)\\s*[:#]?\\s*(${ZIP}|${UK_POSTCODE})\\b`, "gdi");
const POSTCODE = new RegExp(`(?<![\\w-])${UK_POSTCODE}(?![\\w-])`, "g");
const COUNTY = new RegExp(`[ \\t](?:County|Parish|Borough)${NOT_LETTER_AFTER}`, "g");
/** Places after words that say someone lives or comes from there: "lives in Camden", "a GP in Bristol". */
const PLACE_CUE = new RegExp(
  `\\b(?:lives|living|resides|residing|moved|relocated|based|works|working|practises|practices|grew up|was born|born|raised|home|GP|family|visiting|travel(?:l?ed|l?ing)?|came|comes|from the town of|staying)[ \\t]+(?:in|to|at|from|near)[ \\t]+(${PLACE})`,
  "gd",
);

/** Labelled places: "School: Westfield High", "Hometown: Duluth", "City: Keene". */
const LABELLED_PLACE = new RegExp(`\\b(?:[Ss]chool|[Hh]ometown|[Tt]own|[Cc]ity|[Vv]illage|[Cc]ounty|[Bb]irthplace|[Pp]lace of birth|[Rr]esidence)[ \\t]*:[ \\t]*(${PLACE})`, "gd");

const TITLE_BEFORE = new RegExp(`\\b(?:${alternation(TITLES)})\\.?[ \\t~]*$`);
const INITIAL_BEFORE = new RegExp(`\\b[${UPPER}]\\.[ \\t~]*$`);
const WORD_BEFORE = new RegExp(`([${LETTER}]+)[ \\t]+$`);

/** True when "Name, MD" reads as a person with a credential or label rather than a city and a state. */
function personBeforeAbbreviation(text: string, place: string, start: number): boolean {
  if (GIVEN_NAMES.has(place.split(/[ \t]+/)[0] ?? "")) return true;
  const preceding = before(text, start, 24);
  return TITLE_BEFORE.test(preceding) || INITIAL_BEFORE.test(preceding) || GIVEN_NAMES.has(WORD_BEFORE.exec(preceding)?.[1] ?? "");
}

/** City/state lines, ZIP codes after a state or a label, UK postcodes, counties and cued towns. */
export const placeRecognizer: PhiRecognizer = {
  name: "place",
  types: ["LOCATION", "ZIP"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    forEachMatch(STATE_AFTER_COMMA, text, (m) => {
      const place = placeEndingAt(text, m.index);
      const zip = m[2];
      if (place) {
        const value = text.slice(place.start, place.end);
        // "Jane Roe, MD" and "Rosa Iglesias, ID 0334" are people with a credential or a label, not places.
        const person = !zip && /^[A-Z]{2}$/.test(m[1] ?? "") && personBeforeAbbreviation(text, value, place.start);
        if (!person) found.push(makeFinding("LOCATION", place.start, place.end, zip ? 0.85 : 0.75, "cityState"));
      }
      if (zip) {
        const zipStart = groupStart(m, 2);
        found.push(makeFinding("ZIP", zipStart, zipStart + zip.length, 0.9, "cityState"));
      }
    });
    forEachMatch(ZIP_CODE, text, (m) => {
      if (STATE_BEFORE.test(before(text, m.index, 24))) found.push(makeFinding("ZIP", m.index, m.index + m[0].length, 0.85, "stateZip"));
    });
    forEachMatch(LABELLED_ZIP, text, (m) => {
      const start = groupStart(m, 1);
      found.push(makeFinding("ZIP", start, start + (m[1] ?? "").length, 0.9, "labelledZip"));
    });
    forEachMatch(POSTCODE, text, (m) => {
      found.push(makeFinding("ZIP", m.index, m.index + m[0].length, 0.75, "postcode"));
      const gap = /[ \t,]+$/.exec(before(text, m.index, 4))?.[0].length ?? 0;
      const place = gap > 0 ? placeEndingAt(text, m.index - gap) : undefined;
      if (place) found.push(makeFinding("LOCATION", place.start, place.end, 0.7, "postcode"));
    });
    forEachMatch(COUNTY, text, (m) => {
      const place = placeEndingAt(text, m.index);
      if (place) found.push(makeFinding("LOCATION", place.start, m.index + m[0].length, 0.8, "county"));
    });
    forEachMatch(LABELLED_PLACE, text, (m) => {
      const skip = leadingNonPlace(m[1] ?? "");
      if (skip < 0) return;
      const start = groupStart(m, 1);
      found.push(makeFinding("LOCATION", start + skip, start + (m[1] ?? "").length, 0.75, "labelledPlace"));
    });
    forEachMatch(PLACE_CUE, text, (m) => {
      const skip = leadingNonPlace(m[1] ?? "");
      if (skip < 0) return;
      const start = groupStart(m, 1);
      found.push(makeFinding("LOCATION", start + skip, start + (m[1] ?? "").length, 0.7, "placeCue"));
    });
    return found;
  },
};
