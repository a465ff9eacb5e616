/**
 * PHI detection and the send-policy machinery. A safety net that catches most identifiers in clinical text before it
 * leaves the machine; not certified de-identification.
 */

export type { PhiDetectOptions, PhiFinding, PhiRecognizer, PhiType } from "./phiTypes";
export { PHI_TYPES } from "./phiTypes";
export { PHI_RECOGNIZERS, detectPhi, mergeFindings } from "./phiDetector";
export { PhiRedactor, placeholderFor } from "./phiRedactor";
export type { RedactedText } from "./phiRedactor";
export { PlaceholderRestorer, isPlaceholderPrefix, placeholderKey } from "./placeholderRestorer";
export { describeFindings, summarizeFindings } from "./findingSummary";
export { resolvePhiPolicy, staysOnMachine } from "./phiPolicy";
export type { PhiPolicy, PhiSendTarget } from "./phiPolicy";
export {
  isCalendarDate,
  isValidDea,
  isValidEmail,
  isValidIpv4,
  isValidIpv6,
  isValidMbi,
  isValidNhsNumber,
  isValidNpi,
  isValidSsn,
  isValidVin,
  passesLuhn,
} from "./validators";
