/**
 * The section headers of clinical notes and research papers that the section parser and the TextMate grammar
 * recognise. Each entry has a stable id, a plain-English label, the spellings seen at the start of a line
 * (lower case, single spaces) and a tier that says how high it sits in a note's outline.
 */

/** Where a header comes from: a whole document, a clinical note, or a research paper. */
export type HeaderFamily = "document" | "clinical" | "research";

/**
 * How high a header sits. `title` names the whole document ("DISCHARGE SUMMARY"); `soap` is one of Subjective,
 * Objective, Assessment, Plan (outranks the rest only in a SOAP note); `major` is an ordinary section; `minor` is
 * a subsection such as an exam system or a "Statistical analysis" under Methods.
 */
export type HeaderTier = "title" | "soap" | "major" | "minor";

/** One recognised header. */
export interface HeaderDefinition {
  /** Stable camelCase key other features can test for, e.g. "hpi", "medications", "methods". */
  readonly id: string;
  /** Plain-English name, shown beside abbreviations in the outline. */
  readonly label: string;
  readonly family: HeaderFamily;
  readonly tier: HeaderTier;
  /** Spellings that are a header on their own line, or before a colon. */
  readonly phrases: readonly string[];
  /**
   * Spellings too ambiguous to stand alone on a line ("PE" may be a problem, "CT" a finding): a header only when
   * a colon follows.
   */
  readonly colonOnly?: readonly string[];
  /**
   * Sections this header belongs inside when it follows them directly ("Vitals:" under "Physical Exam:", "Echo:"
   * under "Pertinent Results:"); there it ranks as a subsection.
   */
  readonly nestsUnder?: readonly string[];
}

function header(
  id: string,
  label: string,
  family: HeaderFamily,
  tier: HeaderTier,
  phrases: readonly string[],
  colonOnly: readonly string[] = [],
  nestsUnder: readonly string[] = [],
): HeaderDefinition {
  return { id, label, family, tier, phrases, colonOnly, nestsUnder };
}

/** Sections whose subsections are body systems. */
const SYSTEM_PARENTS = ["physicalExam", "examination", "reviewOfSystems"];
/** Sections whose subsections are individual studies (ECG, echo, CT). */
const STUDY_PARENTS = ["labs", "imaging", "findings"];

/** A body-system subsection of an exam or review of systems. */
function system(id: string, label: string, phrases: readonly string[], colonOnly: readonly string[] = []): HeaderDefinition {
  return header(id, label, "clinical", "minor", phrases, colonOnly, SYSTEM_PARENTS);
}

