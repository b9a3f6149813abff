import { addCodePlan, openCodeStage } from '../code/stage.js';
import type { CodeSyncResult } from '../code/sync.js';
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
  /** What the deploy did to the bucket's code, when code inputs are set. */
  readonly code?: CodeSyncResult;
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
  // The code inputs' files are read and checked before any AWS call writes.
  const code =
    ctx.settings.mode === 'verify'
      ? undefined
      : await openCodeStage(ctx.settings, session.clients.s3, ctx.log);
  switch (ctx.settings.mode) {
    case 'plan': {
      let run: PlannedRun = await planBoth(ctx, templates, session.accountId);
      try {
        run = await addCodePlan(run, code);
        await onPlan(run.plan);
      } finally {
        await discardRun(run, ctx);
      }
      return { plan: run.plan };
    }
    case 'deploy': {
      const { run, ...deploy } = await deployBoth(
        ctx,
        templates,
        session.accountId,
        (r) => onPlan(r.plan),
        code,
      );
      const verify = await verifyStacks(ctx, session.clients, {
        vpc: deploy.vpcOutputs,
        prerequisites: deploy.prerequisiteOutputs,
      });
      return { plan: run.plan, deploy, verify, ...(deploy.code && { code: deploy.code }) };
    }
    case 'verify':
      return { verify: await verifyStacks(ctx, session.clients) };
  }
}
