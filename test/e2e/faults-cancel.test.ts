/**
 * Cancellation and leftovers end to end: the bundled action stopped by the runner's signals
 * while CloudFormation computes a plan's change set, and a stack left in REVIEW_IN_PROGRESS by a
 * run that could not clean up. Cancellation during a deploy is in fake-deploy.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';
import {
  expectNoSecrets,
  expectPlanOnlyCleansUp,
  liveStacks,
  secretsOf,
} from '../unit/hostile/run-checks.js';

/** Long enough that the signal always lands while the change set is being computed. */
const CHANGE_SET_READY_MS = 8_000;

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

const template = (name: string) =>
  readFile(new URL(`../../templates/${name}.yaml`, import.meta.url), 'utf8');

describe.each(['SIGINT', 'SIGTERM'] as const)(
  "%s while a new stack's plan is computed",
  (signal) => {
    let aws: FakeAws;
    let run: ActionRun;
    let wall: number;
    beforeAll(async () => {
      aws = await startFakeAws({ changeSetReadyMs: CHANGE_SET_READY_MS, resourceMs: 5 });
      const started = Date.now();
      // "Assumed role" is the last line before the change set is created; 1.5 s later it is
      // being computed (ready only after 8 s).
      run = await runAction({
        inputs: inputs('plan'),
        env: aws.env(),
        killWhen: 'Assumed role',
        killAfter: { ms: 1_500, signal },
      });
      wall = Date.now() - started;
    });
    afterAll(async () => aws.close());

    it('deletes the review stack it created and exits non-zero, saying it was cancelled', () => {
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      expect(wall).toBeLessThan(CHANGE_SET_READY_MS);
      const create = aws.calls.find((c) => c.action === 'CreateChangeSet');
      expect(create?.params).toMatchObject({ StackName: 'orders-vpc', ChangeSetType: 'CREATE' });
      expect(run.stdout).toContain(`::error::The job was cancelled (${signal}).`);
      // The review stack the plan made is gone, and with it the change set; the log shows it.
      expect(aws.calls.filter((c) => c.action === 'DeleteStack')).toHaveLength(1);
      expect(run.stdout).toContain('orders-vpc: DELETE_COMPLETE');
      expect(aws.stack('orders-vpc')).toBeUndefined();
      expect([...aws.state.changeSets.values()]).toEqual([]);
      expectPlanOnlyCleansUp(aws);
      expectNoSecrets(run, secretsOf(aws));
    });

    // BUG cancel-message (src/engine/cancel.ts, describe): the one message for every mode is
    // "The job was cancelled (SIGTERM). A stack operation that had already started keeps running
    // in AWS; the next run waits for it." In plan mode it names nothing that was interrupted
    // (computing change set mwaa-deploy-…-vpc of stack orders-vpc), and it claims an operation
    // keeps running when the plan has just deleted everything it made. Fix: let the engine say
    // what it was doing (e.g. "cancelled while computing the change set of stack orders-vpc;
    // the plan's change sets and review stacks were deleted") and keep the "keeps running"
    // sentence for an execute or delete that had started.
    it('says what was running and that nothing was left behind', () => {
      const line = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? '';
      expect(line).toMatch(/change set.*orders-vpc|orders-vpc.*change set/);
      expect(line).not.toContain('keeps running in AWS');
    });
  },
);

describe('cancellation while an update is planned', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: CHANGE_SET_READY_MS, resourceMs: 5 });
  });
  afterEach(async () => aws.close());

  it('on SIGTERM while an update is computed, deletes only its change set', async () => {
    aws.seedStack({
      name: 'orders-vpc',
      templateBody: await template('vpc'),
      parameters: { EnvironmentName: 'orders' },
    });
    const before = liveStacks(aws);
    const run = await runAction({
      inputs: inputs('plan', { 'vpc-cidr': '10.193.0.0/16', ...subnets('10.193') }),
      env: aws.env(),
      killWhen: 'Assumed role',
      killAfter: { ms: 1_500, signal: 'SIGTERM' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::error::The job was cancelled (SIGTERM).');
    expect(aws.calls.find((c) => c.action === 'CreateChangeSet')?.params).toMatchObject({
      StackName: 'orders-vpc',
      ChangeSetType: 'UPDATE',
    });
    // Each change set it made is deleted (a review stack's before the stack itself), no other.
    const created = aws.calls.filter((c) => c.action === 'CreateChangeSet').length;
    expect(aws.calls.filter((c) => c.action === 'DeleteChangeSet')).toHaveLength(created);
    expect(aws.stack('orders-vpc')?.status).toBe('CREATE_COMPLETE');
    expect([...aws.state.changeSets.values()]).toEqual([]);
    expectPlanOnlyCleansUp(aws, 0, before);
    expectNoSecrets(run, secretsOf(aws));
  });
});

function subnets(prefix: string): Record<string, string> {
  return {
    'public-subnet-1-cidr': `${prefix}.10.0/24`,
    'public-subnet-2-cidr': `${prefix}.11.0/24`,
    'private-subnet-1-cidr': `${prefix}.20.0/24`,
    'private-subnet-2-cidr': `${prefix}.21.0/24`,
  };
}

describe('a stack left in REVIEW_IN_PROGRESS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5, pageSize: { events: 500 } });
    // What a plan killed outright (SIGKILL) after its CREATE change set leaves behind.
    aws.seedStack({ name: 'orders-vpc', status: 'REVIEW_IN_PROGRESS' });
  });
  afterEach(async () => aws.close());

  it('plans over it and leaves it as it was (a stack it did not create is not deleted)', async () => {
    const before = liveStacks(aws);
    const run = await runAction({ inputs: inputs('plan'), env: aws.env() });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(run.outputs['has-changes']).toBe('true');
    expect(aws.calls.filter((c) => c.action === 'DeleteStack')).toEqual([]);
    expect(aws.stack('orders-vpc')?.status).toBe('REVIEW_IN_PROGRESS');
    expectPlanOnlyCleansUp(aws, 0, before);
    expectNoSecrets(run, secretsOf(aws));
  });

  it('deploys over it: the stack is created', async () => {
    const run = await runAction({ inputs: inputs('deploy'), env: aws.env() });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(aws.stack('orders-vpc')?.status).toBe('CREATE_COMPLETE');
    expect(aws.stack('orders-mwaa-prerequisites')?.status).toBe('CREATE_COMPLETE');
    expect(run.outputs['vpc-id']).toMatch(/^vpc-/);
    expectNoSecrets(run, secretsOf(aws));
  });
});
