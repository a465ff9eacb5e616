/**
 * Counting and describing findings without revealing them: the confirmation dialog and the redaction notice say
 * "2 dates, 1 name and 1 phone number", never which ones.
 */

import type { RedactionSummary } from "../../../../common/protocol";
import { PHI_TYPES } from "./phiTypes";

/** Singular and plural nouns per type, for sentences. Unknown types fall back to "identifier". */
const NOUNS: Record<string, readonly [string, string]> = {
  NAME: ["name", "names"],
  DATE: ["date", "dates"],
  AGE: ["age over 89", "ages over 89"],
  PHONE: ["phone number", "phone numbers"],
  FAX: ["fax number", "fax numbers"],
  EMAIL: ["e-mail address", "e-mail addresses"],
  SSN: ["social security number", "social security numbers"],
  MRN: ["medical record number", "medical record numbers"],
  ACCOUNT: ["account number", "account numbers"],
  HEALTH_PLAN: ["health plan number", "health plan numbers"],
  LICENSE: ["license or certificate number", "license or certificate numbers"],
  NPI: ["provider number (NPI)", "provider numbers (NPI)"],
  DEA: ["DEA number", "DEA numbers"],
  URL: ["web address", "web addresses"],
  IP: ["IP address", "IP addresses"],
  ZIP: ["ZIP or postal code", "ZIP or postal codes"],
  ADDRESS: ["street address", "street addresses"],
  LOCATION: ["place name", "place names"],
  DEVICE: ["device identifier", "device identifiers"],
  VEHICLE: ["vehicle identifier", "vehicle identifiers"],
  ID: ["other identifier", "other identifiers"],
};

/** Counts findings by type. Works on anything with a `type`, such as `PhiFinding`. */
export function summarizeFindings(findings: readonly { type: string }[]): RedactionSummary {
  const byType: Record<string, number> = {};
  for (const finding of findings) byType[finding.type] = (byType[finding.type] ?? 0) + 1;
  return { total: findings.length, byType };
}

function typeOrder(type: string): number {
  const index = (PHI_TYPES as readonly string[]).indexOf(type);
  return index < 0 ? PHI_TYPES.length : index;
}

/**
 * Describes findings (or a summary of them) in words: "2 dates, 1 name and 1 phone number". Most frequent first,
 * ties in the fixed type order. "no identifiers" when there is nothing.
 */
export function describeFindings(findings: readonly { type: string }[] | RedactionSummary): string {
  const summary = Array.isArray(findings) ? summarizeFindings(findings) : (findings as RedactionSummary);
  const parts = Object.entries(summary.byType)
    .filter(([, count]) => count > 0)
    .sort(([a, countA], [b, countB]) => countB - countA || typeOrder(a) - typeOrder(b))
    .map(([type, count]) => {
      const [one, many] = NOUNS[type] ?? ["identifier", "identifiers"];
      return `${count} ${count === 1 ? one : many}`;
    });
  if (parts.length === 0) return "no identifiers";
  if (parts.length === 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1) ?? ""}`;
}
