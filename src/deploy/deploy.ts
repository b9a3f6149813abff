import { outputsOf } from '../cfn/state.js';
import type { EngineContext } from '../plan/context.js';
import { discardPlan, planStack } from '../plan/plan-stack.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { planBoth } from '../plan/plan.js';
import type { PlannedRun } from '../plan/plan.js';
import { prerequisiteStackSpec } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { VPC_OUTPUT_FOR_PARAMETER } from '../stacks/wiring.js';
import { deployEnvironment } from '../environment/deploy.js';
import { applyStack } from './apply-stack.js';
import type { AppliedStack } from './apply-stack.js';

export interface DeployResult {
  readonly run: PlannedRun;
  readonly applied: readonly AppliedStack[];
  readonly vpcOutputs: Readonly<Record<string, string>>;
  readonly prerequisiteOutputs: Readonly<Record<string, string>>;
  /** With `deploy-environment`: the environment stack's outputs. */
  readonly environmentOutputs?: Readonly<Record<string, string>>;
}

/**
 * Deploys in order: plan both stacks, execute the VPC stack's change set, read its outputs,
 * then plan again (if the VPC's outputs were not known or changed) and execute the
 * prerequisite stack. onPlan sees the plan before anything executes.
 */
export async function deployBoth(
  ctx: EngineContext,
  templates: TemplateBodies,
  accountId: string,
  onPlan: (run: PlannedRun) => Promise<void> = async () => {},
): Promise<DeployResult> {
  const run = await planBoth(ctx, templates, accountId);
  const pending = new Set<PlannedStack>(run.stacks);
  try {
    await onPlan(run);
    const [vpcPlanned, firstPrereq, firstEnvironment] = run.stacks;
    pending.delete(vpcPlanned);
    const vpc = await applyStack(vpcPlanned, ctx);
    const vpcOutputs = outputsOf(vpc.stack);

    const spec = prerequisiteStackSpec(ctx.settings, templates.prerequisites, {
      accountId,
      vpcOutputs,
    });
    let prereq = firstPrereq;
    if (prereq.recreate) {
      prereq = { ...prereq, spec };
    } else if (!sameParameters(prereq, spec.parameters)) {
      ctx.log.info(`Planning stack ${spec.name} again with the VPC stack's outputs.`);
      await discardPlan(prereq, ctx);
      pending.delete(prereq);
      prereq = await planStack(spec, ctx);
      pending.add(prereq);
    }
    pending.delete(prereq);
    const prerequisites = await applyStack(prereq, ctx);
    const prerequisiteOutputs = outputsOf(prerequisites.stack);
    const environment =
      firstEnvironment &&
      (await deployEnvironment(
        firstEnvironment,
        ctx,
        templates,
        { accountId, vpcOutputs, prerequisiteOutputs },
        pending,
      ));
    return {
      run,
      applied: environment ? [vpc, prerequisites, environment] : [vpc, prerequisites],
      vpcOutputs,
      prerequisiteOutputs,
      ...(environment && { environmentOutputs: outputsOf(environment.stack) }),
    };
  } finally {
    // A failure before a change set ran must not leave it behind.
    for (const p of pending) await discardPlan(p, ctx);
  }
}

/** True when the planned change set was made with exactly these VPC-derived values. */
function sameParameters(
  planned: PlannedStack,
  fresh: readonly { key: string; value?: string }[],
): boolean {
  if (planned.plan.source !== 'change-set') return false;
  return Object.keys(VPC_OUTPUT_FOR_PARAMETER).every((key) => {
    const before = planned.spec.parameters.find((p) => p.key === key)?.value;
    const after = fresh.find((p) => p.key === key)?.value;
    return before !== undefined && before === after;
  });
}
