/**
 * The plan role is enough for plan mode and can do nothing else: the bundled action plans
 * against the fake AWS (an empty account, the VPC stack deployed, both stacks deployed with
 * changes to both), and every call it made with the role's credentials, plus what CloudFormation
 * asks with them while computing the change sets, is allowed by the plan policy; executing,
 * updating, creating stacks and changing any EC2, S3, IAM or KMS resource is not.
 */
import { CloudFormationClient, DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { parseTemplate, loadBuiltInTemplate } from '../../../src/templates/index.js';
import { TEST_PARAMETERS, renderAccessTemplate } from '../../support/bootstrap/access-template.js';
import {
  PROVISIONING,
  RETAINED,
  VIA_CLOUDFORMATION,
  changeSetValidationRequests,
  engineRequests,
  iamActionOf,
  isRoleCall,
  trustRequest,
  uncovered,
} from '../../support/bootstrap/engine-calls.js';
import { evaluate, isAllowed } from '../../support/bootstrap/iam-policy.js';
import type { IamRequest, PolicyDocument } from '../../support/bootstrap/iam-policy.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { CallRecord, FakeAws } from '../../support/fake-aws/index.js';
import { runAction } from '../../support/runner/run-action.js';

const PLAN_ROLE = 'arn:aws:iam::123456789012:role/mwaa-deploy-access-analytics-PlanRole-1A2B3C4D';
const STACK = (name: string) =>
  `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/00000000-0000-4000-8000-000000000000`;

const { planPolicy, planTrust, providerArn } = renderAccessTemplate(TEST_PARAMETERS);

function inputs(mode: string, extra: Record<string, string> = {}) {
  return {
    mode,
    'environment-name': 'analytics',
    'aws-region': 'us-east-1',
    'role-to-assume': PLAN_ROLE,
    comment: 'never',
    ...extra,
  };
}

/** Runs the action in plan mode; returns the calls of that run only. */
async function plan(aws: FakeAws, extra: Record<string, string> = {}) {
  const from = aws.calls.length;
  const run = await runAction({ inputs: inputs('plan', extra), env: aws.env() });
  expect(run.stdout).not.toMatch(/::error::/);
  expect(run.code).toBe(0);
  return { run, calls: aws.calls.slice(from) };
}

/** Checks the calls against the plan policy and the token against its trust policy. */
function expectPlanRoleCovers(aws: FakeAws, calls: readonly CallRecord[]): Set<string> {
  expect(uncovered(planPolicy, engineRequests(calls, aws))).toEqual([]);
  const assumed = aws.sts.assumed.at(-1);
  expect(assumed?.roleArn).toBe(PLAN_ROLE);
  expect(isAllowed(planTrust, trustRequest(assumed?.claims ?? {}, providerArn))).toBe(true);
  return new Set(calls.filter(isRoleCall).map(iamActionOf));
}

describe('plan mode with the plan role', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({
      changeSetReadyMs: 20,
      resourceMs: 5,
      oidc: { subject: 'repo:octo/infra:pull_request' },
    });
  });
  afterEach(async () => aws.close());

  it('is allowed every call in an empty account, the review stack’s deletion included', async () => {
    const { calls } = await plan(aws);
    const used = expectPlanRoleCovers(aws, calls);
    expect(used).toEqual(
      new Set([
        'sts:GetCallerIdentity',
        'cloudformation:DescribeStacks',
        'cloudformation:CreateChangeSet',
        'cloudformation:DescribeChangeSet',
        'cloudformation:DeleteStack',
        'cloudformation:DescribeStackEvents',
      ]),
    );
  });

  it('is allowed every call when the VPC stack exists', async () => {
    aws.seedStack({
      name: 'analytics-vpc',
      templateBody: await loadBuiltInTemplate('vpc'),
      parameters: { EnvironmentName: 'analytics' },
      terminationProtection: true,
    });
    const { calls } = await plan(aws);
    const used = expectPlanRoleCovers(aws, calls);
    expect(used).toContain('cloudformation:DeleteChangeSet');
    expect(used).toContain('cloudformation:DeleteStack');
  });

  it('is allowed every call when both stacks exist and both change; deployed stacks stay protected', async () => {
    const deployed = await runAction({ inputs: inputs('deploy'), env: aws.env() });
    expect(deployed.code).toBe(0);
    const { run, calls } = await plan(aws, {
      'public-subnet-2-cidr': '10.192.12.0/24',
      'key-mode': 'customer-managed',
      'fail-on-destructive': 'false',
    });
    expect((run.plan as { stacks: { action: string }[] }).stacks.map((s) => s.action)).toEqual([
      'update',
      'update',
    ]);
    const used = expectPlanRoleCovers(aws, calls);
    expect(used).not.toContain('cloudformation:DeleteStack');
    expect(used).not.toContain('cloudformation:ExecuteChangeSet');

    // DeleteStack is the plan role's one destructive permission. On a stack mwaa-deploy created,
    // CloudFormation refuses it, and the role may not turn protection off.
    const cfn = new CloudFormationClient({
      endpoint: aws.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDPLAN', secretAccessKey: 'x' },
    });
    for (const name of ['analytics-vpc', 'analytics-mwaa-prerequisites']) {
      expect(aws.stack(name)?.terminationProtection).toBe(true);
      expect(
        isAllowed(planPolicy, { action: 'cloudformation:DeleteStack', resource: STACK(name) }),
      ).toBe(true);
      await expect(cfn.send(new DeleteStackCommand({ StackName: name }))).rejects.toThrow(
        /TerminationProtection is enabled/,
      );
      expect(
        evaluate(planPolicy, {
          action: 'cloudformation:UpdateTerminationProtection',
          resource: STACK(name),
        }).decision,
      ).toBe('explicit-deny');
      expect(aws.stack(name)?.status).toMatch(/_COMPLETE$/);
    }
  });

  it('is allowed what CloudFormation checks with its permissions while computing the change sets', async () => {
    const requests = [
      ...changeSetValidationRequests(parseTemplate(await loadBuiltInTemplate('vpc'))),
      ...changeSetValidationRequests(
        parseTemplate(await loadBuiltInTemplate('mwaa-prerequisites')),
      ),
    ];
    expect(requests.map((r) => r.action).sort()).toEqual([
      'ec2:DescribeAccountAttributes',
      'ec2:DescribeAvailabilityZones',
      'ec2:DescribeVpcs',
    ]);
    expect(uncovered(planPolicy, requests)).toEqual([]);
  });
});

