import { deleteChangeSet } from '../cfn/changeset.js';
import { isAccessDeniedError } from '../cfn/errors.js';
import { deleteStack } from '../cfn/operation.js';
import { reviewStackInUse } from '../cfn/review-stack.js';
import type { StackSpec } from '../stacks/types.js';
import type { EngineContext } from './context.js';
import { operationBudget, runScopedName } from './context.js';
import type { PlannedStack } from './plan-stack.js';

/**
 * Leaves the account as the plan found it: deletes the change set, or the whole stack when the
 * plan's own CREATE change set made it (an empty REVIEW_IN_PROGRESS stack holds nothing).
 */
export async function discardPlan(planned: PlannedStack, ctx: EngineContext): Promise<void> {
  if (!planned.changeSet) return;
  await discardQuietly(
    {
      spec: planned.spec,
      changeSetId: planned.changeSet.id,
      stackId: planned.changeSet.stackId,
      createdReviewStack: planned.createdReviewStack,
    },
    ctx,
  );
}

export async function discardQuietly(
  target: { spec: StackSpec; changeSetId: string; stackId: string; createdReviewStack: boolean },
  ctx: EngineContext,
): Promise<void> {
  try {
    await deleteChangeSet(ctx.cfn, target.changeSetId);
    if (!target.createdReviewStack) return;
    // Look again before deleting: another run may have joined or deployed this stack.
    const inUse = await reviewStackInUse(ctx.cfn, target.stackId);
    if (inUse) {
      ctx.log.info(`Stack ${target.spec.name} is left as it is: ${inUse}.`);
      return;
    }
    await deleteStack(
      ctx.cfn,
      { stackName: target.spec.name, stackId: target.stackId },
      {
        clock: ctx.clock,
        log: ctx.log,
        ...operationBudget(ctx, target.spec.role),
        token: runScopedName('mwaa-deploy-cleanup', ctx, target.spec.role),
      },
    );
  } catch (error) {
    if (isAccessDeniedError(error)) {
      // The bootstrap plan role may not delete stacks (policies/README.md): the empty review
      // stack holds no resource and the next plan or the first deploy reuses it.
      ctx.log.info(
        `Stack ${target.spec.name} is left in REVIEW_IN_PROGRESS (empty, no resources): this role may not delete stacks. The first deploy creates it.`,
      );
      return;
    }
    ctx.log.warning(
      `Could not clean up the plan of stack ${target.spec.name}: ${(error as Error).message}`,
    );
  }
}
