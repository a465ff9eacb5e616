/**
 * The catalogue of medication-safety rules. The facts come from The Joint Commission's "Do Not Use" list and from
 * ISMP's list of error-prone abbreviations, symbols and dose designations; the wording is ours.
 */

import type { FindingSeverity, MedicationRule, MedicationSource } from "./types";

const SOURCES: Readonly<Record<MedicationSource, { name: string; url: string }>> = {
  TJC: {
    name: 'The Joint Commission "Do Not Use" list',
    url: "https://www.jointcommission.org/resources/news-and-multimedia/fact-sheets/facts-about-do-not-use-list/",
  },
  ISMP: {
    name: "ISMP List of Error-Prone Abbreviations, Symbols, and Dose Designations",
    url: "https://www.ismp.org/recommendations/error-prone-abbreviations-list",
  },
};

function rule(id: string, source: MedicationSource, defaultSeverity: FindingSeverity, title: string, reason: string): MedicationRule {
  return Object.freeze({ id, source, sourceName: SOURCES[source].name, sourceUrl: SOURCES[source].url, title, reason, defaultSeverity });
}

const tjc = (id: string, severity: FindingSeverity, title: string, reason: string): MedicationRule => rule(id, "TJC", severity, title, reason);
const ismp = (id: string, title: string, reason: string, severity: FindingSeverity = "information"): MedicationRule =>
  rule(id, "ISMP", severity, title, reason);

