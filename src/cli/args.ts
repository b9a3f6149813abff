import { parseArgs } from 'node:util';
import { INPUT_NAMES } from '../settings/index.js';

/** The command line's commands; `plan`, `deploy` and `verify` are the action's modes. */
export const COMMANDS = ['plan', 'deploy', 'verify'] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  readonly command?: Command;
  readonly help: boolean;
  readonly offline: boolean;
  readonly json: boolean;
  /** Input values by action input name (flags mirror the action's inputs). */
  readonly inputs: Readonly<Record<string, string>>;
}

/** Raised for a command line the tool cannot understand; the CLI exits 2 with usage. */
export class UsageError extends Error {}

/**
 * Parses argv (without node and script). Every action input is a `--name value` flag, so what
 * works in a workflow works in a terminal.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options: Record<string, { type: 'string' } | { type: 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
    offline: { type: 'boolean' },
    json: { type: 'boolean' },
  };
  // `mode` is the command itself; every other input is a string flag.
  for (const name of INPUT_NAMES) if (name !== 'mode') options[name] = { type: 'string' };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [command, ...rest] = parsed.positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected argument '${rest[0]}'`);
  if (command !== undefined && !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`Unknown command '${command}'; expected one of ${COMMANDS.join(', ')}`);
  }
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') inputs[key] = value;
  }
  const flag = (name: string) => parsed.values[name] === true;
  return {
    command: command as Command | undefined,
    help: flag('help'),
    offline: flag('offline'),
    json: flag('json'),
    inputs,
  };
}

/** The usage text, listing every input flag with its default. */
export function usage(defaults: Readonly<Record<string, string>>): string {
  const flags = INPUT_NAMES.filter((n) => n !== 'mode').map((n) => {
    const d = defaults[n];
    return `  --${n} <value>${d ? `  (default: ${d})` : ''}`;
  });
  return [
    'Usage: mwaa-deploy <plan|deploy|verify> [options]',
    '',
    'Commands:',
    '  plan      show what CloudFormation would change in both stacks (never executes)',
    '  deploy    plan, then create or update the VPC and prerequisite stacks in order',
    '  verify    check the deployed stacks against what MWAA needs',
    '',
    'Options:',
    '  --offline  plan from the templates alone, without AWS (built-in example inputs',
    '             fill environment-name and aws-region when not given)',
    '  --json     machine-readable output',
    '  -h, --help this text',
    '',
    "Inputs (the same as the GitHub Action's):",
    ...flags,
    '',
    'Exit codes: 0 success, 1 failure, 2 bad command line or inputs.',
  ].join('\n');
}
