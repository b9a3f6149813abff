/**
 * The engine's gate through the bundled action: a change set planned again during the deploy
 * (after the VPC stack replaced its VPC) that does more than the plan showed stops the deploy,
 * as it does from the library (test/unit/engine/gate-deploy.test.ts).
 */
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';

function inputs(extra: Record<string, string> = {}) {
  return {
    mode: 'deploy',
    'environment-name': 'orders',
    'aws-region': 'us-east-1',
    'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa-deploy',
    comment: 'never',
    ...extra,
  };
}

describe('the gate through the action', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
  });
  afterEach(async () => aws.close());

  it('stops a re-planned change set that replaces what the reviewed plan did not show, with both plans', async () => {
    expect((await runAction({ inputs: inputs(), env: aws.env() })).code).toBe(0);
    const vpcBefore = aws.stack('orders-mwaa-prerequisites')?.parameters.VpcId;
    const run = await runAction({
      inputs: inputs({
        'vpc-cidr': '10.50.0.0/16',
        'public-subnet-1-cidr': '10.50.10.0/24',
        'public-subnet-2-cidr': '10.50.11.0/24',
        'private-subnet-1-cidr': '10.50.20.0/24',
        'private-subnet-2-cidr': '10.50.21.0/24',
        'allow-destructive': 'AWS::EC2::VPC\nAWS::EC2::Subnet',
      }),
      env: aws.env(),
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain('::error::');
    expect(run.stdout).toContain('replaces or removes more than the reviewed plan showed');
    expect(run.stdout).toMatch(
      /SecurityGroup \(AWS::EC2::SecurityGroup\) +\(no change\) +± replace/,
    );
    // The VPC stack went ahead (it was in the plan); the prerequisite stack did not move.
    expect(aws.stack('orders-vpc')?.parameters.VpcCIDR).toBe('10.50.0.0/16');
    expect(aws.stack('orders-mwaa-prerequisites')?.parameters.VpcId).toBe(vpcBefore);
  }, 90_000);
});
