/**
 * The bundled action in deploy mode against the fake AWS: ordered deploys with progress, the
 * root cause of failures, recovery on the next run, cancellation.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';

const ROLE = 'arn:aws:iam::123456789012:role/mwaa-deploy';

function inputs(env: string, extra: Record<string, string> = {}) {
  return {
    mode: 'deploy',
    'environment-name': env,
    'aws-region': 'us-east-1',
    'role-to-assume': ROLE,
    comment: 'never',
    tags: 'team=data\ncost-center=42',
    ...extra,
  };
}

/** Change sets still present on any stack, other than executed ones (AWS keeps those as history). */
function leftoverChangeSets(aws: FakeAws): string[] {
  return [...aws.state.stacks.values()].flatMap((s) =>
    [...aws.state.changeSets.values()]
      .filter((c) => c.stackId === s.stackId && !c.executionStatus.startsWith('EXECUTE_'))
      .map((c) => `${s.name}/${c.name}`),
  );
}

describe('deploy mode against the fake AWS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 30, resourceMs: 10 });
  });
  afterEach(async () => aws.close());

  it('creates both stacks in order, protects and tags them, checks and publishes the outputs', async () => {
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    const vpc = aws.stack('analytics-vpc');
    const prereq = aws.stack('analytics-mwaa-prerequisites');
    expect(vpc?.status).toBe('CREATE_COMPLETE');
    expect(prereq?.status).toBe('CREATE_COMPLETE');
    expect(vpc?.terminationProtection).toBe(true);
    expect(prereq?.terminationProtection).toBe(true);
    expect(prereq?.tags).toEqual([
      { Key: 'team', Value: 'data' },
      { Key: 'cost-center', Value: '42' },
    ]);
    // The VPC stack ran first; the prerequisite stack took its VPC ID.
    expect(prereq?.parameters.VpcId).toBe(run.outputs['vpc-id']);
    const executes = aws.calls
      .filter((c) => c.action === 'ExecuteChangeSet')
      .map((c) => String(c.params.ChangeSetName));
    expect(executes).toHaveLength(2);
    expect(executes[0]).toMatch(/-vpc\//);
    // Progress and this operation's events in the log.
    // Progress lines while it runs (the fake may finish before the first poll), and at the end.
    expect(run.stdout).toMatch(
      /analytics-vpc: CREATE_(IN_PROGRESS|COMPLETE), \d+\/22 resources done, \d+ s/,
    );
    expect(run.stdout).toContain('analytics-vpc: CREATE_COMPLETE, 22/22 resources done');
    expect(run.stdout).toMatch(/CREATE_COMPLETE NatGateway1 \(AWS::EC2::NatGateway\)/);
    // The plan, each stack's operation with its events, and the checks: one log group each.
    const groups = [...run.stdout.matchAll(/^::(group::.*|endgroup::)$/gm)].map((m) => m[1]);
    expect(groups).toEqual(
      [
        'group::Plan',
        'group::Stack analytics-vpc',
        'group::Stack analytics-mwaa-prerequisites',
        'group::Checks',
      ].flatMap((g) => [g, 'endgroup::']),
    );
    const vpcGroup = run.stdout.slice(
      run.stdout.indexOf('::group::Stack analytics-vpc'),
      run.stdout.indexOf('::group::Stack analytics-mwaa-prerequisites'),
    );
    expect(vpcGroup).toMatch(/CREATE_COMPLETE NatGateway1/);
    // Outputs MWAA needs, checked.
    expect(run.outputs['vpc-id']).toMatch(/^vpc-[0-9a-f]+$/);
    expect(run.outputs['private-subnet-ids']).toMatch(/^subnet-[0-9a-f]+,subnet-[0-9a-f]+$/);
    expect(run.outputs['bucket-arn']).toBe(`arn:aws:s3:::${run.outputs['bucket-name']}`);
    expect(run.outputs['execution-role-arn']).toMatch(/^arn:aws:iam::123456789012:role\//);
    expect(run.outputs['kms-key-arn']).toBe('');
    expect(run.stdout).not.toMatch(/✗/);
    expect(leftoverChangeSets(aws)).toEqual([]);
  });

  it('skips stacks without changes on the next run', async () => {
    expect((await runAction({ inputs: inputs('analytics'), env: aws.env() })).code).toBe(0);
    const before = aws.calls.length;
    const again = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(again.code).toBe(0);
    expect(again.outputs['has-changes']).toBe('false');
    expect(again.stdout).toContain('Stack analytics-vpc: no changes.');
    expect(again.stdout).toContain('Stack analytics-mwaa-prerequisites: no changes.');
    expect(aws.calls.slice(before).filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
    expect(leftoverChangeSets(aws)).toEqual([]);
  });

  it('fails with the first real failure, and recovers with recreate-failed-stack', async () => {
    aws.failResource({
      stackName: 'analytics-vpc',
      logicalId: 'NatGateway2',
      operation: 'create',
      reason: 'The maximum number of NAT gateways has been reached.',
      times: 1,
    });
    const failed = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /::error::Stack analytics-vpc ended in ROLLBACK_COMPLETE\. First failure: NatGateway2 \(AWS::EC2::NatGateway\) CREATE_FAILED: The maximum number of NAT gateways has been reached\./,
    );
    expect(aws.stack('analytics-vpc')?.status).toBe('ROLLBACK_COMPLETE');
    // The prerequisite stack was never started and nothing was left behind.
    expect(aws.stack('analytics-mwaa-prerequisites')).toBeUndefined();
    expect(leftoverChangeSets(aws)).toEqual([]);

    const refused = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('recreate-failed-stack: true');

    const recovered = await runAction({
      inputs: inputs('analytics', { 'recreate-failed-stack': 'true' }),
      env: aws.env(),
    });
    expect(recovered.stdout).not.toMatch(/::error::/);
    expect(recovered.code).toBe(0);
    expect(aws.stack('analytics-vpc')?.status).toBe('CREATE_COMPLETE');
  });

  it('reports a failed update with its root cause; the stack stays usable', async () => {
    expect((await runAction({ inputs: inputs('analytics'), env: aws.env() })).code).toBe(0);
    aws.failResource({
      stackName: 'analytics-mwaa-prerequisites',
      logicalId: 'ExecutionRole',
      operation: 'update',
      reason: 'Policy document should not specify a principal.',
      times: 1,
    });
    // A user template that only rewords the role's description: an in-place update.
    const original = await readFile(
      new URL('../../templates/mwaa-prerequisites.yaml', import.meta.url),
      'utf8',
    );
    const changed = original.replace(
      'Execution role of the Amazon MWAA environment',
      'MWAA execution role for',
    );
    expect(changed).not.toBe(original);
    const path = join(await mkdtemp(join(tmpdir(), 'mwaa-tpl-')), 'prereq.yaml');
    await writeFile(path, changed);
    const failed = await runAction({
      inputs: inputs('analytics', { 'prerequisites-template': path }),
      env: aws.env(),
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /Stack analytics-mwaa-prerequisites ended in UPDATE_ROLLBACK_COMPLETE\. First failure: ExecutionRole \(AWS::IAM::Role\) UPDATE_FAILED: Policy document should not specify a principal\./,
    );
    expect(aws.stack('analytics-mwaa-prerequisites')?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
  });

  it('on cancellation says what is still running in AWS and exits non-zero', async () => {
    const slow = await startFakeAws({ changeSetReadyMs: 30, resourceMs: 2_000 });
    try {
      const run = await runAction({
        inputs: inputs('analytics'),
        env: slow.env(),
        killWhen: 'Executing change set',
        killAfter: { ms: 300, signal: 'SIGTERM' },
      });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toContain('The job was cancelled (SIGTERM).');
      expect(run.stdout).toContain('keeps running in AWS');
    } finally {
      await slow.close();
    }
  });
});
