/**
 * The deploy role is enough for deploy and verify mode, and no more than the two stacks need:
 * - every call the bundled action makes with the role's credentials (deploying a new environment
 *   with an AWS owned key, then with a key the stack creates, then verifying it) is allowed;
 * - what CloudFormation does with the role's permissions for each resource type of the templates
 *   (PROVISIONING, checked against the resources the fake actually deployed) is allowed, and only
 *   through CloudFormation;
 * - what no stack needs (deleting the retained bucket or key, attaching managed policies, other
 *   stacks, other buckets, other roles) is not.
 */
import { loadBuiltInTemplate, parseTemplate } from '../../../src/templates/index.js';
import { TEST_PARAMETERS, renderAccessTemplate } from '../../support/bootstrap/access-template.js';
import {
  PROVISIONING,
  RETAINED,
  VIA_CLOUDFORMATION,
  changeSetValidationRequests,
  engineRequests,
  iamActionOf,
  isRoleCall,
  provisioningRequests,
  trustRequest,
  uncovered,
} from '../../support/bootstrap/engine-calls.js';
import { evaluate, isAllowed } from '../../support/bootstrap/iam-policy.js';
import type { PolicyDocument } from '../../support/bootstrap/iam-policy.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { CallRecord, FakeAws, LiveResource } from '../../support/fake-aws/index.js';
import { codeWorkspace, CODE_INPUTS } from '../../support/code-workspace.js';
import { runAction } from '../../support/runner/run-action.js';
import { logsKeyStatement } from '../../support/logs-key-statement.js';

const DEPLOY_ROLE =
  'arn:aws:iam::123456789012:role/mwaa-deploy-access-analytics-DeployRole-5E6F7G8H';
const STACKS = ['analytics-vpc', 'analytics-mwaa-prerequisites'];
const STACK = (name: string) =>
  `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/00000000-0000-4000-8000-000000000000`;

const { deployPolicy, deployTrust, providerArn } = renderAccessTemplate(TEST_PARAMETERS);

function inputs(mode: string, extra: Record<string, string> = {}) {
  return {
    mode,
    'environment-name': 'analytics',
    'aws-region': 'us-east-1',
    'role-to-assume': DEPLOY_ROLE,
    comment: 'never',
    tags: 'team=data',
    ...extra,
  };
}

async function run(aws: FakeAws, mode: string, extra: Record<string, string> = {}) {
  const from = aws.calls.length;
  const result = await runAction({ inputs: inputs(mode, extra), env: aws.env() });
  expect(result.stdout).not.toMatch(/::error::/);
  expect(result.code).toBe(0);
  return aws.calls.slice(from);
}

/** The resources the environment's stacks deployed, as EC2, S3, IAM and KMS show them. */
const deployedResources = (aws: FakeAws): LiveResource[] =>
  aws.resources().filter((r) => r.stackName !== undefined && STACKS.includes(r.stackName));

const LOGS_STATEMENT = logsKeyStatement();

type KeyInputs = (aws: FakeAws) => Record<string, string>;

describe('release-time code with the deploy role', () => {
  it('allows every upload, deletion and read of a code deploy, in an SSE-KMS bucket too', async () => {
    const aws = await startFakeAws({
      changeSetReadyMs: 20,
      resourceMs: 5,
      oidc: { subject: 'repo:octo/infra:ref:refs/heads/main' },
    });
    const ws = await codeWorkspace();
    try {
      const env = { ...aws.env(), GITHUB_WORKSPACE: ws.root };
      // Drift detection off: this test is about the code's calls.
      const code = {
        ...CODE_INPUTS,
        'key-mode': 'customer-managed',
        'dag-deletion-limit': '100%',
        'drift-timeout-seconds': '0',
      };
      const first = await runAction({ inputs: inputs('deploy', code), env });
      expect(first.code).toBe(0);
      await ws.write('requirements.txt', 'boto3\nrequests==2.32.3\n');
      await ws.write('plugins/extra.py', 'x = 1\n');
      await ws.remove('dags/b.py');
      const from = aws.calls.length;
      const second = await runAction({ inputs: inputs('deploy', code), env });
      expect(second.stdout).not.toMatch(/::error::/);
      const calls = aws.calls.slice(from);
      expect(uncovered(deployPolicy, engineRequests(calls, aws))).toEqual([]);
      const used = new Set(calls.filter(isRoleCall).map(iamActionOf));
      for (const action of ['s3:ListBucket', 's3:GetObject', 's3:PutObject', 's3:DeleteObject'])
        expect(used).toContain(action);
    } finally {
      await ws.dispose();
      await aws.close();
    }
  });
});

