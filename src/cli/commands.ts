/**
 * The command line's commands and which of the action's inputs each one uses, in one place, so
 * the help lists only what a command reads and a flag that would do nothing is refused.
 */
import { INPUT_NAMES } from '../settings/index.js';
import type { InputName } from '../settings/index.js';

/** The command line's commands; `plan`, `deploy` and `verify` are the action's modes. */
export const COMMANDS = ['plan', 'deploy', 'verify', 'render', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

/** One line per command, for the help. */
export const SUMMARIES: Readonly<Record<Command, string>> = {
  plan: 'show what CloudFormation would change in the stacks (never executes)',
  deploy:
    'plan, then create or update the VPC and prerequisite stacks (and the environment stack) in order, then check them',
  verify: 'check the deployed stacks against what MWAA needs',
  render: 'show a saved plan (the plan-file output) as text, markdown or a PR comment',
  help: "this text, or one command's options: mwaa-deploy help <command>",
};

const NO_COMMENT = 'the command line posts no PR comment';
const NO_RUNNER =
  "the command line uses the AWS credentials of your environment, profile or SSO; it has no Actions runner's OIDC token to exchange";

/** Inputs only the GitHub Action uses, and why the command line does not. */
const ACTION_ONLY_WHY: Readonly<Partial<Record<InputName, string>>> = {
  'role-to-assume': NO_RUNNER,
  'role-session-name': NO_RUNNER,
  'role-duration-seconds': NO_RUNNER,
  audience: NO_RUNNER,
  comment: NO_COMMENT,
  'github-token': NO_COMMENT,
  'require-reviewed-plan': 'it checks the plan comment of the pull request a commit came from',
};

/** Inputs only the GitHub Action uses. */
export const ACTION_ONLY = Object.keys(ACTION_ONLY_WHY) as readonly InputName[];

/**
 * Inputs a command does not read (beyond {@link ACTION_ONLY}). Listed by exclusion so that an
 * input added to action.yml is a flag of every command until someone says otherwise.
 */
const NOT_USED: Readonly<Record<'plan' | 'deploy' | 'verify', readonly InputName[]>> = {
  // The import-errors check runs after a deploy's code sync only.
  plan: ['termination-protection', 'import-errors', 'import-errors-wait-seconds'],
  deploy: [],
  // verify reads the stacks' outputs: templates, parameters and stack operations play no part.
  verify: [
    'vpc-cidr',
    'public-subnet-1-cidr',
    'public-subnet-2-cidr',
    'private-subnet-1-cidr',
    'private-subnet-2-cidr',
    'bucket-name',
    'vpc-template',
    'prerequisites-template',
    'tags',
    'fail-on-destructive',
    'allow-destructive',
    'allow-failed-prechecks',
    'termination-protection',
    'recreate-failed-stack',
    'timeout-minutes',
    'environment-timeout-minutes',
    // The environment is read by its name and its stack's outputs, not from these.
    'environment-template',
    'airflow-version',
    'environment-class',
    'min-workers',
    'max-workers',
    'schedulers',
    'webserver-access-mode',
    'log-levels',
    'weekly-maintenance-window-start',
    'airflow-configuration-options',
    'import-errors',
    'import-errors-wait-seconds',
    // Parameters of the templates, and what only a plan or a deploy does: drift detection and
    // the code sync (runMode skips the code stage in verify).
    'permissions-boundary',
    'drift-timeout-seconds',
    'dags-path',
    'requirements-path',
    'startup-script-path',
    'plugins-path',
    'dag-s3-path',
    'dag-deletion-limit',
  ],
};

/** The inputs a command reads, in action.yml's order (`mode` is the command itself). */
export function inputsOf(command: Command): readonly InputName[] {
  if (command === 'render') return ['mask-aws-account-id'];
  if (command === 'help') return [];
  const unused = new Set<InputName>(['mode', ...ACTION_ONLY, ...NOT_USED[command]]);
  return INPUT_NAMES.filter((name) => !unused.has(name));
}

/** The command's own options (not inputs), with the text the help shows. */
export function optionsOf(command: Command | undefined): readonly (readonly [string, string])[] {
  const json: readonly [string, string] = [
    '--json',
    'the result as JSON on stdout (progress goes to stderr)',
  ];
  switch (command) {
    case 'plan':
      return [
        [
          '--offline',
          'from the templates alone, without AWS (example values fill environment-name and aws-region)',
        ],
        json,
      ];
    case 'deploy':
    case 'verify':
      return [json];
    case 'render':
      return [
        [
          '--plan-file <path>',
          'the JSON plan the action (plan-file output) or `plan --json` wrote',
        ],
        [
          '--format <format>',
          'text (default), markdown (the job summary), comment (the PR comment) or json',
        ],
        json,
      ];
    default:
      return [];
  }
}

/** Why an input is not a flag of this command, or undefined when it is one. */
export function unusedReason(command: Command, input: InputName): string | undefined {
  if (inputsOf(command).includes(input)) return undefined;
  const why = ACTION_ONLY_WHY[input];
  if (why !== undefined) return `--${input} only applies to the GitHub Action (${why})`;
  const users = (['plan', 'deploy', 'verify', 'render'] as const).filter((c) =>
    inputsOf(c).includes(input),
  );
  return `--${input} does nothing in '${command}' (it is used by ${users.join(', ')})`;
}
