import { parseArgs } from 'node:util';
import { INPUT_NAMES } from '../settings/index.js';

/** The command line's commands; `plan`, `deploy` and `verify` are the action's modes. */
export const COMMANDS = ['plan', 'deploy', 'verify', 'render'] as const;
export type Command = (typeof COMMANDS)[number];

/** Output formats of `render`. */
export const FORMATS = ['text', 'markdown', 'comment', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArgs {
  readonly command?: Command;
  readonly help: boolean;
  readonly offline: boolean;
  readonly json: boolean;
  /** `render`: the plan file (the action's plan-file output) and the format. */
  readonly planFile?: string;
  readonly format: Format;
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
    'plan-file': { type: 'string' },
    format: { type: 'string' },
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
    if (typeof value === 'string' && key !== 'plan-file' && key !== 'format') inputs[key] = value;
  }
  const format = (parsed.values.format as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unknown --format '${format}'; expected one of ${FORMATS.join(', ')}`);
  }
  const flag = (name: string) => parsed.values[name] === true;
  return {
    command: command as Command | undefined,
    help: flag('help'),
    offline: flag('offline'),
    json: flag('json'),
    planFile: parsed.values['plan-file'] as string | undefined,
    format: format as Format,
    inputs,
  };
}

const SUMMARIES: Readonly<Record<Command, string>> = {
  plan: 'show what CloudFormation would change in both stacks (never executes)',
  deploy: 'plan, then create or update the VPC and prerequisite stacks in order, then check them',
  verify: 'check the deployed stacks against what MWAA needs',
  render: 'show a saved plan (the plan-file output) as text, markdown or a PR comment',
};

function inputFlags(defaults: Readonly<Record<string, string>>): string[] {
  return INPUT_NAMES.filter((n) => n !== 'mode').map((n) => {
    const d = defaults[n];
    return `  --${n} <value>${d ? `  (default: ${d})` : ''}`;
  });
}

/** The usage text: the whole tool, or one command when given. */
export function usage(defaults: Readonly<Record<string, string>>, command?: Command): string {
  const exit =
    'Exit codes: 0 success, 1 failure (AWS, a failed check, a blocked plan), 2 bad command line or inputs.';
  if (command === 'render') {
    return [
      'Usage: mwaa-deploy render --plan-file <path> [--format text|markdown|comment|json]',
      '',
      SUMMARIES.render,
      '',
      '  --plan-file <path>  the JSON plan the action or `plan --json` wrote',
      '  --format <f>        text (default), markdown (the job summary), comment (the PR comment), json',
      '  --mask-aws-account-id true  show the account as ***',
      '',
      exit,
    ].join('\n');
  }
  if (command) {
    return [
      `Usage: mwaa-deploy ${command} [options]`,
      '',
      SUMMARIES[command],
      '',
      'Options:',
      ...(command === 'plan'
        ? [
            '  --offline  from the templates alone, without AWS (example inputs fill environment-name and aws-region)',
          ]
        : []),
      '  --json     the result as JSON on stdout (progress goes to stderr)',
      '',
      "Inputs (the same as the GitHub Action's; credentials come from the usual AWS chain, or OIDC inside Actions):",
      ...inputFlags(defaults),
      '',
      exit,
    ].join('\n');
  }
  return [
    'Usage: mwaa-deploy <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.padEnd(8)}  ${SUMMARIES[c]}`),
    '',
    'Options:',
    '  --offline  plan from the templates alone, without AWS',
    '  --json     machine-readable output',
    '  -h, --help this text; `mwaa-deploy <command> --help` for one command',
    '',
    "Inputs (the same as the GitHub Action's):",
    ...inputFlags(defaults),
    '',
    exit,
  ].join('\n');
}
