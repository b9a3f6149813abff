import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { DestructivePlanError, policyViolation } from '../engine/policy.js';
import { runMode } from '../engine/run.js';
import { openSession } from '../engine/session.js';
import { planFingerprint } from '../plan/fingerprint.js';
import type { PlanFingerprint } from '../plan/fingerprint.js';
import { planHasChanges } from '../plan/model.js';
import type { Plan } from '../plan/model.js';
import { readGitHubContext } from '../publish/github-context.js';
import { publishResult } from '../publish/publish.js';
import { renderContextFor } from '../publish/render-context.js';
import { neutraliseCommands, renderPlanText } from '../render/index.js';
import { loadSettings } from '../settings/index.js';
import type { Settings } from '../settings/types.js';
import { systemClock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { readTemplates } from '../stacks/index.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { formatVerifyReport } from '../verify/index.js';
import { cancellation } from './cancel.js';
import { actionsLogger } from './logger.js';
import { PullRequestReview } from './review.js';

/**
 * The action: read and validate every input and both templates before anything touches AWS,
 * then assume the role, run the mode, and publish the plan (log, job summary, PR comment),
 * the outputs and the checks. The one place that calls setFailed; anything thrown (Error or
 * not) fails the step.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cancel = cancellation();
  let mode: string | undefined;
  try {
    const settings = loadSettings((name) => core.getInput(name), env);
    // Masked before anything can print it (an HTTP error may quote the Authorization header).
    if (settings.githubToken) core.setSecret(settings.githubToken);
    mode = settings.mode;
    const templates = await readTemplates(settings);
    const github = await readGitHubContext(env).catch(() => undefined);
    const log = actionsLogger();
    const clock = systemClock;
    const review = new PullRequestReview(settings, github, log, clock);
    const session = await openSession(settings, {
      env,
      clock,
      log,
      onSecret: (s) => core.setSecret(s),
    });
    const runLabel = `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${randomBytes(3).toString('hex')}`;
    const ctx = {
      settings,
      cfn: session.clients.cloudformation,
      clock,
      log,
      runLabel,
      signal: cancel.signal,
      environment: session.environment,
    };
    let planned: { plan: Plan; fingerprint: PlanFingerprint } | undefined;

    const result = await runMode(ctx, session, templates, {
      onPlan: async (plan) => {
        planned = { plan, fingerprint: planFingerprint(plan, templates) };
        const text = renderPlanText(plan, renderContextFor({ settings, plan, templates, github }));
        await log.group('Plan', async () => log.info(text));
        // Before anything executes: the policy, then what reviewers saw.
        if (settings.mode === 'deploy') {
          const violation = policyViolation(plan, settings, templates);
          if (violation) throw new DestructivePlanError(violation);
          // A plan without changes executes nothing, so there is nothing to have reviewed
          // (and on-change comments are not posted for it).
          if (settings.requireReviewedPlan && planHasChanges(plan)) {
            await review.assertReviewed(planned.fingerprint, stackNames(settings));
          }
        }
      },
    });
    if (result.verify) log.info(formatVerifyReport(result.verify));
    if (planned) core.setOutput('plan-fingerprint', planned.fingerprint.value);
    await publishResult(result, sink(), {
      planDirectory: env.RUNNER_TEMP || tmpdir(),
      renderContext:
        planned && renderContextFor({ settings, plan: planned.plan, templates, github }),
    });
    if (settings.mode === 'plan' && planned)
      await commentAndGate(settings, planned, templates, review);
    if (settings.mode === 'deploy') await review.markApplied();
    if (result.verify && !result.verify.ok) {
      throw new Error('The deployed stacks do not meet what MWAA needs (see the checks above).');
    }
  } catch (error) {
    core.setFailed(
      neutraliseCommands(
        cancel.signal.aborted ? cancel.describe(error, mode) : errorMessage(error),
      ),
    );
  } finally {
    cancel.dispose();
  }
}

/** Plan mode: post the comment first, then fail the step when the policy forbids the plan. */
async function commentAndGate(
  settings: Settings,
  planned: { plan: Plan; fingerprint: PlanFingerprint },
  templates: TemplateBodies,
  review: PullRequestReview,
): Promise<void> {
  const url = await review.postPlan(planned.plan, planned.fingerprint, templates);
  if (url) core.setOutput('comment-url', url);
  const violation = policyViolation(planned.plan, settings, templates);
  if (violation) throw new DestructivePlanError(violation);
}

function stackNames(settings: Settings): Record<string, string> {
  return { vpc: settings.stacks.vpc.name, prerequisites: settings.stacks.prerequisites.name };
}

function sink() {
  return {
    setOutput: (name: string, value: string) => core.setOutput(name, value),
    appendSummary: async (markdown: string) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
