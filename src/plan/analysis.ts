/**
 * What a plan means for the environment: which changes destroy something (and whether what
 * they destroy holds data), a switch of key mode, a move of the network, and the
 * security-relevant changes. The renderer shows it; the destructive-change policy judges it.
 */
import { retainedByContext } from './analysis-context.js';
import { SECURITY_TYPES, stackSecurityChanges } from './analysis-security.js';
import type { SecurityChange } from './analysis-security.js';
import type { RetainedResources } from './analysis-template.js';
import type { DriftedResource, Plan, ResourceChange, StackPlan } from './model.js';
import { planHasChanges } from './model.js';

export type { SecurityChange, SecurityKind } from './analysis-security.js';

/**
 * Resource types whose data goes with them: removing or replacing one loses something (or,
 * when retained, leaves it behind while the stack moves on to a new, empty one).
 */
export const STATEFUL_TYPES: ReadonlySet<string> = new Set([
  'AWS::S3::Bucket',
  'AWS::KMS::Key',
  'AWS::Logs::LogGroup',
  'AWS::DynamoDB::Table',
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::EFS::FileSystem',
  'AWS::SecretsManager::Secret',
  // Its metadata database (run history, connections, variables) goes with it.
  'AWS::MWAA::Environment',
]);

/** Types an MWAA environment is bound to for life: it cannot move subnet or VPC. */
export const NETWORK_TYPES: ReadonlySet<string> = new Set(['AWS::EC2::VPC', 'AWS::EC2::Subnet']);

/** The prerequisite stack's parameter that chooses the encryption (template KeyMode). */
export const KEY_MODE_PARAMETER = 'KeyMode';

export type DestructiveReason = 'remove' | 'replace' | 'conditional-replace';

/** A change that deletes (or may delete) a resource as it is. */
export interface DestructiveChange {
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly reason: DestructiveReason;
  /** The resource holds data (STATEFUL_TYPES or the caller's extra types). */
  readonly stateful: boolean;
  /**
   * True when the old resource stays in the account (DeletionPolicy or UpdateReplacePolicy
   * Retain), false when it is known to be deleted, undefined when nothing says.
   */
  readonly retained?: boolean;
}

/** The key mode of the prerequisite stack changes (deployed value → planned value). */
export interface KeyModeSwitch {
  readonly stack: string;
  readonly before: string;
  readonly after: string;
}

/** A resource changed outside CloudFormation, which the deploy reverts. */
export interface StackResourceDrift extends DriftedResource {
  readonly stack: string;
  /** A role, policy, key (policy), bucket policy or security group (rule). */
  readonly security: boolean;
  /**
   * The plan updates, replaces or removes this resource, so the deploy reverts its drift (or
   * loses it with the resource). CloudFormation leaves a resource the change set does not touch
   * as it is, drift included.
   */
  readonly revertedByPlan: boolean;
}

export interface PlanAnalysis {
  readonly hasChanges: boolean;
  /** Resource changes over all stacks. */
  readonly changeCount: number;
  readonly destructive: readonly DestructiveChange[];
  readonly keyModeSwitch?: KeyModeSwitch;
  /** Destructive changes to a VPC or a subnet. */
  readonly networkReplacement: readonly DestructiveChange[];
  readonly securityChanges: readonly SecurityChange[];
  /** Drifted resources over all stacks (drift detection's findings). */
  readonly drift: readonly StackResourceDrift[];
}

export interface AnalysisOptions {
  /** Retained resources by stack name, e.g. from `templateFacts(body).retained`. */
  readonly retained?: Readonly<Record<string, Partial<RetainedResources>>>;
  /** Types to treat as stateful besides STATEFUL_TYPES. */
  readonly statefulTypes?: readonly string[];
}

/** A change that deletes the resource as it is: a removal or a (possible) replacement. */
export function isDestructive(change: ResourceChange): boolean {
  return destructiveReason(change) !== undefined;
}

/** Why a change is destructive, or undefined when it is not. */
export function destructiveReason(change: ResourceChange): DestructiveReason | undefined {
  if (change.action === 'Remove') return 'remove';
  if (change.replacement === 'True') return 'replace';
  if (change.replacement === 'Conditional') return 'conditional-replace';
  return undefined;
}

/** True when any stack removes or replaces a resource. */
export function planIsDestructive(plan: Plan): boolean {
  return plan.stacks.some((s) => s.changes.some(isDestructive));
}

function keyModeSwitch(stack: StackPlan): KeyModeSwitch | undefined {
  if (stack.role !== 'prerequisites') return undefined;
  const p = stack.parameters.find((x) => x.key === KEY_MODE_PARAMETER);
  if (p?.before === undefined || p.after === undefined || p.before === p.after) return undefined;
  return { stack: stack.stackName, before: p.before, after: p.after };
}

/**
 * Analyses a plan in one pass over its changes. Retention comes from the change's contexts
 * first (they carry the policies in force), then from the lists given by the caller.
 */
export function analyzePlan(plan: Plan, options: AnalysisOptions = {}): PlanAnalysis {
  const stateful = new Set([...STATEFUL_TYPES, ...(options.statefulTypes ?? [])]);
  const destructive: DestructiveChange[] = [];
  const securityChanges: SecurityChange[] = [];
  const drift: StackResourceDrift[] = [];
  let changeCount = 0;
  let switched: KeyModeSwitch | undefined;
  for (const stack of plan.stacks) {
    const listed = options.retained?.[stack.stackName];
    const onDelete = new Set(listed?.onDelete ?? []);
    const onReplace = new Set(listed?.onReplace ?? []);
    changeCount += stack.changes.length;
    for (const change of stack.changes) {
      const reason = destructiveReason(change);
      if (reason === undefined) continue;
      const on = reason === 'remove' ? 'delete' : 'replace';
      const retained =
        retainedByContext(change, on) ??
        ((on === 'delete' ? onDelete : onReplace).has(change.logicalId) || undefined);
      destructive.push({
        stack: stack.stackName,
        logicalId: change.logicalId,
        type: change.type,
        reason,
        stateful: stateful.has(change.type),
        ...(retained !== undefined ? { retained } : {}),
      });
    }
    securityChanges.push(...stackSecurityChanges(stack));
    if (stack.drift?.status === 'checked') {
      const touched = new Set(
        stack.changes.filter((c) => c.action !== 'Add').map((c) => c.logicalId),
      );
      for (const d of stack.drift.drifted) {
        drift.push({
          ...d,
          stack: stack.stackName,
          security: SECURITY_TYPES.has(d.type),
          revertedByPlan: touched.has(d.logicalId),
        });
      }
    }
    switched ??= keyModeSwitch(stack);
  }
  return {
    hasChanges: planHasChanges(plan),
    changeCount,
    destructive,
    ...(switched ? { keyModeSwitch: switched } : {}),
    networkReplacement: destructive.filter((d) => NETWORK_TYPES.has(d.type)),
    securityChanges,
    drift,
  };
}