describe.each<[string, KeyInputs, readonly string[]]>([
  ['an AWS owned key', () => ({}), []],
  [
    'a key the stack creates',
    () => ({ 'key-mode': 'customer-managed' }),
    ['AWS::KMS::Key', 'AWS::KMS::Alias'],
  ],
  [
    'an existing key',
    (aws) => ({
      'key-mode': 'customer-managed',
      'kms-key': aws.seedKey({ policy: { Version: '2012-10-17', Statement: [LOGS_STATEMENT] } }),
    }),
    [],
  ],
])('deploy and verify a new environment with %s', (label, keyInputs, keyTypes) => {
  let aws: FakeAws;
  let calls: CallRecord[];
  beforeAll(async () => {
    aws = await startFakeAws({
      changeSetReadyMs: 20,
      resourceMs: 5,
      oidc: { subject: 'repo:octo/infra:ref:refs/heads/main' },
    });
    const extra = keyInputs(aws);
    calls = [...(await run(aws, 'deploy', extra)), ...(await run(aws, 'verify', extra))];
  });
  afterAll(async () => aws.close());

  it('allows every call the engine makes, with the token the run got', () => {
    expect(uncovered(deployPolicy, engineRequests(calls, aws))).toEqual([]);

    const used = new Set(calls.filter(isRoleCall).map(iamActionOf));
    for (const action of [
      'cloudformation:CreateChangeSet',
      'cloudformation:ExecuteChangeSet',
      'cloudformation:UpdateTerminationProtection',
      'ec2:DescribeSubnets',
      's3:GetBucketPublicAccessBlock',
      'iam:GetRole',
      ...(label === 'an AWS owned key' ? [] : ['kms:DescribeKey', 'kms:GetKeyPolicy']),
    ]) {
      expect(used).toContain(action);
    }
    for (const assumed of aws.sts.assumed) {
      expect(assumed.roleArn).toBe(DEPLOY_ROLE);
      expect(isAllowed(deployTrust, trustRequest(assumed.claims, providerArn))).toBe(true);
    }
  });

  it('allows what CloudFormation does for each deployed resource, and only through CloudFormation', () => {
    const resources = deployedResources(aws);
    // Every type of both templates, the key and its alias only when the stack makes them.
    const types = [...new Set(resources.map((r) => r.type))].sort();
    const expected = Object.keys(PROVISIONING).filter(
      (t) => !t.startsWith('AWS::KMS::') || keyTypes.includes(t),
    );
    expect(types).toEqual(expected.sort());

    const requests = resources.flatMap(provisioningRequests);
    expect(uncovered(deployPolicy, requests)).toEqual([]);

    // The same changes made with the role's credentials directly are refused.
    const direct = requests
      .filter((r) => !/:(Describe|Get|List)/.test(r.action))
      .map(({ context: _via, ...request }) => request);
    expect(direct.length).toBeGreaterThan(50);
    expect(direct.filter((r) => isAllowed(deployPolicy, r)).map((r) => r.action)).toEqual([]);
  });
});

