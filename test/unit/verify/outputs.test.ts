import { checkStackOutputs } from '../../../src/verify/index.js';
import type { VerifySettings } from '../../../src/verify/index.js';
import {
  ACCOUNT,
  AWS_OWNED_SETTINGS,
  BUCKET,
  CM_SETTINGS,
  KEY_ARN,
  KEY_ID,
  NO_INGRESS_SG,
  OUTPUTS,
  PRIVATE_1,
  PRIVATE_2,
  PUBLIC_1,
  PUBLIC_2,
  REGION,
  ROLE_ARN,
  SG,
  VPC,
} from './fakes.js';

const VPC_OUTPUTS: Record<string, string> = {
  VPC,
  PublicSubnets: `${PUBLIC_1},${PUBLIC_2}`,
  PrivateSubnets: `${PRIVATE_1},${PRIVATE_2}`,
  PublicSubnet1: PUBLIC_1,
  PublicSubnet2: PUBLIC_2,
  PrivateSubnet1: PRIVATE_1,
  PrivateSubnet2: PRIVATE_2,
  NoIngressSecurityGroup: NO_INGRESS_SG,
};

const PREREQ_OUTPUTS: Record<string, string> = {
  BucketName: BUCKET,
  BucketArn: `arn:aws:s3:::${BUCKET}`,
  ExecutionRoleArn: ROLE_ARN,
  ExecutionRoleName: 'ignored',
  KmsKeyArn: KEY_ARN,
  SecurityGroupId: SG,
  KeyMode: 'customer-managed-new',
};

const AWS_OWNED_PREREQ: Record<string, string | undefined> = {
  ...PREREQ_OUTPUTS,
  KmsKeyArn: undefined,
  KeyMode: 'aws-owned',
};

function check(
  vpc: Record<string, string | undefined> = {},
  prereq: Record<string, string | undefined> = {},
  settings: VerifySettings = CM_SETTINGS,
) {
  const strip = (o: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => e[1] !== undefined));
  return checkStackOutputs(
    strip({ ...VPC_OUTPUTS, ...vpc }),
    strip({ ...(settings.keyMode === 'aws-owned' ? AWS_OWNED_PREREQ : PREREQ_OUTPUTS), ...prereq }),
    settings,
  );
}