/** Every rule the checker knows, in a stable order. */
export const MEDICATION_RULES: readonly MedicationRule[] = Object.freeze([
  // The Joint Commission "Do Not Use" list: warnings, because they are only reported next to doses.
  tjc("tjc-u", "warning", '"U" or "u" for units', "A handwritten or faxed U looks like a 0, a 4 or \"cc\", so the dose can be multiplied."),
  tjc("tjc-iu", "warning", '"IU" for international units', 'It is read as "IV" (intravenous) or as the number 10.'),
  tjc("tjc-qd", "warning", '"QD" for daily', "It is read as QID (four times a day) or QOD (every other day)."),
  tjc("tjc-qod", "warning", '"QOD" for every other day', "The O is taken for an I or a period, turning it into QID or QD."),
  tjc("tjc-trailing-zero", "warning", "Trailing zero after a decimal point", "When the decimal point is missed, 5.0 mg is given as 50 mg."),
  tjc("tjc-leading-zero", "warning", "Dose below one without a leading zero", "A bare decimal point is easily missed, so .5 mg is given as 5 mg."),
  tjc("tjc-ms", "information", '"MS" for morphine or magnesium sulfate', "It stands for both morphine sulfate and magnesium sulfate, and also for multiple sclerosis and mitral stenosis."),
  tjc("tjc-mso4", "warning", '"MSO4" for morphine sulfate', "It is mistaken for MgSO4 (magnesium sulfate)."),
  tjc("tjc-mgso4", "warning", '"MgSO4" for magnesium sulfate', "It is mistaken for MSO4 (morphine sulfate)."),

  // ISMP: units, dose designations and symbols.
  ismp("ismp-microgram", '"µg" for micrograms', "The µ is lost or misread as m, turning micrograms into milligrams."),
  ismp("ismp-cc", '"cc" for millilitres', 'Written quickly it is read as "u" (units) or as two zeros.'),
  ismp("ismp-dose-unit-spacing", "Dose and unit run together", "Without a space the m of mg or mL can be read as a zero or two, as in 10mg."),
  ismp("ismp-drug-dose-spacing", "Drug name and dose run together", 'The last letters of the name are read as digits, as in "Tegretol300 mg" read as 1300 mg.'),
  ismp("ismp-unit-period", "Period after a unit", 'The period can be read as the number 1, as in "mg." read as "mg1".'),
  ismp("ismp-large-number", "Large dose without thousands separators", "Zeros are miscounted, so 100000 units has been given as 10,000 or 1,000,000 units."),
  ismp("ismp-ratio-strength", "Ratio strength for a single-drug injectable", "Ratios such as 1:1,000 are misunderstood and miscalculated; state the strength in mg/mL."),
  ismp("ismp-x-days", '"x3d" for "for 3 days"', 'It can be read as a number of doses rather than days ("x3d" as three doses).'),
  ismp("ismp-slash", "Slash between two doses", 'The slash can be read as the number 1, so "25 units/10 units" becomes 110 units.'),
  ismp("ismp-plus-ampersand", '"+" or "&" between doses', 'A "+" can be read as 4 and an "&" as 2.'),
  ismp("ismp-at-sign", '"@" for "at"', 'It can be read as the number 2.'),
  ismp("ismp-less-greater", '"<" and ">" in orders', "The two symbols are read as each other."),
  ismp("ismp-arrow", "Arrows for increase or decrease", "Arrows are read as their opposite or as numbers; the words are unambiguous."),
  ismp("ismp-null-sign", '"Ø" for zero or none', "It can be read as the number 4, 6, 8 or 9."),
  ismp("ismp-degree-hour", '"°" for hours', "The degree sign can be read as a zero, as in q2° read as q20."),

  // ISMP: frequencies and times.
  ismp("ismp-qhs", '"qhs" for nightly at bedtime', "It can be read as qhr (every hour)."),
  ismp("ismp-qn", '"qn" for nightly', "It can be read as qh (every hour)."),
  ismp("ismp-q1d", '"q1d" or "i/d" for daily', "It can be read as QID (four times a day)."),
  ismp("ismp-q6pm", '"q6PM" for daily at 6 PM', "It can be read as every 6 hours."),
  ismp("ismp-hs", '"HS" for bedtime or half-strength', "It means both at bedtime and half-strength, and hs has been read as hours."),
  ismp("ismp-bt", '"BT" for bedtime', "It can be read as BID (twice a day)."),
  ismp("ismp-biw", '"BIW" for twice weekly', "It can be read as twice a day."),
  ismp("ismp-tiw", '"TIW" for three times weekly', "It can be read as three times a day or twice weekly."),

  // ISMP: routes and sites.
  ismp("ismp-sc", '"SC", "SQ" or "sub q" for subcutaneous', 'SC is read as SL (sublingual) and SQ as "5 every".'),
  ismp("ismp-in", '"IN" for intranasal', "It can be read as IM or IV."),
  ismp("ismp-it", '"IT" for intrathecal', "It can mean intrathecal, intratympanic, intratracheal or inhalation therapy."),
  ismp("ismp-ij", '"IJ" for injection', "It can be read as IV or intrajugular."),
  ismp("ismp-per-os", '"per os" for by mouth', 'The "os" can be read as left eye.'),
  ismp("ismp-od", '"OD" for right eye or once daily', "It means both right eye and once daily; oral liquids have been put in eyes."),
  ismp("ismp-os", '"OS" for left eye', "Eye abbreviations are confused with each other and with ear abbreviations (AD, AS, AU)."),
  ismp("ismp-ou", '"OU" for each eye', "Eye abbreviations are confused with each other and with ear abbreviations (AD, AS, AU)."),
  ismp("ismp-ad", '"AD" for right ear', "Ear abbreviations are confused with each other and with eye abbreviations (OD, OS, OU)."),
  ismp("ismp-as", '"AS" for left ear', "Ear abbreviations are confused with each other and with eye abbreviations (OD, OS, OU)."),
  ismp("ismp-au", '"AU" for each ear', "Ear abbreviations are confused with each other and with eye abbreviations (OD, OS, OU)."),

  // ISMP: other abbreviations.
  ismp("ismp-dc", '"D/C" for discharge or discontinue', "It means both discharge and discontinue; medicines meant for home have been stopped."),
  ismp("ismp-ud", '"UD" for as directed', "It can be read as unit dose, so a whole container has been given."),
  ismp("ismp-ss", '"ss" for sliding scale or one-half', "It means sliding scale or one-half and can be read as 55."),
  ismp("ismp-ssi", '"SSI" for sliding scale insulin', "It can be read as strong solution of iodine, and means surgical site infection too."),
  ismp("ismp-ssri-insulin", '"SSRI" for sliding scale regular insulin', "It is read as the antidepressant class (selective serotonin reuptake inhibitor)."),
  ismp("ismp-oj", '"OJ" for orange juice', "It can be read as OD or OS, so oral liquids mixed in juice have been put in eyes."),

  // ISMP: abbreviated drug names.
  ismp("ismp-drug-apap", '"APAP" for acetaminophen', "Many readers, patients among them, do not know it means acetaminophen."),
  ismp("ismp-drug-azt", '"AZT" for zidovudine', "It is read as azathioprine or aztreonam."),
  ismp("ismp-drug-cpz", '"CPZ" for prochlorperazine or chlorpromazine', "It stands for prochlorperazine (Compazine) and is read as chlorpromazine."),
  ismp("ismp-drug-hct", '"HCT" for hydrocortisone', "It is read as hydrochlorothiazide, and also means hematocrit."),
  ismp("ismp-drug-hctz", '"HCTZ" for hydrochlorothiazide', "It is read as hydrocortisone (HCT), as in HCTZ 50 mg read as HCT 250 mg."),
  ismp("ismp-drug-mtx", '"MTX" for methotrexate', "It is read as mitoxantrone."),
  ismp("ismp-drug-pca", '"PCA" for procainamide', "It is read as patient-controlled analgesia."),
  ismp("ismp-drug-ptu", '"PTU" for propylthiouracil', "It is read as mercaptopurine."),
  ismp("ismp-drug-t3", '"T3" for liothyronine or Tylenol #3', "It means both liothyronine and acetaminophen with codeine No. 3."),
  ismp("ismp-drug-tac", '"TAC" for triamcinolone or tacrolimus', "It means triamcinolone, tacrolimus or tetracaine-epinephrine-cocaine."),
  ismp("ismp-drug-tnk", '"TNK" for tenecteplase', "It is read as TPA (alteplase)."),
  ismp("ismp-drug-tpa", '"tPA" for alteplase', "It is read as TNK-tPA (tenecteplase) or TXA (tranexamic acid)."),
  ismp("ismp-drug-txa", '"TXA" for tranexamic acid', "It is not widely known and is confused with tPA and TNK."),
  ismp("ismp-drug-znso4", '"ZnSO4" for zinc sulfate', "It is read as MSO4 (morphine sulfate)."),
  ismp("ismp-drug-nitro", '"Nitro" for nitroglycerin', "A nitro drip has been taken for nitroprusside instead of nitroglycerin."),
  ismp("ismp-drug-levo", '"Levo" for a drug starting with levo-', "It can mean norepinephrine (Levophed), levofloxacin, levothyroxine or levetiracetam."),
  ismp("ismp-drug-neo", '"Neo" for phenylephrine or neostigmine', "It can mean phenylephrine (Neo-Synephrine) or neostigmine."),
  ismp("ismp-drug-vanc", '"vanc" for vancomycin', '"IV vanc" has been read as Invanz (ertapenem).'),
]);

/** Rules by id. */
export const MEDICATION_RULE_BY_ID: ReadonlyMap<string, MedicationRule> = new Map(MEDICATION_RULES.map((r) => [r.id, r]));

/** The rule with this id; throws for an unknown id (a programming error inside the checker). */
export function medicationRule(id: string): MedicationRule {
  const found = MEDICATION_RULE_BY_ID.get(id);
  if (!found) throw new Error(`Unknown medication-safety rule ${id}`);
  return found;
}
