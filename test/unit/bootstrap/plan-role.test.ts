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
  provisioningRequests,
  VIA_CLOUDFORMATION,
  changeSetValidationRequests,
  engineRequests,
  iamActionOf,
  isRoleCall,
  trustRequest,
  uncovered,
} from '../../support/bootstrap/engine-calls.js';
import { isAllowed } from '../../support/bootstrap/iam-policy.js';
import type { IamRequest, PolicyDocument } from '../../support/bootstrap/iam-policy.js';
import { allowed, decide, mismatches, row } from '../../support/bootstrap/simulate.js';
import type { Expectation } from '../../support/bootstrap/simulate.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { CallRecord, FakeAws } from '../../support/fake-aws/index.js';
import { codeWorkspace, CODE_INPUTS } from '../../support/code-workspace.js';
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

/**
 * Checks the calls against the plan policy and the token against its trust policy. The plan
 * role may not delete stacks (policies/README.md): a plan that tries to remove its empty review
 * stack is refused, and must go on (the engine only warns).
 */
async function expectPlanRoleCovers(
  aws: FakeAws,
  calls: readonly CallRecord[],
): Promise<Set<string>> {
  const refused = await uncovered(planPolicy, engineRequests(calls, aws));
  expect(refused.filter((r) => !r.startsWith('cloudformation:DeleteStack on '))).toEqual([]);
  expect(refused.every((r) => r.endsWith('(explicit-deny)'))).toBe(true);
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

  it('is allowed every call in an empty account, but not deleting the review stack', async () => {
    const { calls } = await plan(aws);
    const used = await expectPlanRoleCovers(aws, calls);
    for (const action of [
      // No sts:GetCallerIdentity: through OIDC the account comes from the assumed-role ARN.
      'cloudformation:DescribeStacks',
      'cloudformation:CreateChangeSet',
      'cloudformation:DescribeChangeSet',
    ]) {
      expect(used).toContain(action);
    }
    // Every change set was made declaring its resource types, which the policy requires.
    const creates = calls.filter((c) => c.action === 'CreateChangeSet');
    expect(creates.length).toBeGreaterThan(0);
    for (const c of creates) expect(c.params.ResourceTypes).toEqual(expect.any(Array));
  });

  it('is allowed every call when the VPC stack exists', async () => {
    aws.seedStack({
      name: 'analytics-vpc',
      templateBody: await loadBuiltInTemplate('vpc'),
      parameters: { EnvironmentName: 'analytics' },
      terminationProtection: true,
    });
    const { calls } = await plan(aws);
    const used = await expectPlanRoleCovers(aws, calls);
    expect(used).toContain('cloudformation:DeleteChangeSet');
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
    const used = await expectPlanRoleCovers(aws, calls);
    expect(used).not.toContain('cloudformation:DeleteStack');
    expect(used).not.toContain('cloudformation:ExecuteChangeSet');

    // The plan role may not delete a stack, nor turn termination protection off; and
    // CloudFormation refuses DeleteStack on a stack mwaa-deploy created anyway.
    const cfn = new CloudFormationClient({
      endpoint: aws.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDPLAN', secretAccessKey: 'x' },
    });
    for (const name of ['analytics-vpc', 'analytics-mwaa-prerequisites']) {
      expect(aws.stack(name)?.terminationProtection).toBe(true);
      expect(
        await decide(planPolicy, { action: 'cloudformation:DeleteStack', resource: STACK(name) }),
      ).toBe('explicit-deny');
      await expect(cfn.send(new DeleteStackCommand({ StackName: name }))).rejects.toThrow(
        /TerminationProtection is enabled/,
      );
      expect(
        await decide(planPolicy, {
          action: 'cloudformation:UpdateTerminationProtection',
          resource: STACK(name),
        }),
      ).toBe('explicit-deny');
      expect(aws.stack(name)?.status).toMatch(/_COMPLETE$/);
    }
  });

  it('is allowed every call of a code plan: the listing, HeadObject and the ranged reads', async () => {
    const ws = await codeWorkspace();
    try {
      const env = { ...aws.env(), GITHUB_WORKSPACE: ws.root };
      // Drift detection off: this test is about the code's calls.
      const code = { ...CODE_INPUTS, 'drift-timeout-seconds': '0' };
      const deployed = await runAction({ inputs: inputs('deploy', code), env });
      expect(deployed.code).toBe(0);
      await ws.write('requirements.txt', 'boto3\nrequests==2.32.3\n');
      await ws.write('plugins/extra.py', 'x = 1\n');
      await ws.write('dags/a.py', 'from airflow import DAG\n# A\n');
      const from = aws.calls.length;
      const run = await runAction({ inputs: inputs('plan', code), env });
      expect(run.stdout).not.toMatch(/::error::/);
      const used = await expectPlanRoleCovers(aws, aws.calls.slice(from));
      // (uncovered() above also checked s3:GetObjectVersion, the ranged reads of a version.)
      for (const action of ['s3:ListBucket', 's3:GetObject']) expect(used).toContain(action);
      expect(used).not.toContain('s3:PutObject');
    } finally {
      await ws.dispose();
    }
  });

  it('is allowed drift detection, and what CloudFormation reads with its permissions for it, only through CloudFormation', async () => {
    const deployed = await runAction({
      inputs: inputs('deploy', { 'key-mode': 'customer-managed' }),
      env: aws.env(),
    });
    expect(deployed.code).toBe(0);
    const { calls } = await plan(aws, { 'key-mode': 'customer-managed' });
    const used = await expectPlanRoleCovers(aws, calls);
    for (const action of [
      'cloudformation:DetectStackDrift',
      'cloudformation:DescribeStackDriftDetectionStatus',
    ]) {
      expect(used).toContain(action);
    }
    // DetectStackDrift is authorized as DetectStackResourceDrift on the stack too.
    expect(
      isAllowed(planPolicy, {
        action: 'cloudformation:DetectStackResourceDrift',
        resource: STACK('analytics-vpc'),
      }),
    ).toBe(true);
    // CloudFormation reads every resource of both stacks (the handlers' reads) to compare it.
    const reads = aws
      .resources()
      .filter((r) => r.stackName?.startsWith('analytics-') && !r.deleted)
      .flatMap((r) => provisioningRequests(r))
      .filter((r) => /:(Describe|Get|List)/.test(r.action));
    expect(new Set(reads.map((r) => r.action.split(':')[0]))).toEqual(
      new Set(['ec2', 'iam', 'kms', 's3']),
    );
    expect(await uncovered(planPolicy, reads)).toEqual([]);
    // Never directly (DescribeVpcs is, for the change set's validation; ListBucket, for the code;
    // the environment's pre-checks read subnets, routes, NAT gateways, the security group, the
    // bucket's versioning and Region, and the key and its policy directly).
    const direct = reads
      .map(({ context: _via, ...request }) => request)
      .filter((r) => isAllowed(planPolicy, r))
      .map((r) => r.action);
    expect([...new Set(direct)].sort()).toEqual(
      // s3:ListBucket is also the release-time code's listing of the DAG prefix.
      [
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
        's3:ListBucket',
      ].filter((a) => direct.includes(a)),
    );
    // Nor on another environment's stacks.
    expect(
      isAllowed(planPolicy, {
        action: 'cloudformation:DetectStackDrift',
        resource: STACK('billing-vpc'),
      }),
    ).toBe(false);
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
    expect(await uncovered(planPolicy, requests)).toEqual([]);
  });
});

