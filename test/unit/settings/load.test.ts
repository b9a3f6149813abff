import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import {
  DEFAULT_DEMO_INPUTS,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  SettingsError,
  inputsFrom,
  loadSettings,
} from '../../../src/settings/index.js';
import type { Settings } from '../../../src/settings/index.js';

const BASE = { 'environment-name': 'mwaa-demo', 'aws-region': 'us-east-1' };

function settingsWith(overrides: Record<string, string> = {}, env: Record<string, string> = {}) {
  return loadSettings(inputsFrom({ ...BASE, ...overrides }), env);
}

/** The messages of the SettingsError thrown for these inputs; fails the test if none is thrown. */
function problemsWith(overrides: Record<string, string>, env: Record<string, string> = {}) {
  try {
    settingsWith(overrides, env);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('loadSettings defaults', () => {
  const expected: Settings = {
    mode: 'plan',
    environmentName: 'mwaa-demo',
    region: 'us-east-1',
    credentials: {
      roleSessionName: 'mwaa-deploy',
      roleDurationSeconds: 3600,
      audience: 'sts.amazonaws.com',
    },
    keyMode: 'aws-owned',
    kmsKey: { source: 'none' },
    network: {
      vpcCidr: '10.192.0.0/16',
      publicSubnet1Cidr: '10.192.10.0/24',
      publicSubnet2Cidr: '10.192.11.0/24',
      privateSubnet1Cidr: '10.192.20.0/24',
      privateSubnet2Cidr: '10.192.21.0/24',
      derived: [
        'public-subnet-1-cidr',
        'public-subnet-2-cidr',
        'private-subnet-1-cidr',
        'private-subnet-2-cidr',
      ],
    },
    stacks: {
      vpc: { name: 'mwaa-demo-vpc' },
      prerequisites: { name: 'mwaa-demo-mwaa-prerequisites' },
    },
    tags: [],
    comment: 'on-change',
    failOnDestructive: true,
    allowDestructive: [],
    allowFailedPrechecks: [],
    terminationProtection: true,
    recreateFailedStack: false,
    requireReviewedPlan: false,
    maskAccountId: false,
    timeoutMinutes: 60,
    environmentTimeoutMinutes: 120,
    driftTimeoutSeconds: 120,
  };

  it('produces the expected settings from the demo inputs alone', () => {
    const settings = loadSettings(inputsFrom(DEFAULT_DEMO_INPUTS), {});
    expect(settings).toStrictEqual(expected);
  });

  it('treats blank and whitespace-only inputs as unset', () => {
    const blanks = Object.fromEntries(INPUT_NAMES.map((name) => [name, '  ']));
    expect(settingsWith({ ...blanks, ...BASE })).toStrictEqual(expected);
  });

  it('returns a deep-frozen object: assigning throws in strict mode', () => {
    const settings = settingsWith({ tags: 'Owner=data' });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(() => {
      (settings as { mode: string }).mode = 'deploy';
    }).toThrow(TypeError);
    expect(() => {
      (settings.network as { vpcCidr: string }).vpcCidr = '10.0.0.0/16';
    }).toThrow(TypeError);
    expect(() => {
      (settings.tags as unknown as unknown[]).push({ key: 'a', value: 'b' });
    }).toThrow(TypeError);
    expect(Object.isFrozen(settings.tags[0])).toBe(true);
    expect(Object.isFrozen(settings.stacks.vpc)).toBe(true);
  });

  it('matches the defaults declared in action.yml', () => {
    const action = load(readFileSync(new URL('../../../action.yml', import.meta.url), 'utf8')) as {
      inputs: Record<string, { default?: string; required?: boolean }>;
    };
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
    for (const name of INPUT_NAMES) {
      const declared = action.inputs[name]?.default ?? '';
      // The runner fills in github.token; the library has no token to default to.
      const want = name === 'github-token' ? '${{ github.token }}' : INPUT_DEFAULTS[name];
      expect([name, declared]).toEqual([name, want]);
    }
  });

  it('trims values and reads the optional inputs', () => {
    const settings = settingsWith({
      mode: ' deploy\n',
      'role-to-assume': 'arn:aws:iam::123456789012:role/ci/deployer',
      'github-token': ' ghs_abc ',
      'bucket-name': 'my-dags',
      'vpc-template': 'infra/vpc.yml',
      'allow-destructive': 'DagBucket, AWS::KMS::Key\nDagBucket',
      'role-duration-seconds': '900',
      'timeout-minutes': '720',
    });
    expect(settings.mode).toBe('deploy');
    expect(settings.credentials.roleToAssume).toBe('arn:aws:iam::123456789012:role/ci/deployer');
    expect(settings.githubToken).toBe('ghs_abc');
    expect(settings.bucketName).toBe('my-dags');
    expect(settings.stacks.vpc).toEqual({ name: 'mwaa-demo-vpc', templatePath: 'infra/vpc.yml' });
    expect(settings.allowDestructive).toEqual(['DagBucket', 'AWS::KMS::Key']);
    expect(settings.credentials.roleDurationSeconds).toBe(900);
    expect(settings.timeoutMinutes).toBe(720);
  });

  it('reads environment-timeout-minutes apart from timeout-minutes, and names it when invalid', () => {
    const settings = settingsWith({
      'timeout-minutes': '45',
      'environment-timeout-minutes': '150',
    });
    expect([settings.timeoutMinutes, settings.environmentTimeoutMinutes]).toEqual([45, 150]);
    expect(problemsWith({ 'environment-timeout-minutes': '721' })).toEqual([
      "Invalid input 'environment-timeout-minutes': '721' is out of range; expected a whole number of minutes from 1 to 720.",
    ]);
  });

  it('leaves github-token undefined when empty', () => {
    expect(settingsWith({ 'github-token': '' }).githubToken).toBeUndefined();
  });
});

describe('loadSettings Region', () => {
  const noRegion = { 'environment-name': 'mwaa-demo' };

  it('falls back to AWS_REGION, then AWS_DEFAULT_REGION', () => {
    const read = inputsFrom(noRegion);
    expect(
      loadSettings(read, { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' }).region,
    ).toBe('eu-west-1');
    expect(loadSettings(read, { AWS_DEFAULT_REGION: 'us-west-2' }).region).toBe('us-west-2');
    expect(
      loadSettings(inputsFrom({ ...noRegion, 'aws-region': 'cn-north-1' }), {
        AWS_REGION: 'eu-west-1',
      }).region,
    ).toBe('cn-north-1');
  });

  it('reports Missing input when neither the input nor an env var gives a Region', () => {
    expect(() => loadSettings(inputsFrom(noRegion), {})).toThrow(
      /^Missing input 'aws-region': set the aws-region input .*AWS_REGION/,
    );
  });

  it('names the env var a bad Region came from', () => {
    expect(() => loadSettings(inputsFrom(noRegion), { AWS_REGION: 'Europe' })).toThrow(
      "Invalid input 'aws-region': 'Europe' (from AWS_REGION) is not an AWS Region name",
    );
  });
});

describe('loadSettings problems', () => {
  it('reports Missing input for environment-name (and the Region) with no inputs at all', () => {
    const error = (() => {
      try {
        loadSettings(() => undefined, {});
      } catch (e) {
        return e as SettingsError;
      }
      throw new Error('expected a SettingsError');
    })();
    expect(error).toBeInstanceOf(SettingsError);
    expect(error.problems.map((p) => p.input)).toEqual(['environment-name', 'aws-region']);
    expect(error.message).toContain(
      "Missing input 'environment-name': give the MWAA environment's name",
    );
    expect(error.message).toContain("Missing input 'aws-region'");
  });

  it('collects every problem of every input into one throw, in action.yml order', () => {
    const messages = problemsWith({
      mode: 'apply',
      'environment-name': 'my env',
      'role-duration-seconds': '600',
      'kms-key': 'alias/mine',
      'private-subnet-2-cidr': '10.0.0/16',
      'bucket-name': 'My_Bucket',
      tags: 'aws:owner=x',
      'fail-on-destructive': 'yes',
      'timeout-minutes': '0',
    });
    expect(messages.map((m) => m.split(':')[0])).toEqual([
      "Invalid input 'mode'",
      "Invalid input 'environment-name'",
      "Invalid input 'role-duration-seconds'",
      "Invalid input 'kms-key'",
      "Invalid input 'kms-key'",
      "Invalid input 'private-subnet-2-cidr'",
      "Invalid input 'bucket-name'",
      "Invalid input 'bucket-name'",
      "Invalid input 'tags'",
      "Invalid input 'fail-on-destructive'",
      "Invalid input 'timeout-minutes'",
    ]);
    try {
      settingsWith({ mode: 'apply', 'timeout-minutes': '0' });
    } catch (error) {
      expect((error as Error).message.split('\n')).toEqual([
        '2 problems with the inputs:',
        "Invalid input 'mode': 'apply' is not one of 'plan', 'deploy', 'verify'.",
        "Invalid input 'timeout-minutes': '0' is out of range; expected a whole number of minutes from 1 to 720.",
      ]);
    }
    expect.assertions(2);
  });

  it('shows the exact environment-name message', () => {
    expect(problemsWith({ 'environment-name': 'my env' })).toEqual([
      "Invalid input 'environment-name': 'my env' does not match ^[a-zA-Z][0-9a-zA-Z\\-_]*$ (a letter, then letters, digits, '-' or '_'; at most 80 characters).",
    ]);
  });

  it('rejects an environment name longer than 80 characters', () => {
    const [message] = problemsWith({ 'environment-name': `a${'b'.repeat(80)}` });
    expect(message).toMatch(
      /^Invalid input 'environment-name': 'abbb.*' \(81 characters\) is 81 characters long .*at most 80 characters/,
    );
  });

  it('escapes newlines and workflow commands in values so they cannot start a log line', () => {
    const messages = problemsWith({
      'environment-name': 'x\n::set-output name=a::b',
      tags: 'k=v\n::error::boom',
      'role-session-name': 'a\u001b[31mred\u2028x',
    });
    expect(messages).toHaveLength(3);
    const unsafe = (c: string) => c.charCodeAt(0) < 0x20 || c === '\u2028';
    for (const message of messages) expect([...message].filter(unsafe)).toEqual([]);
    expect(messages[0]).toContain("'x\\n::set-output name=a::b'");
    expect(messages.join('\n')).toContain('a\\x1b[31mred\\u2028x');
    expect(messages.some((m) => m.startsWith('::'))).toBe(false);
  });

  it('rejects strict booleans other than true/false spellings, naming the input', () => {
    expect(problemsWith({ 'termination-protection': 'yes' })).toEqual([
      "Invalid input 'termination-protection': 'yes' is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE).",
    ]);
    expect(settingsWith({ 'recreate-failed-stack': 'TRUE' }).recreateFailedStack).toBe(true);
  });

  it('rejects session durations outside 900..43200', () => {
    expect(problemsWith({ 'role-duration-seconds': '899' })[0]).toContain(
      "Invalid input 'role-duration-seconds': '899' is out of range; expected a whole number of seconds from 900 to 43200",
    );
    expect(problemsWith({ 'role-duration-seconds': '43201' })[0]).toContain(
      "'43201' is out of range",
    );
    expect(problemsWith({ 'role-duration-seconds': '1h' })[0]).toContain(
      "'1h' is not a whole number",
    );
  });

  it('rejects a bad role ARN, session name and allow-destructive entry', () => {
    expect(problemsWith({ 'role-to-assume': 'deployer' })[0]).toContain(
      "Invalid input 'role-to-assume': 'deployer' is a role name, not an ARN; expected an IAM role ARN like arn:aws:iam::123456789012:role/my-role",
    );
    expect(problemsWith({ 'role-session-name': 'a' })[0]).toContain(
      "Invalid input 'role-session-name': 'a' is not a role session name",
    );
    expect(problemsWith({ 'allow-destructive': 'DagBucket, AWS::S3' })[0]).toContain(
      "Invalid input 'allow-destructive': 'AWS::S3' is neither a logical ID",
    );
  });
});
