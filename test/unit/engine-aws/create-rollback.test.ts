/**
 * Issue 10, item 3: a failed first create must not leave the bucket and the key behind. With
 * DeletionPolicy Retain, CloudFormation keeps them on a create's rollback, so a retry with
 * bucket-name set fails with "already exists" forever and every failure leaves a KMS key.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { errorOf } from '../../support/fake-aws/clients.js';
import { ACCOUNT, PREREQ_STACK, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

const inputs = {
  'key-mode': 'customer-managed',
  'bucket-name': 'demo-airflow-bucket',
  'recreate-failed-stack': 'true',
};

it('a failed first create keeps no bucket or key, and the retry creates them', async () => {
  h.aws.failResource({
    stackName: PREREQ_STACK,
    logicalId: 'ExecutionRole',
    reason: 'Quota exceeded',
    times: 1,
  });
  const failed = await errorOf(deployBoth(h.ctx(inputs, 'run-1'), h.templates, ACCOUNT));
  expect(String(failed)).toMatch(/ROLLBACK_COMPLETE/);
  expect(h.aws.resources('AWS::S3::Bucket')).toEqual([]);
  // A deleted key stays listed, pending deletion; none may be left enabled.
  expect(h.aws.resources('AWS::KMS::Key').filter((k) => !k.deleted)).toEqual([]);

  const retry = await deployBoth(h.ctx(inputs, 'run-2'), h.templates, ACCOUNT);
  expect(retry.applied.map((a) => a.result)).toEqual(['unchanged', 'created']);
  expect(retry.prerequisiteOutputs.BucketName).toBe('demo-airflow-bucket');
});

it('the fake fails a named bucket whose name a retained bucket still holds', async () => {
  // The fake's own behaviour, with a template that keeps Retain (as a user's template might).
  const retaining = h.templates.prerequisites.replaceAll(
    'DeletionPolicy: RetainExceptOnCreate',
    'DeletionPolicy: Retain',
  );
  const templates = { ...h.templates, prerequisites: retaining };
  h.aws.failResource({
    stackName: PREREQ_STACK,
    logicalId: 'ExecutionRole',
    reason: 'Quota exceeded',
    times: 1,
  });
  await errorOf(deployBoth(h.ctx(inputs, 'run-1'), templates, ACCOUNT));
  const retry = await errorOf(deployBoth(h.ctx(inputs, 'run-2'), templates, ACCOUNT));
  // The engine asks CloudFormation to delete what a failed create made (RetainExceptOnCreate
  // on execute), so even a Retain template leaves nothing: the retry succeeds.
  expect(retry).toBeUndefined();
});