describe('what the plan role may not do', () => {
  const contexts = [{}, VIA_CLOUDFORMATION, { 'cloudformation:CreateAction': 'CreateChangeSet' }];
  const decisions = (policy: PolicyDocument, action: string, resources: readonly string[]) =>
    new Set(
      resources.flatMap((resource) =>
        contexts.map((context) => evaluate(policy, { action, resource, context }).decision),
      ),
    );

  it('executes, updates or creates no stack, and changes no stack setting', () => {
    for (const action of [
      'ExecuteChangeSet',
      'UpdateStack',
      'CreateStack',
      'UpdateTerminationProtection',
      'SetStackPolicy',
      'ContinueUpdateRollback',
      'CancelUpdateStack',
      'RollbackStack',
    ]) {
      expect([
        action,
        decisions(planPolicy, `cloudformation:${action}`, ['*', STACK('analytics-vpc')]),
      ]).toEqual([action, new Set(['explicit-deny'])]);
    }
  });

  it('creates, changes or deletes no EC2, S3, IAM or KMS resource, even through CloudFormation', () => {
    const mutating = new Set<string>([
      ...Object.values(PROVISIONING)
        .flatMap((p) => p.actions)
        .filter((a) => !/:(Describe|Get|List)/.test(a)),
      ...Object.values(RETAINED),
      's3:PutObject',
      's3:DeleteObject',
      'iam:PassRole',
      'iam:AttachRolePolicy',
      'iam:CreatePolicy',
      'kms:CreateGrant',
    ]);
    expect(mutating.size).toBeGreaterThan(60);
    for (const action of mutating) {
      expect([
        action,
        decisions(planPolicy, action, ['*', 'arn:aws:s3:::analytics-bucket']),
      ]).toEqual([action, new Set(['explicit-deny'])]);
    }
  });

  it('allows only CloudFormation on its stacks, reads, and GetCallerIdentity', () => {
    const allowed = planPolicy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) =>
      typeof s.Action === 'string' ? [s.Action] : [...(s.Action ?? ['(NotAction)'])],
    );
    expect(allowed.filter((a) => !a.startsWith('cloudformation:')).sort()).toEqual([
      // deploy-environment: the environment's status and the "will it create?" pre-checks.
      'airflow:GetEnvironment',
      'ec2:DescribeAccountAttributes',
      'ec2:DescribeAvailabilityZones',
      'ec2:DescribeNatGateways',
      'ec2:DescribeRouteTables',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSubnets',
      'ec2:DescribeVpcs',
      'kms:DescribeKey',
      'kms:GetKeyPolicy',
      's3:GetBucketLocation',
      's3:GetBucketVersioning',
      'sts:GetCallerIdentity',
    ]);
    expect(allowed.every((a) => !a.includes('*'))).toBe(true);
    expect(allowed.filter((a) => a.startsWith('cloudformation:')).sort()).toEqual([
      'cloudformation:CreateChangeSet',
      'cloudformation:DeleteChangeSet',
      'cloudformation:DeleteStack',
      'cloudformation:DescribeChangeSet',
      'cloudformation:DescribeStackEvents',
      'cloudformation:DescribeStacks',
      'cloudformation:GetTemplate',
      'cloudformation:ListChangeSets',
      'cloudformation:TagResource',
      'cloudformation:UntagResource',
    ]);
  });

  it('touches only this environment’s stacks and change sets named mwaa-deploy-*', () => {
    const create = (resource: string, name: string): IamRequest => ({
      action: 'cloudformation:CreateChangeSet',
      resource,
      context: { 'cloudformation:ChangeSetName': name },
    });
    expect(isAllowed(planPolicy, create(STACK('analytics-vpc'), 'mwaa-deploy-1-vpc'))).toBe(true);
    expect(isAllowed(planPolicy, create(STACK('billing-vpc'), 'mwaa-deploy-1-vpc'))).toBe(false);
    expect(isAllowed(planPolicy, create(STACK('analytics-vpc'), 'hand-made'))).toBe(false);
    expect(
      isAllowed(planPolicy, {
        action: 'cloudformation:DeleteStack',
        resource: STACK('analyticsx'),
      }),
    ).toBe(false);
    // Tags only ride on a change set being created, never on their own nor on an execution.
    for (const action of ['cloudformation:TagResource', 'cloudformation:UntagResource']) {
      const tag = { action, resource: STACK('analytics-vpc') };
      const on = (createAction: string) => ({
        ...tag,
        context: { 'cloudformation:CreateAction': createAction },
      });
      expect(isAllowed(planPolicy, tag)).toBe(false);
      expect(isAllowed(planPolicy, on('CreateChangeSet'))).toBe(true);
      expect(isAllowed(planPolicy, on('ExecuteChangeSet'))).toBe(false);
      expect(isAllowed(planPolicy, on('UpdateStack'))).toBe(false);
    }
  });

  it('would be caught missing a permission the engine uses (the check can fail)', async () => {
    const aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    try {
      const { calls } = await plan(aws);
      const without: PolicyDocument = {
        ...planPolicy,
        Statement: planPolicy.Statement.filter((s) => s.Sid !== 'CleanUpOwnPlans'),
      };
      expect(uncovered(without, engineRequests(calls, aws))).toEqual([
        expect.stringMatching(
          /^cloudformation:DeleteStack on arn:aws:cloudformation:.*:stack\/analytics-vpc\/.* \(implicit-deny\)$/,
        ),
      ]);
    } finally {
      await aws.close();
    }
  });
});
