import {
  DEFAULT_DEMO_INPUTS,
  INPUT_DEFAULTS,
  SettingsError,
  inputsFrom,
  loadSettings,
} from '../settings/index.js';
import { errorMessage } from '../shared/errors.js';
import { formatStackSummaries, summarizeStacks } from '../stacks/index.js';
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
    if (!args.offline) {
      io.stderr(`'${args.command}' against AWS is not available yet; use --offline.\n`);
      return 1;
    }
    const summaries = await summarizeStacks(settings);
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ environment: settings.environmentName, region: settings.region, stacks: summaries }, null, 2)}\n`,
      );
    } else {
      io.stdout(
        `Offline plan for MWAA environment '${settings.environmentName}' in ${settings.region} ` +
          `(key mode ${settings.keyMode}); an empty account: every resource is an addition.\n\n`,
      );
      io.stdout(formatStackSummaries(summaries));
    }
    return 0;
  } catch (error) {
    io.stderr(`${errorMessage(error)}\n`);
    return error instanceof UsageError || error instanceof SettingsError ? 2 : 1;
  }
}
