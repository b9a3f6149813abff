/**
 * A resource failing during an update, end to end: the bundled action deploys, an update of the
 * prerequisite stack fails and rolls back (UPDATE_ROLLBACK_COMPLETE), and the next run plans and
 * deploys from there; an update whose rollback fails too (UPDATE_ROLLBACK_FAILED) is stopped
 * before anything is planned, with the way out; and a failure whose stack settles between the
 * wait's read of the events and its read of the status still names the root cause. Failures on create (ROLLBACK_COMPLETE) are in
 * fake-deploy.test.ts.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';
import {
  expectNoSecrets,
  expectPlanOnlyCleansUp,
  liveStacks,
  secretsOf,
} from '../unit/hostile/run-checks.js';

const STACK = 'orders-mwaa-prerequisites';

function inputs(mode: string, extra: Record<string, string> = {}) {
  return {
    mode,
    'environment-name': 'orders',
    'aws-region': 'us-east-1',
    'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa',
    comment: 'never',
    ...extra,
  };
}

/** A user template that only rewords the execution role's description: an in-place update. */
async function rewordedTemplate(): Promise<string> {
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
  return path;
}

describe('a resource failing during an update', () => {
  let aws: FakeAws;
  let template: string;
  beforeEach(async () => {
    // Resources take long enough that the poll sees the failure before the stack settles (see
    // the bug below for when it does not).
    aws = await startFakeAws({
      changeSetReadyMs: 20,
      resourceMs: 100,
      pageSize: { events: 500 },
    });
    const first = await runAction({ inputs: inputs('deploy'), env: aws.env() });
    expect(first.code).toBe(0);
    template = await rewordedTemplate();
  });
  afterEach(async () => aws.close());

  it('leaves the stack UPDATE_ROLLBACK_COMPLETE, and the next run plans and deploys from there', async () => {
    aws.failResource({
      stackName: STACK,
      logicalId: 'ExecutionRole',
      operation: 'update',
      reason: 'Rate exceeded while updating the role',
      times: 1,
    });
    const failed = await runAction({
      inputs: inputs('deploy', { 'prerequisites-template': template }),
      env: aws.env(),
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(
      `::error::Stack ${STACK} ended in UPDATE_ROLLBACK_COMPLETE. First failure: ExecutionRole (AWS::IAM::Role) UPDATE_FAILED: Rate exceeded while updating the role`,
    );
    expect(aws.stack(STACK)?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    // The VPC stack, deployed first, was not touched by the failure.
    expect(aws.stack('orders-vpc')?.status).toBe('CREATE_COMPLETE');
    expectNoSecrets(failed, secretsOf(aws));

    // A plan over the rolled-back stack: the update is still to do, and nothing is left behind.
    const from = aws.calls.length;
    const before = liveStacks(aws);
    const plan = await runAction({
      inputs: inputs('plan', { 'prerequisites-template': template }),
      env: aws.env(),
    });
    expect(plan.stdout).not.toMatch(/::error::/);
    expect(plan.code).toBe(0);
    expect(plan.outputs['has-changes']).toBe('true');
    expectPlanOnlyCleansUp(aws, from, before);
    expectNoSecrets(plan, secretsOf(aws));

    const recovered = await runAction({
      inputs: inputs('deploy', { 'prerequisites-template': template }),
      env: aws.env(),
    });
    expect(recovered.stdout).not.toMatch(/::error::/);
    expect(recovered.code).toBe(0);
    expect(aws.stack(STACK)?.status).toBe('UPDATE_COMPLETE');
    expect(recovered.stdout).toMatch(/Verified: all \d+ checks passed\./);
    expect(recovered.outputs['execution-role-arn']).toMatch(/^arn:aws:iam::123456789012:role\//);
    expectNoSecrets(recovered, secretsOf(aws));
  });

  it('stops at UPDATE_ROLLBACK_FAILED when the rollback fails too, and says how out', async () => {
    aws.failResource({
      stackName: STACK,
      logicalId: 'ExecutionRole',
      operation: 'update',
      reason: 'Rate exceeded while updating the role',
      rollbackReason: 'Role is in use and cannot be restored',
    });
    const failed = await runAction({
      inputs: inputs('deploy', { 'prerequisites-template': template }),
      env: aws.env(),
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`::error::Stack ${STACK} ended in UPDATE_ROLLBACK_FAILED.`);
    expect(aws.stack(STACK)?.status).toBe('UPDATE_ROLLBACK_FAILED');

    const from = aws.calls.length;
    const again = await runAction({
      inputs: inputs('plan', { 'prerequisites-template': template }),
      env: aws.env(),
    });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`continue-update-rollback --stack-name ${STACK}`);
    // Nothing is attempted on a stack that cannot be updated.
    expect(
      aws.calls
        .slice(from)
        .filter((c) => c.action === 'CreateChangeSet' && c.params.StackName === STACK),
    ).toEqual([]);
    expectPlanOnlyCleansUp(aws, from, liveStacks(aws));
    expectNoSecrets(again, secretsOf(aws));
  });
});

describe('a stack that settles between two reads of the wait', () => {
  // The fake's clock, under the test's control: frozen while the action reads the events, then
  // jumped a minute ahead before its status read is answered, as when the stack settles
  // between the two reads (a fast failure, or a slow DescribeStacks answer).
  let frozen: number | undefined;
  let offset = 0;
  let aws: FakeAws;
  beforeEach(async () => {
    frozen = undefined;
    offset = 0;
    aws = await startFakeAws({
      changeSetReadyMs: 20,
      resourceMs: 100,
      pageSize: { events: 500 },
      now: () => frozen ?? Date.now() + offset,
    });
    const first = await runAction({ inputs: inputs('deploy'), env: aws.env() });
    expect(first.code).toBe(0);
  });
  afterEach(async () => aws.close());

  // Found by this test as a bug of src/cfn/operation.ts (waitForStack read the events, then
  // the stack, and stopped once the stack had settled: the events of the end of the operation
  // were never read, and the failure said "no failure event found"); fixed in the working tree
  // alongside it by a final read of the events. Kept as the regression test.
  it('names the root cause, and logs the last events', async () => {
    aws.failResource({
      stackName: STACK,
      logicalId: 'ExecutionRole',
      operation: 'update',
      reason: 'Rate exceeded while updating the role',
      times: 1,
    });
    // Time to act on each call before the fake answers it (calls are logged on arrival).
    aws.addFault({
      service: 'cloudformation',
      action: 'ExecuteChangeSet',
      kind: 'delay',
      delayMs: 500,
    });
    const from = aws.calls.length;
    let executeAt: number | undefined;
    const watcher = setInterval(() => {
      if (executeAt === undefined) {
        const at = aws.calls.findIndex((c, i) => i >= from && c.action === 'ExecuteChangeSet');
        if (at >= 0) {
          executeAt = at;
          frozen = Date.now();
          aws.addFault({
            service: 'cloudformation',
            action: 'DescribeStacks',
            kind: 'delay',
            delayMs: 500,
            times: 1,
          });
        }
      } else if (
        frozen !== undefined &&
        aws.calls.slice(executeAt).some((c) => c.action === 'DescribeStacks')
      ) {
        offset = frozen + 60_000 - Date.now();
        frozen = undefined;
      }
    }, 10);
    let failed;
    try {
      failed = await runAction({
        inputs: inputs('deploy', { 'prerequisites-template': await rewordedTemplate() }),
        env: aws.env(),
      });
    } finally {
      clearInterval(watcher);
    }
    expect(failed.code).toBe(1);
    expect(aws.stack(STACK)?.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expectNoSecrets(failed, secretsOf(aws));
    expect(failed.stdout).toContain(
      'First failure: ExecutionRole (AWS::IAM::Role) UPDATE_FAILED: Rate exceeded while updating the role',
    );
    // The interleaving did happen: a status read after the execute, which saw the stack
    // settled, preceded by an events read (at the frozen time) that could not see the failure.
    // That first settled status is not believed until the stack's own final event of this run
    // has been read (a read can lag the write: issue 10, item 8), so the wait reads the events
    // and the status once more.
    expect(executeAt).toBeDefined();
    const reads = aws.calls
      .slice(executeAt)
      .filter((c) => c.action === 'DescribeStacks' || c.action === 'DescribeStackEvents')
      .map((c) => c.action);
    expect(reads.slice(0, 2)).toEqual(['DescribeStackEvents', 'DescribeStacks']);
    expect(reads.filter((r) => r === 'DescribeStacks')).toHaveLength(2);
    expect(failed.stdout).toMatch(
      /UPDATE_ROLLBACK_COMPLETE orders-mwaa-prerequisites \(AWS::CloudFormation::Stack\)/,
    );
  });
});
