import { parseBucketName } from '../../../src/settings/bucket-name.js';
import { SettingsError, inputsFrom, loadSettings } from '../../../src/settings/index.js';
import {
  deriveStackNames,
  knownPartitionOf,
  parseEnvironmentName,
  parseRegion,
  parseRoleArn,
  parseSessionName,
  parseStackName,
} from '../../../src/settings/names.js';

function settingsWith(overrides: Record<string, string>) {
  return loadSettings(
    inputsFrom({ 'environment-name': 'mwaa-demo', 'aws-region': 'us-east-1', ...overrides }),
    {},
  );
}

function problemsWith(overrides: Record<string, string>): string[] {
  try {
    settingsWith(overrides);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('environment name', () => {
  it.each(['a', 'MyAirflow', 'my_env-2', `a${'b'.repeat(79)}`])('accepts %s', (name) => {
    expect(parseEnvironmentName(name).ok).toBe(true);
  });

  it.each(['1env', '-env', '_env', 'my env', 'my.env', 'café', `a${'b'.repeat(80)}`])(
    'rejects %s',
    (name) => {
      const [message] = problemsWith({ 'environment-name': name });
      expect(message).toMatch(/^Invalid input 'environment-name': '/);
      expect(message).toContain(
        "(a letter, then letters, digits, '-' or '_'; at most 80 characters)",
      );
    },
  );

  it('with an underscore gives stack names with a hyphen, which CloudFormation accepts', () => {
    const settings = settingsWith({ 'environment-name': 'data_team_prod' });
    expect(settings.environmentName).toBe('data_team_prod');
    expect(settings.stacks.vpc.name).toBe('data-team-prod-vpc');
    expect(settings.stacks.prerequisites.name).toBe('data-team-prod-mwaa-prerequisites');
    expect(parseStackName(settings.stacks.vpc.name).ok).toBe(true);
    expect(parseStackName(settings.stacks.prerequisites.name).ok).toBe(true);
  });

  it('at its longest still gives valid stack names', () => {
    const names = deriveStackNames(`a${'_'.repeat(79)}`);
    expect(parseStackName(names.vpc).ok).toBe(true);
    expect(parseStackName(names.prerequisites).ok).toBe(true);
  });
});

describe('stack names', () => {
  it('uses valid overrides', () => {
    const settings = settingsWith({ 'vpc-stack-name': 'net', 'prerequisites-stack-name': 'Pre-2' });
    expect(settings.stacks).toEqual({ vpc: { name: 'net' }, prerequisites: { name: 'Pre-2' } });
  });

  it.each(['my_stack', '1stack', 'stack.name', `s${'t'.repeat(128)}`])(
    'rejects the override %s',
    (name) => {
      const [message] = problemsWith({ 'vpc-stack-name': name });
      expect(message).toMatch(/^Invalid input 'vpc-stack-name': '/);
      expect(message).toContain("(a letter, then letters, digits or '-'; at most 128 characters)");
    },
  );

  it('rejects two stacks with the same name, blaming the input that was set', () => {
    expect(problemsWith({ 'vpc-stack-name': 'net', 'prerequisites-stack-name': 'NET' })).toEqual([
      "Invalid input 'prerequisites-stack-name': 'NET' is also the VPC stack's name; the two stacks need different names.",
    ]);
    expect(problemsWith({ 'vpc-stack-name': 'mwaa-demo-mwaa-prerequisites' })).toEqual([
      "Invalid input 'vpc-stack-name': 'mwaa-demo-mwaa-prerequisites' is also the prerequisite stack's name; the two stacks need different names.",
    ]);
  });
});

describe('bucket name', () => {
  it.each(['my-dags', 'abc', 'a.b.c', '1bucket9', 'a'.repeat(63), 'airflow-my-env'])(
    'accepts %s',
    (name) => {
      expect(parseBucketName(name)).toEqual({ ok: true, value: name });
      expect(settingsWith({ 'bucket-name': name }).bucketName).toBe(name);
    },
  );

  it.each([
    ['ab', 'is 2 characters long; a bucket name has 3 to 63'],
    ['a'.repeat(64), 'is 64 characters long; a bucket name has 3 to 63'],
    [
      'My-Bucket',
      "contains 'M', 'B'; a bucket name has only lowercase letters, digits, '.' and '-'",
    ],
    ['my_bucket', "contains '_'"],
    ['-bucket', 'must start and end with a lowercase letter or digit'],
    ['bucket.', 'must start and end with a lowercase letter or digit'],
    ['my..bucket', "contains '..'; a bucket name must not have two adjacent periods"],
    ['192.168.5.4', 'is formatted like an IP address'],
    ['xn--bucket', "starts with 'xn--', a prefix S3 reserves"],
    ['sthree-bucket', "starts with 'sthree-'"],
    ['amzn-s3-demo-bucket', "starts with 'amzn-s3-demo-'"],
    ['bucket-s3alias', "ends with '-s3alias', a suffix S3 reserves"],
    ['bucket--ol-s3', "ends with '--ol-s3'"],
    ['bucket.mrap', "ends with '.mrap'"],
    ['bucket--x-s3', "ends with '--x-s3'"],
    ['bucket--table-s3', "ends with '--table-s3'"],
  ])('rejects %s', (name, reason) => {
    const messages = problemsWith({ 'bucket-name': name });
    const prefix = `Invalid input 'bucket-name': '${name}' ${reason}`;
    expect(messages.filter((m) => m.startsWith(prefix))).toHaveLength(1);
  });
});

describe('Region', () => {
  it.each([
    'us-east-1',
    'eu-central-2',
    'us-gov-west-1',
    'cn-north-1',
    'ap-southeast-5',
    'il-central-1',
    'mx-central-1',
    'us-isob-east-1',
    'eusc-de-east-1',
  ])('accepts %s', (region) => {
    expect(parseRegion(region).ok).toBe(true);
  });

  it.each(['US-EAST-1', 'us-east', 'useast1', 'us-east-1a', 'eu_west_1', 'global'])(
    'rejects %s',
    (region) => {
      expect(problemsWith({ 'aws-region': region })).toEqual([
        `Invalid input 'aws-region': '${region}' is not an AWS Region name; expected lowercase like eu-west-1 or us-gov-west-1.`,
      ]);
    },
  );

  it('knows the partition where the name tells it', () => {
    expect(knownPartitionOf('eu-west-1')).toBe('aws');
    expect(knownPartitionOf('cn-northwest-1')).toBe('aws-cn');
    expect(knownPartitionOf('us-gov-east-1')).toBe('aws-us-gov');
    expect(knownPartitionOf('us-isob-east-1')).toBeUndefined();
  });
});

describe('role, session and audience', () => {
  it.each([
    'arn:aws:iam::123456789012:role/deployer',
    'arn:aws-us-gov:iam::123456789012:role/ci/github/deployer',
    'arn:aws-cn:iam::123456789012:role/a+b=c,d.e@f-g_h',
  ])('accepts the role ARN %s', (arn) => {
    expect(parseRoleArn(arn).ok).toBe(true);
  });

  it.each([
    ['arn:aws:iam::12345678901:role/x', 'is not an IAM role ARN'],
    ['arn:aws:iam::123456789012:user/x', 'is not an IAM role ARN'],
    ['arn:aws:iam::123456789012:role/', 'is not an IAM role ARN'],
    ['arn:aws:sts::123456789012:assumed-role/x/session', "is an STS session ARN, not the role's"],
  ])('rejects the role ARN %s', (arn, reason) => {
    expect(problemsWith({ 'role-to-assume': arn })).toEqual([
      `Invalid input 'role-to-assume': '${arn}' ${reason}; expected an IAM role ARN like arn:aws:iam::123456789012:role/my-role.`,
    ]);
  });

  it('checks session names', () => {
    expect(parseSessionName('gh-123@repo').ok).toBe(true);
    expect(parseSessionName('a'.repeat(64)).ok).toBe(true);
    expect(parseSessionName('a'.repeat(65)).ok).toBe(false);
    expect(problemsWith({ 'role-session-name': 'my session' })[0]).toContain(
      "Invalid input 'role-session-name': 'my session' is not a role session name (2 to 64 characters",
    );
  });

  it('checks the audience', () => {
    expect(settingsWith({ audience: 'sts.amazonaws.com.cn' }).credentials.audience).toBe(
      'sts.amazonaws.com.cn',
    );
    expect(problemsWith({ audience: 'two words' })[0]).toContain(
      "Invalid input 'audience': 'two words' is not an OIDC audience",
    );
  });
});
