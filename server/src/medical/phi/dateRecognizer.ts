/**
 * Dates: every element of a date except the year is an identifier. A year alone is allowed and never reported.
 *
 * Numeric dates with a year are reported when they form a calendar date either way round (month/day or day/month).
 * A slash pair without a year ("3/14") is also a blood pressure, a fraction, a strength grade, a pain score or a
 * British duration ("3/7" = three days, "2/52" = two weeks, "6/12" = six months), so it counts as a date only right
 * after a date cue ("on", "since", "DOB", "admitted", a weekday …), never before a unit or "ago", and never when a
 * duration word ("for", "x", "over", "past") puts a /7, /52 or /12 denominator in front of it.
 */

import type { PhiFinding, PhiRecognizer } from "./phiTypes";
import { UNIT_AFTER, after, before, forEachMatch, groupStart, makeFinding } from "./patternTools";
import { isCalendarDate } from "./validators";

const MONTH_WORDS: readonly (readonly string[])[] = [
  ["January", "Jan"],
  ["February", "Feb"],
  ["March", "Mar"],
  ["April", "Apr"],
  ["May"],
  ["June", "Jun"],
  ["July", "Jul"],
  ["August", "Aug"],
  ["September", "Sept", "Sep"],
  ["October", "Oct"],
  ["November", "Nov"],
  ["December", "Dec"],
];

/** Month word → month number; keys in title case and upper case only, so "dec" (decreased) is not December. */
const MONTH_NUMBER = new Map<string, number>();
MONTH_WORDS.forEach((words, index) => {
  for (const word of words) {
    MONTH_NUMBER.set(word, index + 1);
    MONTH_NUMBER.set(word.toUpperCase(), index + 1);
  }
});

const ABBREVIATED_MONTHS = new Set(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);
const MONTH = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join("|");
const YEAR = "(?:19|20)\\d{2}";

/** Boundaries that keep a date from being part of a longer number, code or version string. */
const NOT_BEFORE = "(?<![\\w.\\/:-])";
const NOT_AFTER = "(?![\\w\\/-]|\\.\\d)";

