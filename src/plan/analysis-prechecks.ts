/**
 * The "will it create?" part of the plan's policy: an environment the pre-checks know will fail
 * (20 to 40 minutes into its creation or update) is not created or updated. A failed pre-check
 * violates the policy whatever fail-on-destructive says (nothing is destroyed; the deploy would
 * only fail later, after creating what comes before), unless it is one whose reading can be
 * wrong and allow-failed-prechecks names it.
 */
import type { FailedPrecheck, Plan } from './model.js';

/** A failed pre-check of one stack's plan. */
export interface PrecheckViolation extends FailedPrecheck {
  readonly stack: string;
}

export interface PrecheckResult {
  readonly violations: readonly PrecheckViolation[];
  /** Failed pre-checks that allow-failed-prechecks accepts. */
  readonly allowed: readonly PrecheckViolation[];
}

/** True when allow-failed-prechecks (`allow`) accepts this failed pre-check. */
export function precheckAllowed(p: FailedPrecheck, allow: readonly string[]): boolean {
  return p.allowable && allow.includes(p.id);
}

/** Judges the plan's failed pre-checks against the allow list (pre-check IDs). */
export function evaluatePrechecks(plan: Plan, allow: readonly string[]): PrecheckResult {
  const failed = plan.stacks.flatMap((s) =>
    (s.failedPrechecks ?? []).map((p) => ({ ...p, stack: s.stackName })),
  );
  const isAllowed = (p: PrecheckViolation) => precheckAllowed(p, allow);
  return { violations: failed.filter((p) => !isAllowed(p)), allowed: failed.filter(isAllowed) };
}

/** The error's text: each failed pre-check with what was found, the fix, and the way past it. */
export function describePrecheckViolations(violations: readonly PrecheckViolation[]): string {
  const lines = violations.map((v) => {
    const past = v.allowable
      ? ` If the check reads your setup wrongly, add "${v.id}" to allow-failed-prechecks.`
      : '';
    return `- ${v.stack}: ${v.title}: no. ${v.details}${past}`;
  });
  return (
    'The MWAA environment would fail 20 to 40 minutes into its creation or update, so nothing was created or changed:\n' +
    `${lines.join('\n')}\n` +
    'Fix these, then run again.'
  );
}
