/**
 * Planning the environment stack: from the deployed VPC and prerequisite stacks' outputs when
 * both exist (a real change set), otherwise from the template with those values known after
 * deploy; with the "will it create?" pre-checks of an environment the plan creates or updates.
 */
import { outputsOf, readStackState } from '../cfn/state.js';
import type { StackState } from '../cfn/state.js';
import { environmentCodeAtPlan } from '../code/environment-parameters.js';
import { precheckAllowed } from '../plan/analysis-prechecks.js';
import type { CodePlan } from '../plan/code-model.js';
import type { EngineContext } from '../plan/context.js';
import type { FailedPrecheck, StackPlan } from '../plan/model.js';
import { planStack, templatePlan } from '../plan/plan-stack.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { currentCodeParameters, environmentStackSpec } from '../stacks/environment-spec.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { StackContext, StackSpec } from '../stacks/types.js';
import type { VerifyClients } from '../verify/types.js';
import { ENVIRONMENT_TYPE } from './plan-warnings.js';
import type { PrecheckInput, PrecheckOutcome } from './prechecks.js';

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
  return planEnvironmentStack(
    spec,
    ctx,
    { accountId: context.accountId, vpcOutputs: context.vpcOutputs, prerequisiteOutputs },
    current,
  );
}

/**
 * Plans the environment stack from `spec` with the pre-checks. A stack about to be created is
 * checked first: when a pre-check stops it, it is shown from its template and no change set is
 * made (CreateChangeSet alone would leave the stack in REVIEW_IN_PROGRESS). An existing stack
 * is checked when its change set creates, replaces or updates the environment. Also used when
 * the deploy plans the stack again with the outputs of the stacks it has just deployed.
 */
export async function planEnvironmentStack(
  spec: StackSpec,
  ctx: EngineContext,
  known: PrecheckInput,
  state?: StackState,
): Promise<PlannedStack> {
  const clients = ctx.environment?.read;
  if (clients === undefined) return planStack(spec, ctx, state);
  const current = state ?? (await readStackState(ctx.cfn, spec.name));
  if (current.kind === 'missing' || current.kind === 'review') {
    const outcome = await runPrechecks(ctx, clients, known);
    if (stops(ctx, outcome.failed)) {
      return withPrechecks(templatePlan(spec, ctx, current, [], false), outcome);
    }
    return withPrechecks(await planStack(spec, ctx, current), outcome);
  }
  const planned = await planStack(spec, ctx, current);
  if (!touchesEnvironment(planned.plan)) return planned;
  return withPrechecks(planned, await runPrechecks(ctx, clients, known));
}

/**
 * The pre-checks, loaded only when a plan needs them: they bring the S3 and KMS readers, which a
 * plan that neither creates nor touches an environment never calls; imported statically they
 * were compiled by every plan and cost it peak RSS (BENCHMARKS.md, issue 13).
 */
async function runPrechecks(
  ctx: EngineContext,
  clients: VerifyClients,
  known: PrecheckInput,
): Promise<PrecheckOutcome> {
  const { environmentPrechecks } = await import('./prechecks.js');
  return environmentPrechecks(ctx, clients, known);
}

/** True when a failed pre-check is not one allow-failed-prechecks accepts. */
function stops(ctx: EngineContext, failed: readonly FailedPrecheck[]): boolean {
  return failed.some((p) => !precheckAllowed(p, ctx.settings.allowFailedPrechecks));
}

/** The plan creates the stack, or adds or modifies its environment. */
function touchesEnvironment(plan: StackPlan): boolean {
  return (
    plan.action === 'create' ||
    plan.changes.some(
      (c) => c.type === ENVIRONMENT_TYPE && (c.action === 'Add' || c.action === 'Modify'),
    )
  );
}

function withPrechecks(planned: PlannedStack, outcome: PrecheckOutcome): PlannedStack {
  if (outcome.failed.length === 0 && outcome.notes.length === 0) return planned;
  return {
    ...planned,
    plan: {
      ...planned.plan,
      warnings: [...planned.plan.warnings, ...outcome.notes],
      ...(outcome.failed.length > 0 && { failedPrechecks: outcome.failed }),
    },
  };
}

/** The environment stack's name (its settings exist whenever the environment is enabled). */
function environmentStackName(ctx: EngineContext): string {
  const stack = ctx.settings.stacks.environment;
  if (!stack) throw new Error('deploy-environment is off: there is no environment stack.');
  return stack.name;
}
