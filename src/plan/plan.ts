import { outputsOf, readStackState } from '../cfn/state.js';
import type { StackState } from '../cfn/state.js';
import { prerequisiteStackSpec, vpcStackSpec } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { withTemplateContexts } from './analysis-additions.js';
import type { EngineContext } from './context.js';
import type { Plan } from './model.js';
import { PLAN_MODEL_VERSION } from './model.js';
import { discardPlan, planStack, waitUntilSettled } from './plan-stack.js';
import type { PlannedStack } from './plan-stack.js';

/** A plan and the change sets behind it, which deploy executes and plan discards. */
export interface PlannedRun {
  readonly plan: Plan;
  readonly stacks: readonly [PlannedStack, PlannedStack];
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
  let vpcState = await readStackState(ctx.cfn, vpcSpec.name);
  // The VPC's outputs feed the prerequisite stack: a busy VPC stack (a deploy cancelled or timed
  // out a moment ago) is waited for, not read as if it had none.
  if (vpcState.kind === 'busy') vpcState = await waitUntilSettled(vpcSpec.name, vpcState, ctx);
  const vpcOutputs = vpcState.kind === 'healthy' ? outputsOf(vpcState.stack) : undefined;
  const prereqSpec = prerequisiteStackSpec(settings, templates.prerequisites, {
    accountId,
    vpcOutputs,
  });
  const results = await Promise.allSettled([
    planStack(vpcSpec, ctx, vpcState),
    planStack(prereqSpec, ctx),
  ]);
  const [vpc, prereq] = results;
  if (vpc.status === 'rejected' || prereq.status === 'rejected') {
    // One stack failed to plan: do not leave the other one's change set behind.
    for (const r of results) if (r.status === 'fulfilled') await discardPlan(r.value, ctx);
    throw vpc.status === 'rejected' ? vpc.reason : (prereq as PromiseRejectedResult).reason;
  }
  // Added resources as the template will create them, where CloudFormation gave no values.
  const complete = (s: PlannedStack): PlannedStack => ({
    ...s,
    plan: withTemplateContexts(s.plan, {
      templateBody: s.spec.templateBody,
      stackName: s.spec.name,
      region: settings.region,
      accountId,
      parameters: s.spec.parameters,
    }),
  });
  const stacks = [complete(vpc.value), complete(prereq.value)] as const;
  const warnings: string[] = [];
  if (prereq.value.plan.source === 'template' && !prereq.value.recreate && !vpcOutputs) {
    warnings.push(
      `${vpcStateNote(vpcSpec.name, vpcState)}, so the prerequisite stack is shown from its template: ` +
        'values that come from the VPC are known after deploy.',
    );
  }
  return {
    stacks,
    plan: {
      version: PLAN_MODEL_VERSION,
      environmentName: settings.environmentName,
      region: settings.region,
      accountId,
      createdAt: new Date(ctx.clock.now()).toISOString(),
      keyMode: settings.keyMode,
      stacks: stacks.map((s) => s.plan),
      warnings,
    },
  };
}

/** Discards every change set of a plan (and the review stacks it created). Never throws. */
export async function discardRun(run: PlannedRun, ctx: EngineContext): Promise<void> {
  await Promise.all(run.stacks.map((s) => discardPlan(s, ctx)));
}

/** Why the VPC stack gives no outputs yet, by its state: an existing stack is never "missing". */
function vpcStateNote(name: string, state: StackState): string {
  if (state.kind === 'missing') return `The VPC stack ${name} does not exist yet`;
  if (state.kind === 'review') {
    return `The VPC stack ${name} exists only as a change set under review (REVIEW_IN_PROGRESS)`;
  }
  return `The VPC stack ${name} is in ${state.status} and gives no outputs until it is deployed again`;
}
