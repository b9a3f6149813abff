/**
 * The bundled action against the fake AWS across key modes and over the life of an
 * environment: deploy, re-plan without changes, a CIDR change, a key-mode switch, and the same
 * deploy through a throttling storm.
 */
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';
import { logsKeyStatement } from '../support/logs-key-statement.js';

const MUTATING = /^(Create|Delete|Execute|Update|Continue|Put|Tag|Untag|Set)/;

interface PlanJson {
  stacks: {
    stackName: string;
    action: string;
    changes: { action: string; logicalId: string; replacement?: string }[];
    parameters: { key: string; before?: string; after?: string }[];
  }[];
}

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

const LOGS_STATEMENT = logsKeyStatement();

describe('key modes and the life of an environment, against the fake AWS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
  });
  afterEach(async () => aws.close());

  it('deploys with a key the stack creates and checks it', async () => {
    const run = await runAction({
      inputs: inputs('deploy', { 'key-mode': 'customer-managed' }),
      env: aws.env(),
    });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(run.outputs['kms-key-arn']).toMatch(
      /^arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}$/,
    );
    expect(run.stdout).toMatch(/✓ .*key/i);
  });

  it('deploys with an existing key given by ID, and fails the check when its policy lacks the logs statement', async () => {
    const good = aws.seedKey({
      policy: { Version: '2012-10-17', Statement: [LOGS_STATEMENT] },
    });
    const keyId = good.split('/').pop() ?? '';
    const run = await runAction({
      inputs: inputs('deploy', { 'key-mode': 'customer-managed', 'kms-key': keyId }),
      env: aws.env(),
    });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.outputs['kms-key-arn']).toBe(good);
    expect(aws.stack('orders-mwaa-prerequisites')?.parameters.ExistingKmsKeyArn).toBe(good);

    const bare = aws.seedKey({ policy: { Version: '2012-10-17', Statement: [] } });
    const second = await runAction({
      inputs: inputs('deploy', {
        'environment-name': 'billing',
        'key-mode': 'customer-managed',
        'kms-key': bare,
      }),
      env: aws.env(),
    });
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('kms:EncryptionContext:aws:logs:arn');
  });

  it('re-plans a deployed environment as "no changes", touching nothing but its own change sets', async () => {
    expect((await runAction({ inputs: inputs('deploy'), env: aws.env() })).code).toBe(0);
    const from = aws.calls.length;
    const run = await runAction({ inputs: inputs('plan'), env: aws.env() });
    expect(run.code).toBe(0);
    expect(run.outputs['has-changes']).toBe('false');
    expect((run.plan as PlanJson).stacks.map((s) => s.action)).toEqual(['none', 'none']);
    const mutations = aws.calls.slice(from).filter((c) => MUTATING.test(c.action));
    expect(mutations.map((c) => c.action).sort()).toEqual([
      'CreateChangeSet',
      'CreateChangeSet',
      'DeleteChangeSet',
      'DeleteChangeSet',
    ]);
  });

  it('shows a private subnet CIDR change as a replacement, with before and after, and fails it', async () => {
    expect((await runAction({ inputs: inputs('deploy'), env: aws.env() })).code).toBe(0);
    const run = await runAction({
      inputs: inputs('plan', { 'private-subnet-1-cidr': '10.192.30.0/24' }),
      env: aws.env(),
    });
    // Replacing a subnet moves MWAA's network: the policy fails the step, after publishing.
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::The plan is destructive/);
    const vpc = (run.plan as PlanJson).stacks[0];
    expect(vpc?.parameters.find((p) => p.key === 'PrivateSubnet1CIDR')).toMatchObject({
      before: '10.192.20.0/24',
      after: '10.192.30.0/24',
    });
    expect(vpc?.changes.find((c) => c.logicalId === 'PrivateSubnet1')).toMatchObject({
      action: 'Modify',
      replacement: 'True',
    });
    expect(run.outputs.destructive).toBe('true');
  });

  it('plans a key-mode switch as a change of the KeyMode parameter', async () => {
    expect((await runAction({ inputs: inputs('deploy'), env: aws.env() })).code).toBe(0);
    const run = await runAction({
      inputs: inputs('plan', { 'key-mode': 'customer-managed' }),
      env: aws.env(),
    });
    const prereq = (run.plan as PlanJson).stacks[1];
    expect(prereq?.parameters.find((p) => p.key === 'KeyMode')).toMatchObject({
      before: 'aws-owned',
      after: 'customer-managed-new',
    });
    expect(prereq?.changes.map((c) => c.logicalId)).toEqual(
      expect.arrayContaining(['Key', 'ExecutionRole', 'Bucket']),
    );
  });

  it('deploys through a throttling storm and 5xx bursts with the same result as a clean run', async () => {
    const clean = await runAction({ inputs: inputs('deploy'), env: aws.env() });
    expect(clean.code).toBe(0);
    const stormy = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    try {
      stormy.addFault({ kind: 'throttle', every: 3 });
      stormy.addFault({ kind: 'unavailable', every: 11 });
      const run = await runAction({
        inputs: inputs('deploy'),
        env: stormy.env(),
        timeoutMs: 120_000,
      });
      expect(run.stdout).not.toMatch(/::error::/);
      expect(run.code).toBe(0);
      expect(stormy.calls.filter((c) => c.fault).length).toBeGreaterThan(10);
      const shape = (outputs: Record<string, string>) =>
        Object.fromEntries(
          // Physical IDs and generated name suffixes are random; everything else must match.
          Object.entries(outputs).map(([k, v]) => [
            k,
            // The 12-character suffix first: a suffix that starts with 8 hex characters would
            // otherwise be half replaced (a rare flake, seen once).
            v.replace(/(?<=-)[A-Za-z0-9]{12}\b|[0-9a-f]{8,}/g, 'ID'),
          ]),
        );
      const { 'plan-file': _a, ...cleanOutputs } = clean.outputs;
      const { 'plan-file': _b, ...stormyOutputs } = run.outputs;
      expect(shape(stormyOutputs)).toEqual(shape(cleanOutputs));
    } finally {
      await stormy.close();
    }
  }, 180_000);
});
