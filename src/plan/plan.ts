import { outputsOf, readStackState } from '../cfn/state.js';
import { prerequisiteStackSpec, vpcStackSpec } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { EngineContext } from './context.js';
import type { Plan } from './model.js';
import { PLAN_MODEL_VERSION } from './model.js';
import { environmentEnabled, planEnvironment } from '../environment/plan.js';
import { environmentNotes } from '../environment/plan-warnings.js';
import { discardPlan, planStack } from './plan-stack.js';
import type { PlannedStack } from './plan-stack.js';

/** A plan and the change sets behind it, which deploy executes and plan discards. */
export interface PlannedRun {
  readonly plan: Plan;
  /** The VPC and prerequisite stacks, then the environment stack when enabled. */
  readonly stacks: readonly [PlannedStack, PlannedStack, ...PlannedStack[]];
}

/**
 * Plans both stacks. When the VPC stack exists its outputs feed the prerequisite stack, and the
 * two are planned concurrently; when it does not, the prerequisite stack is planned from its
 * template alone, its VPC-dependent values "known after deploy".
 */
export async function planBoth(
  ctx: EngineContext,
  templates: TemplateBodies,
  accountId: string,
): Promise<PlannedRun> {
  const { settings } = ctx;
  const vpcSpec = vpcStackSpec(settings, templates.vpc);
  const vpcState = await readStackState(ctx.cfn, vpcSpec.name);
  const vpcOutputs = vpcState.kind === 'healthy' ? outputsOf(vpcState.stack) : undefined;
  const prereqSpec = prerequisiteStackSpec(settings, templates.prerequisites, {
    accountId,
    vpcOutputs,
  });
  const planning = [planStack(vpcSpec, ctx, vpcState), planStack(prereqSpec, ctx)];
  if (environmentEnabled(ctx, templates)) {
    planning.push(planEnvironment(ctx, templates, { accountId, vpcOutputs }));
  }
  const results = await Promise.allSettled(planning);
  const rejected = results.find((r) => r.status === 'rejected');
  if (rejected) {
    // One stack failed to plan: do not leave the others' change sets behind.
    for (const r of results) if (r.status === 'fulfilled') await discardPlan(r.value, ctx);
    throw rejected.reason;
  }
  const stacks = results.map((r) => (r as PromiseFulfilledResult<PlannedStack>).value) as [
    PlannedStack,
    PlannedStack,
    ...PlannedStack[],
  ];
  const [, prereq, environment] = stacks;
  const warnings: string[] = [];
  if (prereq.plan.source === 'template' && !prereq.recreate) {
    warnings.push(
      `The VPC stack ${vpcSpec.name} does not exist yet, so the prerequisite stack is shown from its template: ` +
        'values that come from the VPC are known after deploy.',
    );
  }
  if (environment?.plan.source === 'template' && !environment.recreate) {
    warnings.push(
      'The VPC or prerequisite stack does not exist yet, so the environment stack is shown from its template: ' +
        'values that come from them are known after deploy.',
    );
  }
  const plan: Plan = {
    version: PLAN_MODEL_VERSION,
    environmentName: settings.environmentName,
    region: settings.region,
    accountId,
    createdAt: new Date(ctx.clock.now()).toISOString(),
    keyMode: settings.keyMode,
    stacks: stacks.map((s) => s.plan),
    warnings,
  };
  // What the plan means for an existing environment (restart, replacement by a key-mode switch).
  return { stacks, plan: { ...plan, warnings: [...environmentNotes(plan), ...warnings] } };
}

/** Discards every change set of a plan (and the review stacks it created). Never throws. */
export async function discardRun(run: PlannedRun, ctx: EngineContext): Promise<void> {
  await Promise.all(run.stacks.map((s) => discardPlan(s, ctx)));
}
