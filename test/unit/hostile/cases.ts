/**
 * The hostile-input matrix: for every input of action.yml, a value per category (empty,
 * malformed, out of range, wrong type, and the injection payloads), and what must become of it:
 * rejected by loadSettings with a problem naming the input, left to its documented default, or
 * accepted as-is because the input is legitimately free text (with the reason). Shared by the
 * unit matrix (inputs.test.ts) and the end-to-end runs of the bundled action
 * (test/e2e/hostile-inputs.test.ts).
 */
import { normalize } from 'node:path';
import type { CodePathInput } from '../../../src/settings/code.js';
import type { Settings } from '../../../src/settings/index.js';

/** The categories, in the order of the table in docs/FAULTS.md. */
export const CATEGORIES = [
  'empty',
  'malformed',
  'out-of-range',
  'wrong-type',
  'newline-command',
  'percent-command',
  'crlf',
  'html',
  'pipe',
  'backticks',
  'mention',
  'long',
  'bidi',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The categories whose value is a valid base value with a payload appended. */
export const INJECTIONS = CATEGORIES.slice(4) as readonly Category[];

/** Column headings of the count table. */
export const HEADINGS: Readonly<Record<Category, string>> = {
  empty: 'empty',
  malformed: 'malformed',
  'out-of-range': 'range',
  'wrong-type': 'type',
  'newline-command': '`\\n::set-output`',
  'percent-command': '`%0A::error::`',
  crlf: '`\\r\\n::warning::`',
  html: '`<script>`',
  // Escaped: a bare pipe, even in a code span, would split the table's cell.
  pipe: '`\\|`',
  backticks: 'backticks',
  mention: '`@org/team`',
  long: '10k chars',
  bidi: 'bidi `U+202E`',
};

/**
 * The payloads appended to a valid value (the first four categories have none). Each carries a workflow command that would take
 * effect if the value ever started a log line: the scans look for exactly these.
 */
export const PAYLOADS: Readonly<Record<Category, string>> = {
  empty: '',
  malformed: '',
  'out-of-range': '',
  'wrong-type': '',
  'newline-command': '\n::set-output name=x::y',
  'percent-command': '%0A::error::boom',
  crlf: '\r\n::warning::crlf',
  html: '<script>alert(1)</script>',
  pipe: '|x|y|',
  backticks: '`whoami`',
  mention: '@org/team',
  long: 'x'.repeat(10_000),
  bidi: '\u202Egnp.exe',
};

/** The commands the payloads try to smuggle into the log (text after the leading `::`). */
export const INJECTED_COMMANDS = [
  'set-output',
  'error::boom',
  'warning::crlf',
  'stop-commands',
] as const;

/** What must become of one value. */
export type Expectation =
  | { readonly outcome: 'rejected' }
  | { readonly outcome: 'default' }
  | { readonly outcome: 'accepted'; readonly why: string }
  /** A product bug: it should be rejected, but is accepted. The test is `it.failing`. */
  | { readonly outcome: 'rejected'; readonly bug: string; readonly why: string };

export interface InputSpec {
  /** A valid value; the injection categories append their payload to it. */
  readonly base: string;
  /** The setting the input becomes. */
  readonly pick: (settings: Settings) => unknown;
  /** What `pick` gives for an accepted value; default: the value, trimmed. */
  readonly kept?: (value: string) => unknown;
  /** What `pick` gives when the input is empty. */
  readonly defaultValue?: unknown;
  /** The values of the input-specific categories. */
  readonly malformed: string;
  readonly outOfRange: string;
  readonly wrongType: string;
  /** Overrides of the generic payload (e.g. digits for a number's 10k case). */
  readonly values?: Partial<Record<Category, string>>;
  /** Outcomes other than `rejected` (and `default` for empty). */
  readonly expect?: Partial<Record<Category, Expectation>>;
  /** The input has no default: empty is rejected as missing. */
  readonly required?: boolean;
}

const REJECTED: Expectation = { outcome: 'rejected' };
const accepted = (why: string): Expectation => ({ outcome: 'accepted', why });

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

/** Inputs every case starts from: valid, so a problem can only come from the input under test. */
export const BASE_INPUTS: Readonly<Record<string, string>> = {
  'environment-name': 'orders',
  'aws-region': 'us-east-1',
  // So that kms-key is judged on its own form, not on contradicting key-mode.
  'key-mode': 'customer-managed',
  // So that the environment inputs become settings the cases can read back.
  'deploy-environment': 'true',
  // So that the code settings exist and dag-s3-path and dag-deletion-limit are kept.
  'dags-path': 'dags',
};

const boolean = (pick: (s: Settings) => boolean, defaultValue: boolean): InputSpec => ({
  base: 'true',
  pick,
  defaultValue,
  malformed: 'ture',
  outOfRange: '2',
  wrongType: 'yes',
});

const PATH_WHY =
  'a file path, and any character but NUL is legal in one; loadSettings keeps it, and the file is read before any AWS call (an unreadable path fails the step there, see hostile-inputs.test.ts); the plan shows it escaped';
const template = (pick: (s: Settings) => unknown, base: string): InputSpec => ({
  base,
  pick,
  defaultValue: undefined,
  malformed: 'templates/does-not-exist.yaml',
  outOfRange: `templates/${'deep/'.repeat(1000)}vpc.yaml`,
  wrongType: 'templates/',
  expect: Object.fromEntries(
    CATEGORIES.filter((c) => c !== 'empty').map((c) => [c, accepted(PATH_WHY)]),
  ),
});

const cidr = (pick: (s: Settings) => string, base: string, outOfRange: string): InputSpec => ({
  base,
  pick,
  defaultValue: base,
  malformed: base.replace(/\.0\//, '/'),
  outOfRange,
  wrongType: 'true',
});

const AUDIENCE_WHY =
  "the OIDC `aud` claim is free text (IAM client IDs have no pattern); it is sent URL-encoded to the runner's token service and never printed";
const TOKEN_WHY =
  "a secret: its form is GitHub's (classic, fine-grained and installation tokens differ); it only goes into the Authorization header and is scrubbed from the plan";
const TAGS_COMMAND_WHY =
  'the second line is a legal tag (key `::set-output name`, value `x::y`): AWS tags allow `:`, `=` and spaces; tags go to CloudFormation only and are never printed';
const TAGS_MENTION_WHY =
  'AWS tags allow `@` and `/`; tags go to CloudFormation only and are never printed (a mention would be escaped anyway)';

const CODE_PATH_WHY =
  'a path inside the workspace, where `%`, `<`, `|`, backticks and `@` are legal in file names; loadSettings keeps it (controls, bidi overrides and escapes from the workspace are refused), src/code/ checks it on disk before any AWS call writes, and the plan shows it escaped';
const codePath = (input: CodePathInput, base: string): InputSpec => ({
  base,
  pick: (s) => s.code?.paths[input],
  kept: (value) => normalize(value.trim()),
  defaultValue: undefined,
  malformed: '../outside',
  outOfRange: '/etc',
  wrongType: '../../..',
  expect: Object.fromEntries(
    (['percent-command', 'html', 'pipe', 'backticks', 'mention', 'long'] as const).map((c) => [
      c,
      accepted(CODE_PATH_WHY),
    ]),
  ),
});
const KEY_PREFIX_WHY =
  'S3 keys may hold `%`, `:`, `<`, `|`, backticks and `@`; the prefix only names objects of this bucket, and the plan shows it escaped';

/** Every input of action.yml; the test fails when action.yml has one this table lacks. */
const CONFIG_VALUE_WHY =
  "an Airflow option's value is any printable ASCII (MWAA's ConfigValue pattern); it goes into the environment template as JSON and is never printed";

export const INPUTS: Readonly<Record<string, InputSpec>> = {
  mode: {
    base: 'plan',
    pick: (s) => s.mode,
    defaultValue: 'plan',
    malformed: 'Plan',
    outOfRange: 'destroy',
    wrongType: '1',
  },
  'environment-name': {
    base: 'orders',
    pick: (s) => s.environmentName,
    required: true,
    malformed: 'my env',
    outOfRange: 'a'.repeat(81),
    wrongType: '42',
  },
  'aws-region': {
    base: 'us-east-1',
    pick: (s) => s.region,
    required: true,
    malformed: 'US-EAST-1',
    outOfRange: 'us-east-100',
    wrongType: 'true',
  },
  'role-to-assume': {
    base: 'arn:aws:iam::123456789012:role/mwaa',
    pick: (s) => s.credentials.roleToAssume,
    defaultValue: undefined,
    malformed: 'arn:aws:iam:123456789012:role/mwaa',
    outOfRange: `arn:aws:iam::123456789012:role/${'r'.repeat(65)}`,
    wrongType: 'mwaa-deploy-role',
    expect: {
      mention: accepted(
        'a valid role ARN: path `/mwaa@org/`, role name `team` (IAM names allow `@`); printed only in the log, as plain text',
      ),
    },
  },
  'role-session-name': {
    base: 'mwaa-deploy',
    pick: (s) => s.credentials.roleSessionName,
    defaultValue: 'mwaa-deploy',
    malformed: 'my session',
    outOfRange: 'a',
    wrongType: '{"name":"x"}',
  },
  'role-duration-seconds': {
    base: '3600',
    pick: (s) => s.credentials.roleDurationSeconds,
    defaultValue: 3600,
    malformed: '1h',
    outOfRange: '43201',
    wrongType: 'true',
    values: { long: '9'.repeat(10_000) },
  },
  audience: {
    base: 'sts.amazonaws.com',
    pick: (s) => s.credentials.audience,
    defaultValue: 'sts.amazonaws.com',
    malformed: 'sts amazonaws com',
    outOfRange: 'a'.repeat(256),
    wrongType: '42',
    expect: {
      'out-of-range': { outcome: 'rejected' },
      'wrong-type': accepted(AUDIENCE_WHY),
      'percent-command': accepted(AUDIENCE_WHY),
      html: accepted(AUDIENCE_WHY),
      pipe: accepted(AUDIENCE_WHY),
      backticks: accepted(AUDIENCE_WHY),
      mention: accepted(AUDIENCE_WHY),
      long: { outcome: 'rejected' },
      bidi: accepted(AUDIENCE_WHY),
    },
  },
  'key-mode': {
    base: 'aws-owned',
    pick: (s) => s.keyMode,
    defaultValue: 'aws-owned',
    malformed: 'Customer-Managed',
    outOfRange: 'customer-provided',
    wrongType: 'true',
  },
  'kms-key': {
    base: KEY_ID,
    pick: (s) => s.kmsKey,
    defaultValue: { source: 'create' },
    malformed: 'not-a-key',
    outOfRange: `arn:aws:kms:eu-west-1:123456789012:key/${KEY_ID}`,
    wrongType: 'alias/mwaa',
  },
  'vpc-cidr': cidr((s) => s.network.vpcCidr, '10.192.0.0/16', '10.192.0.0/8'),
  'public-subnet-1-cidr': cidr(
    (s) => s.network.publicSubnet1Cidr,
    '10.192.10.0/24',
    '10.200.10.0/24',
  ),
  'public-subnet-2-cidr': cidr(
    (s) => s.network.publicSubnet2Cidr,
    '10.192.11.0/24',
    '10.192.11.0/29',
  ),
  'private-subnet-1-cidr': cidr(
    (s) => s.network.privateSubnet1Cidr,
    '10.192.20.0/24',
    '10.192.0.0/15',
  ),
  'private-subnet-2-cidr': cidr(
    (s) => s.network.privateSubnet2Cidr,
    '10.192.21.0/24',
    '10.192.256.0/24',
  ),
  'bucket-name': {
    base: 'orders-dags',
    pick: (s) => s.bucketName,
    defaultValue: undefined,
    malformed: 'Orders_Dags',
    outOfRange: 'ab',
    wrongType: '192.168.10.20',
  },
  'vpc-stack-name': {
    base: 'orders-net',
    pick: (s) => s.stacks.vpc.name,
    defaultValue: 'orders-vpc',
    malformed: 'orders_net',
    outOfRange: 'a'.repeat(129),
    wrongType: '1234',
  },
  'prerequisites-stack-name': {
    base: 'orders-prereq',
    pick: (s) => s.stacks.prerequisites.name,
    defaultValue: 'orders-mwaa-prerequisites',
    malformed: 'orders prereq',
    outOfRange: 'a'.repeat(129),
    wrongType: '{"name": "x"}',
  },
  'vpc-template': template((s) => s.stacks.vpc.templatePath, 'templates/vpc.yaml'),
  'prerequisites-template': template(
    (s) => s.stacks.prerequisites.templatePath,
    'templates/mwaa-prerequisites.yaml',
  ),
  'permissions-boundary': {
    base: 'arn:aws:iam::123456789012:policy/mwaa-boundary',
    pick: (s) => s.permissionsBoundary,
    defaultValue: undefined,
    malformed: 'arn:aws:iam:123456789012:policy/mwaa-boundary',
    outOfRange: `arn:aws:iam::123456789012:policy/${'p'.repeat(129)}`,
    wrongType: 'arn:aws:iam::123456789012:role/mwaa',
    expect: {
      mention: accepted(
        'a valid policy ARN: path `/mwaa-boundary@org/`, policy name `team` (IAM names allow `@`); a stack parameter, printed only in the log, as plain text',
      ),
    },
  },
  tags: {
    base: 'team=data',
    pick: (s) => s.tags,
    kept: (value) =>
      value
        .trim()
        .split('\n')
        .map((line) => {
          const at = line.indexOf('=');
          return { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
        }),
    defaultValue: [],
    malformed: 'team',
    outOfRange: Array.from({ length: 51 }, (_, i) => `t${i}=v`).join('\n'),
    wrongType: '{"team": ["data", "ml"]}',
    expect: {
      'newline-command': accepted(TAGS_COMMAND_WHY),
      mention: accepted(TAGS_MENTION_WHY),
    },
  },
  comment: {
    base: 'always',
    pick: (s) => s.comment,
    defaultValue: 'on-change',
    malformed: 'Always',
    outOfRange: 'sometimes',
    wrongType: 'true',
  },
  'github-token': {
    base: 'ghs_0123456789abcdef',
    pick: (s) => s.githubToken,
    defaultValue: undefined,
    malformed: 'ghs_ 0123',
    outOfRange: 'g',
    wrongType: '42',
    expect: Object.fromEntries(
      CATEGORIES.filter((c) => c !== 'empty').map((c): [Category, Expectation] => [
        c,
        c === 'newline-command' || c === 'crlf' || c === 'malformed'
          ? { outcome: 'rejected' }
          : accepted(TOKEN_WHY),
      ]),
    ),
  },
  'fail-on-destructive': boolean((s) => s.failOnDestructive, true),
  'allow-destructive': {
    base: 'Bucket',
    pick: (s) => s.allowDestructive,
    kept: (value) => [value.trim()],
    defaultValue: [],
    malformed: 'Bucket;Key',
    outOfRange: 'AWS::S3',
    wrongType: '{"Bucket": true}',
    expect: {
      long: accepted(
        'letters only, so a well-formed logical ID; one that names no resource allows nothing, and the list is never printed',
      ),
    },
  },
  'allow-failed-prechecks': {
    base: 'kms-key-policy',
    pick: (s) => s.allowFailedPrechecks,
    kept: (value) => [value.trim()],
    defaultValue: [],
    malformed: 'kms-key-policy;security-group',
    // A pre-check that reads a fact cannot be allowed.
    outOfRange: 'bucket-versioning',
    wrongType: '{"kms-key-policy": true}',
  },
  'termination-protection': boolean((s) => s.terminationProtection, true),
  'recreate-failed-stack': boolean((s) => s.recreateFailedStack, false),
  'require-reviewed-plan': boolean((s) => s.requireReviewedPlan, false),
  'mask-aws-account-id': boolean((s) => s.maskAccountId, false),
  'timeout-minutes': {
    base: '60',
    pick: (s) => s.timeoutMinutes,
    defaultValue: 60,
    malformed: '60m',
    outOfRange: '721',
    wrongType: 'false',
    values: { long: '9'.repeat(10_000) },
  },
  'environment-timeout-minutes': {
    base: '120',
    pick: (s) => s.environmentTimeoutMinutes,
    defaultValue: 120,
    malformed: '2h',
    outOfRange: '0',
    wrongType: 'true',
    values: { long: '9'.repeat(10_000) },
  },
  'drift-timeout-seconds': {
    base: '120',
    pick: (s) => s.driftTimeoutSeconds,
    defaultValue: 120,
    malformed: '120s',
    outOfRange: '901',
    wrongType: 'true',
    values: { long: '9'.repeat(10_000) },
  },
  'dags-path': codePath('dags-path', 'dags'),
  'requirements-path': codePath('requirements-path', 'requirements.txt'),
  'startup-script-path': codePath('startup-script-path', 'startup.sh'),
  'plugins-path': codePath('plugins-path', 'plugins'),
  'dag-s3-path': {
    base: 'dags',
    pick: (s) => s.code?.dagPrefix,
    kept: (value) => `${value.trim().replace(/^\/+|\/+$/g, '')}/`,
    defaultValue: 'dags/',
    malformed: 'dags/../x',
    // 1021 bytes with its '/': no room left for a file name within S3's 1024-byte keys.
    outOfRange: 'd'.repeat(1020),
    wrongType: '/',
    expect: Object.fromEntries(
      (['percent-command', 'html', 'pipe', 'backticks', 'mention'] as const).map((c) => [
        c,
        accepted(KEY_PREFIX_WHY),
      ]),
    ),
  },
  'dag-deletion-limit': {
    base: '50%',
    pick: (s) => s.code?.dagDeletionLimit,
    defaultValue: { kind: 'percent', value: 50 },
    malformed: 'half',
    outOfRange: '101%',
    wrongType: 'true',
  },
  'import-errors': {
    base: 'warn',
    pick: (s) => s.code?.importErrors,
    defaultValue: 'fail',
    malformed: 'Warn',
    outOfRange: 'sometimes',
    wrongType: 'true',
  },
  'import-errors-wait-seconds': {
    base: '30',
    pick: (s) => s.code?.importErrorsWaitSeconds,
    defaultValue: 90,
    malformed: '90s',
    outOfRange: '601',
    wrongType: 'true',
    values: { long: '9'.repeat(10_000) },
  },
  'deploy-environment': boolean((s) => s.environment !== undefined, false),
  'environment-stack-name': {
    base: 'orders-env',
    pick: (s) => s.stacks.environment?.name,
    defaultValue: 'orders-mwaa-environment',
    malformed: 'orders_env',
    outOfRange: 'e'.repeat(129),
    wrongType: '42',
  },
  'environment-template': template(
    (s) => s.stacks.environment?.templatePath,
    'templates/mwaa-environment.yaml',
  ),
  'airflow-version': {
    base: '2.10.3',
    pick: (s) => s.environment?.airflowVersion,
    defaultValue: undefined,
    malformed: '2.10.x',
    outOfRange: '2.0.2',
    wrongType: 'latest',
  },
  'environment-class': {
    base: 'mw1.medium',
    pick: (s) => s.environment?.environmentClass,
    defaultValue: 'mw1.small',
    malformed: 'MW1.medium',
    outOfRange: 'mw1.4xlarge',
    wrongType: '2',
  },
  'min-workers': {
    base: '2',
    pick: (s) => s.environment?.minWorkers,
    kept: Number,
    defaultValue: 1,
    malformed: '2w',
    outOfRange: '121',
    wrongType: 'true',
    values: { long: '9'.repeat(10_000) },
  },
  'max-workers': {
    base: '12',
    pick: (s) => s.environment?.maxWorkers,
    kept: Number,
    defaultValue: 10,
    malformed: '12w',
    outOfRange: '0',
    wrongType: 'many',
    values: { long: '9'.repeat(10_000) },
  },
  schedulers: {
    base: '3',
    pick: (s) => s.environment?.schedulers,
    kept: Number,
    defaultValue: 2,
    malformed: '3s',
    outOfRange: '6',
    wrongType: 'two',
    values: { long: '9'.repeat(10_000) },
  },
  'webserver-access-mode': {
    base: 'PUBLIC_ONLY',
    pick: (s) => s.environment?.webserverAccessMode,
    defaultValue: 'PRIVATE_ONLY',
    malformed: 'public_only',
    outOfRange: 'VPC_ONLY',
    wrongType: 'true',
  },
  'log-levels': {
    base: 'task=DEBUG',
    pick: (s) => s.environment?.logLevels.task,
    kept: () => 'DEBUG',
    defaultValue: 'INFO',
    malformed: 'task',
    outOfRange: 'task=TRACE',
    wrongType: 'task: [INFO]',
  },
  'weekly-maintenance-window-start': {
    base: 'SUN:03:30',
    pick: (s) => s.environment?.weeklyMaintenanceWindowStart,
    defaultValue: undefined,
    malformed: 'Sunday 03:30',
    outOfRange: 'SUN:25:00',
    wrongType: '42',
  },
  'airflow-configuration-options': {
    base: 'core.default_timezone=utc',
    pick: (s) => s.environment?.airflowConfigurationOptions,
    kept: (value) => ({
      'core.default_timezone': value.trim().slice('core.default_timezone='.length),
    }),
    defaultValue: {},
    malformed: 'core.default_timezone',
    outOfRange: `core.x=${'y'.repeat(65_537)}`,
    wrongType: '["core.default_timezone"]',
    expect: Object.fromEntries(
      (['percent-command', 'html', 'pipe', 'backticks', 'mention', 'long'] as const).map(
        (c): [Category, Expectation] => [c, accepted(CONFIG_VALUE_WHY)],
      ),
    ),
  },
};

/** The value of one case. */
export function valueOf(input: string, category: Category): string {
  const spec = INPUTS[input];
  if (!spec) throw new Error(`no cases for input ${input}`);
  const override = spec.values?.[category];
  if (override !== undefined) return override;
  switch (category) {
    case 'empty':
      return '';
    case 'malformed':
      return spec.malformed;
    case 'out-of-range':
      return spec.outOfRange;
    case 'wrong-type':
      return spec.wrongType;
    default:
      return spec.base + PAYLOADS[category];
  }
}

/** What must become of one case. */
export function expectationOf(input: string, category: Category): Expectation {
  const spec = INPUTS[input];
  if (!spec) throw new Error(`no cases for input ${input}`);
  if (category === 'empty') return spec.required ? REJECTED : { outcome: 'default' };
  return spec.expect?.[category] ?? REJECTED;
}

/** The inputs whose value of this category must be rejected (bugs excluded: they are accepted). */
export function rejectingInputs(category: Category): string[] {
  return Object.keys(INPUTS).filter((input) => {
    const e = expectationOf(input, category);
    return e.outcome === 'rejected' && !('bug' in e);
  });
}
