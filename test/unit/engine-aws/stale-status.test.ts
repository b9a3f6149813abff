/**
 * Issue 10, item 8: right after ExecuteChangeSet, DescribeStacks can still show the stack's
 * previous final status and outputs. The deploy accepts a final status only once the stack's
 * own final event with this run's token was read, so old outputs are never returned as new.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { ACCOUNT, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ statusLagMs: 3_000 });
});
afterEach(() => h.aws.close());

it('does not take the status from before the execution for its end', async () => {
  const first = await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
  const result = await deployBoth(
    h.ctx({ 'private-subnet-2-cidr': '10.192.22.0/24', 'fail-on-destructive': 'false' }, 'run-2'),
    h.templates,
    ACCOUNT,
  );
  const deployed = h.aws.stack(VPC_STACK)!.outputs.find((o) => o.OutputKey === 'PrivateSubnet2');
  expect(result.vpcOutputs.PrivateSubnet2).toBe(deployed?.OutputValue);
  expect(result.vpcOutputs.PrivateSubnet2).not.toBe(first.vpcOutputs.PrivateSubnet2);
});
