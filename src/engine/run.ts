import { addCodePlan } from '../code/add-plan.js';
import type { ImportErrorsOutcome } from '../code/import-errors-stage.js';
import type { CodeSyncResult } from '../code/sync.js';
import { deployBoth } from '../deploy/deploy.js';
import type { DeployResult } from '../deploy/deploy.js';
import type { EngineContext } from '../plan/context.js';
import type { PlanFingerprint } from '../plan/fingerprint.js';
import type { Plan } from '../plan/model.js';
import { withDrift } from '../drift/plan.js';
import { discardRun, planBoth } from '../plan/plan.js';
import type { PlannedRun } from '../plan/plan.js';
import type { ReviewedPlanComment } from '../publish/comment.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { preloadChecks } from '../verify/index.js';
import type { VerifyReport } from '../verify/index.js';
import { ChangeSetGate } from './gate.js';
import type { ReviewSource } from './gate.js';
import { policyViolation } from './policy.js';
import type { AwsSession } from './session.js';
import { verifyStacks } from './verify-stacks.js';

/** What a run produced, for the action's outputs, the CLI and library callers. */
export interface RunResult {
  readonly plan?: Plan;
  /** The plan's fingerprint (plan and deploy), for the comment marker and the review binding. */
  readonly fingerprint?: PlanFingerprint;
  /**
   * Plan mode: the destructive-change policy's verdict on the plan, when it forbids it. The
   * plan is still returned so it can be published before the caller fails.
   */
  readonly blocked?: string;
  /** Deploy with require-reviewed-plan: the comment of the plan that was deployed. */
  readonly reviewed?: ReviewedPlanComment;
  readonly deploy?: Omit<DeployResult, 'run'>;
  readonly verify?: VerifyReport;
  /** What the deploy did to the bucket's code, when code inputs are set. */
  readonly code?: CodeSyncResult;
  /**
   * After a deploy with dags-path: Airflow's import errors (or why they were not asked for).
   * `failed` on a checked report means the step fails by the import-errors policy.
   */
  readonly importErrors?: ImportErrorsOutcome;
}

export interface RunOptions {
  /** Sees the plan before anything executes (deploy) or after it is complete (plan). */
  readonly onPlan?: (plan: Plan, fingerprint: PlanFingerprint) => Promise<void>;
  /** Where a deploy with require-reviewed-plan reads the reviewed plan from. */
  readonly review?: ReviewSource;
}

/**
 * Runs the settings' mode against AWS:
 * - plan: change sets for both stacks, read and deleted, and drift detection on the stacks that
 *   exist; nothing executes, and a stack the plan itself created in REVIEW_IN_PROGRESS is
 *   deleted again;
 * - deploy: plan, then every change set through the gate (the destructive-change policy, the
 *   reviewed plan, nothing beyond it) and executed in order, then verify;
 * - verify: check the deployed stacks only.
 */
export async function runMode(
  ctx: EngineContext,
  session: AwsSession,
  templates: TemplateBodies,
  options: RunOptions = {},
): Promise<RunResult> {
  // The code inputs' files are read and checked before any AWS call writes. Loaded only when
  // code inputs are set, so a run without them never loads the S3 object code.
  const code =
    ctx.settings.code && ctx.settings.mode !== 'verify'
      ? await (
          await import('../code/stage.js')
        ).openCodeStage(ctx.settings, session.clients.s3Objects, ctx.log)
      : undefined;
  const gate = new ChangeSetGate({
    settings: ctx.settings,
    templates,
    log: ctx.log,
    ...(options.review ? { review: options.review } : {}),
  });
  const onPlan = (plan: Plan) =>
    options.onPlan?.(plan, gate.fingerprint(plan)) ?? Promise.resolve();
  // Deploy and verify end with the checks: load them while CloudFormation works.
  if (ctx.settings.mode !== 'plan') preloadChecks();
  switch (ctx.settings.mode) {
    case 'plan': {
      let run: PlannedRun = await planBoth(ctx, templates, session.accountId, code);
      try {
        run = await addCodePlan(await withDrift(run, ctx), code);
        await onPlan(run.plan);
      } finally {
        await discardRun(run, ctx);
      }
      const blocked = policyViolation(run.plan, ctx.settings, templates);
      return {
        plan: run.plan,
        fingerprint: gate.fingerprint(run.plan),
        ...(blocked ? { blocked } : {}),
      };
    }
    case 'deploy': {
      const { run, ...deploy } = await deployBoth(ctx, templates, session.accountId, {
        gate,
        onPlan: (r) => onPlan(r.plan),
        ...(code && { code }),
      });
      const verify = await verifyStacks(ctx, session.clients, {
        vpc: deploy.vpcOutputs,
        prerequisites: deploy.prerequisiteOutputs,
        ...(deploy.environmentOutputs && { environment: deploy.environmentOutputs }),
      });
      // Did Airflow accept the DAGs? Loaded only when a DAG folder is synced.
      const importErrors = ctx.settings.code?.paths['dags-path']
        ? await (
            await import('../code/import-errors-stage.js')
          ).checkDeployedDags({
            code: ctx.settings.code,
            synced: deploy.code,
            environmentName: ctx.settings.environmentName,
            readers: ctx.environment,
            clock: ctx.clock,
            log: ctx.log,
            ...(ctx.signal && { signal: ctx.signal }),
          })
        : undefined;
      return {
        plan: run.plan,
        fingerprint: gate.fingerprint(run.plan),
        ...(gate.reviewed ? { reviewed: gate.reviewed } : {}),
        deploy,
        verify,
        ...(deploy.code && { code: deploy.code }),
        ...(importErrors && { importErrors }),
      };
    }
    case 'verify':
      return { verify: await verifyStacks(ctx, session.clients) };
  }
}
