import type { Tag } from '../settings/types.js';

/** Which of the two stacks: they are deployed in this order. */
export type StackRole = 'vpc' | 'prerequisites';

/** The deployment order: the prerequisite stack takes the VPC stack's outputs. */
export const STACK_ORDER: readonly StackRole[] = ['vpc', 'prerequisites'];

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
}