describe('the deploy policy and the templates', () => {
  it('has the provisioning permissions of every resource type the two templates use', async () => {
    const types = new Set<string>();
    for (const name of ['vpc', 'mwaa-prerequisites'] as const) {
      const template = parseTemplate(await loadBuiltInTemplate(name));
      for (const resource of Object.values(template.Resources)) types.add(resource.Type);
    }
    expect([...types].sort()).toEqual(Object.keys(PROVISIONING).sort());
  });

  it('allows what CloudFormation checks with its permissions while computing the change sets', async () => {
    const requests = [
      ...changeSetValidationRequests(parseTemplate(await loadBuiltInTemplate('vpc'))),
      ...changeSetValidationRequests(
        parseTemplate(await loadBuiltInTemplate('mwaa-prerequisites')),
      ),
    ];
    expect(uncovered(deployPolicy, requests)).toEqual([]);
  });

  it('deletes the bucket or the key only through CloudFormation, which retains them except when their create rolls back', async () => {
    const template = parseTemplate(await loadBuiltInTemplate('mwaa-prerequisites'));
    const resourceOf: Record<string, string> = {
      'AWS::S3::Bucket': 'arn:aws:s3:::analytics-mwaa-prerequisites-bucket-x',
      'AWS::KMS::Key':
        'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    };
    for (const [type, action] of Object.entries(RETAINED)) {
      const resources = Object.values(template.Resources).filter((r) => r.Type === type);
      expect(resources.length).toBeGreaterThan(0);
      for (const r of resources) {
        expect([type, r.DeletionPolicy, r.UpdateReplacePolicy]).toEqual([
          type,
          'RetainExceptOnCreate',
          'Retain',
        ]);
      }
      expect(PROVISIONING[type]?.actions).not.toContain(action);
      const resource = resourceOf[type]!;
      expect(evaluate(deployPolicy, { action, resource, context: {} }).decision).toBe(
        'explicit-deny',
      );
      expect(isAllowed(deployPolicy, { action, resource, context: VIA_CLOUDFORMATION })).toBe(true);
    }
  });

  it('reaches no other stack, bucket, role or alias, and cannot attach policies or pass roles', () => {
    const via = { context: VIA_CLOUDFORMATION };
    const refused = [
      { action: 'cloudformation:ExecuteChangeSet', resource: STACK('billing-vpc') },
      { action: 'cloudformation:DeleteStack', resource: STACK('billing-mwaa-prerequisites') },
      { action: 'cloudformation:CreateStack', resource: STACK('analytics-vpc') },
      { action: 'cloudformation:UpdateStack', resource: STACK('analytics-vpc') },
      {
        action: 'cloudformation:CreateChangeSet',
        resource: STACK('analytics-vpc'),
        context: { 'cloudformation:ChangeSetName': 'by-hand' },
      },
      { action: 's3:CreateBucket', resource: 'arn:aws:s3:::billing-data', ...via },
      { action: 's3:GetBucketVersioning', resource: 'arn:aws:s3:::billing-data' },
      // The role writes code objects into its own bucket only (release-time code).
      { action: 's3:PutObject', resource: 'arn:aws:s3:::billing-data/dags/a.py' },
      { action: 's3:DeleteObject', resource: 'arn:aws:s3:::billing-data/dags/a.py' },
      {
        action: 'iam:CreateRole',
        resource: 'arn:aws:iam::123456789012:role/analytics-admin',
        ...via,
      },
      {
        action: 'iam:PutRolePolicy',
        resource: 'arn:aws:iam::123456789012:role/service-role/billing-x',
        ...via,
      },
      {
        action: 'iam:AttachRolePolicy',
        resource: 'arn:aws:iam::123456789012:role/service-role/analytics-x',
        ...via,
      },
      { action: 'iam:PassRole', resource: '*', ...via },
      {
        action: 'kms:CreateAlias',
        resource: 'arn:aws:kms:us-east-1:123456789012:alias/mwaa-billing',
        ...via,
      },
      { action: 'kms:PutKeyPolicy', resource: 'arn:aws:kms:eu-west-1:123456789012:key/k', ...via },
      { action: 'ec2:CreateVpc', resource: 'arn:aws:ec2:eu-west-1:123456789012:vpc/*', ...via },
      {
        action: 'ec2:RunInstances',
        resource: 'arn:aws:ec2:us-east-1:123456789012:instance/*',
        ...via,
      },
    ];
    expect(refused.filter((r) => isAllowed(deployPolicy, r))).toEqual([]);
  });

  it('would be caught missing a permission verification uses (the check can fail)', async () => {
    const aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    try {
      const calls = await run(aws, 'deploy');
      const without: PolicyDocument = {
        ...deployPolicy,
        Statement: deployPolicy.Statement.filter((s) => s.Sid !== 'BucketRead'),
      };
      expect(uncovered(without, engineRequests(calls, aws))).toEqual([
        expect.stringMatching(/^s3:GetBucketVersioning on arn:aws:s3:::analytics-/),
        expect.stringMatching(/^s3:GetBucketPublicAccessBlock on /),
        expect.stringMatching(/^s3:GetBucketLocation on /),
      ]);
      expect(
        uncovered(without, deployedResources(aws).flatMap(provisioningRequests)).length,
      ).toBeGreaterThan(0);
    } finally {
      await aws.close();
    }
  });
});
