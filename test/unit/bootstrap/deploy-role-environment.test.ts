/**
 * The deploy role with deploy-environment: every call the bundled action makes with the role's
 * credentials while it creates the environment stack (a key the stack creates, so MWAA's grants
 * are read too) and verifies it is allowed by the bootstrap template's policies, the
 * DeployEnvironmentPolicy included; the environment is never deleted directly.
 */
import { TEST_PARAMETERS, renderAccessTemplate } from '../../support/bootstrap/access-template.js';
import {
  VIA_CLOUDFORMATION,
  engineRequests,
  iamActionOf,
  isRoleCall,
  uncovered,
} from '../../support/bootstrap/engine-calls.js';
import { decide } from '../../support/bootstrap/simulate.js';
import { environmentInputs, startEnvironmentFake } from '../../support/environment-e2e.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { runAction } from '../../support/runner/run-action.js';

const DEPLOY_ROLE =
  'arn:aws:iam::123456789012:role/mwaa-deploy-access-analytics-DeployRole-5E6F7G8H';
const ENVIRONMENT = 'arn:aws:airflow:us-east-1:123456789012:environment/analytics';
const { deployPolicy, boundaryArn } = renderAccessTemplate(TEST_PARAMETERS);

describe('the deploy role with deploy-environment', () => {
  let aws: FakeAws;
  beforeAll(async () => {
    aws = await startEnvironmentFake();
  });
  afterAll(async () => aws.close());

  it('allows every call of an environment deploy and verify', async () => {
    const inputs = (mode: string) =>
      environmentInputs({
        mode,
        'role-to-assume': DEPLOY_ROLE,
        'key-mode': 'customer-managed',
        'permissions-boundary': boundaryArn,
      });
    for (const mode of ['deploy', 'verify']) {
      const run = await runAction({ inputs: inputs(mode), env: aws.env() });
      expect(run.stdout).not.toMatch(/::error::/);
      expect(run.code).toBe(0);
    }
    expect(await uncovered(deployPolicy, engineRequests(aws.calls, aws))).toEqual([]);
    const used = new Set(aws.calls.filter(isRoleCall).map(iamActionOf));
    for (const action of ['airflow:GetEnvironment', 'kms:ListGrants', 'logs:DescribeLogGroups'])
      expect(used).toContain(action);
  });

  it('deletes or creates the environment only through CloudFormation', async () => {
    // The template retains it; CloudFormation deletes it only when the create that made it
    // rolls back (the engine executes with RetainExceptOnCreate).
    for (const action of ['airflow:DeleteEnvironment', 'airflow:CreateEnvironment']) {
      const request = { action, resource: ENVIRONMENT };
      expect(await decide(deployPolicy, { ...request, context: {} })).not.toBe('allow');
      expect(await decide(deployPolicy, { ...request, context: VIA_CLOUDFORMATION })).toBe('allow');
    }
    expect(
      await decide(deployPolicy, {
        action: 'airflow:DeleteEnvironment',
        resource: ENVIRONMENT,
        context: {},
      }),
    ).toBe('explicit-deny');
  });
});
