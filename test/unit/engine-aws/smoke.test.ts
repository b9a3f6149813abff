import { deployBoth } from '../../../src/deploy/deploy.js';
import { PREREQ_STACK, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

it('deploys both stacks from nothing', async () => {
  const result = await deployBoth(h.ctx(), h.templates, '123456789012');
  expect(result.applied.map((a) => a.result)).toEqual(['created', 'created']);
  expect(h.aws.stack(VPC_STACK)?.status).toBe('CREATE_COMPLETE');
  expect(h.aws.stack(PREREQ_STACK)?.status).toBe('CREATE_COMPLETE');
});
