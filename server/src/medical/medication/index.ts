/**
 * Offline medication-safety checks (The Joint Commission "Do Not Use" list and ISMP's error-prone abbreviations,
 * symbols and dose designations). Pure code: no I/O, no LSP types.
 */

export { MEDICATION_RULES, MEDICATION_RULE_BY_ID, medicationRule } from "./rules";
export { MedicationChecker, checkMedicationSafety, applyMedicationFix } from "./medicationChecker";
export { zoneMode, type ZoneMode } from "./exclusionZones";
export type {
  FindingSeverity, MedicationCheckOptions, MedicationFinding, MedicationRule, MedicationSource,
} from "./types";
