import { DeleteStackCommand, ExecuteChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { Stack } from '@aws-sdk/client-cloudformation';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { pollUntil, PollTimeoutError } from '../shared/poll.js';
import { wrapAwsError } from './errors.js';
import { EventFollower, formatEvent } from './events.js';
import { cleanupLeftovers } from './leftovers.js';
import { classifyStatus, readStackState } from './state.js';
import type { Cfn } from './state.js';

/** Raised when a stack operation ends in failure; message carries the root cause. */
export class StackOperationError extends Error {
  constructor(
    message: string,
    readonly status: string,
  ) {
    super(message);
  }
}

export interface WaitOptions {
  readonly clock: Clock;
  readonly log: Logger;
  readonly timeoutMs: number;
  /** The input that sets timeoutMs, named in the timeout's message. */
  readonly timeoutInput?: string;
  readonly signal?: AbortSignal;
}

/**
 * How long a final status read without this run's final event is not believed. Reads lag writes
 * by seconds at most in practice (not documented); after this, the status read stands.
 */
const STALE_READ_GRACE_MS = 60_000;

/** Clocks on the runner and in AWS disagree a little; events this much older still count. */
const CLOCK_SKEW_MS = 60_000;

/** A create or an update ends well only in these; a stack that vanished is a failure. */
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);

/**
 * Waits for the operation running on a stack to end, logging each new event of the operation
 * and progress (resources done of total, elapsed time). Returns the final stack on success;
 * throws StackOperationError with the first real failure otherwise.
 */
export async function waitForStack(
  cfn: Cfn,
  target: {
    stackName: string;
    stackId?: string;
    token?: string;
    totalResources?: number;
    startedAt: number;
    /** True when the operation is a deletion: only then is DELETE_COMPLETE (or gone) success. */
    deleting?: boolean;
  },
  options: WaitOptions,
): Promise<Stack | undefined> {
  const { clock, log } = options;
  const id = target.stackId || target.stackName;
  const follower = new EventFollower(
    cfn,
    id,
    new Date(target.startedAt - CLOCK_SKEW_MS),
    target.token,
    () => clock.now(),
  );
  let lastProgress = '';
  // The last status read, for the timeout's message: what is still going on in AWS.
  let lastStatus: string | undefined;
  const logEvents = async () => {
    for (const event of await follower.poll()) log.info(`  ${formatEvent(event)}`);
  };
  // One line per change: status, resources done of total, elapsed time.
  const progress = (status: string) => {
    lastStatus = status;
    const elapsed = Math.round((clock.now() - target.startedAt) / 1000);
    const done = Math.min(follower.finishedResources().size, target.totalResources ?? 0);
    const line = target.totalResources
      ? `${target.stackName}: ${status}, ${done}/${target.totalResources} resources done, ${elapsed} s`
      : `${target.stackName}: ${status}, ${elapsed} s`;
    if (line !== lastProgress) log.info(line);
    lastProgress = line;
  };
  try {
    return await pollUntil(
      async () => {
        await logEvents();
        const state = await readStackState(cfn, id);
        if (state.kind === 'missing') return { stack: undefined, status: 'DELETE_COMPLETE' };
        // REVIEW_IN_PROGRESS after ExecuteChangeSet or DeleteStack: the operation has not shown
        // yet (a read that lags the call), not a final state.
        if (state.kind === 'busy' || state.kind === 'review') {
          progress(state.status);
          return undefined;
        }
        // Just after the call, a read can still show the status (and outputs) from before it:
        // once this run's events show (the service echoes the token), a final status counts
        // only with this run's own final event read, or after a grace. A service that does not
        // echo tokens (moto) is taken at its word.
        const early = clock.now() - target.startedAt < STALE_READ_GRACE_MS;
        const ownEvents = target.token !== undefined && follower.events.length > 0;
        if (early && ownEvents && !follower.stackEnded()) return undefined;
        return { stack: state.stack, status: state.status };
      },
      {
        clock,
        timeoutMs: options.timeoutMs,
        what: `stack ${target.stackName}`,
        signal: options.signal,
      },
    ).then(async ({ stack, status }) => {
      // The operation may have ended between this poll's events and its status read: read the
      // events once more, so the last ones are logged and the root cause is among them.
      await logEvents();
      progress(status);
      if (target.deleting ? status === 'DELETE_COMPLETE' : SUCCESS.has(status)) {
        for (const line of cleanupLeftovers(target.stackName, follower.events)) log.warning(line);
        return stack;
      }
      if (status === 'DELETE_COMPLETE') {
        throw new StackOperationError(
          `Stack ${target.stackName} ended in DELETE_COMPLETE: it was deleted while this run ` +
            'waited for it (by another run, a person, or a failed create that was set to delete ' +
            "itself). Nothing of this run's change is in place; run again to create it.",
          status,
        );
      }
      const cause = follower.firstFailure();
      const reason = cause
        ? `${cause.LogicalResourceId} (${cause.ResourceType}) ${cause.ResourceStatus}: ${cause.ResourceStatusReason}`
        : (stack?.StackStatusReason ?? 'no failure event found');
      throw new StackOperationError(
        `Stack ${target.stackName} ended in ${status}. First failure: ${reason}`,
        status,
      );
    });
  } catch (error) {
    if (error instanceof PollTimeoutError) {
      const still = lastStatus ? `Stack ${target.stackName} is still ${lastStatus}: the` : 'The';
      const raise = options.timeoutInput ? `, or raise ${options.timeoutInput} to wait longer` : '';
      throw new StackOperationError(
        `${error.message}. ${still} operation is still running in AWS (see the stack's events ` +
          `in the CloudFormation console); the next run waits for it to finish${raise}.`,
        'TIMEOUT',
      );
    }
    throw error;
  }
}

/** Executes a change set and waits for the stack; the token marks this run's events. */
export async function executeChangeSet(
  cfn: Cfn,
  changeSet: { id: string; stackName: string; stackId: string; totalResources: number },
  options: WaitOptions & { token: string },
): Promise<Stack | undefined> {
  const startedAt = options.clock.now();
  try {
    await cfn.send(
      new ExecuteChangeSetCommand({
        ChangeSetName: changeSet.id,
        ClientRequestToken: options.token,
        // A rollback deletes what this execution created, even under DeletionPolicy Retain: a
        // failed first create must not leave a key per attempt, nor a named bucket that makes
        // every retry fail with "already exists". What existed before is kept as its policy says.
        RetainExceptOnCreate: true,
      }),
    );
  } catch (error) {
    throw wrapAwsError(`Could not execute the change set of stack ${changeSet.stackName}`, error);
  }
  return waitForStack(
    cfn,
    {
      stackName: changeSet.stackName,
      stackId: changeSet.stackId,
      token: options.token,
      totalResources: changeSet.totalResources,
      startedAt,
    },
    options,
  );
}

/** Deletes a stack and waits until it is gone. */
export async function deleteStack(
  cfn: Cfn,
  stack: { stackName: string; stackId?: string },
  options: WaitOptions & { token: string },
): Promise<void> {
  const startedAt = options.clock.now();
  try {
    await cfn.send(
      new DeleteStackCommand({
        StackName: stack.stackId || stack.stackName,
        ClientRequestToken: options.token,
      }),
    );
  } catch (error) {
    throw wrapAwsError(`Could not delete stack ${stack.stackName}`, error);
  }
  await waitForStack(cfn, { ...stack, token: options.token, startedAt, deleting: true }, options);
}

/** True when the status is a finished one (no operation running). */
export function isSettled(status: string): boolean {
  return classifyStatus(status) !== 'busy';
}