const ISO = new RegExp(
  `${NOT_BEFORE}(${YEAR})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:T\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?${NOT_AFTER}`,
  "g",
);
const NUMERIC = new RegExp(`${NOT_BEFORE}(\\d{1,2})([-/.])(\\d{1,2})\\2((?:19|20)?\\d{2})${NOT_AFTER}`, "g");
const MONTH_YEAR_NUMERIC = new RegExp(`${NOT_BEFORE}(0?[1-9]|1[0-2])\\/(${YEAR})${NOT_AFTER}`, "g");
const YEARLESS = /(?<![\w./:-])(\d{1,2})\/(\d{1,2})(?![\w/-]|\.\d|:\d)/g;
const MONTH_DAY = new RegExp(
  `\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!:\\d|\\.\\d)(?:(?:,\\s*|\\s+)(${YEAR})\\b)?`,
  "g",
);
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?(?:\\s+|-)(${MONTH})\\b\\.?(?:(?:,?\\s+|-)((?:19|20)\\d{2}|'?\\d{2})\\b)?`,
  "gd",
);
const MONTH_YEAR = new RegExp(`\\b(${MONTH})\\b\\.?,?\\s+(?:of\\s+)?(${YEAR})\\b`, "g");
const MONTH_ALONE = new RegExp(
  `\\b(?:in|since|during|until|till|from|by|early|mid|late|last|next|this|before|after|through|end of|beginning of)\\s+(?:early\\s+|mid-?\\s*|late\\s+)?(${MONTH})\\b\\.?(?!\\s*\\d)`,
  "gd",
);

const ORDINAL_WORDS =
  "(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
const SPOKEN_YEAR =
  "(?:nineteen|twenty|two thousand(?: and)?)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|oh[- ](?:one|two|three|four|five|six|seven|eight|nine)|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)";
/** Dictated dates: "September the ninth nineteen forty", "the twelfth of March". */
const SPOKEN_DATE = new RegExp(
  `\\b(?:(?:${MONTH})\\s+(?:the\\s+)?${ORDINAL_WORDS}|${ORDINAL_WORDS}\\s+of\\s+(?:${MONTH}))\\b(?:,?\\s+(?:${SPOKEN_YEAR}|${YEAR})\\b)?`,
  "gi",
);
/** A bare day of the month after a cue: "came back on the 3rd". */
const DAY_OF_MONTH = /\b(?:on|since|by|until|till|from|before|after)\s+the\s+(\d{1,2}(?:st|nd|rd|th))\b(?!\s+(?:of\s+)?(?:day|week|month|year|dose|cycle|time|percentile|centile|floor|grade|stage))/gd;

/** Words right before a yearless "m/d" that make it a date. */
const DATE_CUE = new RegExp(
  "(?:\\b(?:on|since|from|until|till|through|thru|dated?|DOB|DOS|LMP|EDD|admit(?:ted)?|admission|discharged?|seen|visits?|effective|start(?:s|ing|ed)?|restarted|resumed|stopped|held|changed|given|done|performed|placed|removed|drawn|collected|obtained|called|faxed|sent|received|signed|transferred|scheduled|booked|planned|due|expected|born|died|as of|before|after|by|next|last|recheck|repeat|follow-up|f/u|out|labs?|appointment|appt|filled|refilled|dispensed|ordered|prescribed|updated|printed|expires|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\\.?,?\\s*:?\\s*" +
    "|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\s*(?:-|–|to|and|through|,)\\s*)$",
  "i",
);
/** Words right after a yearless "m/d" that make it a measurement or a duration. */
const NOT_DATE_AFTER =
  /^\s*(?:ago|hx|history|duration|strength|power|murmur|pain|scale|score|cores?|of\b|systolic|diastolic|[a-z]*\s*murmur)/i;
/** Duration words before a British "n/7", "n/52" or "n/12". */
const DURATION_BEFORE = /\b(?:for|x|×|over|past|last|within|in|after|of)\s*$/i;

function isVersionContext(text: string, index: number): boolean {
  return /(?:\bv|\bversion|\bver\.?)\s*$/i.test(before(text, index, 10));
}

function validDayMonth(a: number, b: number, year?: number): boolean {
  return isCalendarDate(a, b, year) || isCalendarDate(b, a, year);
}

function fullYear(text: string): number {
  const value = Number(text.replace("'", ""));
  return text.replace("'", "").length === 2 ? (value > 30 ? 1900 + value : 2000 + value) : value;
}

/** Finds dates in every common written and numeric form. */
export const dateRecognizer: PhiRecognizer = {
  name: "date",
  types: ["DATE"],
  find(text: string): PhiFinding[] {
    const found: PhiFinding[] = [];
    const add = (start: number, end: number, score: number, name: string): void => {
      found.push(makeFinding("DATE", start, end, score, name));
    };

    forEachMatch(ISO, text, (m) => {
      const year = Number(m[1]);
      if (isCalendarDate(Number(m[3]), Number(m[4]), year)) add(m.index, m.index + m[0].length, 0.95, "isoDate");
    });

    forEachMatch(NUMERIC, text, (m) => {
      const [, first = "", separator = "", second = "", yearText = ""] = m;
      if (separator === "." && yearText.length !== 4 && (first.length !== 2 || second.length !== 2)) return;
      if (isVersionContext(text, m.index)) return;
      if (!validDayMonth(Number(first), Number(second), fullYear(yearText))) return;
      const end = m.index + m[0].length;
      if (UNIT_AFTER.test(after(text, end, 12)) && yearText.length !== 4) return;
      add(m.index, end, yearText.length === 4 ? 0.95 : 0.85, "numericDate");
    });

    forEachMatch(MONTH_YEAR_NUMERIC, text, (m) => add(m.index, m.index + m[0].length, 0.8, "numericMonthYear"));

    forEachMatch(YEARLESS, text, (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (!validDayMonth(a, b)) return;
      const end = m.index + m[0].length;
      const following = after(text, end, 24);
      if (UNIT_AFTER.test(following) || NOT_DATE_AFTER.test(following)) return;
      const preceding = before(text, m.index, 48);
      if ((b === 7 || b === 52 || b === 12) && DURATION_BEFORE.test(preceding)) return;
      // A time right after it ("2/24 14:00") makes it a date as much as a cue before it does.
      if (!DATE_CUE.test(preceding) && !/^[ \t]+(?:at[ \t]+)?\d{1,2}:\d{2}/.test(following)) return;
      add(m.index, end, 0.6, "yearlessDate");
    });

    forEachMatch(MONTH_DAY, text, (m) => {
      // "MAR 3" is more often the medication administration record than March 3; capitals need a year.
      if (!m[3] && (m[1] ?? "").length > 1 && m[1] === m[1]?.toUpperCase()) return;
      const day = Number(m[2]);
      if (!isCalendarDate(MONTH_NUMBER.get(m[1] ?? "") ?? 0, day)) return;
      const end = m.index + m[0].length;
      if (!m[3] && UNIT_AFTER.test(after(text, end, 12))) return;
      add(m.index, end, m[3] ? 0.95 : 0.8, "writtenDate");
    });

    forEachMatch(DAY_MONTH, text, (m) => {
      const day = Number(m[1]);
      if (!isCalendarDate(MONTH_NUMBER.get(m[2] ?? "") ?? 0, day)) return;
      let end = m.index + m[0].length;
      // A full month name keeps no period after it: "on the 5th of June." ends the sentence.
      if (!m[3] && text.charAt(end - 1) === "." && !ABBREVIATED_MONTHS.has((m[2] ?? "").toLowerCase())) end--;
      if (m[3] && m[3].length <= 3 && UNIT_AFTER.test(after(text, end, 12))) {
        end = groupStart(m, 3);
        end = m.index + text.slice(m.index, end).trimEnd().replace(/[,-]$/, "").length;
      }
      add(m.index, end, m[3] ? 0.95 : 0.8, "writtenDate");
    });

    forEachMatch(MONTH_YEAR, text, (m) => add(m.index, m.index + m[0].length, 0.85, "monthYear"));

    forEachMatch(SPOKEN_DATE, text, (m) => {
      // Month names are matched case-insensitively here, so require a capital unless a year word follows.
      if (/^\p{Ll}/u.test(m[0]) && !/\b(?:of|the)\b/.test(m[0])) return;
      add(m.index, m.index + m[0].length, 0.8, "spokenDate");
    });

    forEachMatch(DAY_OF_MONTH, text, (m) => {
      const start = groupStart(m, 1);
      const day = parseInt(m[1] ?? "", 10);
      if (day >= 1 && day <= 31) add(start, start + (m[1] ?? "").length, 0.6, "dayOfMonth");
    });

    forEachMatch(MONTH_ALONE, text, (m) => {
      const start = groupStart(m, 1);
      add(start, start + (m[1] ?? "").length, 0.55, "monthName");
    });

    return found;
  },
};
