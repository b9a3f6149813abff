import { UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation';
import type { Stack } from '@aws-sdk/client-cloudformation';
import { deleteChangeSet, requireExecutable } from '../cfn/changeset.js';
import { wrapAwsError } from '../cfn/errors.js';
import { deleteStack, executeChangeSet } from '../cfn/operation.js';
import { readStackState } from '../cfn/state.js';
import type { EngineContext } from '../plan/context.js';
import { operationBudget, runScopedName } from '../plan/context.js';
import { planStack } from '../plan/plan-stack.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import type { StackPlan } from '../plan/model.js';

/** What happened to one stack during a deploy. */
export interface AppliedStack {
  readonly stackName: string;
  readonly result: 'created' | 'updated' | 'unchanged';
  readonly stack?: Stack;
}

/**
 * Brings one planned stack to its planned state: recreate a ROLLBACK_COMPLETE stack when the
 * user opted in, execute the change set when it has changes, otherwise delete the empty change
 * set and leave the stack alone. Turns termination protection on whenever it is off.
 */
export async function applyStack(
  planned: PlannedStack,
  ctx: EngineContext,
  /** The gate: sees the plan of the change set about to execute, and throws to stop it. */
  admit: (plan: StackPlan) => void,
): Promise<AppliedStack> {
  // One log group per stack (collapsible in the Actions log): its operation and its events.
  return ctx.log.group(`Stack ${planned.spec.name}`, () => applyInGroup(planned, ctx, admit));
}

async function applyInGroup(
  planned: PlannedStack,
  ctx: EngineContext,
  admit: (plan: StackPlan) => void,
): Promise<AppliedStack> {
  const wait = {
    clock: ctx.clock,
    log: ctx.log,
    ...operationBudget(ctx, planned.spec.role),
    signal: ctx.signal,
  };
  const name = planned.spec.name;
  if (planned.recreate) {
    ctx.log.info(
      `Deleting stack ${name} (ROLLBACK_COMPLETE) to recreate it, as recreate-failed-stack asks.`,
    );
    await deleteStack(
      ctx.cfn,
      { stackName: name, stackId: planned.state.stack?.StackId },
      {
        ...wait,
        token: runScopedName('mwaa-deploy-delete', ctx, planned.spec.role),
      },
    );
    planned = await planStack(planned.spec, ctx);
  }
  const changeSet = planned.changeSet;
  if (!changeSet) throw new Error(`Stack ${name} has no change set to execute.`);
  admit(planned.plan);
  if (changeSet.noChanges) {
    await deleteChangeSet(ctx.cfn, changeSet.id);
    ctx.log.info(`Stack ${name}: no changes.`);
    // An empty change set changes nothing: the stack read when planning is still current.
    const stack = planned.state.stack ?? (await readStackState(ctx.cfn, name)).stack;
    await protect(ctx, name, stack);
    return { stackName: name, result: 'unchanged', stack };
  }
  await requireExecutable(ctx.cfn, { id: changeSet.id, stackName: name });
  ctx.log.info(
    `Executing change set ${changeSet.name} on stack ${name} (${changeSet.changes.length} changes).`,
  );
  const stack = await executeChangeSet(
    ctx.cfn,
    {
      id: changeSet.id,
      stackName: name,
      stackId: changeSet.stackId,
      totalResources: changeSet.changes.length,
    },
    { ...wait, token: runScopedName('mwaa-deploy-exec', ctx, planned.spec.role) },
  );
  const created = changeSet.type === 'CREATE';
  await protect(ctx, name, stack);
  return { stackName: name, result: created ? 'created' : 'updated', stack };
}

/**
 * Turns termination protection on when the settings ask for it and the stack lacks it: in every
 * deploy, so a stack created before the setting (or whose earlier protection call failed) gets
 * it too. Never turns it off.
 */
async function protect(ctx: EngineContext, name: string, stack: Stack | undefined): Promise<void> {
  if (!ctx.settings.terminationProtection || stack?.EnableTerminationProtection === true) return;
  try {
    await ctx.cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: name,
        EnableTerminationProtection: true,
      }),
    );
  } catch (error) {
    throw wrapAwsError(
      `Stack ${name} is deployed, but turning termination protection on failed (the next deploy tries again)`,
      error,
    );
  }
}
