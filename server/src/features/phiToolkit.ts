/** The PHI detector and redactor behind the privacy guard and the PHI diagnostics. */
import { PhiRedactor, describeFindings, detectPhi } from "../medical/phi";
import type { PhiToolkit } from "./privacyGuard";

export const phiToolkit: PhiToolkit = {
  detect: (text) => detectPhi(text),
  describe: (findings) => describeFindings(findings),
  // One redactor per request: its placeholder map lives only as long as that request.
  newSession: () => new PhiRedactor(),
};
