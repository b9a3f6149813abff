/**
 * The inputs' defaults, duplicated from action.yml because the library and the CLI run without
 * it. A unit test compares this table with action.yml so the two cannot drift apart.
 */
export const INPUT_DEFAULTS = {
  mode: 'plan',
  // Required: no default. Listed so the table names every input.
  'environment-name': '',
  'aws-region': '',
  'role-to-assume': '',
  'role-session-name': 'mwaa-deploy',
  'role-duration-seconds': '3600',
  audience: 'sts.amazonaws.com',
  'key-mode': 'aws-owned',
  'kms-key': '',
  'vpc-cidr': '10.192.0.0/16',
  // Empty: derived from vpc-cidr (settings/subnet-layout.ts); the seed's values for the default.
  'public-subnet-1-cidr': '',
  'public-subnet-2-cidr': '',
  'private-subnet-1-cidr': '',
  'private-subnet-2-cidr': '',
  'bucket-name': '',
  'vpc-stack-name': '',
  'prerequisites-stack-name': '',
  'vpc-template': '',
  'prerequisites-template': '',
  'permissions-boundary': '',
  tags: '',
  comment: 'on-change',
  // action.yml defaults this to `${{ github.token }}`; outside Actions there is no token.
  'github-token': '',
  'fail-on-destructive': 'true',
  'allow-destructive': '',
  'allow-failed-prechecks': '',
  'termination-protection': 'true',
  'recreate-failed-stack': 'false',
  'require-reviewed-plan': 'false',
  'mask-aws-account-id': 'false',
  'timeout-minutes': '60',
  // The environment stack's own budget: a failed create and its rollback take 60 to 80 minutes.
  'environment-timeout-minutes': '120',
  'drift-timeout-seconds': '120',
  // Release-time code (src/settings/code.ts): all optional.
  'dags-path': '',
  'requirements-path': '',
  'startup-script-path': '',
  'plugins-path': '',
  'dag-s3-path': 'dags',
  'dag-deletion-limit': '50%',
  'import-errors': 'fail',
  'import-errors-wait-seconds': '90',
  'deploy-environment': 'false',
  'environment-stack-name': '',
  'environment-template': '',
  'airflow-version': '',
  'environment-class': 'mw1.small',
  'min-workers': '1',
  // Empty: 10, or 1 for mw1.micro (which does not scale its one worker).
  'max-workers': '',
  // Empty: 2, or 1 for mw1.micro (MWAA's own defaults).
  schedulers: '',
  'webserver-access-mode': 'PRIVATE_ONLY',
  'log-levels': '',
  'weekly-maintenance-window-start': '',
  'airflow-configuration-options': '',
} as const satisfies Readonly<Record<string, string>>;

/** The name of an input, exactly as action.yml spells it. */
export type InputName = keyof typeof INPUT_DEFAULTS;

/** Every input name, in action.yml order. */
export const INPUT_NAMES: readonly InputName[] = Object.freeze(
  Object.keys(INPUT_DEFAULTS) as InputName[],
);

/**
 * The inputs of the offline demo (`mwaa-deploy plan --offline`): the two inputs without a usable
 * default, everything else from {@link INPUT_DEFAULTS}.
 */
export const DEFAULT_DEMO_INPUTS: Readonly<Partial<Record<InputName, string>>> = Object.freeze({
  'environment-name': 'mwaa-demo',
  'aws-region': 'us-east-1',
});
