import { deployBoth } from '../deploy/deploy.js';
import type { DeployResult } from '../deploy/deploy.js';
import type { EngineContext } from '../plan/context.js';
import type { Plan } from '../plan/model.js';
import { discardRun, planBoth } from '../plan/plan.js';
import type { PlannedRun } from '../plan/plan.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { VerifyReport } from '../verify/index.js';
import type { AwsSession } from './session.js';
import { verifyStacks } from './verify-stacks.js';

/** What a run produced, for the action's outputs, the CLI and library callers. */
export interface RunResult {
  readonly plan?: Plan;
  readonly deploy?: Omit<DeployResult, 'run'>;
  readonly verify?: VerifyReport;
}

export interface RunOptions {
  /** Sees the plan before anything executes (deploy) or after it is complete (plan). */
  readonly onPlan?: (plan: Plan) => Promise<void>;
}

/**
 * Runs the settings' mode against AWS:
 * - plan: change sets for both stacks, read and deleted; nothing executes, and a stack the plan
 *   itself created in REVIEW_IN_PROGRESS is deleted again;
 * - deploy: plan, then execute in order, then verify;
 * - verify: check the deployed stacks only.
 */
export async function runMode(
  ctx: EngineContext,
  session: AwsSession,
  templates: TemplateBodies,
  options: RunOptions = {},
): Promise<RunResult> {
  const onPlan = options.onPlan ?? (async () => {});
  switch (ctx.settings.mode) {
    case 'plan': {
      const run: PlannedRun = await planBoth(ctx, templates, session.accountId);
      try {
        await onPlan(run.plan);
      } finally {
        await discardRun(run, ctx);
      }
      return { plan: run.plan };
    }
    case 'deploy': {
      const { run, ...deploy } = await deployBoth(ctx, templates, session.accountId, (r) =>
        onPlan(r.plan),
      );
      const verify = await verifyStacks(ctx, session.clients, {
        vpc: deploy.vpcOutputs,
        prerequisites: deploy.prerequisiteOutputs,
        ...(deploy.environmentOutputs && { environment: deploy.environmentOutputs }),
      });
      return { plan: run.plan, deploy, verify };
    }
    case 'verify':
      return { verify: await verifyStacks(ctx, session.clients) };
  }
}
