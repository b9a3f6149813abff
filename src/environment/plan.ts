/**
 * Planning the environment stack: from the deployed VPC and prerequisite stacks' outputs when
 * both exist (a real change set), otherwise from the template with those values known after
 * deploy.
 */
import { outputsOf, readStackState } from '../cfn/state.js';
import { environmentCodeAtPlan } from '../code/environment-parameters.js';
import type { CodePlan } from '../plan/code-model.js';
import type { EngineContext } from '../plan/context.js';
import { planStack } from '../plan/plan-stack.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { currentCodeParameters, environmentStackSpec } from '../stacks/environment-spec.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { StackContext } from '../stacks/types.js';

/** True when these settings and templates include the environment stack. */
export function environmentEnabled(ctx: EngineContext, templates: TemplateBodies): boolean {
  return ctx.settings.environment !== undefined && templates.environment !== undefined;
}

/**
 * Plans the environment stack; `vpcOutputs` are the VPC stack's when it is deployed. The
 * prerequisite stack's outputs are read here (undefined while it is not deployed). With code
 * inputs, `planCode` plans the code against that stack's bucket first, and its object versions
 * become the environment's code parameters (a changed file's version is known after deploy).
 */
export async function planEnvironment(
  ctx: EngineContext,
  templates: TemplateBodies,
  context: StackContext,
  planCode?: (
    prerequisiteOutputs: Readonly<Record<string, string>> | undefined,
  ) => Promise<CodePlan>,
): Promise<PlannedStack> {
  let prerequisiteOutputs = context.prerequisiteOutputs;
  if (prerequisiteOutputs === undefined && (context.vpcOutputs !== undefined || planCode)) {
    const state = await readStackState(ctx.cfn, ctx.settings.stacks.prerequisites.name);
    if (state.kind === 'healthy') prerequisiteOutputs = outputsOf(state.stack);
  }
  const code = planCode && environmentCodeAtPlan(await planCode(prerequisiteOutputs));
  const current = await readStackState(ctx.cfn, environmentStackName(ctx));
  const spec = environmentStackSpec(ctx.settings, templates.environment ?? '', {
    ...context,
    prerequisiteOutputs,
    environmentCodeKept: currentCodeParameters(current.stack?.Parameters),
    ...(code && { environmentCode: code.values, environmentCodePending: code.knownAfterDeploy }),
  });
  const planned = await planStack(spec, ctx);
  const clients = ctx.environment?.read;
  if (planned.plan.action !== 'create' || clients === undefined) return planned;
  // Loaded only here: the checks bring the S3 and KMS commands (and so the SDK clients' modules),
  // which a plan without a new environment never calls; imported statically they were compiled
  // by every plan and cost it about 14 MiB of peak RSS (BENCHMARKS.md).
  const { environmentPrechecks } = await import('./prechecks.js');
  const warnings = await environmentPrechecks(ctx, clients, {
    accountId: context.accountId,
    vpcOutputs: context.vpcOutputs,
    prerequisiteOutputs,
  });
  if (warnings.length === 0) return planned;
  return {
    ...planned,
    plan: { ...planned.plan, warnings: [...planned.plan.warnings, ...warnings] },
  };
}

/** The environment stack's name (its settings exist whenever the environment is enabled). */
function environmentStackName(ctx: EngineContext): string {
  const stack = ctx.settings.stacks.environment;
  if (!stack) throw new Error('deploy-environment is off: there is no environment stack.');
  return stack.name;
}
