import { outputsOf } from '../cfn/state.js';
import { addCodePlan } from '../code/add-plan.js';
import type { CodeStage } from '../code/add-plan.js';
import type { CodeSyncResult } from '../code/sync.js';
import { ChangeSetGate } from '../engine/gate.js';
import type { EngineContext } from '../plan/context.js';
import type { StackPlan } from '../plan/model.js';
import { discardPlan } from '../plan/plan-stack.js';
import { planAgain } from './plan-again.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { planBoth } from '../plan/plan.js';
import type { PlannedRun } from '../plan/plan.js';
import { prerequisiteStackSpec } from '../stacks/specs.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { VPC_OUTPUT_FOR_PARAMETER } from '../stacks/wiring.js';
import { deployEnvironment } from '../environment/deploy.js';
import { environmentCodeAfterSync } from '../code/environment-parameters.js';
import { withDrift } from '../drift/plan.js';
import { applyStack } from './apply-stack.js';
import type { AppliedStack } from './apply-stack.js';

export interface DeployResult {
  readonly run: PlannedRun;
  readonly applied: readonly AppliedStack[];
  readonly vpcOutputs: Readonly<Record<string, string>>;
  readonly prerequisiteOutputs: Readonly<Record<string, string>>;
  /** The code synced to the bucket after the prerequisite stack, when code inputs are set. */
  readonly code?: CodeSyncResult;
  /** With `deploy-environment`: the environment stack's outputs. */
  readonly environmentOutputs?: Readonly<Record<string, string>>;
}

export interface DeployOptions {
  /**
   * The gate every change set passes before it executes; by default one built from the
   * settings (the destructive-change policy; require-reviewed-plan then refuses, having no
   * reviewed plan to compare with).
   */
  readonly gate?: ChangeSetGate;
  /** Sees the plan before the gate and before anything executes (to print it). */
  readonly onPlan?: (run: PlannedRun) => Promise<void>;
  /** Release-time code: planned with the stacks, synced after the prerequisite stack. */
  readonly code?: CodeStage;
}

/**
 * Deploys in order: plan the stacks, pass the plan through the gate, execute the VPC stack's
 * change set, read its outputs, then plan again (if the VPC's outputs were not known or
 * changed) and execute the prerequisite stack; sync the code; then, with deploy-environment,
 * the environment stack the same way (planned again with both stacks' outputs and the code's
 * object versions). Each change set passes the gate just before it executes, so one planned
 * again here cannot do more than the plan that was admitted.
 */
export async function deployBoth(
  ctx: EngineContext,
  templates: TemplateBodies,
  accountId: string,
  options: DeployOptions = {},
): Promise<DeployResult> {
  const gate =
    options.gate ?? new ChangeSetGate({ settings: ctx.settings, templates, log: ctx.log });
  const admit = (plan: StackPlan) => gate.admitChangeSet(plan);
  const planned = await planBoth(ctx, templates, accountId, options.code);
  const pending = new Set<PlannedStack>(planned.stacks);
  try {
    // What changed outside CloudFormation, which this deploy is about to revert.
    // With code inputs, the plan also holds the code compared with the bucket.
    const run = await addCodePlan(await withDrift(planned, ctx), options.code);
    await options.onPlan?.(run);
    await gate.admitPlan(run.plan);
    options.code?.assertSafe();
    const [vpcPlanned, firstPrereq, firstEnvironment] = run.stacks;
    // The same change sets, now carrying the drift: the ones to discard on failure.
    pending.clear();
    for (const s of run.stacks) pending.add(s);
    // Admitted here while the change set is still pending (a refused one is discarded below),
    // and again by applyStack with the change set it executes (a recreated stack's is new).
    admit(vpcPlanned.plan);
    pending.delete(vpcPlanned);
    const vpc = await applyStack(vpcPlanned, ctx, admit);
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
      prereq = await planAgain(prereq, spec, ctx, pending);
    }
    admit(prereq.plan);
    pending.delete(prereq);
    const prerequisites = await applyStack(prereq, ctx, admit);
    const prerequisiteOutputs = outputsOf(prerequisites.stack);
    // The bucket exists now; the environment stack (next) takes the code's object versions.
    const startedAt = ctx.clock.now();
    const synced = options.code && {
      ...(await options.code.sync(prerequisiteOutputs)),
      startedAt,
    };
    const environmentCode =
      synced && run.plan.code ? environmentCodeAfterSync(run.plan.code, synced) : undefined;
    const environment =
      firstEnvironment &&
      (await deployEnvironment(
        firstEnvironment,
        ctx,
        templates,
        { accountId, vpcOutputs, prerequisiteOutputs, ...(environmentCode && { environmentCode }) },
        { pending, admit },
      ));
    return {
      run,
      applied: environment ? [vpc, prerequisites, environment] : [vpc, prerequisites],
      vpcOutputs,
      prerequisiteOutputs,
      ...(synced && { code: synced }),
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
