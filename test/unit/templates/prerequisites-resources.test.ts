/** templates/mwaa-prerequisites.yaml: the bucket, the security group and the outputs, per key mode. */
import {
  activeOutputs,
  activeResources,
  resolve,
} from '../../../src/templates/index.js';
import type { CfnTemplate } from '../../../src/templates/index.js';
import {
  BUCKET,
  CREATED_KEY_ID,
  ENV,
  EXISTING_KEY_ID,
  KEY_MODES,
  VPC_ID,
  builtIn,
  evaluate,
  keyArn,
  prerequisiteParameters,
} from '../../support/templates/context.js';
import type { TemplateKeyMode } from '../../support/templates/context.js';

let template: CfnTemplate;
beforeAll(async () => {
  template = await builtIn('mwaa-prerequisites');
});

const props = (mode: TemplateKeyMode, id: string, extra: Record<string, string> = {}) =>
  evaluate(template, prerequisiteParameters(mode, extra)).properties(id);

describe('bucket', () => {
  test('is retained on delete and on replacement, deleted only by the rollback of its create', () => {
    expect(template.Resources['Bucket']).toMatchObject({
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    expect(template.Resources['Bucket']!.Condition).toBeUndefined();
  });

  test.each(KEY_MODES)('is versioned and blocks all public access, KeyMode %s', (mode) => {
    const bucket = props(mode, 'Bucket');
    expect(bucket['VersioningConfiguration']).toStrictEqual({ Status: 'Enabled' });
    expect(bucket['PublicAccessBlockConfiguration']).toStrictEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  test.each([
    ['aws-owned', { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    [
      'customer-managed-new',
      {
        ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn(CREATED_KEY_ID) },
        BucketKeyEnabled: true,
      },
    ],
    [
      'customer-managed-existing',
      {
        ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn(EXISTING_KEY_ID) },
        BucketKeyEnabled: true,
      },
    ],
  ] as const)('encryption with KeyMode %s uses the environment key', (mode, rule) => {
    expect(props(mode, 'Bucket')['BucketEncryption']).toStrictEqual({
      ServerSideEncryptionConfiguration: [rule],
    });
  });

  test('name is generated unless BucketName is given', () => {
    expect(props('aws-owned', 'Bucket')).not.toHaveProperty('BucketName');
    expect(props('aws-owned', 'Bucket', { BucketName: 'my-dags' })['BucketName']).toBe('my-dags');
  });

  test('policy refuses any request not made over TLS', () => {
    expect(props('aws-owned', 'BucketPolicy')).toStrictEqual({
      Bucket: BUCKET,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      },
    });
  });
});

describe('security group', () => {
  test('is in the given VPC and allows all outbound traffic, no inline ingress', () => {
    const sg = props('aws-owned', 'SecurityGroup');
    expect(sg['VpcId']).toBe(VPC_ID);
    expect(sg['GroupDescription']).toContain(ENV);
    expect(sg['SecurityGroupEgress']).toStrictEqual([
      { Description: 'All outbound traffic', IpProtocol: '-1', CidrIp: '0.0.0.0/0' },
    ]);
    expect(sg).not.toHaveProperty('SecurityGroupIngress');
  });

  test('allows all traffic from itself, and only from itself', () => {
    const ingress = activeResources(template, {
      CreateKey: false,
      CustomerManagedKey: false,
      UseExistingKey: false,
      HasBucketName: false,
    }).filter((r) => r.type === 'AWS::EC2::SecurityGroupIngress');
    expect(ingress).toStrictEqual([
      { logicalId: 'SecurityGroupSelfIngress', type: 'AWS::EC2::SecurityGroupIngress' },
    ]);
    expect(props('aws-owned', 'SecurityGroupSelfIngress')).toStrictEqual({
      Description: "All traffic from the environment's own security group",
      GroupId: '{{SecurityGroup.GroupId}}',
      SourceSecurityGroupId: '{{SecurityGroup.GroupId}}',
      IpProtocol: '-1',
    });
  });
});

describe('outputs', () => {
  const common = ['BucketName', 'BucketArn', 'ExecutionRoleArn', 'ExecutionRoleName'];

  test.each(KEY_MODES)('KeyMode %s', (mode) => {
    const { ctx } = evaluate(template, prerequisiteParameters(mode));
    const names = activeOutputs(template, ctx.conditions);
    const withKey = mode === 'aws-owned' ? [] : ['KmsKeyArn'];
    expect(names).toStrictEqual([...common, ...withKey, 'SecurityGroupId', 'KeyMode']);
    const values = Object.fromEntries(
      names.map((n) => [n, resolve(template.Outputs![n]!.Value, ctx)]),
    );
    expect(values).toStrictEqual({
      BucketName: BUCKET,
      BucketArn: `arn:aws:s3:::${BUCKET}`,
      ExecutionRoleArn: '{{ExecutionRole.Arn}}',
      ExecutionRoleName: '{{ExecutionRole}}',
      ...(mode === 'customer-managed-new' ? { KmsKeyArn: keyArn(CREATED_KEY_ID) } : {}),
      ...(mode === 'customer-managed-existing' ? { KmsKeyArn: keyArn(EXISTING_KEY_ID) } : {}),
      SecurityGroupId: '{{SecurityGroup.GroupId}}',
      KeyMode: mode,
    });
  });

  test('have no export names (stacks are linked by parameters)', () => {
    for (const output of Object.values(template.Outputs!)) expect(output.Export).toBeUndefined();
  });
});
