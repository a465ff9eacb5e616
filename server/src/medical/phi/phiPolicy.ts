/** Turns the `medgemma.phi.policy` setting into what happens to text about to leave for a given backend. */

import type { PhiPolicySetting } from "../../../../common/settings";
import { isLoopbackHost } from "../../../../common/settings";

/** What to do with identifiers in outgoing text. */
export type PhiPolicy = "allow" | "warn" | "redact" | "block";

/** Where the text would go. */
export interface PhiSendTarget {
  backend: "embedded" | "remote";
  /** The remote endpoint URL; ignored for the embedded engine. */
  endpoint?: string;
}

/** True when the text stays on this machine: the embedded engine, or a remote endpoint on a loopback host. */
export function staysOnMachine(target: PhiSendTarget): boolean {
  if (target.backend === "embedded") return true;
  if (!target.endpoint) return false;
  try {
    return isLoopbackHost(new URL(target.endpoint).hostname);
  } catch {
    return false;
  }
}

/**
 * Resolves the setting for a target. Explicit choices are kept; "auto" allows text that stays on this machine and
 * redacts text for any other endpoint (including one whose URL cannot be read, which is treated as remote).
 */
export function resolvePhiPolicy(setting: PhiPolicySetting, target: PhiSendTarget): PhiPolicy {
  if (setting !== "auto") return setting;
  return staysOnMachine(target) ? "allow" : "redact";
}
