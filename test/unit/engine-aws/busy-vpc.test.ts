/**
 * Issue 10, item 2: a VPC stack busy with another operation when a plan starts (the next run
 * after a cancelled or timed-out deploy) is waited for, and its outputs feed the prerequisite
 * stack's plan; an existing stack is never called missing.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { discardRun, planBoth } from '../../../src/plan/plan.js';
import { ACCOUNT, busyFor, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

it('waits for a busy VPC stack and plans the prerequisite stack from its outputs', async () => {
  await deployBoth(h.ctx(), h.templates, ACCOUNT);
  busyFor(h.aws, VPC_STACK, 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE', 120_000);
  const ctx = h.ctx({ mode: 'plan' }, 'plan-2');
  const run = await planBoth(ctx, h.templates, ACCOUNT);
  await discardRun(run, ctx);
  const prereq = run.plan.stacks[1]!;
  expect(prereq.source).toBe('change-set');
  expect(prereq.action).toBe('none');
  expect(run.plan.warnings.join('\n')).not.toMatch(/does not exist/);
  expect(h.log.lines.join('\n')).toMatch(/Stack demo-vpc is busy \(UPDATE_IN_PROGRESS\)/);
});

it('names a VPC stack that cannot give outputs by its state, not as missing', async () => {
  h.aws.seedStack({ name: VPC_STACK, templateBody: h.templates.vpc, status: 'ROLLBACK_COMPLETE' });
  const ctx = h.ctx({ mode: 'plan', 'recreate-failed-stack': 'true' }, 'plan-3');
  const run = await planBoth(ctx, h.templates, ACCOUNT);
  await discardRun(run, ctx);
  expect(run.plan.warnings.join('\n')).not.toMatch(/does not exist/);
  expect(run.plan.warnings.join('\n')).toMatch(/ROLLBACK_COMPLETE/);
});
