import { createChangeSet, waitForChangeSet } from '../cfn/changeset.js';
import type { ChangeSetType, ReadyChangeSet } from '../cfn/changeset.js';
import { isChangeSetMissingError } from '../cfn/errors.js';
import { readStackState } from '../cfn/state.js';
import type { StackState } from '../cfn/state.js';
import { pollUntil, PollTimeoutError } from '../shared/poll.js';
import type { StackRole, StackSpec } from '../stacks/types.js';
import { summarizeStack } from '../stacks/summary.js';
import type { EngineContext } from './context.js';
import { operationBudget, runScopedName } from './context.js';
import { additionsFrom, parameterChanges, toResourceChange } from './convert.js';
import type { ResourceChange, StackPlan } from './model.js';
import { planOutputs } from './plan-outputs.js';
import { discardQuietly } from './plan-discard.js';

export { discardPlan } from './plan-discard.js';

/** One stack's plan with what the engine needs to execute or discard it. */
export interface PlannedStack {
  readonly spec: StackSpec;
  readonly plan: StackPlan;
  /** The state the plan started from (after waiting for any running operation). */
  readonly state: StackState;
  /** The computed change set, when CloudFormation made one. */
  readonly changeSet?: ReadyChangeSet;
  /** True when this plan's CREATE change set put the stack in REVIEW_IN_PROGRESS. */
  readonly createdReviewStack: boolean;
  /** True when the stack is in ROLLBACK_COMPLETE and the user opted to delete and recreate it. */
  readonly recreate: boolean;
}

/**
 * Plans one stack. A stack busy with another operation is waited for first. States a change
 * set cannot be made from are errors with the way out, except ROLLBACK_COMPLETE when the user
 * opted in to recreating it.
 */
export async function planStack(
  spec: StackSpec,
  ctx: EngineContext,
  known?: StackState,
): Promise<PlannedStack> {
  try {
    return await planOnce(spec, ctx, known);
  } catch (error) {
    // Another run executed a change set on the stack while this one was computed, which
    // deletes every other change set: plan once more from the stack as that run leaves it.
    if (!isChangeSetMissingError(error)) throw error;
    ctx.log.info(
      `The change set of stack ${spec.name} was deleted while CloudFormation computed it (another run ` +
        `executed a change set on the stack): planning stack ${spec.name} again once it has settled.`,
    );
    return planOnce(spec, ctx);
  }
}

