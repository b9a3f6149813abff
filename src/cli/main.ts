import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cancellation } from '../engine/cancel.js';
import { runJob } from '../engine/job.js';
import type { RunResult } from '../engine/run.js';
import { offlinePlan } from '../plan/offline.js';
import { writePlanFile } from '../publish/publish.js';
import { renderForComment, renderPlanText } from '../render/index.js';
import type { RenderContext } from '../render/index.js';
import { DEFAULT_DEMO_INPUTS, SettingsError, inputsFrom, loadSettings } from '../settings/index.js';
import type { Settings } from '../settings/types.js';
import { systemClock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { consoleLogger } from '../shared/logger.js';
import { readTemplates } from '../stacks/index.js';
import type { TemplateBodies } from '../stacks/specs.js';
import { formatVerifyReport } from '../verify/index.js';
import { importErrorsFailure } from '../code/import-errors-stage.js';
import { VERSION } from '../version.js';
import { actionInputs } from './action-inputs.js';
import { UsageError, parseCliArgs } from './args.js';
import type { CliArgs } from './args.js';
import { readPlanFile, renderPlan } from './render.js';
import { usage } from './usage.js';

/** Where the CLI writes; a parameter so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder for the offline plan's files; default a new private folder in the system's temp. */
  readonly outputDir?: string;
}

const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/**
 * Runs the command line and returns its exit code: 0 success, 1 failure (AWS, a failed check,
 * a plan the destructive-change policy blocks), 2 a bad command line or bad inputs.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let command: string | undefined;
  try {
    const args = parseCliArgs(argv);
    command = args.command;
    if (args.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (args.help || args.command === undefined) {
      (args.help ? io.stdout : io.stderr)(`${usage(args.command, actionInputs())}\n`);
      return args.help ? 0 : 2;
    }
    if (args.command === 'render') return await renderCommand(args, io);
    // Offline, the example inputs stand in for the two inputs without a default, so the
    // README's first command works on a fresh machine without an AWS account.
    const given = args.offline ? { ...DEFAULT_DEMO_INPUTS, ...args.inputs } : args.inputs;
    const settings = loadSettings(inputsFrom({ ...given, mode: args.command }), io.env);
    const templates = await readTemplates(settings);
    if (args.offline) {
      if (args.command !== 'plan') throw new UsageError('--offline only applies to plan');
      return await offline(settings, templates, args.json, io);
    }
    return await online(settings, templates, args.json, io);
  } catch (error) {
    io.stderr(`${errorMessage(error)}\n`);
    if (!(error instanceof UsageError || error instanceof SettingsError)) return 1;
    const help = error instanceof UsageError ? (error.command ?? command) : command;
    io.stderr(`Run 'mwaa-deploy${help ? ` ${help}` : ''} --help' for the options.\n`);
    return 2;
  }
}

function renderContext(settings: Settings): RenderContext {
  return { mode: settings.mode, maskAccount: settings.maskAccountId };
}

async function renderCommand(args: CliArgs, io: CliIo): Promise<number> {
  if (!args.planFile) throw new UsageError('render needs --plan-file <path>');
  const plan = await readPlanFile(args.planFile);
  const mask = args.inputs['mask-aws-account-id'] === 'true';
  io.stdout(
    `${renderPlan(plan, args.json ? 'json' : args.format, { mode: 'plan', maskAccount: mask })}\n`,
  );
  return 0;
}

/** The main job without AWS: the plan as the PR comment would show it, also written to files. */
async function offline(
  settings: Settings,
  templates: TemplateBodies,
  json: boolean,
  io: CliIo,
): Promise<number> {
  const plan = offlinePlan(settings, templates);
  const comment = renderForComment(plan, renderContext(settings));
  // A new folder only this user may read (mkdtemp: mode 0700), not one shared by every user.
  const dir = io.outputDir ?? (await mkdtemp(join(tmpdir(), 'mwaa-deploy-')));
  // Named as the action names its plan-file (mwaa-deploy-plan-<name>.json), which `render` reads.
  const planFile = await writePlanFile(plan, dir);
  const markdown = planFile.replace(/\.json$/, '.md');
  await writeFile(markdown, `${comment}\n`);
  io.stdout(json ? `${JSON.stringify(plan, null, 2)}\n` : `${comment}\n`);
  io.stderr(`Plan written to ${markdown} and ${planFile}\n`);
  return 0;
}

async function online(
  settings: Settings,
  templates: TemplateBodies,
  json: boolean,
  io: CliIo,
): Promise<number> {
  // Progress goes to stderr so that stdout holds only the result (and --json stays parseable).
  const log = consoleLogger({ debug: Boolean(io.env.MWAA_DEPLOY_DEBUG), info: io.stderr });
  const cancel = cancellation();
  let result: RunResult;
  try {
    // The same job as the action: the engine's gate decides what may execute. The CLI has no
    // pull request, so require-reviewed-plan refuses a deploy here (it says why).
    result = await runJob(settings, templates, {
      env: io.env,
      clock: systemClock,
      log,
      signal: cancel.signal,
      onSecret: () => {},
    });
  } catch (error) {
    if (cancel.signal.aborted) {
      throw new Error(cancel.describe(error, settings.mode), { cause: error });
    }
    throw error;
  } finally {
    cancel.dispose();
  }
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    if (result.plan) io.stdout(`${renderPlanText(result.plan, renderContext(settings))}\n`);
    if (result.verify) io.stdout(`${formatVerifyReport(result.verify)}\n`);
  }
  if (result.blocked) io.stderr(`${result.blocked}\n`);
  const importFailure = importErrorsFailure(result.importErrors);
  if (importFailure) io.stderr(`${importFailure}\n`);
  return (result.verify && !result.verify.ok) || result.blocked || importFailure ? 1 : 0;
}
