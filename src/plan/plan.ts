import { outputsOf, readStackState } from '../cfn/state.js';
import type { StackState } from '../cfn/state.js';
import { prerequisiteStackSpec, vpcStackSpec } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { withTemplateContexts } from './analysis-additions.js';
import { derivedSubnetsNote } from '../settings/network.js';
import type { EngineContext } from './context.js';
import type { Plan } from './model.js';
import { PLAN_MODEL_VERSION } from './model.js';
import type { CodeStage } from '../code/add-plan.js';
import { environmentEnabled, planEnvironment } from '../environment/plan.js';
import { environmentNotes } from '../environment/plan-warnings.js';
import type { CodePlan } from './code-model.js';
import { discardPlan, planStack, waitUntilSettled } from './plan-stack.js';
import type { PlannedStack } from './plan-stack.js';

/** A plan and the change sets behind it, which deploy executes and plan discards. */
export interface PlannedRun {
  readonly plan: Plan;
  /** The VPC and prerequisite stacks, then the environment stack when enabled. */
  readonly stacks: readonly [PlannedStack, PlannedStack, ...PlannedStack[]];
}

/**
 * Plans both stacks (and the environment stack when enabled). When the VPC stack exists its
 * outputs feed the prerequisite stack, and they are planned concurrently; when it does not, the
 * prerequisite stack is planned from its template alone, its VPC-dependent values "known after
 * deploy". With an environment stack and code inputs, the code is planned first for the
 * environment's object versions, and the plan carries it (addCodePlan then keeps it).
 */
export async function planBoth(
  ctx: EngineContext,
  templates: TemplateBodies,
  accountId: string,
  code?: CodeStage,
): Promise<PlannedRun> {
  const { settings } = ctx;
  const vpcSpec = vpcStackSpec(settings, templates.vpc);
  let vpcState = await readStackState(ctx.cfn, vpcSpec.name);
  // The VPC's outputs feed the prerequisite stack: a busy VPC stack (a deploy cancelled or timed
  // out a moment ago) is waited for, not read as if it had none.
  if (vpcState.kind === 'busy') vpcState = await waitUntilSettled(vpcSpec, vpcState, ctx);
  const vpcOutputs = vpcState.kind === 'healthy' ? outputsOf(vpcState.stack) : undefined;
  const prereqSpec = prerequisiteStackSpec(settings, templates.prerequisites, {
    accountId,
    vpcOutputs,
  });
  const planning = [planStack(vpcSpec, ctx, vpcState), planStack(prereqSpec, ctx)];
  let codePlan: CodePlan | undefined;
  if (environmentEnabled(ctx, templates)) {
    const planCode =
      code &&
      (async (outputs?: Readonly<Record<string, string>>) => (codePlan = await code.plan(outputs)));
    planning.push(planEnvironment(ctx, templates, { accountId, vpcOutputs }, planCode));
  }
  const results = await Promise.allSettled(planning);
  const rejected = results.find((r) => r.status === 'rejected');
  if (rejected) {
    // One stack failed to plan: do not leave the others' change sets behind.
    for (const r of results) if (r.status === 'fulfilled') await discardPlan(r.value, ctx);
    throw rejected.reason;
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
  const stacks = results.map((r) =>
    complete((r as PromiseFulfilledResult<PlannedStack>).value),
  ) as [PlannedStack, PlannedStack, ...PlannedStack[]];
  const [, prereq, environment] = stacks;
  const derived = derivedSubnetsNote(settings.network);
  const warnings: string[] = derived ? [derived] : [];
  if (prereq.plan.source === 'template' && !prereq.recreate && !vpcOutputs) {
    warnings.push(
      `${vpcStateNote(vpcSpec.name, vpcState)}, so the prerequisite stack is shown from its template: ` +
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
    ...(codePlan && { code: codePlan }),
  };
  // What the plan means for an existing environment (restart, replacement by a key-mode switch).
  return { stacks, plan: { ...plan, warnings: [...environmentNotes(plan), ...warnings] } };
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
