/**
 * Issue 10, item 5 (and issue 9's "require AVAILABLE"): only an AVAILABLE change set is
 * executed; one made OBSOLETE or deleted by another run's execution stops the deploy with what
 * to do, and a plan whose change set another run's execution deleted plans again once the stack
 * has settled.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { discardRun, planBoth } from '../../../src/plan/plan.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { errorOf } from '../../support/fake-aws/clients.js';
import { ACCOUNT, PREREQ_STACK, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
afterEach(() => h.aws.close());

/**
 * Another run executes a change set on the stack at `atMs` from now: CloudFormation deletes (or
 * marks OBSOLETE) every other change set of the stack, and the stack is busy for `forMs`.
 */
function anotherRunExecutes(aws: FakeAws, name: string, atMs: number, forMs: number): void {
  const state = aws.state;
  const t = state.now() + atMs;
  state.schedule(t, (at) => {
    const stack = state.stacks.get(name)!;
    for (const cs of state.changeSetsOf(stack)) {
      if (state.options.otherChangeSetsOnExecute === 'delete') state.changeSets.delete(cs.id);
      else cs.executionStatus = 'OBSOLETE';
    }
    state.stackEvent(stack, at, 'UPDATE_IN_PROGRESS', 'User Initiated', 'other-run');
  });
  state.schedule(t + forMs, (at) =>
    state.stackEvent(state.stacks.get(name)!, at, 'UPDATE_COMPLETE', undefined, 'other-run'),
  );
}

describe('before ExecuteChangeSet', () => {
  it('an OBSOLETE change set stops the deploy: the stack changed since the plan', async () => {
    h = await startHarness({ otherChangeSetsOnExecute: 'obsolete' });
    await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
    const ctx = h.ctx(
      { 'private-subnet-2-cidr': '10.192.22.0/24', 'fail-on-destructive': 'false' },
      'run-2',
    );
    const error = await errorOf(
      deployBoth(ctx, h.templates, ACCOUNT, {
        onPlan: async () => {
          anotherRunExecutes(h.aws, VPC_STACK, 0, 30_000);
          await h.clock.sleep(60_000);
        },
      }),
    );
    expect(String(error)).toMatch(/changed since the plan/);
    expect(String(error)).toMatch(/OBSOLETE/);
    expect(h.aws.calls.filter((c) => c.action === 'ExecuteChangeSet')).toHaveLength(2);
  });

  it('a change set deleted by another run stops the deploy with the same advice', async () => {
    h = await startHarness();
    await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
    const ctx = h.ctx(
      { 'private-subnet-2-cidr': '10.192.22.0/24', 'fail-on-destructive': 'false' },
      'run-2',
    );
    const error = await errorOf(
      deployBoth(ctx, h.templates, ACCOUNT, {
        onPlan: async () => {
          anotherRunExecutes(h.aws, VPC_STACK, 0, 30_000);
          await h.clock.sleep(60_000);
        },
      }),
    );
    expect(String(error)).toMatch(/no longer exists/);
    expect(String(error)).toMatch(/Run again/);
  });
});

describe('a plan overlapping an execution', () => {
  it('plans again once the stack has settled', async () => {
    h = await startHarness();
    await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
    // While the plan's change sets are computed (2 s), another run executes on the VPC stack.
    anotherRunExecutes(h.aws, VPC_STACK, 500, 30_000);
    const ctx = h.ctx({ mode: 'plan', 'private-subnet-2-cidr': '10.192.22.0/24' }, 'plan-2');
    const run = await planBoth(ctx, h.templates, ACCOUNT);
    await discardRun(run, ctx);
    expect(run.plan.stacks.map((s) => s.source)).toEqual(['change-set', 'change-set']);
    expect(h.log.lines.join('\n')).toMatch(/planning stack demo-vpc again/i);
    expect(h.aws.stack(PREREQ_STACK)?.status).toBe('CREATE_COMPLETE');
  });
});
