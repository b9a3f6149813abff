/**
 * Inputs → one validated, deep-frozen Settings. The only module that knows the inputs' names.
 * It takes a reader instead of calling @actions/core, so the action, the CLI, the library and
 * the tests all feed it the same way.
 */
import { parseBucketName } from './bucket-name.js';
import { INPUT_DEFAULTS } from './defaults.js';
import type { InputName } from './defaults.js';
import { parseKmsKey } from './kms-key.js';
import {
  parseAudience,
  parseEnvironmentName,
  parseRegion,
  parseRoleArn,
  parseSessionName,
} from './names.js';
import { readCode } from './code.js';
import { readNetwork } from './network.js';
import { readDeployEnvironment } from './environment.js';
import { withEnvironment } from './environment-stack.js';
import { parsePrecheckAllowList } from './prechecks.js';
import { ProblemCollector, fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';
import { parseAllowList, parseBoolean, parseEnum, parseInteger } from './scalars.js';
import { readStacks } from './stack-names.js';
import { parseTags } from './tags.js';
import type { CommentPolicy, CredentialSettings, KeyMode, Mode, Settings } from './types.js';

/** Returns an input's raw value by its action.yml name; '' or undefined when unset. */
export type InputReader = (name: string) => string | undefined;

/** Environment variables, as in `process.env`. */
export type Environment = Readonly<Record<string, string | undefined>>;

const MODES: readonly Mode[] = ['plan', 'deploy', 'verify'];
const KEY_MODES: readonly KeyMode[] = ['aws-owned', 'customer-managed'];
const COMMENT_POLICIES: readonly CommentPolicy[] = ['always', 'on-change', 'never'];

/** STS's AssumeRoleWithWebIdentity DurationSeconds range. */
const SESSION_SECONDS = { min: 900, max: 43200 } as const;
/** Up to 12 hours of waiting for one stack operation. */
const TIMEOUT_MINUTES = { min: 1, max: 720 } as const;
/** Drift detection takes about a minute on real stacks; a plan must not hang on it. */
const DRIFT_TIMEOUT_SECONDS = { min: 0, max: 900 } as const;

/** The AWS SDK's own Region variables, in the order the SDK reads them. */
const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'] as const;

/**
 * Reads, checks and freezes every input. Unset or blank inputs take {@link INPUT_DEFAULTS};
 * values are trimmed; `aws-region` falls back to AWS_REGION, then AWS_DEFAULT_REGION in `env`.
 * Every problem of every input is collected first, then thrown together as one SettingsError,
 * so a user fixes their workflow in one round.
 * @throws SettingsError listing every invalid or missing input.
 */
export function loadSettings(input: InputReader, env: Environment = process.env): Settings {
  const problems = new ProblemCollector();
  const read = (name: InputName): string => {
    const value = (input(name) ?? '').trim();
    return value === '' ? INPUT_DEFAULTS[name] : value;
  };

  // Read in action.yml's order, so the problems are listed in that order too.
  const mode = problems.take('mode', parseEnum(read('mode'), MODES));
  const environmentName = readEnvironmentName(read('environment-name'), problems);
  const region = readRegion(read('aws-region'), env, problems);
  const credentials = readCredentials(read, problems);
  const keyMode = problems.take('key-mode', parseEnum(read('key-mode'), KEY_MODES));
  const bucketName = read('bucket-name');
  const boundary = read('permissions-boundary');
  const githubToken = read('github-token');
  // A token is one word; anything else would end up in an HTTP header (and its error message).
  // The value itself is never quoted: it is a secret.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(githubToken)) {
    problems.invalid(
      'github-token',
      'the token contains spaces, line breaks or control characters (its value is not shown); pass the token alone, e.g. github-token: ${{ secrets.GITHUB_TOKEN }}',
    );
  }

  const stacks = readStacks(read, environmentName, problems);
  // The environment inputs are checked even when deploy-environment is off: a typo there is
  // still a mistake in the workflow, better found now than when the environment is turned on.
  const deployEnvironment = readDeployEnvironment(read, problems);
  const checkedEnvironment = withEnvironment(read, environmentName, stacks, problems);
  const environment = deployEnvironment ? checkedEnvironment : undefined;

  const settings = {
    mode,
    environmentName,
    region,
    credentials,
    keyMode,
    kmsKey: problems.take('kms-key', parseKmsKey(read('kms-key'), { keyMode, region })),
    network: readNetwork(read, problems),
    ...(bucketName !== '' && {
      bucketName: problems.take('bucket-name', parseBucketName(bucketName)),
    }),
    stacks: environment && stacks ? { ...stacks, environment: environment.stack } : stacks,
    ...(environment && { environment: environment.settings }),
    ...(boundary !== '' && {
      permissionsBoundary: problems.take('permissions-boundary', parseBoundaryArn(boundary)),
    }),
    tags: problems.take('tags', parseTags(read('tags'))),
    comment: problems.take('comment', parseEnum(read('comment'), COMMENT_POLICIES)),
    ...(githubToken !== '' && { githubToken }),
    failOnDestructive: problems.take(
      'fail-on-destructive',
      parseBoolean(read('fail-on-destructive')),
    ),
    allowDestructive: problems.take('allow-destructive', parseAllowList(read('allow-destructive'))),
    allowFailedPrechecks: problems.take(
      'allow-failed-prechecks',
      parsePrecheckAllowList(read('allow-failed-prechecks')),
    ),
    terminationProtection: problems.take(
      'termination-protection',
      parseBoolean(read('termination-protection')),
    ),
    recreateFailedStack: problems.take(
      'recreate-failed-stack',
      parseBoolean(read('recreate-failed-stack')),
    ),
    requireReviewedPlan: problems.take(
      'require-reviewed-plan',
      parseBoolean(read('require-reviewed-plan')),
    ),
    maskAccountId: problems.take('mask-aws-account-id', parseBoolean(read('mask-aws-account-id'))),
    timeoutMinutes: problems.take(
      'timeout-minutes',
      parseInteger(read('timeout-minutes'), TIMEOUT_MINUTES.min, TIMEOUT_MINUTES.max, 'minutes'),
    ),
    environmentTimeoutMinutes: problems.take(
      'environment-timeout-minutes',
      parseInteger(
        read('environment-timeout-minutes'),
        TIMEOUT_MINUTES.min,
        TIMEOUT_MINUTES.max,
        'minutes',
      ),
    ),
    driftTimeoutSeconds: problems.take(
      'drift-timeout-seconds',
      parseInteger(
        read('drift-timeout-seconds'),
        DRIFT_TIMEOUT_SECONDS.min,
        DRIFT_TIMEOUT_SECONDS.max,
        'seconds',
      ),
    ),
  };
  const code = readCode(read, env, problems);
  problems.throwIfAny();
  // Sound: every field left undefined above recorded a problem, and throwIfAny threw.
  return deepFreeze({ ...settings, ...(code && { code }) } as Settings);
}

