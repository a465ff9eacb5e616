import type { EntryRow } from "../types";

/** Research writing, statistics, reporting guidelines and health records. */
export const RESEARCH: readonly EntryRow[] = [
  { forms: "RCT", senses: [["randomized controlled trial", "A study that assigns participants to treatments by chance.", "research", "trial randomized placebo"]] },
  { forms: "IQR", senses: [["interquartile range", "The spread of the middle half of values.", "research", "median"]] },
  { forms: "NNT", senses: [["number needed to treat", "How many patients must be treated for one to benefit.", "research", "absolute risk"]] },
  { forms: "NNH", senses: [["number needed to harm", "How many patients must be treated for one to be harmed.", "research", "adverse"]] },
  { forms: "ITT", senses: [["intention to treat (analysis)", "Analysing everyone in the group they were randomized to.", "research", "analysis trial"]] },
  { forms: "PP", senses: [["per protocol (analysis)", "Analysing only participants who followed the protocol.", "research", "analysis trial"]] },
  { forms: "IRB", senses: [["institutional review board", "The committee that approves and oversees research on people.", "research", "approval ethics"]] },
  {
    forms: "PI",
    senses: [
      ["principal investigator", "The lead researcher of a study.", "research", "study trial"],
      ["protease inhibitor", "An HIV or hepatitis C drug class.", "infectious disease", "HIV"],
    ],
  },
  { forms: "QoL QOL", senses: [["quality of life", "How a person rates their well-being and daily function.", "research", "questionnaire"]] },
  { forms: "QALY", senses: [["quality-adjusted life year", "A year of life weighted by its quality, used in cost studies.", "research", "cost-effectiveness"]] },
  { forms: "AUC", senses: [["area under the curve", "A summary of a curve, e.g. a test's accuracy or a drug's exposure.", "research", "ROC"]] },
  { forms: "ROC", senses: [["receiver operating characteristic (curve)", "A plot of a test's sensitivity against its false-positive rate.", "research", "AUC sensitivity"]] },
  { forms: "ARR", senses: [["absolute risk reduction", "The difference in risk between two groups.", "research", "NNT"]] },
  { forms: "SE SEM", senses: [["standard error (of the mean)", "How precisely a sample estimates a value.", "research", "mean"]] },
  { forms: "CONSORT", senses: [["Consolidated Standards of Reporting Trials", "The reporting checklist for randomized trials.", "research", "trial reporting"]] },
  { forms: "STROBE", senses: [["Strengthening the Reporting of Observational Studies in Epidemiology", "The reporting checklist for observational studies.", "research", "cohort reporting"]] },
  { forms: "PRISMA", senses: [["Preferred Reporting Items for Systematic Reviews and Meta-Analyses", "The reporting checklist for systematic reviews.", "research", "review"]] },
  { forms: "GRADE", commonWord: true, senses: [["Grading of Recommendations, Assessment, Development and Evaluations", "A system for rating the certainty of evidence.", "research", "evidence certainty"]] },
  { forms: "SNOMED SNOMED-CT", senses: [["Systematized Nomenclature of Medicine (Clinical Terms)", "A large coded vocabulary of clinical concepts.", "administration", "code"]] },
  { forms: "LOINC", senses: [["Logical Observation Identifiers Names and Codes", "Codes for lab tests and observations.", "administration", "code"]] },
  { forms: "SOC", senses: [["standard of care", "The usual accepted treatment.", "research", "treatment"]] },
  { forms: "PK", senses: [["pharmacokinetics", "How the body absorbs, distributes and clears a drug.", "pharmacy", "half-life"]] },
  { forms: "MTD", senses: [["maximum tolerated dose", "The highest dose without unacceptable side effects.", "research", "phase"]] },
  { forms: "DLT", senses: [["dose-limiting toxicity", "A side effect serious enough to stop dose increases.", "research", "phase"]] },
  { forms: "HTA", senses: [["health technology assessment", "Evaluation of the value of a health intervention.", "research", "cost"]] },
  { forms: "EQ-5D", senses: [["EuroQol five-dimension questionnaire", "A short quality-of-life questionnaire.", "research", "quality of life"]] },
];
