/** Executing CREATE change sets: events, outputs, failures and rollbacks, through the real SDK. */
import {
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListStackResourcesCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient, Parameter } from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import {
  allEvents,
  cfnClient,
  deployChangeSet,
  errorOf,
  outputsOf,
  waitForChangeSet,
  waitForStack,
} from '../../support/fake-aws/clients.js';
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
  aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 3 });
  cfn = cfnClient(aws);
});
afterEach(() => aws.close());

describe('a CREATE change set, executed', () => {
  it('creates every resource with events carrying the ClientRequestToken, then CREATE_COMPLETE with outputs', async () => {
    const { status, stack, changeSetId } = await deployChangeSet(cfn, {
      TemplateBody: vpc,
      StackName: 'net',
    });
    expect(status).toBe('CREATE_COMPLETE');
    expect(stack).toMatchObject({
      StackStatus: 'CREATE_COMPLETE',
      ChangeSetId: changeSetId,
      EnableTerminationProtection: false,
    });
    const outputs = outputsOf(stack);
    expect(outputs.VPC).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(outputs.PrivateSubnets).toMatch(/^subnet-[0-9a-f]{17},subnet-[0-9a-f]{17}$/);
    expect(outputs.PrivateSubnets).toBe(`${outputs.PrivateSubnet1},${outputs.PrivateSubnet2}`);
    expect(outputs.NoIngressSecurityGroup).toMatch(/^sg-[0-9a-f]{17}$/);

    const events = await allEvents(cfn, 'net');
    expect(
      events.every(
        (e) =>
          e.ClientRequestToken === 'run-1' || String(e.ResourceStatus) === 'REVIEW_IN_PROGRESS',
      ),
    ).toBe(true);
    expect(events[0]).toMatchObject({
      LogicalResourceId: 'net',
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: 'CREATE_COMPLETE',
    });
    expect(events.at(-1)).toMatchObject({ ResourceStatus: 'REVIEW_IN_PROGRESS' });
    const times = events.map((e) => e.Timestamp!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const nat = events
      .filter((e) => e.LogicalResourceId === 'NatGateway1')
      .map((e) => e.ResourceStatus)
      .reverse();
    expect(nat).toEqual(['CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'CREATE_COMPLETE']);
    // Dependencies first: the VPC is complete before any subnet starts.
    const at = (id: string, s: string) =>
      events
        .find((e) => e.LogicalResourceId === id && e.ResourceStatus === s)!
        .Timestamp!.getTime();
    expect(at('VPC', 'CREATE_COMPLETE')).toBeLessThan(at('PublicSubnet1', 'CREATE_IN_PROGRESS'));

    const { StackResourceSummaries } = await cfn.send(
      new ListStackResourcesCommand({ StackName: 'net' }),
    );
    expect(StackResourceSummaries).toHaveLength(10);
    const change = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId }));
    expect(change.ExecutionStatus).toBe('EXECUTE_COMPLETE');
  });

  it('gives the prerequisite stack plausible names and ARNs', async () => {
    const Parameters: Parameter[] = [
      { ParameterKey: 'EnvironmentName', ParameterValue: 'my-env' },
      { ParameterKey: 'VpcId', ParameterValue: 'vpc-0123456789abcdef0' },
      { ParameterKey: 'KeyMode', ParameterValue: 'customer-managed-new' },
    ];
    const { status, stack } = await deployChangeSet(cfn, {
      StackName: 'my-env-prerequisites',
      TemplateBody: prerequisites,
      Parameters,
      Capabilities: ['CAPABILITY_IAM'],
    });
    expect(status).toBe('CREATE_COMPLETE');
    const outputs = outputsOf(stack);
    expect(outputs).toEqual({
      BucketName: expect.stringMatching(/^my-env-prerequisites-bucket-[a-z0-9]{12}$/),
      BucketArn: `arn:aws:s3:::${outputs.BucketName}`,
      ExecutionRoleArn: expect.stringMatching(
        /^arn:aws:iam::123456789012:role\/service-role\/my-env-prerequisites-ExecutionRole-[A-Z0-9]{12}$/,
      ),
      ExecutionRoleName: outputs.ExecutionRoleArn!.split('/').at(-1),
      KmsKeyArn: expect.stringMatching(/^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/),
      SecurityGroupId: expect.stringMatching(/^sg-[0-9a-f]{17}$/),
      KeyMode: 'customer-managed-new',
    });
    expect(stack.Parameters).toContainEqual({ ParameterKey: 'BucketName', ParameterValue: '' });
    expect(stack.Capabilities).toEqual(['CAPABILITY_IAM']);
    // The bucket's encryption names the key the stack created.
    const bucket = aws.stack('my-env-prerequisites')!.resources.get('Bucket')!;
    expect(JSON.stringify(bucket.properties)).toContain(outputs.KmsKeyArn);
  });

  it('rolls back a failed create: the failed resource holds the cause, the others are cancelled', async () => {
    aws.failResource({
      stackName: 'net',
      logicalId: 'NatGateway1',
      reason: 'The maximum number of addresses has been reached.',
    });
    const { status, stack } = await deployChangeSet(cfn, { TemplateBody: vpc, StackName: 'net' });
    expect(status).toBe('ROLLBACK_COMPLETE');
    expect(stack.Outputs).toBeUndefined();
    const events = await allEvents(cfn, 'net');
    const failed = events.filter((e) => e.ResourceStatus?.endsWith('_FAILED'));
    const root = failed
      .reverse()
      .find((e) => e.ResourceStatusReason !== 'Resource creation cancelled');
    expect(root).toMatchObject({
      LogicalResourceId: 'NatGateway1',
      ResourceStatus: 'CREATE_FAILED',
      ResourceStatusReason: 'The maximum number of addresses has been reached.',
      ClientRequestToken: 'run-1',
    });
    expect(
      failed.some(
        (e) =>
          e.LogicalResourceId === 'NatGateway2' &&
          e.ResourceStatusReason === 'Resource creation cancelled',
      ),
    ).toBe(true);
    const stackStatuses = events
      .filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack')
      .map((e) => e.ResourceStatus);
    expect(stackStatuses).toEqual([
      'ROLLBACK_COMPLETE',
      'ROLLBACK_IN_PROGRESS',
      'CREATE_IN_PROGRESS',
      'REVIEW_IN_PROGRESS',
    ]);
    expect(
      events.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')?.ResourceStatusReason,
    ).toBe(
      'The following resource(s) failed to create: [NatGateway1, NatGateway2]. Rollback requested by user.',
    );
    const { StackResourceSummaries } = await cfn.send(
      new ListStackResourcesCommand({ StackName: 'net' }),
    );
    expect(new Set(StackResourceSummaries?.map((r) => r.ResourceStatus))).toEqual(
      new Set(['DELETE_COMPLETE']),
    );
    // A ROLLBACK_COMPLETE stack cannot be updated, only deleted.
    const update = cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'again',
        ChangeSetType: 'UPDATE',
        TemplateBody: vpc,
      }),
    );
    expect(await errorOf(update)).toMatchObject({
      message: expect.stringContaining('is in ROLLBACK_COMPLETE state and can not be updated.'),
    });
    expect((await cfn.send(new GetTemplateCommand({ StackName: 'net' }))).TemplateBody).toBe(vpc);
  });

  it('stops at CREATE_FAILED, keeping what was made, with DisableRollback', async () => {
    aws.failResource({ stackName: 'net', logicalId: 'VPC', reason: 'VpcLimitExceeded' });
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'cs',
        ChangeSetType: 'CREATE',
        TemplateBody: vpc,
      }),
    );
    await waitForChangeSet(cfn, Id!);
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id, DisableRollback: true }));
    expect(await waitForStack(cfn, 'net')).toBe('CREATE_FAILED');
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    expect(Stacks?.[0]).toMatchObject({
      DisableRollback: true,
      StackStatusReason: 'The following resource(s) failed to create: [VPC, InternetGateway]. ',
    });
  });
});
