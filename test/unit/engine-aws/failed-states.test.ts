/**
 * Issue 10, item 9: a stack left in UPDATE_FAILED or CREATE_FAILED by a run with rollback
 * disabled can be updated (resuming from the failure) or rolled back (RollbackStack), not only
 * deleted (AWS CloudFormation User Guide, "Choose how to handle failures when provisioning
 * resources"; API reference, RollbackStack).
 */
import { discardRun, planBoth } from '../../../src/plan/plan.js';
import { ACCOUNT, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

it.each(['UPDATE_FAILED', 'CREATE_FAILED'])('plans an update of a stack in %s', async (status) => {
  h.aws.seedStack({
    name: VPC_STACK,
    templateBody: h.templates.vpc,
    status,
    parameters: { EnvironmentName: 'demo' },
  });
  const ctx = h.ctx({ mode: 'plan', 'private-subnet-2-cidr': '10.192.22.0/24' }, 'plan-1');
  const run = await planBoth(ctx, h.templates, ACCOUNT);
  await discardRun(run, ctx);
  const vpc = run.plan.stacks[0]!;
  expect(vpc.source).toBe('change-set');
  expect(vpc.action).toBe('update');
  const warning = vpc.warnings.join('\n');
  expect(warning).toMatch(new RegExp(`${status}.*rollback disabled`));
  expect(warning).toMatch(/aws cloudformation rollback-stack --stack-name demo-vpc/);
});
