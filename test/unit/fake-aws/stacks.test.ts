/** Stack-level actions: describe, seed, delete, termination protection. */
import {
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  GetTemplateSummaryCommand,
  UpdateTerminationProtectionCommand,
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { allEvents, cfnClient, errorOf, waitForStack } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';

let aws: FakeAws;
let cfn: CloudFormationClient;
let vpc: string;
let prerequisites: string;

beforeAll(async () => {
  vpc = await loadBuiltInTemplate('vpc');
  prerequisites = await loadBuiltInTemplate('mwaa-prerequisites');
});
beforeEach(async () => {
  aws = await startFakeAws({ resourceMs: 2 });
  cfn = cfnClient(aws);
});
afterEach(() => aws.close());

const describe1 = async (StackName: string) =>
  (await cfn.send(new DescribeStacksCommand({ StackName }))).Stacks![0]!;

describe('seeded stacks', () => {
  it('look deployed: parameters with defaults, outputs from the template, tags, protection', async () => {
    aws.seedStack({
      name: 'net',
      templateBody: vpc,
      parameters: { EnvironmentName: 'prod' },
      tags: { team: 'data' },
      terminationProtection: true,
    });
    const stack = await describe1('net');
    expect(stack).toMatchObject({
      StackName: 'net',
      StackStatus: 'CREATE_COMPLETE',
      EnableTerminationProtection: true,
      Tags: [{ Key: 'team', Value: 'data' }],
      CreationTime: expect.any(Date),
      Description: expect.stringContaining('This template deploys a VPC'),
    });
    expect(stack.Parameters).toHaveLength(6);
    expect(stack.Parameters).toContainEqual({
      ParameterKey: 'EnvironmentName',
      ParameterValue: 'prod',
    });
    expect(stack.Outputs?.map((o) => o.OutputKey)).toEqual([
      'VPC',
      'PublicSubnets',
      'PrivateSubnets',
      'PublicSubnet1',
      'PublicSubnet2',
      'PrivateSubnet1',
      'PrivateSubnet2',
      'NoIngressSecurityGroup',
    ]);
    const { StackResources } = await cfn.send(
      new DescribeStackResourcesCommand({ StackName: 'net' }),
    );
    expect(StackResources).toHaveLength(22);
    expect(
      StackResources?.find((r) => r.LogicalResourceId === 'DefaultPrivateRoute1')
        ?.PhysicalResourceId,
    ).toMatch(/^rtb-[0-9a-f]{17}\|0\.0\.0\.0\/0$/);
  });

  it('may be in any status, with given outputs, and settle later', async () => {
    await aws.close();
    let now = 1_000_000;
    aws = await startFakeAws({ now: () => now, resourceMs: 2 });
    cfn = cfnClient(aws);
    aws.seedStack({
      name: 'stuck',
      status: 'UPDATE_ROLLBACK_FAILED',
      statusReason: 'The following resource(s) failed to update: [Bucket]. ',
      outputs: { BucketName: 'b' },
    });
    aws.seedStack({
      name: 'busy',
      status: 'UPDATE_IN_PROGRESS',
      settlesTo: { status: 'UPDATE_COMPLETE', afterMs: 30 },
    });
    expect(await describe1('stuck')).toMatchObject({
      StackStatus: 'UPDATE_ROLLBACK_FAILED',
      Outputs: [{ OutputKey: 'BucketName', OutputValue: 'b' }],
    });
    expect((await describe1('busy')).StackStatus).toBe('UPDATE_IN_PROGRESS');
    now += 29;
    expect((await describe1('busy')).StackStatus).toBe('UPDATE_IN_PROGRESS');
    now += 1;
    expect((await describe1('busy')).StackStatus).toBe('UPDATE_COMPLETE');
  });

  it('are listed by DescribeStacks without a name, paginated', async () => {
    for (let i = 0; i < 12; i++) aws.seedStack({ name: `s${i}` });
    const first = await cfn.send(new DescribeStacksCommand({}));
    expect(first.Stacks).toHaveLength(10);
    const second = await cfn.send(new DescribeStacksCommand({ NextToken: first.NextToken }));
    expect(second.Stacks?.map((s) => s.StackName)).toEqual(['s10', 's11']);
  });
});

describe('DescribeStackEvents', () => {
  it('answers newest first, ten per page', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    await cfn.send(new DeleteStackCommand({ StackName: 'net', ClientRequestToken: 'del-1' }));
    const stackId = aws.state.findStack('net')!.stackId;
    await waitForStack(cfn, stackId);
    const page1 = await cfn.send(new DescribeStackEventsCommand({ StackName: stackId }));
    expect(page1.StackEvents).toHaveLength(10);
    expect(page1.StackEvents![0]).toMatchObject({
      ResourceStatus: 'DELETE_COMPLETE',
      LogicalResourceId: 'net',
      ClientRequestToken: 'del-1',
    });
    const all = await allEvents(cfn, stackId);
    expect(all).toHaveLength(1 + 1 + 22 * 2 + 1);
    expect(all.at(-1)!.ResourceStatus).toBe('CREATE_COMPLETE');
  });
});

