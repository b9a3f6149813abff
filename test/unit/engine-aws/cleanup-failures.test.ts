/**
 * Issue 10, item 7: an update can end UPDATE_COMPLETE although its cleanup could not delete
 * something (the old VPC after a replacement, while a security group still lives in it). The
 * deploy warns, naming what was left and what it costs.
 */
import { deployBoth } from '../../../src/deploy/deploy.js';
import { ACCOUNT, startHarness, VPC_STACK } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.aws.close());

it('warns when the cleanup of a replacement could not delete the old resource', async () => {
  await deployBoth(h.ctx({}, 'run-1'), h.templates, ACCOUNT);
  h.aws.failResource({
    stackName: VPC_STACK,
    logicalId: 'PrivateSubnet2',
    operation: 'delete',
    reason: "The subnet 'subnet-1' has dependencies and cannot be deleted.",
  });
  const result = await deployBoth(
    h.ctx({ 'private-subnet-2-cidr': '10.192.22.0/24', 'fail-on-destructive': 'false' }, 'run-2'),
    h.templates,
    ACCOUNT,
  );
  expect(result.applied[0]!.result).toBe('updated');
  const warnings = h.log.lines.filter((l) => l.startsWith('warning:')).join('\n');
  expect(warnings).toMatch(/could not delete/);
  expect(warnings).toMatch(/PrivateSubnet2 \(AWS::EC2::Subnet\)/);
  expect(warnings).toMatch(/has dependencies/);
});
