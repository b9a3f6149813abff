import * as core from '@actions/core';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { openSession } from '../engine/session.js';
import { runMode } from '../engine/run.js';
import { planSummaryMarkdown } from '../render/summary-markdown.js';
import { publishResult } from '../publish/publish.js';
import { loadSettings } from '../settings/index.js';
import { systemClock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { readTemplates } from '../stacks/index.js';
import { formatVerifyReport } from '../verify/index.js';
import { cancellation } from './cancel.js';
import { actionsLogger } from './logger.js';

/**
 * The action: read and validate every input and both templates before anything touches AWS,
 * then assume the role, run the mode, and publish outputs and the job summary. The one place
 * that calls setFailed; anything thrown (Error or not) fails the step.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cancel = cancellation();
  try {
    const settings = loadSettings((name) => core.getInput(name), env);
    const templates = await readTemplates(settings);
    const log = actionsLogger();
    const clock = systemClock;
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
    };
    const result = await runMode(ctx, session, templates, {
      onPlan: async (plan) => log.group('Plan', async () => log.info(planSummaryMarkdown(plan))),
    });
    if (result.verify) log.info(formatVerifyReport(result.verify));
    await publishResult(result, sink(), { planDirectory: env.RUNNER_TEMP || tmpdir() });
    if (result.verify && !result.verify.ok) {
      throw new Error('The deployed stacks do not meet what MWAA needs (see the checks above).');
    }
  } catch (error) {
    core.setFailed(cancel.signal.aborted ? cancel.describe(error) : errorMessage(error));
  } finally {
    cancel.dispose();
  }
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
