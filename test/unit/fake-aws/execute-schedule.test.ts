/** What an execution does to other change sets, and how the injected clock drives it. */
import {
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { cfnClient, deployChangeSet } from '../../support/fake-aws/clients.js';
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

describe('other change sets of the stack', () => {
  it("deletes the stack's other change sets, as the API reference says", async () => {
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'other',
        ChangeSetType: 'CREATE',
        TemplateBody: vpc,
      }),
    );
    await deployChangeSet(cfn, { TemplateBody: vpc, StackName: 'net' });
    const { Summaries } = await cfn.send(new ListChangeSetsCommand({ StackName: 'net' }));
    expect(Summaries?.map((s) => [s.ChangeSetName, s.ExecutionStatus])).toEqual([
      ['cs-run-1', 'EXECUTE_COMPLETE'],
    ]);
  });

  it('marks them OBSOLETE instead when asked', async () => {
    await aws.close();
    aws = await startFakeAws({
      changeSetReadyMs: 10,
      resourceMs: 1,
      otherChangeSetsOnExecute: 'obsolete',
    });
    cfn = cfnClient(aws);
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'other',
        ChangeSetType: 'CREATE',
        TemplateBody: vpc,
      }),
    );
    await deployChangeSet(cfn, { TemplateBody: vpc, StackName: 'net' });
    const { Summaries } = await cfn.send(new ListChangeSetsCommand({ StackName: 'net' }));
    expect(Summaries?.find((s) => s.ChangeSetName === 'other')?.ExecutionStatus).toBe('OBSOLETE');
  });
});

describe('the clock', () => {
  it('drives progress only when time passes, so a test can step through an execution', async () => {
    let now = 1_000_000;
    await aws.close();
    aws = await startFakeAws({ now: () => now, changeSetReadyMs: 10, resourceMs: 100 });
    cfn = cfnClient(aws);
    const { Id } = await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'net',
        ChangeSetName: 'cs',
        ChangeSetType: 'CREATE',
        TemplateBody: vpc,
      }),
    );
    now += 10;
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    const status = async () =>
      (await cfn.send(new DescribeStacksCommand({ StackName: 'net' }))).Stacks![0]!.StackStatus;
    expect(await status()).toBe('CREATE_IN_PROGRESS');
    now += 150;
    expect(aws.stack('net')!.resources.get('VPC')!.status).toBe('CREATE_COMPLETE');
    expect(aws.stack('net')!.resources.has('PublicSubnet1')).toBe(true);
    expect(await status()).toBe('CREATE_IN_PROGRESS');
    now += 10_000;
    expect(await status()).toBe('CREATE_COMPLETE');
    expect(aws.state.busy).toBe(false);
  });
});