/** An {@link InputReader} over a plain record, e.g. {@link DEFAULT_DEMO_INPUTS} or parsed CLI flags. */
export function inputsFrom(values: Readonly<Record<string, string | undefined>>): InputReader {
  return (name) => (Object.hasOwn(values, name) ? values[name] : undefined);
}

function readEnvironmentName(value: string, problems: ProblemCollector): string | undefined {
  if (value === '') {
    problems.missing(
      'environment-name',
      "give the MWAA environment's name (a letter, then letters, digits, '-' or '_'; at most 80 characters), e.g. environment-name: my-airflow",
    );
    return undefined;
  }
  return problems.take('environment-name', parseEnvironmentName(value));
}

function readRegion(
  value: string,
  env: Environment,
  problems: ProblemCollector,
): string | undefined {
  if (value !== '') return problems.take('aws-region', parseRegion(value));
  for (const variable of REGION_VARIABLES) {
    const fromEnv = env[variable]?.trim() ?? '';
    if (fromEnv !== '')
      return problems.take('aws-region', parseRegion(fromEnv, ` (from ${variable})`));
  }
  problems.missing(
    'aws-region',
    'set the aws-region input (e.g. aws-region: eu-west-1), or AWS_REGION or AWS_DEFAULT_REGION in the environment',
  );
  return undefined;
}

function readCredentials(
  read: (name: InputName) => string,
  problems: ProblemCollector,
): Partial<CredentialSettings> {
  const role = read('role-to-assume');
  return {
    ...(role !== '' && { roleToAssume: problems.take('role-to-assume', parseRoleArn(role)) }),
    roleSessionName: problems.take(
      'role-session-name',
      parseSessionName(read('role-session-name')),
    ),
    roleDurationSeconds: problems.take(
      'role-duration-seconds',
      parseInteger(
        read('role-duration-seconds'),
        SESSION_SECONDS.min,
        SESSION_SECONDS.max,
        'seconds',
      ),
    ),
    audience: problems.take('audience', parseAudience(read('audience'))),
  };
}

/** Freezes an object and everything reachable from it, so no stage can change the settings. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A managed policy ARN, as IAM's PermissionsBoundary takes it (and the template's pattern). */
function parseBoundaryArn(value: string): Parsed<string> {
  return /^arn:aws[a-z-]*:iam::\d{12}:policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/.test(value)
    ? ok(value)
    : fail(
        `${quote(value)} is not an IAM managed policy ARN; give the ExecutionRoleBoundaryArn output of templates/github-oidc-roles.yaml, e.g. arn:aws:iam::123456789012:policy/NAME`,
      );
}