async function planOnce(
  spec: StackSpec,
  ctx: EngineContext,
  known?: StackState,
): Promise<PlannedStack> {
  let state = known ?? (await readStackState(ctx.cfn, spec.name));
  if (state.kind === 'busy') state = await waitUntilSettled(spec, state, ctx);
  const warnings: string[] = [];
  switch (state.kind) {
    case 'update-rollback-failed':
      throw new Error(
        `Stack ${spec.name} is in UPDATE_ROLLBACK_FAILED: an update failed and so did its rollback. ` +
          `Run 'aws cloudformation continue-update-rollback --stack-name ${spec.name}' (add ` +
          '--resources-to-skip for resources that cannot roll back), wait for UPDATE_ROLLBACK_COMPLETE, then run again.',
      );
    case 'failed':
      throw new Error(
        `Stack ${spec.name} is in ${state.status}${state.stack?.StackStatusReason ? ` (${state.stack.StackStatusReason})` : ''}. ` +
          'It cannot be updated; fix the cause and delete the stack (retained resources such as the bucket stay), then run again.',
      );
    case 'paused':
      warnings.push(
        `The stack is in ${state.status}: a run with rollback disabled stopped at a failure and kept what it had made. ` +
          'This plan updates it from there (CloudFormation resumes). To return to the last working state instead, run ' +
          `'aws cloudformation rollback-stack --stack-name ${spec.name}' (a stack never created is deleted by it), then run again.`,
      );
      break;
    case 'rollback-complete':
      if (!ctx.settings.recreateFailedStack) {
        throw new Error(
          `Stack ${spec.name} is in ROLLBACK_COMPLETE: an earlier create failed and the stack can only be deleted. ` +
            'Set recreate-failed-stack: true to delete and recreate it, or delete it yourself.',
        );
      }
      warnings.push(
        'The stack is in ROLLBACK_COMPLETE from a failed create: deploy deletes and recreates it.',
      );
      return templatePlan(spec, ctx, state, warnings, true);
  }
  if (spec.parameters.some((p) => p.value === undefined))
    return templatePlan(spec, ctx, state, warnings, false);

  const type: ChangeSetType =
    state.kind === 'healthy' || state.kind === 'paused' ? 'UPDATE' : 'CREATE';
  const name = runScopedName('mwaa-deploy', ctx, spec.role);
  const created = await createChangeSet(ctx.cfn, spec, {
    name,
    type,
    description: `mwaa-deploy plan of ${spec.role} stack for MWAA environment ${ctx.settings.environmentName} (${ctx.runLabel})`,
  });
  const createdReviewStack = state.kind === 'missing';
  let changeSet: ReadyChangeSet;
  try {
    changeSet = await waitForChangeSet(
      ctx.cfn,
      { id: created.id, name, stackName: spec.name, type },
      {
        clock: ctx.clock,
        timeoutMs: operationBudget(ctx, spec.role).timeoutMs,
        signal: ctx.signal,
      },
    );
  } catch (error) {
    await discardQuietly(
      { spec, changeSetId: created.id, stackId: created.stackId, createdReviewStack },
      ctx,
    );
    throw error;
  }
  const changes = changeSet.changes
    .map(toResourceChange)
    .filter((c): c is ResourceChange => c !== undefined);
  const parameters = parameterChanges(spec.parameters, state.stack?.Parameters);
  const outputs = changeSet.noChanges
    ? { outputs: [], warnings: [] }
    : await planOutputs(ctx, {
        templateBody: spec.templateBody,
        stackName: spec.name,
        // Only a deployed stack has outputs and a template to compare with.
        stack: type === 'UPDATE' ? state.stack : undefined,
        accountId: accountOf(changeSet.stackId),
        parameters: Object.fromEntries(changeSet.parameters.map((p) => [p.key, p.value])),
        changes,
        parameterKeysChanged: parameters.filter((p) => p.before !== p.after).map((p) => p.key),
      });
  return {
    spec,
    state,
    changeSet,
    createdReviewStack,
    recreate: false,
    plan: {
      role: spec.role,
      stackName: spec.name,
      status: state.status,
      action: changeSet.noChanges ? 'none' : type === 'CREATE' ? 'create' : 'update',
      source: 'change-set',
      templateSource: spec.templateSource,
      parameters,
      changes,
      outputs: outputs.outputs,
      warnings: [...warnings, ...outputs.warnings],
    },
  };
}

/** The account of a CloudFormation ARN (arn:aws:cloudformation:REGION:ACCOUNT:...). */
function accountOf(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/**
 * The plan of a stack that cannot have a change set yet (or must not get one): every resource of
 * its template added.
 */
export function templatePlan(
  spec: StackSpec,
  ctx: EngineContext,
  state: StackState,
  warnings: string[],
  recreate: boolean,
): PlannedStack {
  const { resources } = summarizeStack(spec, ctx.settings);
  return {
    spec,
    state,
    createdReviewStack: false,
    recreate,
    plan: {
      role: spec.role,
      stackName: spec.name,
      status: state.status,
      action: 'create',
      source: 'template',
      templateSource: spec.templateSource,
      parameters: parameterChanges(spec.parameters, recreate ? undefined : state.stack?.Parameters),
      changes: additionsFrom(resources),
      warnings,
    },
  };
}

/**
 * Waits for another operation on the stack to end (bounded by the stack's operation budget),
 * logging each status it passes through with the time waited, and returns the settled state.
 */
export async function waitUntilSettled(
  spec: { readonly name: string; readonly role: StackRole },
  state: StackState,
  ctx: EngineContext,
): Promise<StackState> {
  const { name } = spec;
  const { timeoutMs, timeoutInput } = operationBudget(ctx, spec.role);
  ctx.log.info(`Stack ${name} is busy (${state.status}); waiting for that operation to finish.`);
  const started = ctx.clock.now();
  let last = state.status;
  try {
    return await pollUntil(
      async () => {
        const now = await readStackState(ctx.cfn, name);
        if (now.status !== last) {
          const waited = Math.round((ctx.clock.now() - started) / 1000);
          ctx.log.info(`Stack ${name}: ${now.status} after ${waited} s of waiting.`);
          last = now.status;
        }
        return now.kind === 'busy' ? undefined : now;
      },
      {
        clock: ctx.clock,
        timeoutMs,
        what: `the running operation on stack ${name} to finish`,
        signal: ctx.signal,
      },
    );
  } catch (error) {
    if (!(error instanceof PollTimeoutError)) throw error;
    throw new Error(
      `${error.message}: it is still ${last} and keeps running in AWS. Run again once it has ` +
        `finished, or raise ${timeoutInput} to wait longer.`,
      { cause: error },
    );
  }
}
