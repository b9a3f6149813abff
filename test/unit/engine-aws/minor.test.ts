/**
 * Issue 10, item 10: a user template with a Transform needs CAPABILITY_AUTO_EXPAND; no tags
 * given means no Tags sent (an empty Tags removes the tags set outside the action); termination
 * protection is turned on by every deploy, and verify checks it.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { discardRun, planBoth } from '../../../src/plan/plan.js';
import { checkTerminationProtection } from '../../../src/verify/termination-protection.js';
import { ACCOUNT, PREREQ_STACK, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

it('plans a template with a Transform', async () => {
  const vpc = `Transform: AWS::LanguageExtensions\n${h.templates.vpc}`;
  const ctx = h.ctx({ mode: 'plan' });
  const run = await planBoth(ctx, { ...h.templates, vpc }, ACCOUNT);
  await discardRun(run, ctx);
  const create = h.aws.calls.find((c) => c.action === 'CreateChangeSet')!;
  expect(JSON.stringify(create.params.Capabilities)).toMatch(/CAPABILITY_AUTO_EXPAND/);
});

it('keeps tags set outside the action when no tags are given', async () => {
  await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
  h.aws.stack(VPC_STACK)!.tags = [{ Key: 'owner', Value: 'ops' }];
  await deployBoth(
    h.ctx({ 'private-subnet-2-cidr': '10.192.22.0/24', 'fail-on-destructive': 'false' }, 'run-2'),
    h.templates,
    ACCOUNT,
  );
  expect(h.aws.stack(VPC_STACK)!.tags).toEqual([{ Key: 'owner', Value: 'ops' }]);
  const creates = h.aws.calls.filter((c) => c.action === 'CreateChangeSet');
  expect(creates.every((c) => c.params.Tags === undefined)).toBe(true);
});

it('turns termination protection on in every deploy, and verify checks it', async () => {
  await deployBoth(h.ctx({ 'termination-protection': 'false' }, 'run-1'), h.templates, ACCOUNT);
  const before = await checkTerminationProtection(h.cfn, [VPC_STACK, PREREQ_STACK]);
  expect(before.ok).toBe(false);
  expect(before.details).toMatch(/demo-vpc/);
  expect(before.details).toMatch(/update-termination-protection --enable-termination-protection/);
  // An unchanged stack, created before protection was asked for, gets it too.
  await deployBoth(h.ctx({}, 'run-2'), h.templates, ACCOUNT);
  expect(h.aws.stack(VPC_STACK)!.terminationProtection).toBe(true);
  expect(h.aws.stack(PREREQ_STACK)!.terminationProtection).toBe(true);
  expect((await checkTerminationProtection(h.cfn, [VPC_STACK, PREREQ_STACK])).ok).toBe(true);
});