describe('DeleteStack', () => {
  it('goes DELETE_IN_PROGRESS, then the stack is gone by name but still readable by ID', async () => {
    // A clock of our own: on the wall clock a loaded machine can let the whole deletion finish
    // between DeleteStack and the next DescribeStacks.
    await aws.close();
    let now = 1_000_000;
    aws = await startFakeAws({ now: () => now, resourceMs: 2 });
    cfn = cfnClient(aws);
    aws.seedStack({ name: 'net', templateBody: vpc });
    const stackId = aws.stack('net')!.stackId;
    await cfn.send(new DeleteStackCommand({ StackName: 'net' }));
    expect((await describe1('net')).StackStatus).toBe('DELETE_IN_PROGRESS');
    now += 60_000;
    expect(await waitForStack(cfn, stackId)).toBe('DELETE_COMPLETE');
    expect(await errorOf(describe1('net'))).toMatchObject({
      name: 'ValidationError',
      message: 'Stack with id net does not exist',
    });
    expect(await describe1(stackId)).toMatchObject({
      StackStatus: 'DELETE_COMPLETE',
      DeletionTime: expect.any(Date),
    });
  });

  it('deletes dependents first and skips retained resources', async () => {
    const params = {
      EnvironmentName: 'env',
      VpcId: 'vpc-0123456789abcdef0',
      KeyMode: 'customer-managed-new',
    };
    aws.seedStack({ name: 'pre', templateBody: prerequisites, parameters: params });
    const stackId = aws.stack('pre')!.stackId;
    await cfn.send(new DeleteStackCommand({ StackName: 'pre' }));
    await waitForStack(cfn, stackId);
    const events = (await allEvents(cfn, stackId)).reverse();
    const index = (id: string, status: string) =>
      events.findIndex((e) => e.LogicalResourceId === id && e.ResourceStatus === status);
    expect(index('Bucket', 'DELETE_SKIPPED')).toBeGreaterThan(
      index('BucketPolicy', 'DELETE_COMPLETE'),
    );
    expect(index('Key', 'DELETE_SKIPPED')).toBeGreaterThan(index('KeyAlias', 'DELETE_COMPLETE'));
  });

  it('is refused while termination protection is on', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    await cfn.send(
      new UpdateTerminationProtectionCommand({
        StackName: 'net',
        EnableTerminationProtection: true,
      }),
    );
    expect(await errorOf(cfn.send(new DeleteStackCommand({ StackName: 'net' })))).toMatchObject({
      name: 'ValidationError',
      message: 'Stack [net] cannot be deleted while TerminationProtection is enabled',
    });
    expect((await describe1('net')).StackStatus).toBe('CREATE_COMPLETE');
  });

  it('ends DELETE_FAILED when a resource cannot be deleted', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    aws.failResource({
      stackName: 'net',
      logicalId: 'VPC',
      operation: 'delete',
      reason: 'The vpc has dependencies and cannot be deleted.',
    });
    await cfn.send(new DeleteStackCommand({ StackName: 'net' }));
    expect(await waitForStack(cfn, 'net')).toBe('DELETE_FAILED');
    expect((await describe1('net')).StackStatusReason).toBe(
      'The following resource(s) failed to delete: [VPC]. ',
    );
  });

  it('succeeds on a stack that does not exist, as in AWS', async () => {
    await expect(cfn.send(new DeleteStackCommand({ StackName: 'never' }))).resolves.toBeDefined();
  });
});

describe('GetTemplateSummary', () => {
  it('reports parameters, resource types and the capability needed', async () => {
    const out = await cfn.send(new GetTemplateSummaryCommand({ TemplateBody: prerequisites }));
    expect(out.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(out.ResourceTypes).toContain('AWS::KMS::Key');
    expect(out.Parameters?.find((p) => p.ParameterKey === 'KeyMode')).toMatchObject({
      DefaultValue: 'aws-owned',
      ParameterConstraints: {
        AllowedValues: ['aws-owned', 'customer-managed-new', 'customer-managed-existing'],
      },
    });
  });
});
