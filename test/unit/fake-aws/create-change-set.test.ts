/** CREATE change sets against the fake, through the real SDK, with the built-in templates. */
import {
  CreateChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
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
import { startFakeAws } from '../../support/fake-aws/index.js';
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

describe('CREATE change sets', () => {
  it('create the stack in REVIEW_IN_PROGRESS with no resources, and return its ID', async () => {
    const { Id, StackId } = await create({ StackName: 'net' });
    expect(Id).toMatch(
      /^arn:aws:cloudformation:us-east-1:123456789012:changeSet\/plan\/[0-9a-f-]{36}$/,
    );
    expect(StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/net\//);
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    expect(Stacks?.[0]).toMatchObject({
      StackName: 'net',
      StackStatus: 'REVIEW_IN_PROGRESS',
      StackId,
    });
    expect(aws.stack('net')?.resources.size).toBe(0);
  });

  it('go CREATE_PENDING, CREATE_IN_PROGRESS, then CREATE_COMPLETE and AVAILABLE', async () => {
    let now = 1_700_000_000_000;
    await aws.close();
    aws = await startFakeAws({ now: () => now, changeSetReadyMs: 100 });
    cfn = cfnClient(aws);
    const { Id } = await create({ StackName: 'net' });
    const look = () => cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    expect(await look()).toMatchObject({
      Status: 'CREATE_PENDING',
      ExecutionStatus: 'UNAVAILABLE',
      Changes: [],
    });
    now += 50;
    expect(await look()).toMatchObject({
      Status: 'CREATE_IN_PROGRESS',
      ExecutionStatus: 'UNAVAILABLE',
    });
    now += 50;
    const ready = await look();
    expect(ready).toMatchObject({
      Status: 'CREATE_COMPLETE',
      ExecutionStatus: 'AVAILABLE',
      ChangeSetName: 'plan',
    });
    expect(ready.CreationTime).toEqual(new Date(1_700_000_000_000));
  });

  it('list every resource as Add, paginated five per page', async () => {
    const { Id } = await create({ StackName: 'net' });
    await waitForChangeSet(cfn, Id!);
    const first = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    expect(first.Changes).toHaveLength(5);
    expect(first.NextToken).toEqual(expect.any(String));
    const { changes, pages } = await allChanges(cfn, Id!);
    expect(changes).toHaveLength(22);
    expect(pages).toBe(5);
    expect(changes[0]).toEqual({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Add',
        LogicalResourceId: 'VPC',
        ResourceType: 'AWS::EC2::VPC',
        Scope: [],
        Details: [],
      },
    });
  });

  it('give the resolved properties as AfterContext with IncludePropertyValues', async () => {
    const { Id } = await create({
      StackName: 'net',
      Parameters: [{ ParameterKey: 'VpcCIDR', ParameterValue: '10.1.0.0/16' }],
    });
    await waitForChangeSet(cfn, Id!);
    const { changes } = await allChanges(cfn, Id!, true);
    const subnet = changes.find((c) => c.ResourceChange?.LogicalResourceId === 'PublicSubnet1');
    expect(JSON.parse(subnet!.ResourceChange!.AfterContext!)).toEqual({
      Properties: {
        VpcId: '{{VPC}}',
        AvailabilityZone: 'us-east-1a',
        CidrBlock: '10.192.10.0/24',
        MapPublicIpOnLaunch: 'true',
        Tags: [{ Key: 'Name', Value: 'mwaa- Public Subnet (AZ1)' }],
      },
    });
  });

  it('are refused on a stack that exists and is not REVIEW_IN_PROGRESS', async () => {
    aws.seedStack({ name: 'net', templateBody: vpc });
    expect(await errorOf(create({ StackName: 'net' }))).toMatchObject({
      name: 'ValidationError',
      message: 'Stack [net] already exists and cannot be created again with the changeSet [plan].',
    });
  });

  it('may be made again on a REVIEW_IN_PROGRESS stack, but UPDATE ones may not', async () => {
    await create({ StackName: 'net' });
    await create({ StackName: 'net', ChangeSetName: 'plan2' });
    const error = await errorOf(
      create({ StackName: 'net', ChangeSetName: 'plan3', ChangeSetType: 'UPDATE' }),
    );
    expect(error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/is in REVIEW_IN_PROGRESS state and can not be updated\.$/),
    });
    const { Summaries } = await cfn.send(new ListChangeSetsCommand({ StackName: 'net' }));
    expect(Summaries?.map((s) => s.ChangeSetName)).toEqual(['plan', 'plan2']);
  });

  it('leave the REVIEW_IN_PROGRESS stack when deleted; deleting the stack then removes it', async () => {
    const { Id } = await create({ StackName: 'net' });
    await cfn.send(new DeleteChangeSetCommand({ ChangeSetName: Id }));
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'net' }));
    expect(Stacks?.[0]?.StackStatus).toBe('REVIEW_IN_PROGRESS');
    expect(
      await errorOf(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }))),
    ).toMatchObject({
      name: 'ChangeSetNotFoundException',
      message: 'ChangeSet [' + Id + '] does not exist',
    });
    await cfn.send(new DeleteStackCommand({ StackName: 'net' }));
    await new Promise((r) => setTimeout(r, 5));
    expect(await errorOf(cfn.send(new DescribeStacksCommand({ StackName: 'net' })))).toMatchObject({
      name: 'ValidationError',
      message: 'Stack with id net does not exist',
    });
  });
});
