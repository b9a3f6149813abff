/**
 * The destructive-change policy: which destructive changes stop a deploy. Changes that lose
 * data or strand an existing MWAA environment violate it unless the user allows them:
 *   - a stateful resource (bucket, key, …) removed or (possibly) replaced, even when retained:
 *     the environment would be left pointing at a resource the stack no longer manages;
 *   - a VPC or subnet removed or replaced: an environment cannot move network;
 *   - a key-mode switch: an environment cannot change its encryption;
 *   - drift on a security resource (role, policy, key, bucket policy, security group) that the
 *     plan changes: the deploy would silently revert a permission or a rule added by hand.
 * Other removals and replacements (a route, a NAT gateway) are shown but do not violate.
 */
import { KEY_MODE_PARAMETER } from './analysis.js';
import type { DestructiveChange, PlanAnalysis } from './analysis.js';

export interface DestructivePolicy {
  /** When false the policy is off: the plan is still shown, nothing violates it. */
  readonly failOnDestructive: boolean;
  /**
   * Logical IDs (`Bucket`) or resource types (`AWS::S3::Bucket`) allowed to be destroyed.
   * The entry `KeyMode` (the parameter's name) allows a key-mode switch; `Drift` allows
   * reverting every drifted security resource (its logical ID allows reverting that one).
   */
  readonly allow: readonly string[];
}

/** A change the policy forbids; a key-mode switch has reason 'key-mode-switch'. */
export type PolicyViolation =
  | DestructiveChange
  | {
      readonly stack: string;
      /** Always `KeyMode`: the entry that allows it. */
      readonly logicalId: typeof KEY_MODE_PARAMETER;
      readonly type: 'AWS::CloudFormation::Parameter';
      readonly reason: 'key-mode-switch';
      readonly stateful: true;
      readonly before: string;
      readonly after: string;
    }
  | {
      readonly stack: string;
      readonly logicalId: string;
      readonly type: string;
      readonly reason: 'drift';
      readonly stateful: false;
      /** The drifted property paths. */
      readonly paths: readonly string[];
    };

/** The allow-list entry that allows reverting drift on every security resource. */
export const DRIFT_ALLOWANCE = 'Drift';

export interface PolicyResult {
  readonly violations: readonly PolicyViolation[];
  /** Changes that would have violated the policy but are in the allow list. */
  readonly allowed: readonly PolicyViolation[];
}

/** Judges an analysed plan against the policy. */
export function evaluateDestructivePolicy(
  analysis: PlanAnalysis,
  policy: DestructivePolicy,
): PolicyResult {
  if (!policy.failOnDestructive) return { violations: [], allowed: [] };
  const allow = new Set(policy.allow.map((a) => a.trim()).filter((a) => a !== ''));
  const network = new Set(analysis.networkReplacement);
  const candidates: PolicyViolation[] = analysis.destructive.filter(
    (d) => d.stateful || network.has(d),
  );
  const k = analysis.keyModeSwitch;
  if (k) {
    candidates.unshift({
      stack: k.stack,
      logicalId: KEY_MODE_PARAMETER,
      type: 'AWS::CloudFormation::Parameter',
      reason: 'key-mode-switch',
      stateful: true,
      before: k.before,
      after: k.after,
    });
  }
  for (const d of analysis.drift.filter((x) => x.security && x.revertedByPlan)) {
    candidates.push({
      stack: d.stack,
      logicalId: d.logicalId,
      type: d.type,
      reason: 'drift',
      stateful: false,
      paths: d.differences.map((p) => p.path),
    });
  }
  const isAllowed = (v: PolicyViolation) =>
    v.reason === 'drift'
      ? allow.has(DRIFT_ALLOWANCE) || allow.has(v.logicalId)
      : // An environment is allowed only by its logical ID: its replacement loses the metadata database.
        allow.has(v.logicalId) || (v.type !== 'AWS::MWAA::Environment' && allow.has(v.type));
  return {
    violations: candidates.filter((v) => !isAllowed(v)),
    allowed: candidates.filter(isAllowed),
  };
}

/** One line per violation, for the error that fails the step. */
export function describeViolations(violations: readonly PolicyViolation[]): string {
  return violations
    .map((v) =>
      v.reason === 'key-mode-switch'
        ? `- ${v.stack}: key mode ${v.before} → ${v.after} (allow with "${KEY_MODE_PARAMETER}")`
        : v.reason === 'drift'
          ? `- ${v.stack}: ${v.logicalId} (${v.type}) was changed outside CloudFormation${v.paths.length > 0 ? ` (${v.paths.join(', ')})` : ''}; the deploy reverts it (allow with "${DRIFT_ALLOWANCE}" or "${v.logicalId}")`
          : `- ${v.stack}: ${v.logicalId} (${v.type}) ${REASON_WORDS[v.reason]} (allow with "${v.logicalId}" or "${v.type}")`,
    )
    .join('\n');
}

const REASON_WORDS: Readonly<Record<DestructiveChange['reason'], string>> = {
  remove: 'removed',
  replace: 'replaced',
  'conditional-replace': 'may be replaced',
};