describe('what the plan role may not do', () => {
  const contexts = [{}, VIA_CLOUDFORMATION, { 'cloudformation:CreateAction': 'CreateChangeSet' }];
  /** The decisions for an action on any resource ('*': every resource type it takes). */
  const decisions = async (action: string) => {
    const found = new Set<string>();
    for (const context of contexts)
      found.add(await decide(planPolicy, { action, resource: '*', context }));
    return found;
  };

  it('executes, updates, creates or deletes no stack, and changes no stack setting', async () => {
    for (const action of [
      'ExecuteChangeSet',
      'UpdateStack',
      'CreateStack',
      'DeleteStack',
      'UpdateTerminationProtection',
      'SetStackPolicy',
      'ContinueUpdateRollback',
      'CancelUpdateStack',
      'RollbackStack',
    ]) {
      expect([action, await decisions(`cloudformation:${action}`)]).toEqual([
        action,
        new Set(['explicit-deny']),
      ]);
    }
  });

  it('creates, changes or deletes no EC2, S3, IAM or KMS resource, even through CloudFormation', async () => {
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
      expect([action, await decisions(action)]).toEqual([action, new Set(['explicit-deny'])]);
    }
  });

  it('allows only CloudFormation on its stacks, EC2, bucket and key reads (the pre-checks), the environment, GetCallerIdentity and reading the code objects; resource reads only through CloudFormation', () => {
    const actions = (s: (typeof planPolicy.Statement)[number]) =>
      typeof s.Action === 'string' ? [s.Action] : [...(s.Action ?? ['(NotAction)'])];
    const throughCfn = (s: (typeof planPolicy.Statement)[number]) =>
      JSON.stringify(s.Condition ?? {}).includes('"aws:CalledVia":"cloudformation.amazonaws.com"');
    const statements = planPolicy.Statement.filter((s) => s.Effect === 'Allow');
    const allowed = statements.filter((s) => !throughCfn(s)).flatMap(actions);
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
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:GetKeyPolicy',
      's3:GetBucketLocation',
      's3:GetBucketVersioning',
      's3:GetObject',
      's3:GetObjectVersion',
      's3:ListBucket',
      'sts:GetCallerIdentity',
    ]);
    expect(statements.flatMap(actions).every((a) => !a.includes('*'))).toBe(true);
    expect(allowed.filter((a) => a.startsWith('cloudformation:')).sort()).toEqual([
      'cloudformation:CreateChangeSet',
      'cloudformation:DeleteChangeSet',
      'cloudformation:DescribeChangeSet',
      'cloudformation:DescribeStackDriftDetectionStatus',
      'cloudformation:DescribeStackEvents',
      'cloudformation:DescribeStackResourceDrifts',
      'cloudformation:DescribeStacks',
      'cloudformation:DetectStackDrift',
      'cloudformation:DetectStackResourceDrift',
      'cloudformation:GetTemplate',
      'cloudformation:ListChangeSets',
      'cloudformation:TagResource',
      'cloudformation:UntagResource',
    ]);
    // Drift detection's reads of the resources: reads only, and only through CloudFormation.
    const reads = statements.filter(throughCfn).flatMap(actions);
    expect(reads.length).toBeGreaterThan(30);
    expect(reads.filter((a) => !/^(ec2|iam|kms|s3):(Describe|Get|List)/.test(a))).toEqual([]);
  });

  it('touches only this environment’s two stacks, with change sets named mwaa-deploy-*', async () => {
    const TYPES = ['AWS::EC2::VPC', 'AWS::EC2::Subnet'];
    const create = (
      stack: string,
      name: string,
      extra: IamRequest['context'] = {},
    ): IamRequest => ({
      action: 'cloudformation:CreateChangeSet',
      resource: STACK(stack),
      context: {
        'cloudformation:ChangeSetName': name,
        'cloudformation:ResourceTypes': TYPES,
        ...extra,
      },
    });
    const tag = (action: string, createAction?: string): IamRequest => ({
      action,
      resource: STACK('analytics-vpc'),
      context: createAction ? { 'cloudformation:CreateAction': createAction } : {},
    });
    const table: Expectation[] = [
      row('allow', 'a change set on the VPC stack', create('analytics-vpc', 'mwaa-deploy-1-vpc')),
      row(
        'allow',
        'a change set on the prerequisite stack',
        create('analytics-mwaa-prerequisites', 'mwaa-deploy-1-prerequisites'),
      ),
      row(
        'implicit-deny',
        'another environment’s stack',
        create('billing-vpc', 'mwaa-deploy-1-vpc'),
      ),
      row(
        'implicit-deny',
        'a stack sharing the prefix',
        create('analytics-prod-vpc', 'mwaa-deploy-1-vpc'),
      ),
      row('implicit-deny', 'a hand-named change set', create('analytics-vpc', 'hand-made')),
      row(
        'implicit-deny',
        'another resource type',
        create('analytics-vpc', 'mwaa-deploy-1-vpc', {
          'cloudformation:ResourceTypes': ['AWS::IAM::User'],
        }),
      ),
      row(
        'implicit-deny',
        'an IMPORT change set',
        create('analytics-vpc', 'mwaa-deploy-1-vpc', {
          'cloudformation:ImportResourceTypes': ['AWS::EC2::VPC'],
        }),
      ),
      row('explicit-deny', 'DeleteStack on a deployed stack', {
        action: 'cloudformation:DeleteStack',
        resource: STACK('analytics-vpc'),
      }),
      row('explicit-deny', 'UpdateTerminationProtection', {
        action: 'cloudformation:UpdateTerminationProtection',
        resource: STACK('analytics-vpc'),
      }),
      row('allow', 'DeleteChangeSet on its stacks', {
        action: 'cloudformation:DeleteChangeSet',
        resource: STACK('analytics-vpc'),
        context: { 'cloudformation:ChangeSetName': 'mwaa-deploy-1-vpc' },
      }),
      row('implicit-deny', 'DeleteChangeSet on another stack', {
        action: 'cloudformation:DeleteChangeSet',
        resource: STACK('billing-vpc'),
      }),
      // Tags only ride on a change set being created, never on their own nor on an execution.
      ...['cloudformation:TagResource', 'cloudformation:UntagResource'].flatMap((action) => [
        row('implicit-deny', `${action} on its own`, tag(action)),
        row('allow', `${action} while creating a change set`, tag(action, 'CreateChangeSet')),
        row('implicit-deny', `${action} while executing`, tag(action, 'ExecuteChangeSet')),
        row('implicit-deny', `${action} while updating`, tag(action, 'UpdateStack')),
      ]),
    ];
    expect(await mismatches(planPolicy, table)).toEqual([]);
  });

  it('would be caught missing a permission the engine uses (the check can fail)', async () => {
    const aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    try {
      const { calls } = await plan(aws);
      const without: PolicyDocument = {
        ...planPolicy,
        Statement: planPolicy.Statement.filter((s) => s.Sid !== 'CreateChangeSets'),
      };
      expect(await uncovered(without, engineRequests(calls, aws))).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^cloudformation:CreateChangeSet on arn:aws:cloudformation:.*:stack\/analytics-vpc\/.* \(implicit-deny\)$/,
          ),
        ]),
      );
      expect(await allowed(planPolicy, { action: 'sts:GetCallerIdentity', resource: '*' })).toBe(
        true,
      );
    } finally {
      await aws.close();
    }
  });
});
