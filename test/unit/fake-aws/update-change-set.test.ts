/** UPDATE change sets: the changes computed against a deployed stack, through the real SDK. */
import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type {
  CloudFormationClient,
  CreateChangeSetCommandInput,
} from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import {
  allChanges,
  cfnClient,
  errorOf,
  waitForChangeSet,
} from '../../support/fake-aws/clients.js';
import { NO_CHANGES, startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';

let aws: FakeAws;
let cfn: CloudFormationClient;
let vpc: string;

beforeAll(async () => {
  vpc = await loadBuiltInTemplate('vpc');
});
beforeEach(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 2 });
  cfn = cfnClient(aws);
});
afterEach(() => aws.close());

const create = (input: Partial<CreateChangeSetCommandInput> & { StackName: string }) =>
  cfn.send(
    new CreateChangeSetCommand({
      ChangeSetName: 'plan',
      ChangeSetType: 'CREATE',
      TemplateBody: vpc,
      ...input,
    }),
  );

describe('UPDATE change sets', () => {
  const update = (
    StackName: string,
    Parameters: CreateChangeSetCommandInput['Parameters'],
    extra: Partial<CreateChangeSetCommandInput> = {},
  ) =>
    create({ StackName, ChangeSetType: 'UPDATE', ChangeSetName: 'update', Parameters, ...extra });

  it('end FAILED with the no-changes reason when nothing changes', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc, parameters: { VpcCIDR: '10.192.0.0/16' } });
    const { Id } = await update('net', [{ ParameterKey: 'VpcCIDR', UsePreviousValue: true }]);
    const out = await waitForChangeSet(cfn, Id!);
    expect(out).toMatchObject({
      Status: 'FAILED',
      ExecutionStatus: 'UNAVAILABLE',
      StatusReason: NO_CHANGES,
      Changes: [],
    });
    expect(NO_CHANGES).toContain("The submitted information didn't contain changes");
  });

  it('are refused on a stack that does not exist', async () => {
    expect(await errorOf(update('ghost', []))).toMatchObject({
      name: 'ValidationError',
      message: 'Stack [ghost] does not exist',
    });
  });

  it('are refused while the stack is in progress, and on a ROLLBACK_COMPLETE stack', async () => {
    aws.seedStack({ name: 'busy', templateBody: vpc, status: 'UPDATE_IN_PROGRESS' });
    aws.seedStack({ name: 'dead', templateBody: vpc, status: 'ROLLBACK_COMPLETE' });
    expect(await errorOf(update('busy', []))).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(
        /^Stack:arn:aws:cloudformation:us-east-1:123456789012:stack\/busy\/.* is in UPDATE_IN_PROGRESS state and can not be updated\.$/,
      ),
    });
    expect(await errorOf(update('dead', []))).toMatchObject({
      message: expect.stringContaining('is in ROLLBACK_COMPLETE state and can not be updated.'),
    });
  });

  it('show a CIDR change as a replacement caused by the parameter, and its effect on dependents', async () => {
    const seeded = aws.seedStack({ name: 'net', templateBody: vpc });
    const { Id } = await update('net', [
      { ParameterKey: 'VpcCIDR', ParameterValue: '10.1.0.0/16' },
    ]);
    await waitForChangeSet(cfn, Id!);
    const { changes } = await allChanges(cfn, Id!);
    const byId = new Map(
      changes.map((c) => [c.ResourceChange!.LogicalResourceId, c.ResourceChange!]),
    );
    expect(byId.get('VPC')).toEqual({
      Action: 'Modify',
      LogicalResourceId: 'VPC',
      PhysicalResourceId: seeded.resources.get('VPC')!.physicalId,
      ResourceType: 'AWS::EC2::VPC',
      Replacement: 'True',
      PolicyAction: 'ReplaceAndDelete',
      Scope: ['Properties'],
      Details: [
        {
          Target: { Attribute: 'Properties', Name: 'CidrBlock', RequiresRecreation: 'Always' },
          Evaluation: 'Dynamic',
          ChangeSource: 'DirectModification',
        },
        {
          Target: { Attribute: 'Properties', Name: 'CidrBlock', RequiresRecreation: 'Always' },
          Evaluation: 'Static',
          ChangeSource: 'ParameterReference',
          CausingEntity: 'VpcCIDR',
        },
      ],
    });
    expect(byId.get('PrivateSubnet1')).toMatchObject({
      Action: 'Modify',
      Replacement: 'Conditional',
      Details: [
        {
          Target: { Name: 'VpcId', RequiresRecreation: 'Always' },
          Evaluation: 'Dynamic',
          ChangeSource: 'ResourceReference',
          CausingEntity: 'VPC',
        },
      ],
    });
    expect(byId.get('InternetGateway')).toBeUndefined();
    expect(seeded.resources.get('VPC')!.physicalId).toMatch(/^vpc-[0-9a-f]{17}$/);
  });

  it('give before and after values with IncludePropertyValues', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    const { Id } = await update('net', [
      { ParameterKey: 'EnvironmentName', ParameterValue: 'prod' },
    ]);
    await waitForChangeSet(cfn, Id!);
    const { changes } = await allChanges(cfn, Id!, true);
    const vpcChange = changes.find(
      (c) => c.ResourceChange?.LogicalResourceId === 'VPC',
    )!.ResourceChange!;
    expect(vpcChange).toMatchObject({ Action: 'Modify', Replacement: 'False', Scope: ['Tags'] });
    expect(vpcChange.Details).toEqual([
      {
        Target: {
          Attribute: 'Tags',
          RequiresRecreation: 'Never',
          Path: '/Properties/Tags/0/Value',
          BeforeValue: 'mwaa-',
          AfterValue: 'prod',
          AttributeChangeType: 'Modify',
        },
        Evaluation: 'Static',
        ChangeSource: 'ParameterReference',
        CausingEntity: 'EnvironmentName',
      },
    ]);
    expect(JSON.parse(vpcChange.BeforeContext!).Properties.Tags).toEqual([
      { Key: 'Name', Value: 'mwaa-' },
    ]);
    expect(JSON.parse(vpcChange.AfterContext!).Properties.EnableDnsSupport).toBe('true');
  });

  it('report a removed resource with its physical ID and what happens to it', async () => {
    const seeded = aws.seedStack({ name: 'net', templateBody: vpc });
    const smaller = vpc
      .replace(/\n {2}NoIngressSecurityGroup:\n(?: {4}.*\n)+/, '\n')
      .replace(/\n {2}NoIngressSecurityGroup:\n(?: {4}.*\n)+$/, '\n');
    const { Id } = await update('net', [], { TemplateBody: smaller });
    await waitForChangeSet(cfn, Id!);
    const { changes } = await allChanges(cfn, Id!);
    expect(changes).toEqual([
      {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Remove',
          LogicalResourceId: 'NoIngressSecurityGroup',
          PhysicalResourceId: seeded.resources.get('NoIngressSecurityGroup')!.physicalId,
          ResourceType: 'AWS::EC2::SecurityGroup',
          PolicyAction: 'Delete',
          Scope: [],
          Details: [],
        },
      },
    ]);
  });

  it('end FAILED with a scripted reason', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    aws.failChangeSet({
      stackName: 'net',
      reason:
        'Parameter validation failed: parameter value vpc-1 for parameter name VpcId does not exist',
    });
    const { Id } = await update('net', [
      { ParameterKey: 'EnvironmentName', ParameterValue: 'prod' },
    ]);
    expect(await waitForChangeSet(cfn, Id!)).toMatchObject({
      Status: 'FAILED',
      StatusReason: expect.stringContaining('does not exist'),
    });
  });
});