describe('checkStackOutputs', () => {
  it('builds the MWAA outputs from healthy customer-managed stacks', () => {
    expect(check()).toEqual({ outputs: OUTPUTS, problems: [] });
  });

  it('has no key ARN in AWS-owned mode', () => {
    const expected = { ...OUTPUTS };
    delete expected.kmsKeyArn;
    const result = check({}, {}, AWS_OWNED_SETTINGS);
    expect(result).toEqual({ outputs: expected, problems: [] });
    expect('kmsKeyArn' in (result.outputs ?? {})).toBe(false);
  });

  it('treats an empty KmsKeyArn as absent in AWS-owned mode', () => {
    expect(check({}, { KmsKeyArn: '' }, AWS_OWNED_SETTINGS).problems).toEqual([]);
  });

  it('flags a key ARN in AWS-owned mode', () => {
    const result = check({}, { KmsKeyArn: KEY_ARN }, AWS_OWNED_SETTINGS);
    expect(result.problems).toEqual([
      `prerequisite stack output KmsKeyArn is '${KEY_ARN}' but key-mode is 'aws-owned'; the stack was deployed with a customer managed key`,
    ]);
  });

  it('flags a missing key ARN in customer-managed mode, and gives no outputs', () => {
    const result = check({}, { KmsKeyArn: undefined });
    expect(result.outputs).toBeUndefined();
    expect(result.problems).toEqual(['prerequisite stack output KmsKeyArn is missing']);
  });

  it('names every missing output', () => {
    const result = checkStackOutputs({}, {}, CM_SETTINGS);
    expect(result.outputs).toBeUndefined();
    for (const key of ['VPC', 'PrivateSubnets', 'NoIngressSecurityGroup']) {
      expect(result.problems).toContain(`VPC stack output ${key} is missing`);
    }
    for (const key of [
      'BucketName',
      'BucketArn',
      'ExecutionRoleArn',
      'SecurityGroupId',
      'KmsKeyArn',
    ]) {
      expect(result.problems).toContain(`prerequisite stack output ${key} is missing`);
    }
  });

  it.each([
    ['VPC', 'vpc-123', 'a VPC ID like vpc-0123456789abcdef0'],
    ['PrivateSubnet1', 'sg-0123456789abcdef0', 'a subnet ID like subnet-0123456789abcdef0'],
    ['NoIngressSecurityGroup', 'no-ingress-sg', 'a security group ID like sg-0123456789abcdef0'],
  ])('flags a malformed VPC output %s', (key, value, expected) => {
    expect(check({ [key]: value }).problems[0]).toBe(
      `VPC stack output ${key} is '${value}'; expected ${expected}`,
    );
  });

  it.each([
    ['SecurityGroupId', 'group-1'],
    ['ExecutionRoleArn', `arn:aws:iam::${ACCOUNT}:user/someone`],
    ['ExecutionRoleArn', 'arn:aws:iam::12345:role/short-account'],
    ['KmsKeyArn', `arn:aws:kms:${REGION}:${ACCOUNT}:alias/mwaa`],
    ['BucketName', 'Not_A_Bucket'],
  ])('flags a malformed prerequisite output %s = %s', (key, value) => {
    const result = check({}, { [key]: value });
    expect(result.outputs).toBeUndefined();
    expect(result.problems[0]).toMatch(new RegExp(`^prerequisite stack output ${key} is '`));
  });

  it.each([`arn:aws:s3:::${BUCKET}/`, `arn:aws:s3:::${BUCKET}/dags`, 'arn:aws:s3:::other-bucket'])(
    'flags the bucket ARN %s',
    (arn) => {
      expect(check({}, { BucketArn: arn }).problems).toEqual([
        `prerequisite stack output BucketArn '${arn}' must be exactly arn:<partition>:s3:::${BUCKET} (no path, no trailing '/')`,
      ]);
    },
  );

  it('flags private subnets that are the same subnet', () => {
    const result = check({
      PrivateSubnet2: PRIVATE_1,
      PrivateSubnets: `${PRIVATE_1},${PRIVATE_1}`,
    });
    expect(result.problems).toContain(
      `VPC stack outputs PrivateSubnet1 and PrivateSubnet2 are the same subnet '${PRIVATE_1}'; MWAA needs two distinct private subnets`,
    );
    expect(result.problems).toContain(
      `VPC stack output PrivateSubnets lists the same subnet twice ('${PRIVATE_1},${PRIVATE_1}'); expected two distinct subnets`,
    );
  });

  it('flags a PrivateSubnets list that disagrees with PrivateSubnet1/2', () => {
    const result = check({ PrivateSubnets: `${PRIVATE_2},${PRIVATE_1}` });
    expect(result.problems).toEqual([
      `VPC stack output PrivateSubnets is '${PRIVATE_2},${PRIVATE_1}' but the single outputs give ${PRIVATE_1},${PRIVATE_2}`,
    ]);
  });

  it('flags a PrivateSubnets list that is not two subnets', () => {
    const result = check({ PrivateSubnets: `${PRIVATE_1},${PRIVATE_2},${PUBLIC_1}` });
    expect(result.problems[0]).toContain('expected two subnet IDs joined by a comma');
  });

  it('falls back to PrivateSubnets when the single outputs are missing', () => {
    const result = check({ PrivateSubnet1: undefined, PrivateSubnet2: undefined });
    expect(result.outputs?.privateSubnetIds).toEqual([PRIVATE_1, PRIVATE_2]);
    expect(result.problems).toEqual([
      'VPC stack output PrivateSubnet1 is missing',
      'VPC stack output PrivateSubnet2 is missing',
    ]);
  });

  it('flags a key ARN in another Region', () => {
    const arn = `arn:aws:kms:us-east-1:${ACCOUNT}:key/${KEY_ID}`;
    expect(check({}, { KmsKeyArn: arn }).problems).toEqual([
      `prerequisite stack output KmsKeyArn '${arn}' is in Region us-east-1, not the deployment Region ${REGION}`,
    ]);
  });

  it('checks the key ARN is the existing key kms-key names', () => {
    const existing: VerifySettings = {
      ...CM_SETTINGS,
      kmsKey: { source: 'existing', keyId: KEY_ID, arn: KEY_ARN, accountId: ACCOUNT },
    };
    const existingMode = { KeyMode: 'customer-managed-existing' };
    expect(check({}, existingMode, existing).problems).toEqual([]);
    expect(check({}, {}, existing).problems[0]).toContain("deploy 'customer-managed-existing'");
    const other = `arn:aws:kms:${REGION}:${ACCOUNT}:key/00000000-0000-0000-0000-000000000000`;
    expect(check({}, { ...existingMode, KmsKeyArn: other }, existing).problems[0]).toContain(
      `is not the key kms-key names ('${KEY_ARN}')`,
    );
    const otherAccount = `arn:aws:kms:${REGION}:444455556666:key/${KEY_ID}`;
    expect(check({}, { ...existingMode, KmsKeyArn: otherAccount }, existing).problems).toHaveLength(
      1,
    );
  });

  it('flags a KeyMode output for the other mode', () => {
    expect(check({}, { KeyMode: 'aws-owned' }).problems).toEqual([
      "prerequisite stack output KeyMode is 'aws-owned' but these settings deploy 'customer-managed-new'; the stack was deployed for another key mode",
    ]);
  });

  it('flags ARNs outside the Region’s partition', () => {
    const result = check({}, { BucketArn: `arn:aws-cn:s3:::${BUCKET}` });
    expect(result.problems).toEqual([
      `prerequisite stack output BucketArn is in partition 'aws-cn', but Region ${REGION} is in 'aws'`,
    ]);
  });

  it('quotes hostile values safely', () => {
    const result = check({ VPC: 'vpc-1\n::error::x' });
    expect(result.problems[0]).toBe(
      "VPC stack output VPC is 'vpc-1\\n::error::x'; expected a VPC ID like vpc-0123456789abcdef0",
    );
  });
});
