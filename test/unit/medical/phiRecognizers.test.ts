/** One block per recognizer: what it must find, and the look-alikes it must leave alone. */
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detectPhi } from "../../../server/src/medical/phi/phiDetector";

/** "TYPE:value" for every finding, in order. */
function found(text: string): string[] {
  return detectPhi(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);
}

function assertFinds(text: string, expected: string[]): void {
  assert.deepEqual(found(text), expected, text);
}

describe("names", () => {
  it("reads names after titles, without the title", () => {
    assertFinds("Seen by Dr. Priya Raman today.", ["NAME:Priya Raman"]);
    assertFinds("Mrs. Winifred Ashcombe was comfortable.", ["NAME:Winifred Ashcombe"]);
    assertFinds("Follow up with Dr.~Andersen in June.", ["NAME:Andersen", "DATE:June"]);
    assertFinds("Ms. O'Brien-Kelly agreed.", ["NAME:O'Brien-Kelly"]);
  });

  it("reads names after labels in every layout", () => {
    assertFinds("Patient: GUTIERREZ, ROSA M", ["NAME:GUTIERREZ, ROSA M"]);
    assertFinds("Pt: Abernathy, Walter", ["NAME:Abernathy, Walter"]);
    assertFinds("Name: Harold Ostrowski\n", ["NAME:Harold Ostrowski"]);
    assertFinds("**Patient:** Keisha Dawson", ["NAME:Keisha Dawson"]);
    assertFinds("\\textbf{Patient:} Jacob Steinberg", ["NAME:Jacob Steinberg"]);
    assertFinds("Patient & Henrik Larsen \\\\", ["NAME:Henrik Larsen"]);
    assertFinds("bed=4 pt=DELGADO^RAMON alarm=VT", ["NAME:DELGADO^RAMON"]);
  });

  it("reads signatures and credentials", () => {
    assertFinds("Electronically signed by Maria Lopez, MD on 3/15/2024", ["NAME:Maria Lopez", "DATE:3/15/2024"]);
    assertFinds("— J. Smith, MD", ["NAME:J. Smith"]);
    assertFinds("Sincerely,\n\nMonica Faraday", ["NAME:Monica Faraday"]);
    assertFinds("Reviewed with Kendra Wallace, FNP-C.", ["NAME:Kendra Wallace"]);
    assertFinds("/s/ Alan Reyes", ["NAME:Alan Reyes"]);
  });

  it("reads relatives named in the social history", () => {
    assertFinds("Lives with his wife Dorothy in a flat.", ["NAME:Dorothy"]);
    assertFinds("Her daughter, Elena Gutierrez, is the proxy.", ["NAME:Elena Gutierrez"]);
    assertFinds("Parents Kenji and Laura Nakashima consented.", ["NAME:Kenji", "NAME:Laura Nakashima"]);
    assertFinds("Mother: alive, 82, hypertension.", []);
    assertFinds("Her mother had breast cancer at 44.", []);
  });

  it("reads given-name pairs and repeated mentions", () => {
    assertFinds("Met with Kevin Walsh from social work.", ["NAME:Kevin Walsh"]);
    assertFinds("08:20  Brooks, Yolanda  HTN", ["NAME:Brooks, Yolanda"]);
    assertFinds("Patient: Maria Soto. Maria reports less pain; SOTO was seen.", ["NAME:Maria Soto", "NAME:Maria", "NAME:SOTO"]);
  });

  it("leaves clinical abbreviations, eponyms and organisms alone", () => {
    for (const text of [
      "Seen in the ED for TIA; NSTEMI ruled out; PT and OT consulted.",
      "Parkinson disease, Crohn disease and a Foley catheter; Glasgow Coma Scale 15.",
      "Austin Flint murmur and Sister Mary Joseph nodule noted.",
      "Babinski sign present; Murphy sign negative; Bence Jones protein absent.",
      "Stool grew Campylobacter jejuni; H. pylori positive; E. coli in urine.",
      "Guillain-Barré syndrome after Epstein-Barr virus.",
      "Cardiology Consult: Attending Physician Note",
    ]) {
      assertFinds(text, []);
    }
  });

  it("leaves title-case headings that start with a given name alone", () => {
    for (const text of ["Frank Hematuria Noted On Exam", "Max Dose Reached", "Iris Atrophy Present", "Jack Knife Position", "Rose Spots On Abdomen"]) {
      assertFinds(text, []);
    }
    assertFinds("Pathologist Anders Lindahl.", ["NAME:Anders Lindahl"]);
  });

  it("keeps a surname that is also an eponym when a title announces it", () => {
    assertFinds("Dr. Weiss reviewed the Mallory-Weiss tear.", ["NAME:Weiss"]);
  });
});

