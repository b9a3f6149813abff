/** Executing UPDATE change sets: cleanup, replacement, concurrency and update rollbacks. */
import {
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ContinueUpdateRollbackCommand,
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient, Parameter } from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import {
  allEvents,
  cfnClient,
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

beforeAll(async () => {
  vpc = await loadBuiltInTemplate('vpc');
});
beforeEach(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 3 });
  cfn = cfnClient(aws);
});
afterEach(() => aws.close());

describe('an UPDATE change set, executed', () => {
  const update = async (Parameters: Parameter[], token: string) => {
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: `u-${token}`,
        ChangeSetType: 'UPDATE',
        TemplateBody: vpc,
        Parameters,
      }),
    );
    await waitForChangeSet(cfn, Id!);
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id, ClientRequestToken: token }));
    return Id!;
  };

  it('goes UPDATE_IN_PROGRESS, UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, UPDATE_COMPLETE and replaces what must be', async () => {
    const seeded = aws.seedStack({ name: 'net', templateBody: vpc });
    const oldVpc = seeded.resources.get('VPC')!.physicalId;
    await update([{ ParameterKey: 'VpcCIDR', ParameterValue: '10.1.0.0/16' }], 'up-1');
    expect(await waitForStack(cfn, 'net')).toBe('UPDATE_COMPLETE');
    const events = (await allEvents(cfn, 'net')).filter((e) => e.ClientRequestToken === 'up-1');
    const stackStatuses = events
      .filter((e) => e.ResourceType === 'AWS::CloudFormation::Stack')
      .map((e) => e.ResourceStatus);
    expect(stackStatuses).toEqual([
      'UPDATE_COMPLETE',
      'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
    ]);
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    const newVpc = outputsOf(Stacks![0]!).VPC;
    expect(newVpc).toMatch(/^vpc-/);
    expect(newVpc).not.toBe(oldVpc);
    expect(events).toContainEqual(
      expect.objectContaining({
        LogicalResourceId: 'VPC',
        PhysicalResourceId: oldVpc,
        ResourceStatus: 'DELETE_COMPLETE',
      }),
    );
    expect(Stacks![0]!.LastUpdatedTime).toBeInstanceOf(Date);
    expect(Stacks![0]!.Parameters).toContainEqual({
      ParameterKey: 'VpcCIDR',
      ParameterValue: '10.1.0.0/16',
    });
  });

  it('refuses a second update while the first is in progress', async () => {
    await aws.close();
    aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 200 });
    cfn = cfnClient(aws);
    aws.seedStack({ name: 'net', templateBody: vpc });
    await update([{ ParameterKey: 'EnvironmentName', ParameterValue: 'prod' }], 'first');
    const second = cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'second',
        ChangeSetType: 'UPDATE',
        TemplateBody: vpc,
      }),
    );
    expect(await errorOf(second)).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(
        /^Stack:arn:aws:cloudformation:.*:stack\/net\/.* is in UPDATE_IN_PROGRESS state and can not be updated\.$/,
      ),
    });
  });

  it('rolls back a failed update to the old configuration: UPDATE_ROLLBACK_COMPLETE, usable again', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    const before = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    aws.failResource({
      stackName: 'net',
      logicalId: 'PublicSubnet1',
      operation: 'update',
      reason: 'The CIDR conflicts with another subnet',
      times: 1,
    });
    await update([{ ParameterKey: 'PublicSubnet1CIDR', ParameterValue: '10.192.99.0/24' }], 'bad');
    expect(await waitForStack(cfn, 'net')).toBe('UPDATE_ROLLBACK_COMPLETE');
    const after = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    expect(after.Stacks![0]!.Outputs).toEqual(before.Stacks![0]!.Outputs);
    expect(after.Stacks![0]!.Parameters).toEqual(before.Stacks![0]!.Parameters);
    const events = await allEvents(cfn, 'net');
    const stackStatuses = events
      .filter(
        (e) => e.ResourceType === 'AWS::CloudFormation::Stack' && e.ClientRequestToken === 'bad',
      )
      .map((e) => e.ResourceStatus);
    expect(stackStatuses).toEqual([
      'UPDATE_ROLLBACK_COMPLETE',
      'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
      'UPDATE_ROLLBACK_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
    ]);
    expect(events.find((e) => e.ResourceStatus === 'UPDATE_FAILED')).toMatchObject({
      LogicalResourceId: 'PublicSubnet1',
      ResourceStatusReason: 'The CIDR conflicts with another subnet',
    });
    await update([{ ParameterKey: 'EnvironmentName', ParameterValue: 'again' }], 'retry');
    expect(await waitForStack(cfn, 'net')).toBe('UPDATE_COMPLETE');
  });

  it('ends UPDATE_ROLLBACK_FAILED when the rollback fails too, until ContinueUpdateRollback', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    aws.failResource({
      stackName: 'net',
      logicalId: 'VPC',
      operation: 'update',
      reason: 'Throttled by EC2',
      rollbackReason: 'Resource is in use',
    });
    await update([{ ParameterKey: 'EnvironmentName', ParameterValue: 'prod' }], 'bad');
    expect(await waitForStack(cfn, 'net')).toBe('UPDATE_ROLLBACK_FAILED');
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    expect(Stacks![0]!.StackStatusReason).toBe(
      'The following resource(s) failed to update: [VPC]. ',
    );
    const retry = cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'x',
        ChangeSetType: 'UPDATE',
        TemplateBody: vpc,
      }),
    );
    expect(await errorOf(retry)).toMatchObject({
      message: expect.stringContaining(
        'is in UPDATE_ROLLBACK_FAILED state and can not be updated.',
      ),
    });
    await cfn.send(new ContinueUpdateRollbackCommand({ StackName: 'net' }));
    expect(await waitForStack(cfn, 'net')).toBe('UPDATE_ROLLBACK_COMPLETE');
  });
});