/** Every recognised header, documents first, then clinical sections, then research sections. */
export const SECTION_HEADERS: readonly HeaderDefinition[] = [
  // Document titles: a line that names the whole note.
  header("dischargeSummary", "Discharge summary", "document", "title", [
    "discharge summary", "hospital discharge summary", "discharge note",
  ]),
  header("historyAndPhysical", "History and physical", "document", "title", [
    "history and physical", "h&p", "admission history and physical", "admission h&p",
    "history and physical examination",
  ]),
  header("admissionNote", "Admission note", "document", "title", ["admission note", "admit note"]),
  header("progressNote", "Progress note", "document", "title", [
    "progress note", "daily progress note", "soap note", "interval note",
  ]),
  header("consultNote", "Consultation note", "document", "title", [
    "consult note", "consultation note", "consultation report", "inpatient consult note",
  ]),
  header("operativeNote", "Operative note", "document", "title", [
    "operative note", "operative report", "op note", "brief operative note",
  ]),
  header("procedureNote", "Procedure note", "document", "title", ["procedure note", "procedure report"]),
  header("radiologyReport", "Radiology report", "document", "title", [
    "radiology report", "imaging report", "diagnostic imaging report",
  ]),
  header("emergencyNote", "Emergency department note", "document", "title", [
    "ed note", "ed provider note", "emergency department note", "emergency department provider note",
  ]),
  header("clinicNote", "Clinic note", "document", "title", [
    "clinic note", "office note", "office visit", "outpatient note", "clinic visit",
  ]),
  header("transferNote", "Transfer note", "document", "title", ["transfer note", "transfer summary"]),
  header("caseReportTitle", "Case report", "document", "title", ["case report"]),

  // SOAP: the four parts of a progress note. They outrank other sections only when the note uses them.
  header("subjective", "Subjective", "clinical", "soap", ["subjective"], ["s"]),
  header("objective", "Objective", "clinical", "soap", ["objective"], ["o"]),
  header("assessment", "Assessment", "clinical", "soap", ["assessment", "assessments", "clinical assessment"], ["a"]),
  header("plan", "Plan", "clinical", "soap", [
    "plan", "treatment plan", "plan of care", "management plan", "care plan",
  ], ["p"]),
  header("assessmentAndPlan", "Assessment and plan", "clinical", "soap", [
    "assessment and plan", "assessment/plan", "a/p", "a&p", "a+p",
    "impression and plan", "impression/plan", "assessment and recommendations",
    "impression and recommendations",
  ]),

  // Clinical sections.
  header("chiefComplaint", "Chief complaint", "clinical", "major", [
    "chief complaint", "chief complaints", "reason for visit", "reason for admission", "reason for consultation",
    "reason for consult", "reason for referral", "presenting complaint",
  ], ["cc"]),
  header("hpi", "History of present illness", "clinical", "major", [
    "hpi", "history of present illness", "history of the present illness", "present illness",
  ]),
  header("intervalHistory", "Interval history", "clinical", "major", [
    "interval history", "interval events", "overnight events", "events overnight", "24 hour events",
    "24-hour events", "24h events", "hospital day events",
  ]),
  header("indication", "Clinical indication", "clinical", "major", [
    "clinical indication", "clinical indications", "indication", "indications", "clinical history",
    "reason for exam", "reason for examination", "reason for study",
  ], ["history"]),
  header("pastMedicalHistory", "Past medical history", "clinical", "major", [
    "pmh", "pmhx", "past medical history", "past history", "medical history", "past medical hx",
  ]),
  header("pastSurgicalHistory", "Past surgical history", "clinical", "major", [
    "psh", "pshx", "past surgical history", "surgical history", "past surgical hx",
  ]),
  header("problemList", "Problem list", "clinical", "major", [
    "problem list", "active problems", "active problem list", "problems",
  ]),
  header("medications", "Medications", "clinical", "major", [
    "medications", "medication", "meds", "current medications", "current meds", "home medications", "home meds",
    "admission medications", "medications on admission", "outpatient medications", "medications prior to admission",
    "active medications", "inpatient medications", "scheduled medications", "current outpatient medications",
  ]),
  header("dischargeMedications", "Discharge medications", "clinical", "major", [
    "discharge medications", "discharge meds", "medications at discharge", "medications on discharge",
    "discharge medication list",
  ]),
  header("allergies", "Allergies", "clinical", "major", [
    "allergies", "allergy", "allergic reactions", "drug allergies", "medication allergies",
    "allergies and adverse reactions", "allergies/adverse reactions",
  ], ["nkda"]),
  header("familyHistory", "Family history", "clinical", "major", ["family history", "fhx", "family hx"], ["fh"]),
  header("socialHistory", "Social history", "clinical", "major", ["social history", "shx", "social hx"], ["sh"]),
  header("reviewOfSystems", "Review of systems", "clinical", "major", ["ros", "review of systems", "systems review"]),
  header("physicalExam", "Physical examination", "clinical", "major", [
    "physical exam", "physical examination", "physical exam on admission", "physical exam at discharge",
    "admission exam", "admission physical exam", "discharge exam", "discharge physical exam", "exam on admission",
    "exam at discharge",
  ], ["pe"]),
  header("examination", "Examination", "clinical", "major", ["exam", "examination", "exam performed"]),
  header("vitals", "Vital signs", "clinical", "major", ["vitals", "vital signs", "vital sign"], ["vs"], [
    "physicalExam", "examination",
  ]),
  header("labs", "Laboratory results", "clinical", "major", [
    "labs", "laboratory", "laboratory data", "laboratory results", "laboratory studies", "lab results", "lab data",
    "pertinent results", "pertinent labs", "data", "admission labs", "discharge labs", "results",
  ]),
  header("microbiology", "Microbiology", "clinical", "major", ["micro", "microbiology", "cultures"], [], ["labs"]),
  header("imaging", "Imaging", "clinical", "major", [
    "imaging", "radiology", "imaging studies", "diagnostic studies", "studies", "diagnostics",
  ]),
  header("diagnosticStudy", "Diagnostic study", "clinical", "minor", [
    "chest x-ray", "chest radiograph", "electrocardiogram", "echocardiogram", "ct scan", "ultrasound",
  ], ["ct", "cta", "mri", "cxr", "ecg", "ekg", "echo", "tte", "us"], STUDY_PARENTS),
  header("technique", "Technique", "clinical", "major", ["technique", "procedure technique"]),
  header("comparison", "Comparison", "clinical", "major", ["comparison", "comparisons", "prior studies"]),
  header("findings", "Findings", "clinical", "major", ["findings", "operative findings"]),
  header("impression", "Impression", "clinical", "major", ["impression", "impressions", "clinical impression"]),
  header("diagnosis", "Diagnosis", "clinical", "major", [
    "diagnosis", "diagnoses", "admission diagnosis", "admitting diagnosis", "principal diagnosis",
    "primary diagnosis", "secondary diagnosis", "secondary diagnoses", "final diagnosis", "differential diagnosis",
    "preoperative diagnosis", "pre-operative diagnosis", "postoperative diagnosis", "post-operative diagnosis",
  ]),
  header("dischargeDiagnosis", "Discharge diagnosis", "clinical", "major", [
    "discharge diagnosis", "discharge diagnoses", "diagnoses at discharge",
  ]),
  header("hospitalCourse", "Hospital course", "clinical", "major", [
    "hospital course", "brief hospital course", "clinical course", "course", "ed course",
    "hospital course by problem", "summary of hospital course",
  ]),
  header("procedures", "Procedures", "clinical", "major", [
    "procedures", "procedure", "procedures performed", "procedure performed", "operation", "operation performed",
  ]),
  header("consults", "Consultations", "clinical", "major", ["consults", "consultations", "consultants"]),
  header("recommendations", "Recommendations", "clinical", "major", ["recommendations", "recs"]),
  header("disposition", "Disposition", "clinical", "major", [
    "disposition", "discharge disposition", "discharge condition", "condition at discharge",
    "condition on discharge", "discharge status",
  ]),
  header("dischargeInstructions", "Discharge instructions", "clinical", "major", [
    "discharge instructions", "patient instructions", "instructions", "return precautions",
  ]),
  header("followUp", "Follow-up", "clinical", "major", [
    "follow-up", "follow up", "followup", "follow-up appointments", "follow up appointments",
    "follow-up instructions",
  ]),
  header("pendingResults", "Pending results", "clinical", "major", [
    "pending results", "pending labs", "results pending", "pending studies",
  ]),
  header("codeStatus", "Code status", "clinical", "major", ["code status"]),

  // Systems under Review of Systems and Physical Examination.
  system("examGeneral", "General", ["general", "constitutional", "general appearance"]),
  system("examHeent", "Head, eyes, ears, nose and throat", [
    "heent", "head", "eyes", "ears", "nose", "throat", "mouth", "oropharynx", "head and neck",
  ], ["ent"]),
  system("examNeck", "Neck", ["neck"]),
  system("examLymph", "Lymphatic", ["lymph", "lymphatic", "lymph nodes", "lymphatics"]),
  system("examCardiovascular", "Cardiovascular", [
    "cardiovascular", "cardiac", "heart", "cardiovascular system",
  ], ["cv", "cvs"]),
  system("examRespiratory", "Respiratory", [
    "respiratory", "lungs", "chest", "pulmonary", "pulm", "resp",
  ]),
  system("examAbdomen", "Abdomen", ["abdomen", "abdominal", "abd", "gastrointestinal"], ["gi"]),
  system("examGenitourinary", "Genitourinary", ["genitourinary", "rectal", "pelvic"], ["gu"]),
  system("examMusculoskeletal", "Musculoskeletal", [
    "musculoskeletal", "msk", "extremities", "back", "spine",
  ], ["ext"]),
  system("examSkin", "Skin", ["skin", "integumentary", "integument", "dermatologic"]),
  system("examNeurologic", "Neurologic", ["neuro", "neurologic", "neurological", "neurology"]),
  system("examPsychiatric", "Psychiatric", ["psych", "psychiatric", "mental status"]),
  system("examEndocrine", "Endocrine", ["endocrine"]),
  system("examHematologic", "Hematologic", [
    "heme", "hematologic", "heme/lymph", "hematologic/lymphatic",
  ]),
  system("examImmunologic", "Allergic and immunologic", ["allergic/immunologic", "immunologic"]),
  system("examBreast", "Breast", ["breast", "breasts"]),

  // Research paper sections (IMRaD and back matter).
  header("abstract", "Abstract", "research", "major", ["abstract", "structured abstract"]),
  header("summary", "Summary", "research", "major", ["summary", "plain language summary", "lay summary"]),
  header("background", "Background", "research", "major", ["background"]),
  header("introduction", "Introduction", "research", "major", ["introduction"]),
  header("methods", "Methods", "research", "major", [
    "methods", "method", "methodology", "materials and methods", "methods and materials", "patients and methods",
    "subjects and methods", "material and methods",
  ]),
  header("results", "Results", "research", "major", ["results"]),
  header("resultsAndDiscussion", "Results and discussion", "research", "major", ["results and discussion"]),
  header("discussion", "Discussion", "research", "major", ["discussion"]),
  header("conclusions", "Conclusions", "research", "major", [
    "conclusion", "conclusions", "concluding remarks", "summary and conclusions", "interpretation",
  ]),
  header("limitations", "Limitations", "research", "major", ["limitations", "study limitations"], [], ["discussion"]),
  header("casePresentation", "Case presentation", "research", "major", [
    "case presentation", "case description", "case history", "case details",
  ]),
  header("references", "References", "research", "major", [
    "references", "bibliography", "works cited", "literature cited",
  ]),
  header("acknowledgements", "Acknowledgements", "research", "major", ["acknowledgements", "acknowledgments"]),
  header("funding", "Funding", "research", "major", ["funding", "funding sources", "sources of funding"]),
  header("competingInterests", "Competing interests", "research", "major", [
    "competing interests", "conflicts of interest", "conflict of interest", "declaration of interests",
    "disclosures",
  ]),
  header("declarations", "Declarations", "research", "major", [
    "declarations", "author contributions", "data availability", "data availability statement", "data sharing",
    "data sharing statement", "ethics approval", "ethics approval and consent to participate",
  ]),
  header("appendix", "Appendix", "research", "major", [
    "appendix", "appendices", "supplementary material", "supplementary materials", "supplementary information",
    "abbreviations",
  ]),

  // Research sub-structure: structured-abstract labels and the usual subsections of Methods, Results, Discussion
  // and CARE case reports.
  header("studyObjective", "Objective", "research", "minor", [
    "objective", "objectives", "aim", "aims", "purpose", "aims and objectives", "context", "importance",
  ]),
  header("design", "Design", "research", "minor", [
    "design", "study design", "design and setting", "design, setting, and participants",
    "design, setting and participants", "setting", "study setting",
  ]),
  header("participants", "Participants", "research", "minor", [
    "participants", "patients", "population", "study population", "subjects", "study participants",
  ]),
  header("interventions", "Interventions", "research", "minor", [
    "intervention", "interventions", "exposure", "exposures", "therapeutic intervention",
    "therapeutic interventions",
  ]),
  header("outcomes", "Outcomes", "research", "minor", [
    "outcomes", "outcome measures", "main outcome measures", "main outcomes and measures", "primary outcome",
    "primary outcomes", "secondary outcome", "secondary outcomes", "measurements", "main outcome",
    "outcomes and measures",
  ]),
  header("dataSources", "Data sources and selection", "research", "minor", [
    "data sources", "data source", "data collection", "data extraction", "search strategy", "eligibility criteria",
    "inclusion criteria", "exclusion criteria", "study selection", "risk of bias", "quality assessment",
    "data extraction and synthesis",
  ]),
  header("statistics", "Statistical analysis", "research", "minor", [
    "statistical analysis", "statistical analyses", "statistical methods", "statistics", "sample size",
    "randomisation", "randomization", "blinding", "sample size calculation",
  ]),
  header("ethics", "Ethics", "research", "minor", [
    "ethics", "ethical approval", "ethical considerations", "ethics statement", "patient and public involvement",
    "informed consent", "patient consent", "consent",
  ]),
  header("findingsDetail", "Results detail", "research", "minor", [
    "baseline characteristics", "adverse events", "subgroup analyses", "subgroup analysis", "sensitivity analyses",
    "sensitivity analysis", "primary analysis", "secondary analyses",
  ]),
  header("discussionDetail", "Discussion detail", "research", "minor", [
    "strengths and limitations", "comparison with other studies", "comparison with previous studies",
    "implications", "clinical implications", "implications for practice", "future research", "future directions",
    "principal findings", "main findings",
  ]),
  header("keywords", "Keywords", "research", "minor", ["keywords", "key words", "trial registration", "registration"]),
  header("caseReportParts", "Case report part", "research", "minor", [
    "patient information", "clinical findings", "timeline", "diagnostic assessment", "follow-up and outcomes",
    "follow up and outcomes", "patient perspective", "learning points", "key points", "take-home messages",
    "take home messages", "what is already known", "what this study adds",
  ]),
];

