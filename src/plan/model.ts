/**
 * The plan model: the contract between the engine and everything that presents a plan
 * (renderer, PR comment, job summary, JSON file). Plain data, serialisable to JSON, versioned.
 */

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

/** How the plan was made for a stack. */
export type PlanSource =
  /** CloudFormation computed it in a change set. */
  | 'change-set'
  /** Read from the template alone (the stack's inputs do not exist yet). */
  | 'template';

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
  /** Notes about this stack a reviewer should read. */
  readonly warnings: readonly string[];
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
}

/** True when any stack changes. */
export function planHasChanges(plan: Plan): boolean {
  return plan.stacks.some((s) => s.action !== 'none');
}