describe("dates", () => {
  it("finds numeric dates with a year in either order", () => {
    assertFinds("DOB 3/14/2024; admitted 2024-03-14; seen 14.03.24; born 22/11/1975.", [
      "DATE:3/14/2024",
      "DATE:2024-03-14",
      "DATE:14.03.24",
      "DATE:22/11/1975",
    ]);
  });

  it("finds written dates", () => {
    assertFinds("On March 14, 2024 and 14-Mar-2024, then Mar 3 and on the 5th of June.", [
      "DATE:March 14, 2024",
      "DATE:14-Mar-2024",
      "DATE:Mar 3",
      "DATE:5th of June",
    ]);
    assertFinds("Enrolled between January 2019 and June 2022; symptoms since February.", [
      "DATE:January 2019",
      "DATE:June 2022",
      "DATE:February",
    ]);
  });

  it("finds a yearless date only after a date cue", () => {
    assertFinds("Cath planned on 3/15.", ["DATE:3/15"]);
    assertFinds("LMP 9/30, fever since 11/3.", ["DATE:9/30", "DATE:11/3"]);
  });

  it("does not take fractions, vitals, strengths, scores or durations for dates", () => {
    for (const text of [
      "BP 120/80, BiPAP 12/5, strength 5/5, pain 7/10, murmur 3/6.",
      "Productive cough for 3/7; off work for 2/52; falls in 6/12.",
      "Symptoms 3/7 days; vancomycin day 5/7.",
      "x3 days; POD 2; HD#3; in 2019; since 2010.",
      "Cervix 5/90/-1; ABG 7.31/58/62; sacubitril/valsartan 24/26 mg.",
      "Version 1.2.3 was installed; v10.12.14.",
      "May consider MAR 3 review; dec breath sounds.",
    ]) {
      assertFinds(text, []);
    }
  });
});

describe("ages", () => {
  it("finds ages over 89 and reports only the number", () => {
    assertFinds("A 92-year-old woman; 95 yo man; age 93; aged 101; 96F.", ["AGE:92", "AGE:95", "AGE:93", "AGE:101", "AGE:96"]);
    assertFinds("Patient: Walter Abernathy (93)", ["NAME:Walter Abernathy", "AGE:93"]);
  });

  it("leaves younger ages and aggregated ones alone", () => {
    assertFinds("A 72-year-old man, 89 yo, age 45.", []);
    assertFinds("Patients aged 90 or older; over 90; age ≥ 90; FRAX not valid above age 90.", []);
    assertFinds("T 101 F overnight; HR 92 bpm.", []);
  });
});

describe("contacts", () => {
  it("finds phone and fax numbers", () => {
    assertFinds("Call (555) 214-0187 or 555.410.2276; fax 555-230-7716.", [
      "PHONE:(555) 214-0187",
      "PHONE:555.410.2276",
      "FAX:555-230-7716",
    ]);
    assertFinds("Mobile +353 87 555 0142; UK +44 20 7946 0958; desk 01332 555182.", [
      "PHONE:+353 87 555 0142",
      "PHONE:+44 20 7946 0958",
      "PHONE:01332 555182",
    ]);
    assertFinds("Home phone 555-0148.", ["PHONE:555-0148"]);
  });

  it("finds e-mail addresses, URLs and IP addresses", () => {
    assertFinds("Write to jane.doe@example.org or see https://portal.example.org/p/1.", [
      "EMAIL:jane.doe@example.org",
      "URL:https://portal.example.org/p/1",
    ]);
    assertFinds("Portal: www.example-clinic.org and mychart.example-health.org/login", [
      "URL:www.example-clinic.org",
      "URL:mychart.example-health.org/login",
    ]);
    assertFinds("From 203.0.113.47 and 2001:db8:85a3::8a2e:370:7334.", ["IP:203.0.113.47", "IP:2001:db8:85a3::8a2e:370:7334"]);
  });

  it("leaves lab values, times and file names alone", () => {
    assertFinds("K 4.0, Na 138 at 10:22:33; report.pdf saved; 999.1.1.1 is not an address.", []);
  });
});

