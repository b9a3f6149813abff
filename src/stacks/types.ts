import type { Tag } from '../settings/types.js';

/** Which stack: they are deployed in this order (the environment stack only when enabled). */
export type StackRole = 'vpc' | 'prerequisites' | 'environment';

/**
 * The deployment order: the prerequisite stack takes the VPC stack's outputs, the environment
 * stack both stacks' outputs.
 */
export const STACK_ORDER: readonly StackRole[] = ['vpc', 'prerequisites', 'environment'];

/** A parameter value, or a marker that it only exists once another stack is deployed. */
export interface ParameterSpec {
  readonly key: string;
  /** The value; undefined when it is only known after deploy. */
  readonly value?: string;
  /** Where the value will come from when it is not known yet, e.g. "output VPC of stack x-vpc". */
  readonly knownAfterDeploy?: string;
}

/** One stack as data: everything CloudFormation needs to plan or deploy it. */
export interface StackSpec {
  readonly role: StackRole;
  readonly name: string;
  readonly templateBody: string;
  /** 'built-in' or the path of the user's template. */
  readonly templateSource: string;
  readonly parameters: readonly ParameterSpec[];
  readonly capabilities: readonly (
    'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' | 'CAPABILITY_AUTO_EXPAND'
  )[];
  readonly tags: readonly Tag[];
}

/** What is known about the account and the deployed stacks when the specs are built. */
export interface StackContext {
  /** The deployment account, once credentials are known. */
  readonly accountId?: string;
  /** Outputs of the deployed VPC stack, when it exists. */
  readonly vpcOutputs?: Readonly<Record<string, string>>;
  /** Outputs of the deployed prerequisite stack, when it exists (for the environment stack). */
  readonly prerequisiteOutputs?: Readonly<Record<string, string>>;
  /**
   * Environment stack parameters for the code in the bucket (RequirementsS3Path,
   * RequirementsS3ObjectVersion, PluginsS3Path, ...), from the code sync; absent ones stay empty.
   */
  readonly environmentCode?: Readonly<Record<string, string>>;
  /**
   * Code parameters whose value exists only after the code sync (a new object version), each
   * with where it will come from: planned with a placeholder, shown as known after deploy.
   */
  readonly environmentCodePending?: Readonly<Record<string, string>>;
  /**
   * The environment stack's current code parameters, kept where the code sync gives none: a
   * parameter left out of an update falls back to the template's empty default, which would
   * take requirements, plugins or the startup script away from a running environment.
   */
  readonly environmentCodeKept?: Readonly<Record<string, string>>;
}
