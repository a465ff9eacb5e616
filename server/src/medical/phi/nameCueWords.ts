/** Words and phrases after or before which a person's name is written. Used by the name recognizer. */

/** Labels that take a colon (or "=", a table cell, a dash) before the name: "Patient:", "Attending physician:". */
export const ROLE_LABELS = [
  "name", "patient name", "pt name", "full name", "preferred name", "member name", "patient", "pt", "client", "student",
  "child", "infant", "proband", "claimant", "decedent", "principal", "informant", "caller", "guarantor", "subscriber",
  "insured", "recipient", "implant recipient", "attending", "physician", "doctor", "provider", "prescriber", "pcp", "gp",
  "consultant", "surgeon", "assistant", "anesthesiologist", "anaesthetist", "reader", "radiologist", "pathologist",
  "sonographer", "endoscopist", "bronchoscopist", "operator", "fellow", "resident", "hospitalist", "midwife", "nurse",
  "rn", "therapist", "counselor", "counsellor", "coordinator", "interpreter", "chaplain", "social worker",
  "case manager", "pharmacist", "guardian", "parent/guardian", "parents", "parent", "mother", "father", "spouse",
  "husband", "wife", "son", "daughter", "emergency contact", "contact", "next of kin", "nok", "health care agent",
  "healthcare agent", "proxy", "alternate", "witness", "examiner", "advocate", "certifier", "adjuster", "practitioner",
  "team lead", "analyst", "author", "authors", "investigator", "from", "to", "re", "cc", "bcc", "attn", "signed",
  "signature", "dictated by", "requested by", "referred by", "ordering", "accepting", "oncologist", "cardiologist",
  "neurologist", "specialist", "submitter", "pick-up", "employee", "officer", "driver", "referring", "requesting",
  "submitting", "interpreting", "implanting", "admitting", "reviewer", "scribe", "technologist", "dietitian",
  "supervisor", "crew", "staff", "paramedic", "medic",
];

/** Phrases after which a name follows directly, without a colon. */
export const BY_PHRASES = [
  "electronically signed by", "e-signed by", "signed by", "dictated by", "transcribed by", "interpreted by", "read by",
  "reviewed by", "seen by", "seen with", "referred by", "requested by", "reported by", "submitted by", "administered by",
  "obtained by", "performed by", "supervised by", "prepared by", "approved by", "verified by", "authored by",
  "presented by", "discussed with", "spoke with", "spoke to", "met with", "accompanied by", "cc", "attn", "dear",
];

/** Closing words of a letter, before the signature. */
export const SIGN_OFFS = [
  "sincerely", "yours sincerely", "yours faithfully", "yours truly", "kind regards", "best regards", "warm regards",
  "regards", "best wishes", "with best wishes", "many thanks", "thanks", "thank you", "best", "cheers", "respectfully",
];

/** Roles that may stand right before a name without a colon ("Pharmacist Dev Patel", "patient T. Brandt"). */
export const ROLES_BEFORE_NAME = [
  "patient", "pt", "pharmacist", "nurse", "resident", "attending", "physician", "surgeon", "therapist", "coordinator",
  "counselor", "counsellor", "advocate", "interpreter", "chaplain", "specialist", "midwife", "technician", "paramedic",
  "intern", "fellow", "consultant", "dietitian", "caseworker", "social worker", "case manager", "physiotherapist", "rn",
  "lpn", "np", "cna", "supervisor", "pt name", "patient name", "officer", "coach", "manager", "director", "agent",
  "representative", "inspector", "navigator", "technologist", "secretary", "receptionist", "scribe", "translator",
  "pathologist", "radiologist", "sonographer", "anesthesiologist", "endoscopist", "hospitalist", "oncologist",
  "cardiologist", "neurologist", "psychiatrist", "psychologist", "optometrist", "dentist", "podiatrist",
];

/** Greetings and introductions: "Hi Tasha", "this is Doctor Patil", "identified as Brianna Castellano". */
export const INTRODUCTIONS = [
  "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "thanks", "thank you", "this is", "it's",
  "its", "i am", "i'm", "my name is", "name's", "identified as", "id'd as", "known as", "goes by", "aka", "named",
];

/** Identifier labels that a patient's name often precedes: "(Delgado, MRN 81290034)", "Jane Roe, DOB 1/2/1950". */
export const ID_LABELS_AFTER_NAME = ["mrn", "mr#", "dob", "d.o.b.", "d.o.b", "nhs number", "nhs no", "hospital number", "hospital no", "date of birth"];

/** Lower-case words that follow "dr" in notes without being a surname. */
export const LOWER_NOT_NAME: ReadonlySet<string> = new Set(
  `said says will would was is are aware notified paged called ordered wants wanted to at in on ok okay here came saw
also re and or the a an of for with by rounded recommends recommended agrees agreed reviewed note notes office visit
visits appt appointment order orders advised thinks feels states stated spoke discussed updated informed consulted
consult follow followed fu please pls`.split(/\s+/),
);
