/**
 * The command line, parsed and checked before anything runs: an unknown command or flag, a flag
 * the command does not use, or a missing value is a {@link UsageError} (exit 2) that names it,
 * suggests the nearest valid one and points to the command's help.
 */
import { parseArgs } from 'node:util';
import { INPUT_NAMES } from '../settings/index.js';
import type { InputName } from '../settings/index.js';
import { COMMANDS, inputsOf, optionsOf, unusedReason } from './commands.js';
import type { Command } from './commands.js';
import { nearest } from './suggest.js';

export { COMMANDS } from './commands.js';
export type { Command } from './commands.js';

/** Output formats of `render`. */
export const FORMATS = ['text', 'markdown', 'comment', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArgs {
  readonly command?: Command;
  /** `--help`, `-h`, or the `help` command; {@link command} is then the one to explain. */
  readonly help: boolean;
  readonly version: boolean;
  readonly offline: boolean;
  readonly json: boolean;
  /** `render`: the plan file (the action's plan-file output) and the format. */
  readonly planFile?: string;
  readonly format: Format;
  /** Input values by action input name (flags mirror the action's inputs). */
  readonly inputs: Readonly<Record<string, string>>;
}

/** Raised for a command line the tool cannot understand; the CLI exits 2 and points to help. */
export class UsageError extends Error {
  /** The command whose help to point to; undefined for the tool's. */
  readonly command?: Command;

  constructor(message: string, command?: Command) {
    super(message);
    this.name = 'UsageError';
    if (command !== undefined) this.command = command;
  }
}

type OptionSpec = { type: 'string' } | { type: 'boolean'; short?: string };

/** Every option any command knows: its own and every input (`mode` is the command itself). */
function allOptions(): Record<string, OptionSpec> {
  const options: Record<string, OptionSpec> = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    offline: { type: 'boolean' },
    json: { type: 'boolean' },
    'plan-file': { type: 'string' },
    format: { type: 'string' },
  };
  for (const name of INPUT_NAMES) if (name !== 'mode') options[name] = { type: 'string' };
  return options;
}

/** The flags a command accepts (every known flag without a command), for suggestions. */
function flagsOf(command: Command | undefined): string[] {
  if (command === undefined) return Object.keys(allOptions()).map((name) => `--${name}`);
  const own = optionsOf(command).map(([flag]) => flag.split(' ')[0] ?? flag);
  return [...own, ...inputsOf(command).map((name) => `--${name}`), '--help', '--version'];
}

function isCommand(word: string | undefined): word is Command {
  return (COMMANDS as readonly string[]).includes(word ?? '');
}

/** Refuses the first option the command does not know or does not use. */
function checkOptions(argv: readonly string[], command: Command | undefined): void {
  const { tokens } = parseArgs({
    args: [...argv],
    options: allOptions(),
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const known = allOptions();
  const accepted = new Set(flagsOf(command));
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === 'help' || token.name === 'version') continue;
    const flag = token.rawName.startsWith('--') ? `--${token.name}` : token.rawName;
    if (accepted.has(flag)) continue;
    if (command !== undefined && (INPUT_NAMES as readonly string[]).includes(token.name)) {
      const reason = unusedReason(command, token.name as InputName);
      if (reason) throw new UsageError(`${reason}.`, command);
    }
    if (Object.hasOwn(known, token.name) && command !== undefined) {
      throw new UsageError(`${flag} does not apply to '${command}'.`, command);
    }
    const guess = nearest(flag, [...accepted]);
    throw new UsageError(
      `Unknown option '${flag}'.${guess ? ` Did you mean '${guess}'?` : ''}`,
      command,
    );
  }
}

/** Node's messages for a missing or extra value, kept, and tied to our help. */
function parseStrict(argv: readonly string[], command: Command | undefined) {
  try {
    return parseArgs({ args: [...argv], options: allOptions(), allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

/**
 * Parses argv (without node and script). Every action input a command uses is a `--name value`
 * flag, so what works in a workflow works in a terminal.
 * @throws UsageError naming the problem, with the command whose help explains it.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const positionals = parseArgs({
    args: [...argv],
    options: allOptions(),
    allowPositionals: true,
    strict: false,
  }).positionals;
  let [word, ...rest] = positionals;
  let help = false;
  if (word === 'help') {
    // `help` alone is the tool's help; `help plan` is plan's.
    help = true;
    [word, ...rest] = rest;
  }
  const command = isCommand(word) && word !== 'help' ? word : undefined;
  // Flags first: `--enviroment-name x` leaves `x` as a stray argument, and the flag is the news.
  checkOptions(argv, command);
  if (word !== undefined && command === undefined) {
    const guess = nearest(
      word,
      COMMANDS.filter((c) => c !== 'help'),
    );
    throw new UsageError(
      `Unknown command '${word}'; expected one of ${COMMANDS.join(', ')}.${guess ? ` Did you mean '${guess}'?` : ''}`,
    );
  }
  if (rest.length > 0) {
    throw new UsageError(
      `Unexpected argument '${rest[0]}': every value follows its flag (--environment-name analytics).`,
      command,
    );
  }
  const parsed = parseStrict(argv, command);
  const inputs: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string' && key !== 'plan-file' && key !== 'format') inputs[key] = value;
  }
  const format = (parsed.values.format as string | undefined) ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `Unknown --format '${format}'; expected one of ${FORMATS.join(', ')}.`,
      command,
    );
  }
  const flag = (name: string) => parsed.values[name] === true;
  return {
    ...(command !== undefined && { command }),
    help: help || flag('help'),
    version: flag('version'),
    offline: flag('offline'),
    json: flag('json'),
    ...(typeof parsed.values['plan-file'] === 'string' && {
      planFile: parsed.values['plan-file'],
    }),
    format: format as Format,
    inputs,
  };
}
