import { describeViolations, evaluateDestructivePolicy } from '../plan/analysis-policy.js';
import { describePrecheckViolations, evaluatePrechecks } from '../plan/analysis-prechecks.js';
import { analyzePlan } from '../plan/analysis.js';
import { templateFacts } from '../plan/analysis-template.js';
import type { Plan } from '../plan/model.js';
import type { Settings } from '../settings/types.js';
import type { TemplateBodies } from '../stacks/specs.js';

/**
 * Raised when the settings forbid the plan: it is destructive, or it creates or updates an MWAA
 * environment a pre-check knows will fail. The message lists why.
 */
export class DestructivePlanError extends Error {}

/**
 * The plan's policy under the settings: the "will it create?" pre-checks (allow-failed-prechecks)
 * and the destructive-change policy (fail-on-destructive, allow-destructive). Returns the message
 * of every violation, or undefined when the plan may proceed.
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
  const prechecks = evaluatePrechecks(plan, settings.allowFailedPrechecks).violations;
  const messages = [
    ...(prechecks.length > 0 ? [describePrecheckViolations(prechecks)] : []),
    ...(violations.length > 0
      ? [
          `The plan is destructive and fail-on-destructive is on:\n${describeViolations(violations)}\n` +
            'If this is intended, add the logical IDs or types to allow-destructive (KeyMode allows a key-mode switch; Drift allows reverting changes made outside CloudFormation).',
        ]
      : []),
  ];
  return messages.length > 0 ? messages.join('\n') : undefined;
}
