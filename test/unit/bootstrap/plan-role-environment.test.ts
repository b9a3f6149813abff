/**
 * The plan role with deploy-environment: a plan of the environment stack before the environment
 * exists runs the "will it create?" pre-checks (subnets, routes, NAT gateways, the security
 * group, the bucket's versioning and Region, the key and its policy) with the plan role's
 * credentials; every call is allowed by the bootstrap template's plan policy.
 */
import { TEST_PARAMETERS, renderAccessTemplate } from '../../support/bootstrap/access-template.js';
import {
  engineRequests,
  iamActionOf,
  isRoleCall,
  uncovered,
} from '../../support/bootstrap/engine-calls.js';
import { environmentInputs, startEnvironmentFake } from '../../support/environment-e2e.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { runAction } from '../../support/runner/run-action.js';

const PLAN_ROLE = 'arn:aws:iam::123456789012:role/mwaa-deploy-access-analytics-PlanRole-1A2B3C4D';
const { planPolicy } = renderAccessTemplate(TEST_PARAMETERS);

describe('the plan role with deploy-environment', () => {
  let aws: FakeAws;
  beforeAll(async () => {
    aws = await startEnvironmentFake();
  });
  afterAll(async () => aws.close());

  it("allows every call of the environment's plan and its pre-checks", async () => {
    const key = { 'key-mode': 'customer-managed' };
    // The two stacks exist (deployed by another role); the environment does not yet.
    const deploy = await runAction({
      inputs: environmentInputs({ ...key, 'deploy-environment': 'false' }),
      env: aws.env(),
    });
    expect(deploy.code).toBe(0);
    const from = aws.calls.length;
    const plan = await runAction({
      inputs: environmentInputs({ ...key, mode: 'plan', 'role-to-assume': PLAN_ROLE }),
      env: aws.env(),
    });
    expect(plan.stdout).not.toMatch(/::error::/);
    expect(plan.code).toBe(0);
    const calls = aws.calls.slice(from);
    // The plan role may not delete the environment stack's empty review stack: refused, and
    // the plan goes on (policies/README.md).
    const refused = await uncovered(planPolicy, engineRequests(calls, aws));
    expect(refused.filter((r) => !r.startsWith('cloudformation:DeleteStack on '))).toEqual([]);
    const used = new Set(calls.filter(isRoleCall).map(iamActionOf));
    for (const action of [
      'ec2:DescribeSubnets',
      'ec2:DescribeRouteTables',
      's3:GetBucketVersioning',
      'kms:GetKeyPolicy',
    ])
      expect(used).toContain(action);
  });
});
