/** S3, IAM and KMS reads of the deployed (and seeded) resources, through the real SDK clients. */
import { GetRoleCommand, GetRolePolicyCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
} from '@aws-sdk/client-kms';
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import type { StackOutputs } from '../../../src/verify/index.js';
import { cfnClient, errorOf, readClients } from '../../support/fake-aws/clients.js';
import type { ReadClients } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { deployMwaaStacks } from '../../support/fake-aws/mwaa-stacks.js';

let aws: FakeAws;
let clients: ReadClients;
let pre: StackOutputs;

beforeAll(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 1 });
  const stacks = await deployMwaaStacks(cfnClient(aws), { keyMode: 'customer-managed-new' });
  pre = stacks.prerequisiteOutputs;
  clients = readClients(aws, { maxAttempts: 1 });
});
afterAll(() => aws.close());

describe('S3', () => {
  it("answers the bucket's versioning, public access block, location and encryption", async () => {
    const Bucket = pre['BucketName']!;
    const { s3 } = clients;
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Enabled');
    const block = await s3.send(new GetPublicAccessBlockCommand({ Bucket }));
    expect(block.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    // us-east-1 is the empty constraint.
    const location = await s3.send(new GetBucketLocationCommand({ Bucket }));
    expect(location.LocationConstraint ?? '').toBe('');
    const encryption = await s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules).toEqual([
      {
        ApplyServerSideEncryptionByDefault: {
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: pre['KmsKeyArn'],
        },
        BucketKeyEnabled: true,
      },
    ]);
    const call = aws.calls.find((c) => c.action === 'GetBucketVersioning');
    expect(call).toMatchObject({ service: 's3', params: { Bucket }, status: 200 });
  });

  it('answers S3 errors: no such bucket, no public access block, versioning never set', async () => {
    const { s3 } = clients;
    expect(
      await errorOf(s3.send(new GetBucketVersioningCommand({ Bucket: 'nope-bucket' }))),
    ).toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
    aws.seedResource({ type: 'AWS::S3::Bucket', physicalId: 'bare-bucket', region: 'eu-west-1' });
    const block = await errorOf(
      s3.send(new GetPublicAccessBlockCommand({ Bucket: 'bare-bucket' })),
    );
    expect(block).toMatchObject({
      name: 'NoSuchPublicAccessBlockConfiguration',
      $metadata: { httpStatusCode: 404 },
    });
    const versioning = await s3.send(new GetBucketVersioningCommand({ Bucket: 'bare-bucket' }));
    expect(versioning.Status).toBeUndefined();
    const location = await s3.send(new GetBucketLocationCommand({ Bucket: 'bare-bucket' }));
    expect(location.LocationConstraint).toBe('eu-west-1');
  });
});

describe('IAM', () => {
  it('answers GetRole with the trust policy URL-encoded, as IAM does, and the inline policies', async () => {
    const arn = pre['ExecutionRoleArn']!;
    const RoleName = arn.split('/').pop()!;
    const { Role } = await clients.iam.send(new GetRoleCommand({ RoleName }));
    expect(Role).toMatchObject({
      RoleName,
      Arn: arn,
      Path: '/service-role/',
      MaxSessionDuration: 3600,
    });
    expect(Role?.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(Role?.AssumeRolePolicyDocument).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'] },
          Action: 'sts:AssumeRole',
          Condition: {
            StringEquals: { 'aws:SourceAccount': '123456789012' },
            ArnLike: {
              'aws:SourceArn': 'arn:aws:airflow:us-east-1:123456789012:environment/analytics',
            },
          },
        },
      ],
    });
    const { PolicyNames } = await clients.iam.send(new ListRolePoliciesCommand({ RoleName }));
    expect(PolicyNames).toEqual(['mwaa-execution']);
    const inline = await clients.iam.send(
      new GetRolePolicyCommand({ RoleName, PolicyName: 'mwaa-execution' }),
    );
    expect(decodeURIComponent(inline.PolicyDocument!)).toContain('airflow:PublishMetrics');
    const missing = await errorOf(clients.iam.send(new GetRoleCommand({ RoleName: 'ghost' })));
    expect(missing).toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name ghost cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
  });
});

describe('KMS', () => {
  it('describes the stack key by ARN, ID or alias, with its policy as JSON text', async () => {
    const arn = pre['KmsKeyArn']!;
    const keyId = arn.split('/').pop()!;
    const byArn = await clients.kms.send(new DescribeKeyCommand({ KeyId: arn }));
    expect(byArn.KeyMetadata).toMatchObject({
      KeyId: keyId,
      Arn: arn,
      AWSAccountId: '123456789012',
      Enabled: true,
      KeyState: 'Enabled',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      MultiRegion: false,
      Origin: 'AWS_KMS',
      Description: 'Encrypts the data of the Amazon MWAA environment analytics',
    });
    expect(byArn.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    for (const KeyId of [keyId, 'alias/mwaa-analytics']) {
      const other = await clients.kms.send(new DescribeKeyCommand({ KeyId }));
      expect(other.KeyMetadata?.Arn).toBe(arn);
    }
    const { Policy, PolicyName } = await clients.kms.send(
      new GetKeyPolicyCommand({ KeyId: arn, PolicyName: 'default' }),
    );
    expect(PolicyName).toBe('default');
    const statements = (JSON.parse(Policy!) as { Statement: { Sid: string }[] }).Statement;
    expect(statements.map((s) => s.Sid)).toEqual(['Enable IAM policies', 'Allow logs access']);
    const rotation = await clients.kms.send(new GetKeyRotationStatusCommand({ KeyId: arn }));
    expect(rotation.KeyRotationEnabled).toBe(true);
  });

  it('describes seeded keys as given, with the default key policy when none is', async () => {
    const arn = aws.seedKey({ state: 'PendingDeletion', spec: 'RSA_2048', region: 'eu-west-1' });
    expect(arn).toMatch(/^arn:aws:kms:eu-west-1:123456789012:key\/[0-9a-f-]{36}$/);
    const { KeyMetadata } = await clients.kms.send(new DescribeKeyCommand({ KeyId: arn }));
    expect(KeyMetadata).toMatchObject({
      KeyState: 'PendingDeletion',
      Enabled: false,
      KeySpec: 'RSA_2048',
    });
    const { Policy } = await clients.kms.send(new GetKeyPolicyCommand({ KeyId: arn }));
    expect(JSON.parse(Policy!)).toMatchObject({ Id: 'key-default-1' });
    const multi = aws.seedKey({ multiRegion: true, manager: 'AWS' });
    expect(multi).toMatch(/key\/mrk-/);
    const described = await clients.kms.send(new DescribeKeyCommand({ KeyId: multi }));
    expect(described.KeyMetadata).toMatchObject({ MultiRegion: true, KeyManager: 'AWS' });
  });

  it('answers NotFoundException for unknown keys and aliases', async () => {
    const KeyId = 'arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-000000000000';
    const missing = await errorOf(clients.kms.send(new DescribeKeyCommand({ KeyId })));
    expect(missing).toMatchObject({
      name: 'NotFoundException',
      message: `Key '${KeyId}' does not exist`,
    });
    const alias = await errorOf(clients.kms.send(new DescribeKeyCommand({ KeyId: 'alias/none' })));
    expect(alias).toMatchObject({ name: 'NotFoundException' });
  });
});
