import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  checkMedicationSafety, MEDICATION_RULES, MEDICATION_RULE_BY_ID, type MedicationFinding,
} from "../../../server/src/medical/medication/index";

function check(text: string, languageId = "plaintext"): MedicationFinding[] {
  return checkMedicationSafety(text, { languageId });
}

/** Findings as "rule:matched→first replacement", in text order. */
function found(text: string, languageId = "plaintext"): string[] {
  return check(text, languageId).map((f) => `${f.ruleId}:${f.matched}→${f.replacements[0]}`);
}

function rules(text: string, languageId = "plaintext"): string[] {
  return check(text, languageId).map((f) => f.ruleId);
}

describe("medication rule catalogue", () => {
  it("has unique ids, a source, a one-line reason and a sensible default severity", () => {
    const ids = new Set<string>();
    for (const rule of MEDICATION_RULES) {
      assert.ok(!ids.has(rule.id), `duplicate ${rule.id}`);
      ids.add(rule.id);
      assert.match(rule.id, /^(tjc|ismp)-[a-z0-9-]+$/);
      assert.equal(rule.id.startsWith("tjc-") ? "TJC" : "ISMP", rule.source);
      assert.ok(rule.sourceName.length > 10 && rule.sourceUrl.startsWith("https://"));
      assert.ok(!rule.reason.includes("\n") && rule.reason.endsWith("."), `${rule.id} reason`);
      assert.ok(["warning", "information"].includes(rule.defaultSeverity), `${rule.id} severity`);
    }
    assert.equal(MEDICATION_RULE_BY_ID.get("tjc-qd")?.defaultSeverity, "warning");
    assert.equal(MEDICATION_RULE_BY_ID.get("ismp-cc")?.defaultSeverity, "information");
  });

  it("every rule can fire: each has at least one sentence that triggers it", () => {
    const examples = [
      "Insulin 10 U SC", "Vitamin D 1000 IU daily", "Aspirin 81 mg QD", "Digoxin 0.125 mg QOD", "Warfarin 5.0 mg",
      "Lorazepam .5 mg", "MS 4 mg IV", "MSO4 2 mg IV", "MgSO4 2 g IV", "Fentanyl 50 µg IV", "Give 5 cc PO",
      "Metformin 500mg BID", "Inderal40 mg BID", "Lasix 40 mg. PO daily", "Penicillin 100000 units IV",
      "Epinephrine 1:1,000 0.3 mg IM", "Amoxicillin 500 mg x10d", "Humalog 10 units/12 units with meals",
      "Humalog 10 units + 2 units", "Lasix 40 mg @ 0900", "Hold metoprolol if HR < 55", "↑ lisinopril to 20 mg",
      "Ø aspirin 81 mg", "Tylenol 650 mg q4°", "Atorvastatin 40 mg qhs", "Melatonin 3 mg PO qn", "Levothyroxine 50 mcg q1d",
      "Lasix 40 mg q6PM", "Zolpidem 5 mg PO HS", "Zolpidem 5 mg PO BT", "Ferrous sulfate 325 mg BIW", "Epoetin 4000 units TIW",
      "Heparin 5000 units SQ q8h", "Naloxone 4 mg IN x1", "Methotrexate 12 mg IT once", "Ketorolac 15 mg IJ q6h",
      "Give 1 tab per os daily", "Timolol 1 gtt OD BID", "Timolol 1 gtt OS BID", "Timolol 1 gtt OU BID",
      "Ofloxacin otic 5 drops AD daily", "Ofloxacin otic 5 drops AS daily", "Ofloxacin otic 5 drops AU daily",
      "D/C lisinopril", "Albuterol 2 puffs UD", "Humalog ss with meals", "Lispro per SSI with meals",
      "Humalog SSRI coverage with meals", "Mix with OJ", "APAP 650 mg", "AZT 300 mg BID", "CPZ 10 mg for nausea",
      "HCT 25 mg PO daily", "HCTZ 25 mg", "MTX 15 mg weekly", "PCA 15 mg/kg load for VT", "PTU 100 mg TID",
      "T3 25 mcg daily", "TAC 0.1% cream BID", "TNK 0.25 mg/kg", "tPA 0.9 mg/kg", "TXA 1 g IV", "ZnSO4 220 mg daily",
      "Nitro drip at 10 mcg/min", "Levo at 5 mcg/min", "Neo gtt for hypotension", "IV vanc 1 g q12h",
    ];
    const fired = new Set(examples.flatMap((text) => rules(text)));
    const silent = MEDICATION_RULES.map((r) => r.id).filter((id) => !fired.has(id));
    assert.deepEqual(silent, []);
  });
});

