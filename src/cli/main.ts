import { randomBytes } from 'node:crypto';
import { openSession } from '../engine/session.js';
import { runMode } from '../engine/run.js';
import type { RunResult } from '../engine/run.js';
import { renderPlanText } from '../render/index.js';
import {
  DEFAULT_DEMO_INPUTS,
  INPUT_DEFAULTS,
  SettingsError,
  inputsFrom,
  loadSettings,
} from '../settings/index.js';
import type { Settings } from '../settings/types.js';
import { systemClock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { consoleLogger } from '../shared/logger.js';
import { formatStackSummaries, readTemplates, summarizeStacks } from '../stacks/index.js';
import { formatVerifyReport } from '../verify/index.js';
import { UsageError, parseCliArgs, usage } from './args.js';

/** Where the CLI writes; a parameter so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/** Runs the command line and returns its exit code: 0 success, 1 failure, 2 usage or inputs. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help || args.command === undefined) {
      (args.help ? io.stdout : io.stderr)(`${usage(INPUT_DEFAULTS)}\n`);
      return args.help ? 0 : 2;
    }
    // Offline, the example inputs stand in for the two inputs without a default, so the
    // README's first command works on a fresh machine without an AWS account.
    const given = args.offline ? { ...DEFAULT_DEMO_INPUTS, ...args.inputs } : args.inputs;
    const settings = loadSettings(inputsFrom({ ...given, mode: args.command }), io.env);
    if (args.offline) {
      if (args.command !== 'plan') throw new UsageError('--offline only applies to plan');
      return await offlinePlan(settings, args.json, io);
    }
    return await onlineRun(settings, args.json, io);
  } catch (error) {
    io.stderr(`${errorMessage(error)}\n`);
    return error instanceof UsageError || error instanceof SettingsError ? 2 : 1;
  }
}

async function offlinePlan(settings: Settings, json: boolean, io: CliIo): Promise<number> {
  const summaries = await summarizeStacks(settings);
  if (json) {
    const out = {
      environment: settings.environmentName,
      region: settings.region,
      stacks: summaries,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  io.stdout(
    `Offline plan for MWAA environment '${settings.environmentName}' in ${settings.region} ` +
      `(key mode ${settings.keyMode}); an empty account: every resource is an addition.\n\n`,
  );
  io.stdout(formatStackSummaries(summaries));
  return 0;
}

async function onlineRun(settings: Settings, json: boolean, io: CliIo): Promise<number> {
  const templates = await readTemplates(settings);
  // Progress goes to stderr so that stdout holds only the result (and --json stays parseable).
  const log = consoleLogger({ debug: Boolean(io.env.MWAA_DEPLOY_DEBUG), info: io.stderr });
  const session = await openSession(settings, {
    env: io.env,
    clock: systemClock,
    log,
    onSecret: () => {},
  });
  const controller = new AbortController();
  const abort = () => controller.abort(new Error('Interrupted.'));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  let result: RunResult;
  try {
    const runLabel = `cli-${randomBytes(4).toString('hex')}`;
    result = await runMode(
      {
        settings,
        cfn: session.clients.cloudformation,
        clock: systemClock,
        log,
        runLabel,
        signal: controller.signal,
      },
      session,
      templates,
    );
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    if (result.plan)
      io.stdout(
        `${renderPlanText(result.plan, { mode: settings.mode, maskAccount: settings.maskAccountId })}\n`,
      );
    if (result.verify) io.stdout(`${formatVerifyReport(result.verify)}\n`);
  }
  return result.verify && !result.verify.ok ? 1 : 0;
}
