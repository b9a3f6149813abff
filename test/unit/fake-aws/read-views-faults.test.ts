/**
 * The read-only services around the edges: actions the fake lacks, scripted faults in each
 * protocol's own error format, unsigned calls, and what stays visible after a stack goes.
 */
import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  DescribeInstancesCommand,
  DescribeVpcAttributeCommand,
  DescribeSubnetsCommand,
  DescribeNatGatewaysCommand,
} from '@aws-sdk/client-ec2';
import { GetRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam';
import { DescribeKeyCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { GetBucketVersioningCommand, GetBucketTaggingCommand } from '@aws-sdk/client-s3';
import {
  cfnClient,
  deployChangeSet,
  errorOf,
  readClients,
} from '../../support/fake-aws/clients.js';
import type { ReadClients } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { deployMwaaStacks } from '../../support/fake-aws/mwaa-stacks.js';

let aws: FakeAws;
let cfn: CloudFormationClient;
let clients: ReadClients;

beforeEach(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 1 });
  cfn = cfnClient(aws);
  clients = readClients(aws, { maxAttempts: 1 });
});
afterEach(() => aws.close());

async function deleteStack(name: string): Promise<void> {
  await cfn.send(new DeleteStackCommand({ StackName: name }));
  for (let i = 0; aws.stack(name) !== undefined; i++) {
    if (i > 500) throw new Error(`${name} is not deleted`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('errors and actions the fake lacks', () => {
  it('EC2 refuses an unknown VPC or attribute as EC2 does', async () => {
    const missing = await errorOf(
      clients.ec2.send(
        new DescribeVpcAttributeCommand({
          VpcId: 'vpc-0000000000000000a',
          Attribute: 'enableDnsSupport',
        }),
      ),
    );
    expect(missing).toMatchObject({
      name: 'InvalidVpcID.NotFound',
      message: "The vpc ID 'vpc-0000000000000000a' does not exist",
      $metadata: { httpStatusCode: 400 },
    });
    const attribute = await errorOf(
      clients.ec2.send(
        new DescribeVpcAttributeCommand({
          VpcId: 'vpc-0000000000000000b',
          Attribute: 'dns' as never,
        }),
      ),
    );
    expect(attribute).toMatchObject({ name: 'InvalidParameterValue' });
  });

  it('answer a 400 naming the service and action, in each protocol', async () => {
    const { ec2, s3, iam, kms } = clients;
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => ec2.send(new DescribeInstancesCommand({})), 'InvalidAction', 'EC2 DescribeInstances'],
      [() => iam.send(new ListRolesCommand({})), 'InvalidAction', 'IAM ListRoles'],
      [
        () => kms.send(new EncryptCommand({ KeyId: 'k', Plaintext: new Uint8Array([1]) })),
        'UnknownOperationException',
        'KMS Encrypt',
      ],
      [
        () => s3.send(new GetBucketTaggingCommand({ Bucket: 'b' })),
        'NotImplemented',
        'S3 GET /{Bucket}?tagging',
      ],
    ];
    for (const [run, name, what] of cases) {
      const error = (await errorOf(run())) as Error & { $metadata: { httpStatusCode: number } };
      expect({ name: error.name, status: error.$metadata.httpStatusCode }).toEqual({
        name,
        status: 400,
      });
      expect(error.message).toContain(`The fake AWS does not implement ${what}`);
    }
    expect(aws.calls.map((c) => `${c.service}:${c.action}`)).toEqual([
      'ec2:DescribeInstances',
      'iam:ListRoles',
      'kms:Encrypt',
      's3:GET /{Bucket}?tagging',
    ]);
  });
});

describe('faults', () => {
  it('throttle each service with its own error code and status', async () => {
    await deployMwaaStacks(cfn, { keyMode: 'customer-managed-new' });
    aws.addFault({ kind: 'throttle', times: 1, service: 'ec2' });
    aws.addFault({ kind: 'throttle', times: 1, service: 's3' });
    aws.addFault({ kind: 'throttle', times: 1, service: 'iam' });
    aws.addFault({ kind: 'throttle', times: 1, service: 'kms' });
    const { ec2, s3, iam, kms } = clients;
    const cases: [() => Promise<unknown>, string, number][] = [
      [() => ec2.send(new DescribeSubnetsCommand({})), 'RequestLimitExceeded', 503],
      [() => s3.send(new GetBucketVersioningCommand({ Bucket: 'b' })), 'SlowDown', 503],
      [() => iam.send(new GetRoleCommand({ RoleName: 'r' })), 'Throttling', 400],
      [() => kms.send(new DescribeKeyCommand({ KeyId: 'k' })), 'ThrottlingException', 400],
    ];
    for (const [run, name, status] of cases) {
      expect(await errorOf(run())).toMatchObject({ name, $metadata: { httpStatusCode: status } });
    }
    const faulted = aws.calls.filter((c) => c.fault !== undefined).map((c) => [c.service, c.fault]);
    expect(faulted).toEqual([
      ['ec2', 'RequestLimitExceeded'],
      ['s3', 'SlowDown'],
      ['iam', 'Throttling'],
      ['kms', 'ThrottlingException'],
    ]);
  });

  it('are retried by the SDK like the real ones, and change nothing', async () => {
    const { vpcOutputs } = await deployMwaaStacks(cfn);
    aws.addFault({ service: 'ec2', action: 'DescribeSubnets', kind: 'internal', times: 1 });
    const retrying = readClients(aws, { maxAttempts: 3 }).ec2;
    const { Subnets } = await retrying.send(
      new DescribeSubnetsCommand({ SubnetIds: [vpcOutputs['PrivateSubnet1']!] }),
    );
    expect(Subnets).toHaveLength(1);
    const calls = aws.calls.filter((c) => c.action === 'DescribeSubnets');
    expect(calls.map((c) => [c.status, c.fault])).toEqual([
      [500, 'InternalError'],
      [200, undefined],
    ]);
  });

  it("refuse unsigned calls in the service's own format", async () => {
    const response = await fetch(aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeSubnets&Version=2016-11-15',
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(
      /<Response><Errors><Error><Code>MissingAuthenticationToken<\/Code>.*<\/Errors><RequestID>/,
    );
    expect(aws.calls[0]).toMatchObject({ service: 'ec2', action: 'DescribeSubnets' });
  });
});

describe('after a stack is deleted or updated', () => {
  it('keeps retained resources and lingering ones, and forgets the rest', async () => {
    const { prerequisiteOutputs: pre, vpcOutputs: net } = await deployMwaaStacks(cfn, {
      keyMode: 'customer-managed-new',
    });
    await deleteStack('pre');
    const { s3, kms, iam, ec2 } = clients;
    const bucket = await s3.send(new GetBucketVersioningCommand({ Bucket: pre['BucketName'] }));
    expect(bucket.Status).toBe('Enabled');
    const key = await kms.send(new DescribeKeyCommand({ KeyId: pre['KmsKeyArn'] }));
    expect(key.KeyMetadata?.KeyState).toBe('Enabled');
    const role = await errorOf(
      iam.send(new GetRoleCommand({ RoleName: pre['ExecutionRoleArn']!.split('/').pop() })),
    );
    expect(role).toMatchObject({ name: 'NoSuchEntityException' });

    await deleteStack('net');
    const subnets = await errorOf(
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: [net['PrivateSubnet1']!] })),
    );
    expect(subnets).toMatchObject({ name: 'InvalidSubnetID.NotFound' });
    const { NatGateways } = await ec2.send(new DescribeNatGatewaysCommand({}));
    expect(NatGateways?.map((n) => n.State)).toEqual(['deleted', 'deleted']);
    expect(NatGateways?.[0]?.DeleteTime).toBeInstanceOf(Date);
  });

  it('keeps a key an update removed under DeletionPolicy Retain, and shows a deleted one PendingDeletion', async () => {
    const { prerequisiteOutputs: pre, vpcOutputs: net } = await deployMwaaStacks(cfn, {
      keyMode: 'customer-managed-new',
    });
    const update = await deployChangeSet(
      cfn,
      {
        StackName: 'pre',
        ChangeSetType: 'UPDATE',
        UsePreviousTemplate: true,
        Capabilities: ['CAPABILITY_IAM'],
        Parameters: [
          { ParameterKey: 'EnvironmentName', UsePreviousValue: true },
          { ParameterKey: 'VpcId', ParameterValue: net['VPC'] },
          { ParameterKey: 'KeyMode', ParameterValue: 'aws-owned' },
        ],
      } as never,
      'to-aws-owned',
    );
    expect(update.status).toBe('UPDATE_COMPLETE');
    expect(aws.stack('pre')?.resources.has('Key')).toBe(false);
    const kept = await clients.kms.send(new DescribeKeyCommand({ KeyId: pre['KmsKeyArn'] }));
    expect(kept.KeyMetadata?.KeyState).toBe('Enabled');

    const template = JSON.stringify({
      Resources: { Scratch: { Type: 'AWS::KMS::Key', Properties: {} } },
    });
    await deployChangeSet(cfn, { StackName: 'scratch', TemplateBody: template });
    const scratchKey = aws.stack('scratch')!.resources.get('Scratch')!.physicalId!;
    await deleteStack('scratch');
    const gone = await clients.kms.send(new DescribeKeyCommand({ KeyId: scratchKey }));
    expect(gone.KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false });
    expect(gone.KeyMetadata?.DeletionDate).toBeInstanceOf(Date);
  });
});

describe('drift', () => {
  it('leaves CloudFormation unaware: the deployed properties are still the template', async () => {
    await deployMwaaStacks(cfn, { keyMode: 'aws-owned' });
    aws.patchResource('net', 'VPC', (p) => ({ ...p, EnableDnsSupport: false }));
    expect(aws.stack('net')?.resources.get('VPC')?.properties['EnableDnsSupport']).toBe(true);
    expect(aws.resources('AWS::EC2::VPC')[0]?.properties['EnableDnsSupport']).toBe(false);
    expect(() => aws.patchResource('net', 'Nope', (p) => p)).toThrow(
      /net has no deployed resource Nope/,
    );
    // A patch reading the fake would recurse: it is refused with a clear message.
    aws.patchResource('net', 'VPC', (p) => ({ ...p, Resources: aws.resources().length }));
    expect(() => aws.resources()).toThrow(/a patch must not read the fake/);
  });
});
