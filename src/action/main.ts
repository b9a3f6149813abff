import * as core from '@actions/core';
import { loadSettings } from '../settings/index.js';
import { errorMessage } from '../shared/errors.js';
import { formatStackSummaries, summarizeStacks } from '../stacks/index.js';
import { actionsLogger } from './logger.js';

/**
 * The action: read and validate every input before anything touches AWS, then run the mode.
 * The one place that calls setFailed; anything thrown (Error or not) fails the step.
 */
export async function run(): Promise<void> {
  try {
    const settings = loadSettings((name) => core.getInput(name), process.env);
    const log = actionsLogger();
    const summaries = await summarizeStacks(settings);
    await log.group('Stacks', async () => log.info(formatStackSummaries(summaries)));
    throw new Error(`mode '${settings.mode}' against AWS is not implemented yet`);
  } catch (error) {
    core.setFailed(errorMessage(error));
  }
}
