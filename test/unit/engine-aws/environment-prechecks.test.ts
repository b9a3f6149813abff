/**
 * The environment stack's "will it create?" pre-checks in the engine's plan, against the fake
 * over the SDK: a failure goes into the plan (and stops it) before any change set of the stack;
 * a check the role may not make is a note; an allowed check lets the change set be made.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { policyViolation } from '../../../src/engine/policy.js';
import { environmentReaders } from '../../../src/environment/readers.js';
import { discardRun, planBoth } from '../../../src/plan/plan.js';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { FAKE_CREDENTIALS, verifyClients } from '../../support/fake-aws/clients.js';
import { rootStatement } from '../../support/environment-e2e.js';
import { ACCOUNT, startHarness } from './harness.js';
import type { Harness } from './harness.js';

const ENVIRONMENT_STACK = 'demo-mwaa-environment';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

async function plan(inputs: Record<string, string>) {
  const ctx = {
    ...h.ctx(
      {
        mode: 'plan',
        'deploy-environment': 'true',
        'key-mode': 'customer-managed',
        ...inputs,
      },
      'plan-run',
    ),
    environment: environmentReaders({
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      env: { AWS_ENDPOINT_URL: h.aws.url },
      read: verifyClients(h.aws, { maxAttempts: 1 }),
    }),
  };
  const templates = { ...h.templates, environment: await loadBuiltInTemplate('mwaa-environment') };
  const run = await planBoth(ctx, templates, ACCOUNT);
  await discardRun(run, ctx);
  const environment = run.plan.stacks.find((s) => s.role === 'environment')!;
  return { environment, blocked: policyViolation(run.plan, ctx.settings, templates) };
}

const environmentChangeSets = () =>
  h.aws.calls.filter(
    (c) => c.action === 'CreateChangeSet' && c.params['StackName'] === ENVIRONMENT_STACK,
  );

it('an existing key without the logs statement: a failed pre-check that stops the plan', async () => {
  const keyArn = h.aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });
  const { environment, blocked } = await plan({ 'kms-key': keyArn });
  expect(environment.failedPrechecks).toEqual([
    expect.objectContaining({ id: 'kms-key-policy', allowable: true }),
  ]);
  expect(environment.failedPrechecks?.[0]?.details).toContain(
    `add this statement to the key policy of ${keyArn}:`,
  );
  expect(blocked).toMatch(/^The MWAA environment would fail/);
  expect(environmentChangeSets()).toEqual([]);
});

it('a key policy the role may not read: a note, and nothing stops', async () => {
  const keyArn = h.aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });
  h.aws.addFault({
    service: 'kms',
    action: 'GetKeyPolicy',
    kind: 'error',
    code: 'AccessDeniedException',
  });
  const { environment, blocked } = await plan({ 'kms-key': keyArn });
  expect(environment.failedPrechecks).toBeUndefined();
  expect(environment.warnings).toContainEqual(
    expect.stringMatching(
      /^Will it create\? KMS key policy lets CloudWatch Logs use the key: not checked \(could not read the key policy/,
    ),
  );
  expect(blocked).toBeUndefined();
});

it('with the other stacks deployed and the check allowed, the change set is made and the finding kept', async () => {
  const keyArn = h.aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });
  const groundwork = h.ctx({ 'key-mode': 'customer-managed', 'kms-key': keyArn });
  const deployed = await deployBoth(groundwork, h.templates, ACCOUNT);
  expect(deployed.applied.map((a) => a.result)).toEqual(['created', 'created']);
  const { environment, blocked } = await plan({
    'kms-key': keyArn,
    'allow-failed-prechecks': 'kms-key-policy',
  });
  // Every pre-check ran with the deployed outputs: only the key policy failed.
  expect(environment.failedPrechecks?.map((p) => p.id)).toEqual(['kms-key-policy']);
  expect(environment.source).toBe('change-set');
  expect(environmentChangeSets()).toHaveLength(1);
  expect(blocked).toBeUndefined();
});