/**
 * Field labels that look like headers in ALL CAPS ("SERVICE: Medicine", "NKDA") but are values or administrative
 * fields, never sections.
 */
export const NON_HEADER_LABELS: ReadonlySet<string> = new Set([
  "nka", "nad", "wnl", "rrr", "ctab", "ncat", "perrl", "perrla", "eomi", "dnr", "dni", "dnr/dni", "full code",
  "none", "n/a", "negative", "positive", "normal", "abnormal", "unremarkable", "yes", "no", "denies", "deferred",
  "stable", "improved", "unchanged", "pending", "see above", "see below", "as above", "note", "notes",
  "service", "attending", "attending physician", "resident", "author", "provider", "signed", "cosigned",
  "admission date", "discharge date", "date of admission", "date of discharge", "date of service", "date", "time",
  "dob", "date of birth", "mrn", "name", "patient", "patient name", "sex", "gender", "age", "location", "unit",
  "room", "pcp", "primary care physician", "referring physician", "cc to", "copy to", "dictated by", "electronically signed by",
]);

/**
 * Normalises header text for lookup: lower case, single spaces, a spaced "&" read as "and", no trailing period or
 * parenthetical note.
 */
export function normalizeHeaderText(text: string): string {
  return text
    .replace(/\\([&%#_])/g, "$1")
    .replace(/\s+&\s+/g, " and ")
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s*\([^()]*\)\s*$/, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\.$/, "")
    .toLowerCase();
}

interface PhraseEntry {
  definition: HeaderDefinition;
  colonOnly: boolean;
}

function buildIndex(): Map<string, PhraseEntry[]> {
  const index = new Map<string, PhraseEntry[]>();
  const add = (phrase: string, definition: HeaderDefinition, colonOnly: boolean): void => {
    const key = normalizeHeaderText(phrase);
    const entries = index.get(key) ?? [];
    entries.push({ definition, colonOnly });
    index.set(key, entries);
  };
  for (const definition of SECTION_HEADERS) {
    for (const phrase of definition.phrases) add(phrase, definition, false);
    for (const phrase of definition.colonOnly ?? []) add(phrase, definition, true);
  }
  return index;
}

const PHRASE_INDEX = buildIndex();

/** A header spelling found in the lexicon. */
export interface HeaderMatch {
  readonly definition: HeaderDefinition;
  /** True when the spelling counts only before a colon. */
  readonly colonOnly: boolean;
}

/**
 * Every definition whose spelling matches `text` (after normalisation). A spelling may belong to more than one
 * family ("Objective" in a SOAP note and in an abstract); the caller picks by context.
 */
export function lookupHeader(text: string): readonly HeaderMatch[] {
  return PHRASE_INDEX.get(normalizeHeaderText(text)) ?? [];
}

/** True for field labels and values that must never be read as a section header. */
export function isNonHeaderLabel(text: string): boolean {
  return NON_HEADER_LABELS.has(normalizeHeaderText(text));
}
