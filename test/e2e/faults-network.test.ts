/**
 * Network faults end to end: the bundled action against a fake AWS that resets connections and
 * answers slowly, on CloudFormation, on the read-only services the checks use (EC2, S3, IAM,
 * KMS) and on the credential path (the runner's token service, STS); and an STS refusal, which
 * must fail fast. Throttling storms and 5xx bursts are in fake-modes.test.ts.
 */
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws, FaultRule } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';
import { expectNoSecrets, expectPlanOnlyCleansUp, secretsOf } from '../unit/hostile/run-checks.js';

const FAST = { changeSetReadyMs: 20, resourceMs: 5, pageSize: { events: 500 } } as const;

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

/**
 * Outputs with their random parts blanked: key IDs, generated name suffixes (first: one may
 * hold a run of hex digits), physical IDs, the account; and without the plan file's path.
 */
function shape(outputs: Record<string, string>): Record<string, string> {
  const { 'plan-file': _planFile, ...rest } = outputs;
  return Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      v
        .replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'UUID')
        .replace(/(?<=-)[A-Za-z0-9]{12}\b/g, 'NAME')
        .replace(/[0-9a-f]{8,}/g, 'ID')
        .replace(/\d{12}/g, 'ACCOUNT'),
    ]),
  );
}

/** A clean deploy and one through `faults`, on two fresh fakes; both runs and the faulty fake. */
async function deployBoth(
  faults: readonly FaultRule[],
  extra: Record<string, string> = {},
): Promise<{ clean: ActionRun; faulty: ActionRun; aws: FakeAws }> {
  const cleanAws = await startFakeAws(FAST);
  let clean: ActionRun;
  try {
    clean = await runAction({ inputs: inputs('deploy', extra), env: cleanAws.env() });
  } finally {
    await cleanAws.close();
  }
  const aws = await startFakeAws({ ...FAST, faults });
  const faulty = await runAction({
    inputs: inputs('deploy', extra),
    env: aws.env(),
    timeoutMs: 90_000,
  });
  return { clean, faulty, aws };
}

describe('network faults against the bundled action', () => {
  it('deploys through connection resets and slow answers from CloudFormation, with the same outputs as a clean run', async () => {
    const { clean, faulty, aws } = await deployBoth([
      // The writes first: a reset answers nothing, so the SDK must send them again.
      { service: 'cloudformation', action: 'CreateChangeSet', kind: 'reset', times: 1 },
      { service: 'cloudformation', action: 'ExecuteChangeSet', kind: 'reset', times: 1 },
      { service: 'cloudformation', action: 'ExecuteChangeSet', kind: 'delay', delayMs: 1_000 },
      { service: 'cloudformation', kind: 'reset', every: 4 },
      { service: 'cloudformation', kind: 'delay', delayMs: 400, every: 5 },
    ]);
    try {
      expect(clean.code).toBe(0);
      expect(faulty.stdout).not.toMatch(/::error::/);
      expect(faulty.code).toBe(0);
      const hit = aws.calls.filter((c) => c.service === 'cloudformation' && c.fault === 'reset');
      expect(hit.length).toBeGreaterThan(5);
      // Resets hit the writes too, and none was applied twice.
      expect(hit.map((c) => c.action)).toEqual(
        expect.arrayContaining(['CreateChangeSet', 'ExecuteChangeSet']),
      );
      expect(aws.stack('orders-vpc')?.status).toBe('CREATE_COMPLETE');
      expect(aws.stack('orders-mwaa-prerequisites')?.status).toBe('CREATE_COMPLETE');
      expect(shape(faulty.outputs)).toEqual(shape(clean.outputs));
      expectNoSecrets(faulty, secretsOf(aws));
    } finally {
      await aws.close();
    }
  }, 120_000);

  it('deploys and checks through connection resets and slow answers from EC2, S3, IAM and KMS', async () => {
    const faults: FaultRule[] = ['ec2', 's3', 'iam', 'kms'].flatMap((service) => [
      { service, kind: 'reset', times: 1 } as const,
      { service, kind: 'reset', skip: 1, every: 3 } as const,
      { service, kind: 'delay', delayMs: 300, every: 2 } as const,
    ]);
    const { clean, faulty, aws } = await deployBoth(faults, { 'key-mode': 'customer-managed' });
    try {
      expect(clean.code).toBe(0);
      expect(faulty.stdout).not.toMatch(/::error::/);
      expect(faulty.code).toBe(0);
      const hit = new Set(aws.calls.filter((c) => c.fault === 'reset').map((c) => c.service));
      expect([...hit].sort()).toEqual(['ec2', 'iam', 'kms', 's3']);
      expect(faulty.stdout).toMatch(/Verified: all \d+ checks passed\./);
      expect(faulty.outputs['kms-key-arn']).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
      expect(shape(faulty.outputs)).toEqual(shape(clean.outputs));
      expectNoSecrets(faulty, secretsOf(aws));
    } finally {
      await aws.close();
    }
  }, 120_000);

  it('plans through resets and slow answers on every service, touching nothing but its own change sets', async () => {
    const aws = await startFakeAws({
      ...FAST,
      faults: [
        { service: 'oidc', kind: 'reset', times: 1 },
        { service: 'sts', action: 'AssumeRoleWithWebIdentity', kind: 'reset', times: 1 },
        { service: 'cloudformation', action: 'CreateChangeSet', kind: 'reset', times: 1 },
        { kind: 'reset', skip: 1, every: 3 },
        { kind: 'delay', delayMs: 250, every: 4 },
      ],
    });
    try {
      const run = await runAction({ inputs: inputs('plan'), env: aws.env(), timeoutMs: 90_000 });
      expect(run.stdout).not.toMatch(/::error::/);
      expect(run.code).toBe(0);
      expect(run.outputs['has-changes']).toBe('true');
      expect(new Set(aws.calls.filter((c) => c.fault === 'reset').map((c) => c.service))).toEqual(
        new Set(['oidc', 'sts', 'cloudformation']),
      );
      expectPlanOnlyCleansUp(aws);
      expectNoSecrets(run, secretsOf(aws));
    } finally {
      await aws.close();
    }
  }, 120_000);

  it('fails within 5 s on STS AccessDenied, before any CloudFormation call', async () => {
    const aws = await startFakeAws({
      ...FAST,
      faults: [
        {
          service: 'sts',
          action: 'AssumeRoleWithWebIdentity',
          kind: 'error',
          code: 'AccessDenied',
        },
      ],
    });
    try {
      const started = Date.now();
      const run = await runAction({ inputs: inputs('plan'), env: aws.env() });
      const wall = Date.now() - started;
      expect(run.code).toBe(1);
      expect(wall).toBeLessThan(5_000);
      expect(run.stdout).toMatch(/::error::.*trust policy/);
      // Not retried: AccessDenied is an answer, not a fault.
      expect(aws.calls.filter((c) => c.action === 'AssumeRoleWithWebIdentity')).toHaveLength(1);
      expect(aws.calls.filter((c) => c.service === 'cloudformation')).toEqual([]);
      expectPlanOnlyCleansUp(aws);
      expectNoSecrets(run, secretsOf(aws));
    } finally {
      await aws.close();
    }
  });
});
