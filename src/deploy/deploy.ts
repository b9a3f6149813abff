import { outputsOf } from '../cfn/state.js';
import { addCodePlan } from '../code/stage.js';
import type { CodeStage } from '../code/stage.js';
import type { CodeSyncResult } from '../code/sync.js';
import type { EngineContext } from '../plan/context.js';
import { discardPlan, planStack } from '../plan/plan-stack.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { planBoth } from '../plan/plan.js';
import type { PlannedRun } from '../plan/plan.js';
import { prerequisiteStackSpec } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { VPC_OUTPUT_FOR_PARAMETER } from '../stacks/wiring.js';
import { applyStack } from './apply-stack.js';
import type { AppliedStack } from './apply-stack.js';

export interface DeployResult {
  readonly run: PlannedRun;
  readonly applied: readonly AppliedStack[];
  readonly vpcOutputs: Readonly<Record<string, string>>;
  readonly prerequisiteOutputs: Readonly<Record<string, string>>;
  /** The code synced to the bucket after the prerequisite stack, when code inputs are set. */
  readonly code?: CodeSyncResult;
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
  code?: CodeStage,
): Promise<DeployResult> {
  let run = await planBoth(ctx, templates, accountId);
  const pending = new Set<PlannedStack>(run.stacks);
  try {
    run = await addCodePlan(run, code);
    await onPlan(run);
    code?.assertSafe();
    const [vpcPlanned, firstPrereq] = run.stacks;
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
    // The bucket exists now; the environment stack (next) takes the code's object versions.
    const synced = code && (await code.sync(prerequisiteOutputs));
    return {
      run,
      applied: [vpc, prerequisites],
      vpcOutputs,
      prerequisiteOutputs,
      ...(synced && { code: synced }),
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
