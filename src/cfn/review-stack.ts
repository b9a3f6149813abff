import { paginateListChangeSets } from '@aws-sdk/client-cloudformation';
import { wrapAwsError } from './errors.js';
import { pagerOf, readStackState } from './state.js';
import type { Cfn } from './state.js';

/**
 * Why a review stack a plan made may not be deleted, or undefined when it may. A plan's CREATE
 * change set puts a new stack in REVIEW_IN_PROGRESS, but another run's CREATE change set joins
 * that same stack, and executing it turns the stack into a real one (and deletes the plan's
 * change set). So the plan looks again, by stack ID, right before DeleteStack: the stack must
 * still be REVIEW_IN_PROGRESS and hold no change set at all (the plan deletes its own first).
 * A small window between this look and DeleteStack remains; CloudFormation has no conditional
 * delete to close it.
 */
export async function reviewStackInUse(cfn: Cfn, stackId: string): Promise<string | undefined> {
  const state = await readStackState(cfn, stackId);
  if (state.kind === 'missing' || state.status === 'DELETE_COMPLETE') return 'it is already gone';
  if (state.kind !== 'review') return `it is now ${state.status}: another run deployed it`;
  const others = await changeSetNames(cfn, stackId, state.stack?.StackId ?? stackId);
  if (others.length > 0) {
    return `it holds change sets of other runs (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', ...' : ''})`;
  }
  return undefined;
}

/** The names of every change set of a stack (ListChangeSets, every page), by its ID when given. */
export async function changeSetNames(
  cfn: Cfn,
  stackName: string,
  stackId?: string,
): Promise<string[]> {
  const names: string[] = [];
  try {
    // The SDK's paginator follows NextToken; every page is needed, so it fits as it is.
    for await (const page of paginateListChangeSets(pagerOf(cfn), { StackName: stackName })) {
      for (const s of page.Summaries ?? []) {
        // Only this stack's: some emulators (moto) ignore StackName and list every stack's.
        if (stackId && s.StackId && s.StackId !== stackId) continue;
        names.push(s.ChangeSetName ?? s.ChangeSetId ?? '?');
      }
    }
  } catch (error) {
    throw wrapAwsError(`Could not list the change sets of stack ${stackName}`, error);
  }
  return names;
}