describe("Joint Commission rules", () => {
  it("reports U and IU only as whole tokens after a number", () => {
    assert.deepEqual(found("Insulin glargine 10 U at bedtime"), ["tjc-u:U→units"]);
    assert.deepEqual(found("lispro 4U with meals"), ["tjc-u:4U→4 units"]);
    assert.deepEqual(found("give 1 u now"), ["tjc-u:u→unit"]);
    assert.deepEqual(found("Vitamin D 50,000 IU weekly"), ["tjc-iu:IU→units"]);
    assert.deepEqual(check("Vitamin D 1000 IU")[0]?.replacements, ["units", "international units"]);
    for (const negative of ["ICU and CCU beds", "US of the abdomen", "IUD in place", "IU Health", "ALT 45 U/L, AST 30 IU/L", "TSH 2.1 mIU/L", "CA-125 35 U/mL level", "U.S. data"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reports QD and QOD in every spelling but keeps a sentence's final period", () => {
    assert.deepEqual(found("Aspirin 81 mg PO QD"), ["tjc-qd:QD→daily"]);
    assert.deepEqual(found("Aspirin 81 mg po q.d. with food"), ["tjc-qd:q.d.→daily"]);
    assert.deepEqual(found("Aspirin 81 mg po q.d."), ["tjc-qd:q.d→daily"]);
    assert.deepEqual(found("Lasix 20 mg Q.O.D."), ["tjc-qod:Q.O.D→every other day"]);
    assert.deepEqual(found("furosemide 20 mg qod"), ["tjc-qod:qod→every other day"]);
    assert.deepEqual(found("QD labelling of tumour cells"), [], "quantum dots");
    assert.deepEqual(found("Quantum dot (QD) probes were dosed at 5 mg"), []);
  });

  it("reports trailing zeros next to dose units only", () => {
    assert.deepEqual(found("Warfarin 5.0 mg tonight"), ["tjc-trailing-zero:5.0→5"]);
    assert.deepEqual(found("Metoprolol 12.50 mg BID"), ["tjc-trailing-zero:12.50→12.5"]);
    assert.deepEqual(found("Morphine 2-4.0 mg IV"), ["tjc-trailing-zero:4.0→4"]);
    assert.deepEqual(found("NS 1.0 L bolus"), ["tjc-trailing-zero:1.0→1"]);
    for (const negative of [
      "Lesion 1.0 cm", "K 4.0", "size 7.0 tube", "Hgb 10.0 g/dL", "Cr 1.0 mg/dL", "version 2.0", "on 2.0 L nasal cannula",
      "2.0 L NC", "EBL 1.0 L", "UOP 1.5 L, net negative 1.0 L", "Vanc trough 15.0 mcg/mL", "Wt 70.0 kg", "T 37.0 C",
      "CrCl 60.0 mL/min", "Mg 2.0 mg/dL",
    ]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reports a missing leading zero before a dose but not in statistics", () => {
    assert.deepEqual(found("Lorazepam .5 mg IV"), ["tjc-leading-zero:.5→0.5"]);
    assert.deepEqual(found("Doses ranged from .25 to 1 mg/kg"), ["tjc-leading-zero:.25→0.25"]);
    assert.deepEqual(found("p < .05 and r = .34"), []);
  });

  it("reports MS only next to a dose or a morphine form, choosing morphine or magnesium by the unit", () => {
    assert.deepEqual(found("Pain: MS 4 mg IV q4h prn"), ["tjc-ms:MS→morphine sulfate"]);
    assert.deepEqual(found("Replete with MS 2 g IV"), ["tjc-ms:MS→magnesium sulfate"]);
    assert.deepEqual(found("Breakthrough: MS IR 15 mg q4h"), ["tjc-ms:MS→morphine sulfate"]);
    const drip = check("Start MS drip");
    assert.equal(drip.length, 1);
    assert.equal(drip[0]!.ambiguous, true);
    assert.equal(drip[0]!.severity, "hint");
    assert.equal(check("MS 4 mg IV")[0]?.severity, "information");
    for (const negative of [
      "h/o MS on ocrelizumab 600 mg IV q6 months", "Echo: severe MS, mean gradient 10 mmHg", "Neuro: MS at baseline",
      "MS Contin 30 mg q12h", "Mitral stenosis (MS) with valve area 1.0 cm2", "The MS flare was treated with steroids",
    ]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reports MSO4 and MgSO4, but not magnesium sulfate as a laboratory reagent", () => {
    assert.deepEqual(found("Give MSO4 2 mg IV q2h"), ["tjc-mso4:MSO4→morphine sulfate"]);
    assert.deepEqual(found("Give MgSO4 2 g IV"), ["tjc-mgso4:MgSO4→magnesium sulfate"]);
    assert.deepEqual(found("The organic layer was dried over anhydrous MgSO4"), []);
    assert.deepEqual(found("Buffer: 10 mM Tris, 1 mM MgSO4"), []);
  });
});

describe("ISMP dose designations", () => {
  it("asks for a space between dose and unit, and between drug name and dose", () => {
    assert.deepEqual(found("Metformin 500mg BID"), ["ismp-dose-unit-spacing:500mg→500 mg"]);
    assert.deepEqual(found("Keppra 1.5g IV"), ["ismp-dose-unit-spacing:1.5g→1.5 g"]);
    assert.deepEqual(found("Inderal40 mg BID"), ["ismp-drug-dose-spacing:Inderal40→Inderal 40"]);
    assert.deepEqual(found("Give 1tab PO"), ["ismp-dose-unit-spacing:1tab→1 tab"]);
    assert.deepEqual(found("Hgb 10g/dL, 18G IV, COVID19 vaccine, SpO2 98%, CO2 24"), []);
  });

  it("reports a period after a unit only where the instruction goes on", () => {
    assert.deepEqual(found("Lasix 40 mg. PO daily"), ["ismp-unit-period:mg.→mg"]);
    assert.deepEqual(found("Lasix 40 mg. then recheck"), ["ismp-unit-period:mg.→mg"]);
    assert.deepEqual(found("Give Lasix 40 mg. Recheck in the morning."), []);
    assert.deepEqual(found("Give Lasix 40 mg."), []);
  });

  it("puts thousands separators into large doses", () => {
    assert.deepEqual(found("Penicillin G 2000000 units IV"), ["ismp-large-number:2000000→2,000,000"]);
    assert.deepEqual(found("Heparin 5000 units SC"), ["ismp-sc:SC→subcutaneously"]);
    assert.deepEqual(found("Lot 100000 recalled in 2019"), []);
  });

  it("replaces cc and µg in doses only", () => {
    assert.deepEqual(found("Give 5 cc PO"), ["ismp-cc:cc→mL"]);
    assert.deepEqual(found("Flush with 10cc NS"), ["ismp-cc:10cc→10 mL"]);
    assert.deepEqual(found("Fentanyl 50 µg IV"), ["ismp-microgram:µg→mcg"]);
    assert.deepEqual(found("Fentanyl 1 μg/kg IV"), ["ismp-microgram:μg→mcg"]);
    for (const negative of ["The acc score", "CC: chest pain", "cc: Dr. Smith", "Residual 150 cc", "Cells got 10 µg/mL puromycin"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("turns ratio strengths into mg/mL only for epinephrine-type drugs", () => {
    assert.deepEqual(found("Epinephrine 1:1,000 0.3 mg IM"), ["ismp-ratio-strength:1:1,000→1 mg/mL"]);
    assert.deepEqual(found("Epinephrine 1:10000 1 mg IV"), ["ismp-ratio-strength:1:10000→0.1 mg/mL"]);
    const weak = check("lidocaine 1% with epinephrine 1:200,000");
    assert.deepEqual(weak[0]?.replacements, ["0.005 mg/mL", "5 mcg/mL"]);
    assert.deepEqual(found("Antibody diluted 1:1000 overnight"), []);
    assert.deepEqual(found("Randomised 1:1000 epinephrine ratio"), []);
  });

  it("reports x3d, q6PM, q4°, slashes and plus signs between doses", () => {
    assert.deepEqual(found("Cefalexin 500 mg QID x7d"), ["ismp-x-days:x7d→for 7 days"]);
    assert.deepEqual(found("Take 1 tab x 1d"), ["ismp-x-days:x 1d→for 1 day"]);
    assert.deepEqual(found("Lasix 40 mg q6pm"), ["ismp-q6pm:q6pm→daily at 6 PM"]);
    assert.deepEqual(found("Tylenol 650 mg q4°"), ["ismp-degree-hour:q4°→every 4 hours"]);
    assert.deepEqual(found("Humalog 10 units/12 units"), ["ismp-slash:/→ and "]);
    assert.deepEqual(found("Tylenol 325 mg + 325 mg"), ["ismp-plus-ampersand:+→and"]);
    assert.deepEqual(found("Amoxicillin 250 mg/5 mL, 3D imaging, x3 views"), []);
  });
});

describe("ISMP frequencies, routes and sites", () => {
  it("reports qhs, qn, q1d and BIW/TIW", () => {
    assert.deepEqual(found("Atorvastatin 40 mg qHS"), ["ismp-qhs:qHS→nightly at bedtime"]);
    assert.deepEqual(found("Melatonin 3 mg qn"), ["ismp-qn:qn→nightly"]);
    assert.deepEqual(found("Levothyroxine 50 mcg q1d"), ["ismp-q1d:q1d→daily"]);
    assert.deepEqual(found("Iron 325 mg BIW"), ["ismp-biw:BIW→2 times weekly"]);
  });

  it("tells bedtime from half-strength for HS and leaves other HS alone", () => {
    assert.deepEqual(found("Zolpidem 5 mg PO HS"), ["ismp-hs:HS→at bedtime"]);
    assert.deepEqual(found("Trazodone 50 mg at HS"), ["ismp-hs:HS→bedtime"]);
    assert.deepEqual(found("Wash with HS peroxide"), ["ismp-hs:HS→half-strength"]);
    assert.deepEqual(found("Glucose checks AC/HS with insulin"), ["ismp-hs:AC/HS→before meals and at bedtime"]);
    const both = check("HS Ensure 240 mL PO HS");
    assert.ok(both.some((f) => f.ambiguous && f.replacements.length === 2));
    for (const negative of ["HS: hidradenitis on adalimumab", "hs-CRP 3.1 mg/L", "Heart sounds (HS) normal"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reports SC, SQ and sub q in dosing context, with an adjective before a noun", () => {
    assert.deepEqual(found("Heparin 5000 units SQ q8h"), ["ismp-sc:SQ→subcutaneously"]);
    assert.deepEqual(found("Enoxaparin 40 mg sub-q daily"), ["ismp-sc:sub-q→subcutaneously"]);
    assert.deepEqual(found("Give insulin SC injection now"), ["ismp-sc:SC→subcutaneous"]);
    for (const negative of ["SQ emphysema on CT", "R SC joint pain", "Spinal cord (SC) injury", "SubQ air tracking"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reports IN, IT and IJ only right after a dose", () => {
    assert.deepEqual(found("Naloxone 4 mg IN x1"), ["ismp-in:IN→intranasal"]);
    assert.deepEqual(found("Methotrexate 12 mg IT"), ["ismp-it:IT→intrathecal"]);
    assert.deepEqual(found("Give IT methotrexate on day 1"), ["ismp-it:IT→intrathecal"]);
    assert.deepEqual(found("Ketorolac 30 mg IJ"), ["ismp-ij:IJ→injection"]);
    for (const negative of ["R IJ CVC placed", "The IT team", "RETURN IN 2 WEEKS ON 5 MG", "Heparin 5000 units IN 100 mL NS"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reads OD as right eye, once daily or overdose from context", () => {
    assert.deepEqual(found("Timolol 0.5% 1 gtt OD BID"), ["ismp-od:OD→right eye"]);
    assert.deepEqual(found("Omeprazole 20 mg OD"), ["ismp-od:OD→daily"]);
    assert.deepEqual(found("omeprazole 20 mg od"), ["ismp-od:od→daily"]);
    for (const negative of ["Intentional OD on acetaminophen", "Heroin OD, given naloxone 0.4 mg IV", "VA OD 20/25, OS 20/30", "OD600 of 0.6", "Measured OD at 450 nm"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("reports ear and eye sites only with drops or ear words around", () => {
    assert.deepEqual(found("Ciprodex 4 drops AU BID"), ["ismp-au:AU→each ear"]);
    assert.deepEqual(found("Instill 3 drops AS BID"), ["ismp-as:AS→left ear"]);
    assert.deepEqual(found("Brimonidine 1 gtt OS TID"), ["ismp-os:OS→left eye"]);
    assert.deepEqual(found("Severe AS, TAVR planned. AD patients were enrolled. OS was 14 months."), []);
  });

  it("reports per os, UD and OJ", () => {
    assert.deepEqual(found("Give 1 tab per os daily"), ["ismp-per-os:per os→by mouth"]);
    assert.deepEqual(found("Albuterol 2 puffs UD"), ["ismp-ud:UD→as directed"]);
    assert.deepEqual(found("Use inhaler as UD"), ["ismp-ud:as UD→as directed"]);
    assert.deepEqual(found("Mix the dose in OJ"), ["ismp-oj:OJ→orange juice"]);
  });
});

describe("ISMP abbreviations with several meanings", () => {
  it("chooses discharge or discontinue for D/C from the words around it", () => {
    assert.deepEqual(found("D/C lisinopril"), ["ismp-dc:D/C→Discontinue"]);
    assert.deepEqual(found("Plan d/c home tomorrow"), ["ismp-dc:d/c→discharge"]);
    assert.deepEqual(found("Lisinopril was d/c'd for cough"), ["ismp-dc:d/c'd→discontinued"]);
    assert.deepEqual(found("Patient was d/c'd home"), ["ismp-dc:d/c'd→discharged"]);
    const unsure = check("Will d/c in AM");
    assert.deepEqual(unsure[0]?.replacements, ["discontinue", "discharge"]);
    assert.equal(unsure[0]?.severity, "hint");
    assert.deepEqual(found("N/V/D/C for two days"), []);
  });

  it("reports sliding-scale shorthand only with insulin around it", () => {
    assert.deepEqual(found("Lispro per SSI with meals"), ["ismp-ssi:SSI→sliding scale insulin"]);
    assert.deepEqual(found("Superficial SSI at the incision"), []);
    assert.deepEqual(found("Humalog ss with meals"), ["ismp-ss:ss→sliding scale"]);
    assert.deepEqual(found("Take tab i ss PO"), ["ismp-ss:ss→one-half"]);
    assert.deepEqual(found("sertraline (an SSRI) 50 mg daily"), []);
  });

  it("writes out abbreviated drug names, except where the writer defines them", () => {
    assert.deepEqual(found("Hx RA on MTX and folic acid"), ["ismp-drug-mtx:MTX→methotrexate"]);
    assert.deepEqual(found("Methotrexate (MTX) 15 mg weekly"), []);
    assert.deepEqual(found("MTX (methotrexate) 15 mg weekly"), []);
    assert.deepEqual(found("Continue lisinopril-HCTZ daily"), ["ismp-drug-hctz:HCTZ→hydrochlorothiazide"]);
    assert.deepEqual(found("Received TNK-tPA at 14:05"), ["ismp-drug-tnk:TNK-tPA→tenecteplase"]);
    assert.deepEqual(found("s/p tPA for stroke"), ["ismp-drug-tpa:tPA→alteplase"]);
    assert.deepEqual(found("tPA expression was reduced; plasma tPA antigen levels"), []);
  });

  it("stops reporting an abbreviated drug name anywhere in a document that defines it", () => {
    const defined = "Tranexamic acid (TXA) 1 g was given at incision.\nThe TXA group bled less.\nMTX 15 mg weekly.";
    assert.deepEqual(found(defined), ["ismp-drug-mtx:MTX→Methotrexate"]);
    assert.deepEqual(found("Sliding scale insulin (SSI) was used.\nLispro per SSI with meals."), []);
    assert.deepEqual(found("The TXA group bled less."), ["ismp-drug-txa:TXA→tranexamic acid"]);
    assert.deepEqual(found("Alteplase (tPA) was given.\nTPA 0.9 mg/kg for stroke; t-PA bolus."), []);
  });

  it("reads context for HCT, T3, TAC, Levo, Neo, Nitro and vanc", () => {
    assert.deepEqual(found("HCT 12.5 mg PO daily"), ["ismp-drug-hct:HCT→Hydrochlorothiazide"]);
    assert.deepEqual(found("Stress dose: HCT 100 mg IV q8h"), ["ismp-drug-hct:HCT→hydrocortisone"]);
    assert.deepEqual(found("HCT 30.5, Hct 32; s/p HCT in 2018"), []);
    assert.deepEqual(found("Thyroid: T3 25 mcg daily"), ["ismp-drug-t3:T3→liothyronine"]);
    assert.deepEqual(found("stage T3 N0, free T3 3.1 pg/mL"), []);
    assert.deepEqual(found("on tac 2 mg BID"), ["ismp-drug-tac:tac→tacrolimus"]);
    assert.deepEqual(found("on Levo at 0.05 mcg/kg/min"), ["ismp-drug-levo:Levo→norepinephrine"]);
    assert.deepEqual(found("home Levo 50 mcg daily"), ["ismp-drug-levo:Levo→levothyroxine"]);
    assert.deepEqual(found("start Levo 750 mg daily for pneumonia"), ["ismp-drug-levo:Levo→levofloxacin"]);
    assert.deepEqual(found("give neo 2 mg IV for reversal with glyco"), ["ismp-drug-neo:neo→neostigmine"]);
    assert.deepEqual(found("apply Nitro paste 1 inch"), ["ismp-drug-nitro:Nitro→nitroglycerin"]);
    assert.deepEqual(found("IV vanc 1 g q12h"), ["ismp-drug-vanc:vanc→vancomycin"]);
    assert.deepEqual(found("Levophed, levo-thyroxine, Neosporin, nitro blue tetrazolium, vanc trough 15"), []);
  });
});

describe("ISMP symbols", () => {
  it("reports @, < and > in dosing instructions but not in statistics or e-mail", () => {
    assert.deepEqual(found("Lasix 40 mg IV @ 1400"), ["ismp-at-sign:@→at"]);
    assert.deepEqual(found("Hold metoprolol if SBP<90"), ["ismp-less-greater:<→ less than "]);
    assert.deepEqual(found("Titrate norepinephrine to MAP > 65"), ["ismp-less-greater:>→greater than"]);
    for (const negative of ["p < 0.001 for the primary outcome", "Age > 65 were excluded", "Email rx@example.org", "Meet @ 3 pm", "-> see above"]) {
      assert.deepEqual(found(negative), [], negative);
    }
  });

  it("offers words for arrows and Ø in medication context only", () => {
    const up = check("↑ lisinopril to 20 mg daily");
    assert.deepEqual(up[0]?.replacements, ["increase", "increased"]);
    assert.equal(up[0]?.severity, "hint");
    assert.deepEqual(found("Lisinopril 10 → 20 mg"), ["ismp-arrow:→→to"]);
    assert.deepEqual(found("Ø 5 mm stent; Ørsted; K ↑ this morning"), []);
  });
});
