/**
 * Issue 9, item 1: a change set that is CREATE_COMPLETE / AVAILABLE with no resource change is
 * real work (new outputs, parameter values, tags); only a FAILED "didn't contain changes" one
 * means nothing to do. The plan says which outputs change.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { discardRun, planBoth } from '../../../src/plan/plan.js';
import { ACCOUNT, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

const withOutputs = (vpc: string) =>
  vpc.replace(
    /\nOutputs:\n/,
    `\nOutputs:
  VpcCidrBlock:
    Description: The VPC's address range
    Value: !Ref VpcCIDR
  VpcAgain:
    Description: The VPC again
    Value: !Ref VPC
  VpcCidrAttribute:
    Description: An attribute no deployed output shows yet
    Value: !GetAtt VPC.CidrBlock
`,
  );

it('plans and deploys an output-only template edit', async () => {
  await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
  const vpcId = h.aws.stack(VPC_STACK)!.outputs.find((o) => o.OutputKey === 'VPC')!.OutputValue;
  const templates = { ...h.templates, vpc: withOutputs(h.templates.vpc) };

  const planCtx = h.ctx({ mode: 'plan' }, 'plan-2');
  const run = await planBoth(planCtx, templates, ACCOUNT);
  await discardRun(run, planCtx);
  const vpc = run.plan.stacks[0]!;
  expect(vpc.action).toBe('update');
  expect(vpc.changes).toEqual([]);
  expect(vpc.outputs).toEqual([
    { key: 'VpcCidrBlock', change: 'add', after: '10.192.0.0/16' },
    { key: 'VpcAgain', change: 'add', after: vpcId },
    { key: 'VpcCidrAttribute', change: 'add', knownAfterDeploy: true },
  ]);
  expect(vpc.warnings.join('\n')).toMatch(/no resource change/);
  expect(run.plan.stacks[1]!.action).toBe('none');

  const result = await deployBoth(h.ctx({}, 'run-2'), templates, ACCOUNT);
  expect(result.applied.map((a) => a.result)).toEqual(['updated', 'unchanged']);
  expect(result.vpcOutputs.VpcCidrBlock).toBe('10.192.0.0/16');
  expect(result.vpcOutputs.VpcAgain).toBe(vpcId);
});

it('an unchanged stack is still "no changes" and nothing executes', async () => {
  await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
  const result = await deployBoth(h.ctx({}, 'run-2'), h.templates, ACCOUNT);
  expect(result.applied.map((a) => a.result)).toEqual(['unchanged', 'unchanged']);
  expect(h.aws.calls.filter((c) => c.action === 'ExecuteChangeSet')).toHaveLength(2);
});
