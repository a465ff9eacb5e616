/** Clinical values must never be taken for identifiers: each line here is scanned alone and must give nothing. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detectPhi } from "../../../server/src/medical/phi/phiDetector";

const CLINICAL = {
  doses: [
    "Aspirin 325 mg once, then 81 mg daily.",
    "Heparin 5000 units subcut q8h; insulin glargine 24 units nightly.",
    "Amoxicillin-clavulanate 875/125 mg BID x 5 days.",
    "Sacubitril/valsartan 24/26 mg twice daily.",
    "Morphine 2-4 mg IV q2h PRN; ondansetron 4 mg IV q6h PRN.",
    "Titrate by 12.5 mg every 3-5 days to 50 mg.",
  ],
  vitals: [
    "BP 120/80, HR 72, RR 16, T 36.8 C, SpO2 98% on RA.",
    "BP 98/60 mmHg, HR 112 bpm, MAP 68.",
    "Orthostatic: 142/80 lying, 118/72 standing.",
    "Weight 84.2 kg, BMI 31.4, height 175 cm.",
    "BiPAP 12/5, FiO2 0.4, PEEP 8.",
  ],
  labs: [
    "K 4.0, Na 138, Cl 101, HCO3 24, BUN 18, Cr 1.1.",
    "Hgb 10.2 g/dL, WBC 11.3, Plt 245.",
    "INR 2.3; aPTT 38 s (target 60-85).",
    "ABG 7.31/58/62/29.",
    "A1c 8.9%; LDL 96 mg/dL; TSH 0.01 mIU/L.",
    "Reference range 3.5-5.0 mmol/L; ratio 1:320.",
  ],
  codes: [
    "ICD-10 I21.4, E11.9, S72.001A, O23.02.",
    "CPT 99213, 47562; HCPCS J1885.",
    "LOINC 2160-0 and 4548-4.",
    "Gleason 3+4=7, Grade Group 2, pT2N1M0.",
  ],
  scores: [
    "GCS 15 (E4 V5 M6); NIHSS 4; mRS 2.",
    "CHA2DS2-VASc 3, HAS-BLED 2, TIMI 4, CURB-65 2.",
    "PHQ-9 11, GAD-7 8, MMSE 22/30, MoCA 21.",
    "Apgar 8 and 9; Braden 14; Morse 55.",
    "Pain 7/10; strength 5/5 in all limbs; reflexes 2+; murmur 3/6.",
  ],
  durations: [
    "Cough for 3/7, fever for 2/7; off work 2/52; symptoms 6/12.",
    "Chest pain x3 days; 3/7 days of dysuria.",
    "Day 5/7 of vancomycin; POD 2; HD#3.",
    "Follow up in 2 weeks; recheck in 3 months.",
  ],
  years: [
    "Diagnosed in 2019; quit smoking in 2010; CABG 2016.",
    "Enrolled 2015 to 2021 (n = 3,418).",
  ],
  ages: [
    "A 72-year-old man; 45 yo woman; age 67; aged 89.",
    "Patients aged 90 or older were included; age ≥ 90 in 37.",
  ],
  eponyms: [
    "Parkinson disease, Crohn disease, Hashimoto thyroiditis, Graves disease.",
    "Foley catheter, Swan-Ganz catheter, Jackson-Pratt drain, Hickman line.",
    "Glasgow Coma Scale, Wells score, Child-Pugh C, Killip class II.",
    "Murphy sign, Babinski sign, Romberg test, Homans sign.",
    "Mallory-Weiss tear, Barrett esophagus, Wolff-Parkinson-White syndrome.",
  ],
  abbreviations: [
    "ED to ICU; TIA and NSTEMI; seen by PT/OT; CT and MRI negative.",
    "DNR/DNI; POLST on file; HCP aware; VNA to follow.",
    "CABG x3 (LIMA-LAD, SVG-OM, SVG-RCA); DES to LAD.",
  ],
};

describe("clinical values are never flagged", () => {
  for (const [group, lines] of Object.entries(CLINICAL)) {
    it(group, () => {
      for (const line of lines) {
        const findings = detectPhi(line).map((f) => `${f.type}:${line.slice(f.start, f.end)}`);
        assert.deepEqual(findings, [], line);
      }
    });
  }
});
