/**
 * The engine deploying an environment whose create fails, on the instant clock with MWAA's real
 * durations: CloudFormation's rollback waits ~20 minutes for MWAA to delete the environment, and
 * the engine's wait, its progress lines and the root cause (MWAA's LastUpdate.Error) hold across it.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { environmentReaders } from '../../../src/environment/readers.js';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { errorOf, FAKE_CREDENTIALS, verifyClients } from '../../support/fake-aws/clients.js';
import { REALISTIC_MWAA_MS } from '../../support/fake-aws/index.js';
import { rootStatement } from '../../support/environment-e2e.js';
import { ACCOUNT, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    mwaa: {
      createMs: REALISTIC_MWAA_MS.create,
      updateMs: REALISTIC_MWAA_MS.update,
      deleteMs: REALISTIC_MWAA_MS.delete,
    },
  });
});
afterEach(() => h.aws.close());

async function deployEnvironment(inputs: Record<string, string>) {
  const base = h.ctx({ 'deploy-environment': 'true', ...inputs });
  const read = verifyClients(h.aws);
  const ctx = {
    ...base,
    environment: environmentReaders({
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      env: { AWS_ENDPOINT_URL: h.aws.url },
      read,
    }),
  };
  const templates = { ...h.templates, environment: await loadBuiltInTemplate('mwaa-environment') };
  const started = h.clock.now();
  const error = await errorOf(deployBoth(ctx, templates, ACCOUNT));
  return { error: String(error), minutes: (h.clock.now() - started) / 60_000 };
}

it('a failed create: the wait lasts through MWAA deleting the environment, and names its cause', async () => {
  // The pre-check would stop this deploy; allowed, MWAA fails the environment 25 minutes in.
  const keyArn = h.aws.seedKey({
    policy: { Version: '2012-10-17', Statement: [rootStatement()] },
  });
  const { error, minutes } = await deployEnvironment({
    'key-mode': 'customer-managed',
    'kms-key': keyArn,
    'allow-failed-prechecks': 'kms-key-policy',
  });
  // CloudFormation's outcome, with MWAA's root cause beside it.
  expect(error).toMatch(/Stack demo-mwaa-environment ended in ROLLBACK_COMPLETE/);
  expect(error).toMatch(
    /MWAA environment demo was deleted by the rollback; its last update FAILED: INCORRECT_CONFIGURATION: /,
  );
  // Creating (~25 min) and then deleting (~20 min) were both waited for.
  expect(minutes).toBeGreaterThanOrEqual(
    (REALISTIC_MWAA_MS.create + REALISTIC_MWAA_MS.delete) / 60_000,
  );
  expect(h.aws.mwaa.environments.has('demo')).toBe(false);
  // The progress lines: the environment's own status, minutes counting, through the deletion.
  const progress = h.log.lines.filter((l) => l.startsWith('MWAA environment demo:'));
  expect(progress.some((l) => /^MWAA environment demo: CREATING \(\d+ min\)$/.test(l))).toBe(true);
  const deleting = progress.find((l) => / DELETING /.test(l));
  expect(deleting).toMatch(
    /^MWAA environment demo: DELETING \((2\d|3\d) min\); last update FAILED: INCORRECT_CONFIGURATION/,
  );
  // Once MWAA has deleted it, the environment reads as deleted, not as "not created yet".
  expect(progress.at(-1)).toMatch(/^MWAA environment demo: DELETED \(\d+ min\)$/);
  // CloudFormation's status lines kept coming while it rolled back.
  expect(h.log.lines.some((l) => /ROLLBACK_IN_PROGRESS/.test(l))).toBe(true);
});

it('a wait shorter than the rollback still gives MWAA’s cause', async () => {
  const keyArn = h.aws.seedKey({
    policy: { Version: '2012-10-17', Statement: [rootStatement()] },
  });
  const { error } = await deployEnvironment({
    'key-mode': 'customer-managed',
    'kms-key': keyArn,
    'allow-failed-prechecks': 'kms-key-policy',
    'timeout-minutes': '30',
  });
  expect(error).toMatch(
    /MWAA environment demo is DELETING; its last update FAILED: INCORRECT_CONFIGURATION/,
  );
});
