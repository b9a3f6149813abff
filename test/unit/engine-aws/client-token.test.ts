/**
 * Issue 10, item 6: CreateChangeSet carries a ClientToken, so the SDK's retry after a lost
 * response gets the change set the first call made instead of AlreadyExists.
 */
import { planStack, discardPlan } from '../../../src/plan/plan-stack.js';
import { vpcStackSpec } from '../../../src/stacks/specs.js';
import { cfnClient } from '../../support/fake-aws/clients.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

it('a CreateChangeSet whose response was lost is retried without AlreadyExists', async () => {
  h.aws.addFault({
    service: 'cloudformation',
    action: 'CreateChangeSet',
    kind: 'lost-response',
    times: 1,
  });
  // The SDK retries a dropped connection (the product's clients allow ten attempts).
  const ctx = { ...h.ctx({ mode: 'plan' }), cfn: cfnClient(h.aws, { maxAttempts: 3 }) };
  const planned = await planStack(vpcStackSpec(ctx.settings, h.templates.vpc), ctx);
  const creates = h.aws.calls.filter((c) => c.action === 'CreateChangeSet');
  expect(creates.map((c) => c.fault)).toEqual(['lost-response', undefined]);
  expect(creates[0]!.params.ClientToken).toBeTruthy();
  expect(creates[1]!.params.ClientToken).toBe(creates[0]!.params.ClientToken);
  expect(h.aws.state.changeSets.size).toBe(1);
  await discardPlan(planned, ctx);
});
