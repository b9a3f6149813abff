import * as core from './workflow.js';
import { tmpdir } from 'node:os';
import { cancellation } from '../engine/cancel.js';
import { runJob } from '../engine/job.js';
import { importErrorsFailure } from '../code/import-errors-stage.js';
import { DestructivePlanError } from '../engine/policy.js';
import { readGitHubContext } from '../publish/github-context.js';
import { publishResult } from '../publish/publish.js';
import { renderContextFor } from '../publish/render-context.js';
import { neutraliseCommands, renderPlanText } from '../render/index.js';
import { loadSettings } from '../settings/index.js';
import { systemClock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { readTemplates } from '../stacks/index.js';
import { formatVerifyReport } from '../verify/index.js';
import { warnAboutUnsafeEvent } from './events.js';
import { actionsLogger } from './logger.js';
import { PullRequestReview } from './review.js';

/**
 * The action: read and validate every input and both templates before anything touches AWS,
 * then run the job (the engine gates every change set), and publish the plan (log, job
 * summary, PR comment), the outputs and the checks. The one place that calls setFailed;
 * anything thrown (Error or not) fails the step.
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
    warnAboutUnsafeEvent(env, log);
    const clock = systemClock;
    const review = new PullRequestReview(settings, github, log, clock);
    const result = await runJob(settings, templates, {
      env,
      clock,
      log,
      signal: cancel.signal,
      onSecret: (s) => core.setSecret(s),
      session: { getIdToken: (audience) => core.getIDToken(audience) },
      review: { ...review.source, render: (plan) => review.renderAsComment(plan, templates) },
      onPlan: async (plan) => {
        const text = renderPlanText(plan, renderContextFor({ settings, plan, templates, github }));
        await log.group('Plan', async () => log.info(text));
      },
    });
    const report = result.verify;
    if (report) await log.group('Checks', async () => log.info(formatVerifyReport(report)));
    if (result.fingerprint) core.setOutput('plan-fingerprint', result.fingerprint.value);
    const plan = result.plan;
    await publishResult(result, sink(), {
      planDirectory: env.RUNNER_TEMP || tmpdir(),
      renderContext: plan && renderContextFor({ settings, plan, templates, github }),
    });
    // Plan mode: the comment first, then the step fails when the policy forbids the plan.
    if (settings.mode === 'plan' && plan && result.fingerprint) {
      const url = await review.postPlan(plan, result.fingerprint, templates);
      if (url) core.setOutput('comment-url', url);
      if (result.blocked) throw new DestructivePlanError(result.blocked);
    }
    if (settings.mode === 'deploy') await review.markApplied(result.reviewed);
    if (result.verify && !result.verify.ok) {
      throw new Error('The deployed stacks do not meet what MWAA needs (see the checks above).');
    }
    // By the import-errors policy: a new error in a DAG file this deploy changed.
    const importFailure = importErrorsFailure(result.importErrors);
    if (importFailure) throw new Error(importFailure);
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

function sink() {
  return {
    setOutput: (name: string, value: string) => core.setOutput(name, value),
    appendSummary: async (markdown: string) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.appendSummary(markdown);
    },
  };
}
