/** The command line's help text: the whole tool, or one command with the inputs it uses. */
import { INPUT_DEFAULTS } from '../settings/index.js';
import type { InputHelp } from './action-inputs.js';
import { COMMANDS, SUMMARIES, inputsOf, optionsOf } from './commands.js';
import type { Command } from './commands.js';

const WIDTH = 100;
const EXIT_CODES =
  'Exit codes: 0 success, 1 failure (AWS, a failed check, a blocked plan), 2 a bad command line or bad inputs.';

/** Words of `text` in lines of at most {@link WIDTH} characters, each indented by `indent`. */
function wrap(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

/** Aligned `  name  text` rows. */
function rows(entries: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...entries.map(([name]) => name.length));
  return entries.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
}

/** One input as a flag: its name, default or `required`, then its description from action.yml. */
function inputLines(name: string, help: InputHelp | undefined): string[] {
  const fallback = (INPUT_DEFAULTS as Readonly<Record<string, string>>)[name] ?? '';
  const note = help?.required ? '  (required)' : fallback ? `  (default: ${fallback})` : '';
  return [`  --${name} <value>${note}`, ...wrap(help?.description ?? '', '      ')];
}

/**
 * The usage text. `inputs` holds each input's description and whether it is required, from
 * action.yml ({@link actionInputs}); without it the flags are listed by name only.
 */
export function usage(command?: Command, inputs: Readonly<Record<string, InputHelp>> = {}): string {
  if (command === undefined || command === 'help') {
    return [
      'Usage: mwaa-deploy <command> [options]',
      '',
      'Commands:',
      ...rows(COMMANDS.map((c) => [c, SUMMARIES[c]] as const)),
      '',
      'Options:',
      ...rows([
        ['-h, --help', "this text; 'mwaa-deploy <command> --help' for one command"],
        ['--version', "the tool's version"],
      ]),
      '',
      ...wrap(
        "Every input of the GitHub Action that a command uses is a flag of that command (--environment-name analytics); 'mwaa-deploy <command> --help' lists them with their meaning. Credentials come from the usual AWS chain (environment, profile, SSO), or from OIDC inside GitHub Actions.",
        '',
      ),
      '',
      EXIT_CODES,
    ].join('\n');
  }
  const flags = inputsOf(command);
  return [
    `Usage: mwaa-deploy ${command} [options]`,
    '',
    SUMMARIES[command],
    '',
    'Options:',
    ...rows([...optionsOf(command), ['-h, --help', 'this text']]),
    ...(flags.length > 0
      ? [
          '',
          "Inputs (the GitHub Action's inputs, as flags):",
          ...flags.flatMap((name) => inputLines(name, inputs[name])),
        ]
      : []),
    '',
    EXIT_CODES,
  ].join('\n');
}
