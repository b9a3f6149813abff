/** The fake's drift detection, over the real SDK, as the API reference describes it (drift.ts). */
import {
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DetectStackDriftCommand,
} from '@aws-sdk/client-cloudformation';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { cfnClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';

describe('the fake CloudFormation detects drift', () => {
  let aws: FakeAws;
  // A clock of our own, so that a loaded machine cannot finish the detection between two reads.
  let now = 1_000_000;
  beforeEach(async () => {
    aws = await startFakeAws({ driftDetectionMs: 400, now: () => now });
  });
  afterEach(async () => aws.close());

  it('reports IN_PROGRESS, then the drifted resources and their property differences', async () => {
    aws.seedStack({ name: 'net', templateBody: await loadBuiltInTemplate('vpc') });
    aws.patchResource('net', 'VPC', (p) => ({ ...p, EnableDnsHostnames: false }));
    const cfn = cfnClient(aws);
    const { StackDriftDetectionId: id } = await cfn.send(
      new DetectStackDriftCommand({ StackName: 'net' }),
    );
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const first = await cfn.send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }),
    );
    expect(first.DetectionStatus).toBe('DETECTION_IN_PROGRESS');
    expect(first.StackDriftStatus).toBeUndefined();
    // Nothing is listed until the detection completes.
    const early = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: 'net' }));
    expect(early.StackResourceDrifts).toEqual([]);
    now += 450;
    const done = await cfn.send(
      new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }),
    );
    expect(done).toMatchObject({
      DetectionStatus: 'DETECTION_COMPLETE',
      StackDriftStatus: 'DRIFTED',
      DriftedStackResourceCount: 1,
    });
    const drifts = await cfn.send(
      new DescribeStackResourceDriftsCommand({
        StackName: 'net',
        StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
      }),
    );
    expect(drifts.StackResourceDrifts).toHaveLength(1);
    expect(drifts.StackResourceDrifts?.[0]).toMatchObject({
      LogicalResourceId: 'VPC',
      ResourceType: 'AWS::EC2::VPC',
      StackResourceDriftStatus: 'MODIFIED',
      PropertyDifferences: [
        {
          PropertyPath: '/EnableDnsHostnames',
          ExpectedValue: 'true',
          ActualValue: 'false',
          DifferenceType: 'NOT_EQUAL',
        },
      ],
    });
    // Every checked resource is listed without a filter, in pages.
    const page1 = await cfn.send(
      new DescribeStackResourceDriftsCommand({ StackName: 'net', MaxResults: 5 }),
    );
    expect(page1.StackResourceDrifts).toHaveLength(5);
    expect(page1.NextToken).toBeDefined();
  });

  it('refuses an unknown stack, an unknown detection and a stack in progress', async () => {
    const cfn = cfnClient(aws);
    await expect(cfn.send(new DetectStackDriftCommand({ StackName: 'nope' }))).rejects.toThrow(
      'Stack with id nope does not exist',
    );
    await expect(
      cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: 'x' })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    aws.seedStack({ name: 'busy', status: 'UPDATE_IN_PROGRESS' });
    await expect(
      cfn.send(new DetectStackDriftCommand({ StackName: 'busy' })),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});
