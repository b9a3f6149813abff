import { describeViolations, evaluateDestructivePolicy } from '../plan/analysis-policy.js';
import { analyzePlan } from '../plan/analysis.js';
import { templateFacts } from '../plan/analysis-template.js';
import type { Plan } from '../plan/model.js';
import type { Settings } from '../settings/types.js';
import type { TemplateBodies } from '../stacks/specs.js';

/** Raised when the plan is destructive and the settings forbid it; the message lists why. */
export class DestructivePlanError extends Error {}

/**
 * The destructive-change policy of the settings (fail-on-destructive, allow-destructive) applied
 * to a plan. Returns the message of the violation, or undefined when the plan may proceed.
 */
export function policyViolation(
  plan: Plan,
  settings: Settings,
  templates: TemplateBodies,
): string | undefined {
  const retained = Object.fromEntries(
    plan.stacks.map((s) => [s.stackName, templateFacts(templates[s.role] ?? '').retained]),
  );
  const analysis = analyzePlan(plan, { retained });
  const { violations } = evaluateDestructivePolicy(analysis, {
    failOnDestructive: settings.failOnDestructive,
    allow: settings.allowDestructive,
  });
  if (violations.length === 0) return undefined;
  return (
    `The plan is destructive and fail-on-destructive is on:\n${describeViolations(violations)}\n` +
    'If this is intended, add the logical IDs or types to allow-destructive (KeyMode allows a key-mode switch; Drift allows reverting changes made outside CloudFormation).'
  );
}