describe("identifiers", () => {
  it("finds SSNs by format and validator, not look-alikes", () => {
    assertFinds("SSN 540-19-6312; also 444-55-0261.", ["SSN:540-19-6312", "SSN:444-55-0261"]);
    assertFinds("Ref 000-12-3456, 666-12-3456, 912-34-5678, 540-00-6312, 540-19-0000.", []);
  });

  it("reports a labelled number that fails its validator as a generic ID", () => {
    assertFinds("SSN: 912-34-5678", ["ID:912-34-5678"]);
    assertFinds("NPI 1234567890", ["ID:1234567890"]);
  });

  it("finds record, account, plan, licence, NPI, DEA, device and vehicle numbers by their labels", () => {
    assertFinds("MRN: 00482913; Acct # 900128844; Member ID XKP902117634", [
      "MRN:00482913",
      "ACCOUNT:900128844",
      "HEALTH_PLAN:XKP902117634",
    ]);
    assertFinds("NPI 2369661873; DEA AD5560227; license no. MD-0412287", ["NPI:2369661873", "DEA:AD5560227", "LICENSE:MD-0412287"]);
    assertFinds("Pacemaker S/N PJN884190S; plate KLM 4471; VIN 1WVSC7MG4VGN2VVLU", [
      "DEVICE:PJN884190S",
      "VEHICLE:KLM 4471",
      "VEHICLE:1WVSC7MG4VGN2VVLU",
    ]);
    assertFinds("Accession: CT24-0021187; NHS number 943 476 5919", ["ID:CT24-0021187", "MRN:943 476 5919"]);
  });

  it("finds a Medicare MBI without a label", () => {
    assertFinds("Card shows 1EG4-TE5-MK72.", ["HEALTH_PLAN:1EG4-TE5-MK72"]);
  });

  it("reads identifier columns of Markdown tables and exports", () => {
    assertFinds("| Screen # | Age |\n|---|---|\n| S-0412 | 91 |\n| S-0413 | 72 |", ["ID:S-0412", "AGE:91", "ID:S-0413"]);
    assertFinds("record_id,first_name,zip,sbp\n1017,Harriet,02139,148", ["ID:1017", "NAME:Harriet", "ZIP:02139"]);
  });

  it("leaves codes, doses and lab values alone", () => {
    assertFinds("ICD-10 I21.4 and E11.9; CPT 99213; LOINC 2160-0; 500 mg; Hgb 10.2 g/dL; INR 2.3; CHA2DS2-VASc 3.", []);
    assertFinds("Group 2 patients; age group 65-74; ref range 3.5-5.0; case 1.", []);
  });
});

describe("places", () => {
  it("finds street addresses with units and the city line", () => {
    assertFinds("Lives at 1234 Oak Street, Apt 5B, Springfield, IL 62704.", [
      "ADDRESS:1234 Oak Street, Apt 5B",
      "LOCATION:Springfield",
      "ZIP:62704",
    ]);
    assertFinds("Flat 2, 17 Station Road, Ashbourne DE6 1GH", ["ADDRESS:Flat 2, 17 Station Road", "LOCATION:Ashbourne", "ZIP:DE6 1GH"]);
    assertFinds("12 Rue des Lilas, 69003 Lyon, France", ["ADDRESS:12 Rue des Lilas", "ZIP:69003", "LOCATION:Lyon"]);
    assertFinds("P.O. Box 44120", ["ADDRESS:P.O. Box 44120"]);
  });

  it("finds cities before states, counties and ZIP codes after a label", () => {
    assertFinds("Evacuated from Lake Charles, Louisiana.", ["LOCATION:Lake Charles"]);
    assertFinds("Notified Miami-Dade County; ZIP: 33101.", ["LOCATION:Miami-Dade County", "ZIP:33101"]);
  });

  it("keeps states and people with credentials apart from places", () => {
    assertFinds("Kenneth Albright, MD", ["NAME:Kenneth Albright"]);
    assertFinds("Referred from Illinois; CPT 99213.", []);
  });
});
