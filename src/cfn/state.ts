import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation';
import { isStackMissingError, wrapAwsError } from './errors.js';

export type Cfn = Pick<CloudFormationClient, 'send'>;

/**
 * The SDK's `paginate*` helpers take a whole client but only call its `send`, so the engine's
 * narrower Cfn serves them as it is.
 */
export function pagerOf(cfn: Cfn): { client: CloudFormationClient } {
  return { client: cfn as CloudFormationClient };
}

/**
 * What a stack's status means for this tool:
 * - missing: create it;
 * - review: REVIEW_IN_PROGRESS, created by a change set that was never executed: a CREATE change
 *   set is still allowed;
 * - busy: another operation is running; wait for it;
 * - healthy: an UPDATE change set is allowed (UPDATE_ROLLBACK_COMPLETE included: a failed update
 *   rolled back leaves a usable stack);
 * - paused: CREATE_FAILED or UPDATE_FAILED, left by an operation with rollback disabled: an
 *   UPDATE change set resumes from the failure, RollbackStack returns to the last stable state;
 * - rollback-complete: a failed create; it can only be deleted;
 * - update-rollback-failed: needs ContinueUpdateRollback;
 * - failed: any other terminal failure (CREATE_FAILED, ROLLBACK_FAILED, DELETE_FAILED, ...).
 */
export type StackStateKind =
  | 'missing'
  | 'review'
  | 'busy'
  | 'healthy'
  | 'paused'
  | 'rollback-complete'
  | 'update-rollback-failed'
  | 'failed';

export interface StackState {
  readonly kind: StackStateKind;
  /** The CloudFormation status, or MISSING. */
  readonly status: string;
  readonly stack?: Stack;
}

const HEALTHY = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE',
  'IMPORT_COMPLETE',
  'IMPORT_ROLLBACK_COMPLETE',
]);

/** Classifies a status string. */
export function classifyStatus(status: string): StackStateKind {
  if (status === 'REVIEW_IN_PROGRESS') return 'review';
  if (status.endsWith('_IN_PROGRESS')) return 'busy';
  if (HEALTHY.has(status)) return 'healthy';
  if (status === 'UPDATE_FAILED' || status === 'CREATE_FAILED') return 'paused';
  if (status === 'ROLLBACK_COMPLETE') return 'rollback-complete';
  if (status === 'UPDATE_ROLLBACK_FAILED') return 'update-rollback-failed';
  if (status === 'DELETE_COMPLETE') return 'missing';
  return 'failed';
}

/** The stack and its state; a missing stack is a state, not an error. */
export async function readStackState(cfn: Cfn, stackName: string): Promise<StackState> {
  let stack: Stack | undefined;
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    stack = out.Stacks?.[0];
  } catch (error) {
    if (isStackMissingError(error)) return { kind: 'missing', status: 'MISSING' };
    throw wrapAwsError(`Could not describe stack ${stackName}`, error);
  }
  if (!stack?.StackStatus) return { kind: 'missing', status: 'MISSING' };
  return { kind: classifyStatus(stack.StackStatus), status: stack.StackStatus, stack };
}

/** The stack's outputs as a plain map. */
export function outputsOf(stack: Stack | undefined): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const o of stack?.Outputs ?? []) {
    if (o.OutputKey) outputs[o.OutputKey] = o.OutputValue ?? '';
  }
  return outputs;
}
