/**
 * The plan model: the contract between the engine and everything that presents a plan
 * (renderer, PR comment, job summary, JSON file). Plain data, serialisable to JSON, versioned.
 */

import { codeHasChanges } from './code-model.js';
import type { CodePlan } from './code-model.js';

/** Bumped whenever a field changes meaning or disappears. */
export const PLAN_MODEL_VERSION = 1;

export type ResourceAction = 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';
export type Replacement = 'True' | 'False' | 'Conditional';

/** One property (or attribute) change inside a resource change. */
export interface PropertyChange {
  /** Properties, Metadata, Tags, DeletionPolicy, ... */
  readonly attribute: string;
  /** The property name, when the change is to a property. */
  readonly name?: string;
  /** JSON path of the property inside the resource, when CloudFormation gives it. */
  readonly path?: string;
  readonly requiresRecreation?: 'Never' | 'Conditionally' | 'Always';
  readonly before?: string;
  readonly after?: string;
  /** Static (known now) or Dynamic (only known during the deploy). */
  readonly evaluation?: string;
  readonly changeSource?: string;
  readonly causingEntity?: string;
}

export interface ResourceChange {
  readonly action: ResourceAction;
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly type: string;
  /** Only meaningful for Modify. */
  readonly replacement?: Replacement;
  readonly scope: readonly string[];
  readonly details: readonly PropertyChange[];
  /** The resource's properties before and after, when CloudFormation gives them. */
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface ParameterChange {
  readonly key: string;
  /** The deployed value; undefined for a new stack or a new parameter. */
  readonly before?: string;
  /** The planned value; undefined when known only after deploy. */
  readonly after?: string;
  readonly knownAfterDeploy?: string;
}

/** A stack output the deploy adds, changes or removes. */
export interface OutputChange {
  readonly key: string;
  readonly change: 'add' | 'modify' | 'remove';
  /** The deployed value. */
  readonly before?: string;
  /** The value after deploy, when it can be known now. */
  readonly after?: string;
  /** True when the value depends on a resource the deploy creates or replaces. */
  readonly knownAfterDeploy?: boolean;
}

/** How the plan was made for a stack. */
export type PlanSource =
  /** CloudFormation computed it in a change set. */
  | 'change-set'
  /** Read from the template alone (the stack's inputs do not exist yet). */
  | 'template';

/** One property of a resource that differs from what the stack's template says. */
export interface PropertyDrift {
  /** JSON pointer inside the resource's properties, e.g. `/Policies/0/PolicyDocument/Statement/3`. */
  readonly path: string;
  readonly expected?: string;
  readonly actual?: string;
  /** ADD: only in AWS; REMOVE: only in the template; NOT_EQUAL: both, different. */
  readonly kind: 'ADD' | 'REMOVE' | 'NOT_EQUAL';
}

/** A resource changed outside CloudFormation (MODIFIED) or deleted outside it (DELETED). */
export interface DriftedResource {
  readonly logicalId: string;
  readonly physicalId?: string;
  readonly type: string;
  readonly status: 'MODIFIED' | 'DELETED';
  readonly differences: readonly PropertyDrift[];
}

/**
 * What drift detection found on an existing stack before the plan: the deploy reverts every
 * drifted property to the template. `unavailable` when detection was not permitted, timed out
 * or failed (the reason says which); absent for a stack that does not exist yet.
 */
export type StackDrift =
  | { readonly status: 'checked'; readonly drifted: readonly DriftedResource[] }
  | { readonly status: 'unavailable'; readonly reason: string };

/**
 * A "will it create?" pre-check that failed: the environment this stack creates or updates would
 * fail 20 to 40 minutes into the operation. It violates the plan's policy unless
 * `allowFailedPrechecks` names its ID (only checks that can read a setup wrongly may be allowed).
 */
export interface FailedPrecheck {
  /** The check's ID, e.g. `kms-key-policy`: the entry that allows it, when it can be allowed. */
  readonly id: string;
  /** What the check wants, phrased as the passing state. */
  readonly title: string;
  /** What was found and the fix; may span lines (e.g. the key-policy statement to add). */
  readonly details: string;
  /** True when the check can read a setup wrongly, so allow-failed-prechecks may accept it. */
  readonly allowable: boolean;
}

export interface StackPlan {
  readonly role: 'vpc' | 'prerequisites' | 'environment';
  readonly stackName: string;
  /** CloudFormation status before the plan, or MISSING. */
  readonly status: string;
  /** create, update, or none when nothing changes. */
  readonly action: 'create' | 'update' | 'none';
  readonly source: PlanSource;
  readonly templateSource: string;
  readonly parameters: readonly ParameterChange[];
  readonly changes: readonly ResourceChange[];
  /**
   * Outputs the deploy adds, changes or removes (the template's Outputs evaluated with the new
   * parameters against the stack's outputs); absent when not computed.
   */
  readonly outputs?: readonly OutputChange[];
  /** Notes about this stack a reviewer should read. */
  readonly warnings: readonly string[];
  /** Changes made outside CloudFormation, when drift detection ran. */
  readonly drift?: StackDrift;
  /** The environment stack: the pre-checks that failed (absent when none ran or all passed). */
  readonly failedPrechecks?: readonly FailedPrecheck[];
}

export interface Plan {
  readonly version: typeof PLAN_MODEL_VERSION;
  readonly environmentName: string;
  readonly region: string;
  /** The account planned against; undefined offline. */
  readonly accountId?: string;
  /** ISO time the plan was made. */
  readonly createdAt: string;
  readonly keyMode: string;
  readonly stacks: readonly StackPlan[];
  readonly warnings: readonly string[];
  /** Release-time code (DAGs, requirements, plugins, startup script), when code inputs are set. */
  readonly code?: CodePlan;
}

/** True when any stack changes, or the release-time code would upload or delete anything. */
export function planHasChanges(plan: Plan): boolean {
  return plan.stacks.some((s) => s.action !== 'none') || codeHasChanges(plan.code);
}
