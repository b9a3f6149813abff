/**
 * Issue 10, item 1: a plan's cleanup deletes only the empty review stack it made, never a stack
 * that another run joined (a CREATE change set on a REVIEW_IN_PROGRESS stack joins it, and
 * executing a change set deletes the stack's other change sets).
 */
import {
  CreateChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { waitForStack } from '../../../src/cfn/operation.js';
import { discardPlan, planStack } from '../../../src/plan/plan-stack.js';
import { vpcStackSpec } from '../../../src/stacks/specs.js';
import { scheduleDeletion } from '../../support/fake-aws/lifecycle.js';
import { errorOf } from '../../support/fake-aws/clients.js';
import { startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

const wait = (ms: number) => h.clock.sleep(ms);

async function otherRunCreates(h: Harness, changeSetName: string): Promise<string> {
  const spec = vpcStackSpec(h.settings(), h.templates.vpc);
  const { Id } = await h.cfn.send(
    new CreateChangeSetCommand({
      StackName: VPC_STACK,
      ChangeSetName: changeSetName,
      ChangeSetType: 'CREATE',
      TemplateBody: spec.templateBody,
      Parameters: spec.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value })),
    }),
  );
  return Id!;
}

describe('plan cleanup', () => {
  it('deletes the review stack the plan made when nothing else joined it', async () => {
    const ctx = h.ctx({ mode: 'plan' });
    const planned = await planStack(vpcStackSpec(ctx.settings, h.templates.vpc), ctx);
    expect(planned.createdReviewStack).toBe(true);
    await discardPlan(planned, ctx);
    await wait(5_000);
    expect(h.aws.stack(VPC_STACK)).toBeUndefined();
  });

  it('leaves a stack that a deploy created from the same review stack meanwhile', async () => {
    const ctx = h.ctx({ mode: 'plan' }, 'plan-run');
    const planned = await planStack(vpcStackSpec(ctx.settings, h.templates.vpc), ctx);
    // A first deploy joins the review stack the plan made, and executes: the plan's change set
    // is deleted by that execution.
    const id = await otherRunCreates(h, 'deploy-run');
    await wait(5_000);
    await h.cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: id, ClientRequestToken: 'd' }));
    await wait(200_000);
    expect(h.aws.stack(VPC_STACK)?.status).toBe('CREATE_COMPLETE');
    await discardPlan(planned, ctx);
    await wait(200_000);
    expect(h.aws.stack(VPC_STACK)?.status).toBe('CREATE_COMPLETE');
    expect(h.aws.calls.filter((c) => c.action === 'DeleteStack')).toEqual([]);
  });

  it("leaves a review stack that holds another plan's change set", async () => {
    const ctx = h.ctx({ mode: 'plan' }, 'plan-a');
    const planned = await planStack(vpcStackSpec(ctx.settings, h.templates.vpc), ctx);
    const other = await otherRunCreates(h, 'plan-b');
    await discardPlan(planned, ctx);
    await wait(5_000);
    const stack = h.aws.stack(VPC_STACK);
    expect(stack?.status).toBe('REVIEW_IN_PROGRESS');
    expect(h.aws.state.changeSets.has(other)).toBe(true);
    expect(h.aws.state.changeSets.has(planned.changeSet!.id)).toBe(false);
  });
});

describe('waiting for a stack operation', () => {
  it('fails when the stack vanishes during an update', async () => {
    const seeded = h.aws.seedStack({
      name: VPC_STACK,
      templateBody: h.templates.vpc,
      status: 'UPDATE_IN_PROGRESS',
    });
    scheduleDeletion(h.aws.state, seeded, undefined, h.clock.now() + 1_000);
    const error = await errorOf(
      waitForStack(
        h.cfn,
        { stackName: VPC_STACK, stackId: seeded.stackId, startedAt: h.clock.now() },
        { clock: h.clock, log: h.log, timeoutMs: 600_000 },
      ),
    );
    expect(String(error)).toMatch(/DELETE_COMPLETE/);
    // Read by ID, a deleted stack shows DELETE_COMPLETE.
    const { Stacks } = await h.cfn.send(new DescribeStacksCommand({ StackName: seeded.stackId }));
    expect(Stacks?.[0]?.StackStatus).toBe('DELETE_COMPLETE');
  });
});
