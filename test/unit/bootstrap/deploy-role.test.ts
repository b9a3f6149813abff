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
  allProvisioningRequests,
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
import type { CallRecord, FakeAws, LiveResource } from '../../support/fake-aws/index.js';
import { codeWorkspace, CODE_INPUTS } from '../../support/code-workspace.js';
import { runAction } from '../../support/runner/run-action.js';
import { logsKeyStatement } from '../../support/logs-key-statement.js';

const DEPLOY_ROLE =
  'arn:aws:iam::123456789012:role/mwaa-deploy-access-analytics-DeployRole-5E6F7G8H';
const STACKS = ['analytics-vpc', 'analytics-mwaa-prerequisites'];
const STACK = (name: string) =>
  `arn:aws:cloudformation:us-east-1:123456789012:stack/${name}/00000000-0000-4000-8000-000000000000`;

const { deployPolicy, deployTrust, providerArn, boundaryArn } =
  renderAccessTemplate(TEST_PARAMETERS);

function inputs(mode: string, extra: Record<string, string> = {}) {
  return {
    mode,
    'environment-name': 'analytics',
    'aws-region': 'us-east-1',
    'role-to-assume': DEPLOY_ROLE,
    comment: 'never',
    tags: 'team=data',
    'permissions-boundary': boundaryArn,
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
const ROOT_STATEMENT = {
  Sid: 'EnableIamPolicies',
  Effect: 'Allow',
  Principal: { AWS: 'arn:aws:iam::123456789012:root' },
  Action: 'kms:*',
  Resource: '*',
};

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
      expect(await uncovered(deployPolicy, engineRequests(calls, aws))).toEqual([]);
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
      // The account root statement lets IAM policies (the deploy role's) apply to the key.
      'kms-key': aws.seedKey({
        policy: { Version: '2012-10-17', Statement: [ROOT_STATEMENT, LOGS_STATEMENT] },
      }),
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
      oidc: { subject: 'repo:octo/infra:environment:production' },
    });
    const extra = keyInputs(aws);
    calls = [...(await run(aws, 'deploy', extra)), ...(await run(aws, 'verify', extra))];
  });
  afterAll(async () => aws.close());

  it('allows every call the engine makes, with the token the run got', async () => {
    expect(await uncovered(deployPolicy, engineRequests(calls, aws))).toEqual([]);

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

  it('allows what CloudFormation does for each deployed resource, and only through CloudFormation', async () => {
    const resources = deployedResources(aws);
    // Every type of both templates, the key and its alias only when the stack makes them.
    const types = [...new Set(resources.map((r) => r.type))].sort();
    const expected = Object.keys(PROVISIONING).filter(
      (t) => !t.startsWith('AWS::KMS::') || keyTypes.includes(t),
    );
    expect(types).toEqual(expected.sort());

    const requests = await allProvisioningRequests(resources);
    expect(await uncovered(deployPolicy, requests)).toEqual([]);
    // The execution role was made within the boundary (iam:PermissionsBoundary was checked).
    const role = resources.find((r) => r.type === 'AWS::IAM::Role');
    expect(role?.properties.PermissionsBoundary).toBe(boundaryArn);

    // The same changes made with the role's credentials directly are refused.
    const direct = requests
      .filter((r) => !/:(Describe|Get|List)/.test(r.action))
      .map((r) => ({ ...r, context: { ...r.context, 'aws:CalledVia': undefined } }));
    expect(direct.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const r of direct) if (await allowed(deployPolicy, r)) leaks.push(r.action);
    expect(leaks).toEqual([]);
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
    expect(await uncovered(deployPolicy, requests)).toEqual([]);
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
      // A key's own policy must let IAM policies apply (the key the stack creates has the
      // account-root statement); a bucket has no such requirement.
      const resourcePolicy: PolicyDocument | undefined = resource.includes(':key/')
        ? {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Principal: { AWS: 'arn:aws:iam::123456789012:root' },
                Action: 'kms:*',
                Resource: '*',
              },
            ],
          }
        : undefined;
      const request = (context: IamRequest['context']): IamRequest => ({
        action,
        resource,
        context,
        ...(resourcePolicy ? { resourcePolicy } : {}),
      });
      // Never directly; through CloudFormation only (the rollback of the create that made it).
      expect(await decide(deployPolicy, request({}))).toBe('explicit-deny');
      expect(await decide(deployPolicy, request(VIA_CLOUDFORMATION))).toBe('allow');
    }
  });

  describe('allowed and denied requests, whatever template the role deploys', () => {
    const A = '123456789012';
    const via = VIA_CLOUDFORMATION;
    const tagged = (stack: string) => ({
      ...via,
      'aws:ResourceTag/aws:cloudformation:stack-name': stack,
    });
    const ec2 = (kind: string, id: string) => `arn:aws:ec2:us-east-1:${A}:${kind}/${id}`;
    const EXECUTION_ROLE = `arn:aws:iam::${A}:role/service-role/analytics-mwaa-prerequisites-ExecutionRole-ABCDEF123456`;
    const TYPES = ['AWS::EC2::SecurityGroup', 'AWS::IAM::Role', 'AWS::S3::Bucket'];
    const changeSet = (stack: string, context: IamRequest['context']): IamRequest => ({
      action: 'cloudformation:CreateChangeSet',
      resource: STACK(stack),
      context: { 'cloudformation:ChangeSetName': 'mwaa-deploy-1-vpc', ...context },
    });

    const table: Expectation[] = [
      // The two stacks, by exact name; change sets of the templates' types only, no import.
      row(
        'allow',
        'change set of the templates’ types',
        changeSet('analytics-vpc', { 'cloudformation:ResourceTypes': TYPES }),
      ),
      row('implicit-deny', 'change set without ResourceTypes', changeSet('analytics-vpc', {})),
      row(
        'implicit-deny',
        'change set with another type',
        changeSet('analytics-vpc', {
          'cloudformation:ResourceTypes': [...TYPES, 'AWS::IAM::Policy'],
        }),
      ),
      row(
        'explicit-deny',
        'IMPORT change set',
        changeSet('analytics-vpc', {
          'cloudformation:ResourceTypes': TYPES,
          'cloudformation:ImportResourceTypes': ['AWS::KMS::Key'],
        }),
      ),
      row('implicit-deny', 'hand-named change set', {
        ...changeSet('analytics-vpc', { 'cloudformation:ResourceTypes': TYPES }),
        context: {
          'cloudformation:ChangeSetName': 'by-hand',
          'cloudformation:ResourceTypes': TYPES,
        },
      }),
      row(
        'implicit-deny',
        'another environment sharing the prefix',
        changeSet('analytics-prod-vpc', { 'cloudformation:ResourceTypes': TYPES }),
      ),
      row(
        'implicit-deny',
        'the bootstrap stack',
        changeSet('analytics-access', { 'cloudformation:ResourceTypes': TYPES }),
      ),
      row('implicit-deny', 'execute on another stack', {
        action: 'cloudformation:ExecuteChangeSet',
        resource: STACK('billing-vpc'),
      }),
      row('implicit-deny', 'delete another stack', {
        action: 'cloudformation:DeleteStack',
        resource: STACK('analytics-prod-mwaa-prerequisites'),
      }),
      row('implicit-deny', 'CreateStack', {
        action: 'cloudformation:CreateStack',
        resource: STACK('analytics-vpc'),
      }),
      row('implicit-deny', 'UpdateStack', {
        action: 'cloudformation:UpdateStack',
        resource: STACK('analytics-vpc'),
      }),
      // Release-time code: objects of its own bucket only.
      row('allow', 'PutObject in the DAG bucket', {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::analytics-mwaa-prerequisites-bucket-abc/dags/a.py',
      }),
      row('implicit-deny', 'PutObject in another bucket', {
        action: 's3:PutObject',
        resource: 'arn:aws:s3:::billing-data/dags/a.py',
      }),
      row('implicit-deny', 'DeleteObject in another bucket', {
        action: 's3:DeleteObject',
        resource: 'arn:aws:s3:::billing-data/dags/a.py',
      }),
      // IAM: the execution role only, and only within the boundary.
      row('allow', 'CreateRole with the boundary', {
        action: 'iam:CreateRole',
        resource: EXECUTION_ROLE,
        context: { ...via, 'iam:PermissionsBoundary': boundaryArn },
      }),
      row('explicit-deny', 'CreateRole without the boundary', {
        action: 'iam:CreateRole',
        resource: EXECUTION_ROLE,
        context: via,
      }),
      row('explicit-deny', 'CreateRole with another boundary', {
        action: 'iam:CreateRole',
        resource: EXECUTION_ROLE,
        context: {
          ...via,
          'iam:PermissionsBoundary': `arn:aws:iam::${A}:policy/AdministratorAccess`,
        },
      }),
      row('explicit-deny', 'PutRolePolicy on a role without the boundary', {
        action: 'iam:PutRolePolicy',
        resource: EXECUTION_ROLE,
        context: via,
      }),
      row('explicit-deny', 'UpdateAssumeRolePolicy on a role without the boundary', {
        action: 'iam:UpdateAssumeRolePolicy',
        resource: EXECUTION_ROLE,
        context: via,
      }),
      row('explicit-deny', 'removing the boundary', {
        action: 'iam:DeleteRolePermissionsBoundary',
        resource: EXECUTION_ROLE,
        context: { ...via, 'iam:PermissionsBoundary': boundaryArn },
      }),
      row('implicit-deny', 'a role of another name under service-role', {
        action: 'iam:CreateRole',
        resource: `arn:aws:iam::${A}:role/service-role/analytics-x-R-1`,
        context: { ...via, 'iam:PermissionsBoundary': boundaryArn },
      }),
      row('implicit-deny', 'AttachRolePolicy', {
        action: 'iam:AttachRolePolicy',
        resource: EXECUTION_ROLE,
        context: { ...via, 'iam:PermissionsBoundary': boundaryArn },
      }),
      row('implicit-deny', 'PassRole', {
        action: 'iam:PassRole',
        resource: EXECUTION_ROLE,
        context: via,
      }),
      // EC2: only what CloudFormation made for the two stacks, new resources aside.
      row('allow', 'a route in the stack’s route table', {
        action: 'ec2:CreateRoute',
        resource: ec2('route-table', 'rtb-1'),
        context: tagged('analytics-vpc'),
      }),
      row('implicit-deny', 'a route in another VPC’s route table', {
        action: 'ec2:CreateRoute',
        resource: ec2('route-table', 'rtb-2'),
        context: via,
      }),
      row('implicit-deny', 'a route in another stack’s route table', {
        action: 'ec2:ReplaceRoute',
        resource: ec2('route-table', 'rtb-3'),
        context: tagged('analytics-prod-vpc'),
      }),
      row('implicit-deny', 'ingress into another security group', {
        action: 'ec2:AuthorizeSecurityGroupIngress',
        resource: ec2('security-group', 'sg-9'),
        context: via,
      }),
      row('implicit-deny', 'an internet gateway attached to another VPC', {
        action: 'ec2:AttachInternetGateway',
        resource: ec2('vpc', 'vpc-9'),
        context: via,
      }),
      row('implicit-deny', 'a subnet in another VPC', {
        action: 'ec2:CreateSubnet',
        resource: ec2('vpc', 'vpc-9'),
        context: via,
      }),
      row('allow', 'a new subnet in the stack’s VPC (the subnet)', {
        action: 'ec2:CreateSubnet',
        resource: ec2('subnet', '*'),
        context: via,
      }),
      row('allow', 'a new subnet in the stack’s VPC (the VPC)', {
        action: 'ec2:CreateSubnet',
        resource: ec2('vpc', 'vpc-1'),
        context: tagged('analytics-vpc'),
      }),
      row('implicit-deny', 'changes made directly, not through CloudFormation', {
        action: 'ec2:CreateRoute',
        resource: ec2('route-table', 'rtb-1'),
        context: { 'aws:ResourceTag/aws:cloudformation:stack-name': 'analytics-vpc' },
      }),
      row('implicit-deny', 'EC2 in another Region', {
        action: 'ec2:CreateVpc',
        resource: 'arn:aws:ec2:eu-west-1:123456789012:vpc/*',
        context: via,
      }),
      row('implicit-deny', 'RunInstances', {
        action: 'ec2:RunInstances',
        resource: ec2('instance', '*'),
        context: via,
      }),
      // S3: the DAG bucket's generated name only.
      row('allow', 'PutBucketPolicy on the DAG bucket', {
        action: 's3:PutBucketPolicy',
        resource: 'arn:aws:s3:::analytics-mwaa-prerequisites-bucket-abc123',
        context: via,
      }),
      row('implicit-deny', 'PutBucketPolicy on another bucket of the prefix', {
        action: 's3:PutBucketPolicy',
        resource: 'arn:aws:s3:::analytics-logs',
        context: via,
      }),
      row('implicit-deny', 'CreateBucket of another name', {
        action: 's3:CreateBucket',
        resource: 'arn:aws:s3:::billing-data',
        context: via,
      }),
      row('implicit-deny', 'reading another bucket', {
        action: 's3:GetBucketVersioning',
        resource: 'arn:aws:s3:::billing-data',
      }),
      // KMS: the alias of this environment only.
      row('implicit-deny', 'another environment’s alias', {
        action: 'kms:CreateAlias',
        resource: `arn:aws:kms:us-east-1:${A}:alias/mwaa-billing`,
        context: via,
      }),
      row('implicit-deny', 'a key in another Region', {
        action: 'kms:PutKeyPolicy',
        resource: `arn:aws:kms:eu-west-1:${A}:key/k`,
        context: via,
      }),
    ];

    it('decides each request as the table says', async () => {
      expect(await mismatches(deployPolicy, table)).toEqual([]);
    });
  });

  it('would be caught missing a permission verification uses (the check can fail)', async () => {
    const aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    try {
      const calls = await run(aws, 'deploy');
      const without: PolicyDocument = {
        ...deployPolicy,
        Statement: deployPolicy.Statement.filter((s) => s.Sid !== 'BucketRead'),
      };
      expect(await uncovered(without, engineRequests(calls, aws))).toEqual([
        expect.stringMatching(/^s3:GetBucketVersioning on arn:aws:s3:::analytics-/),
        expect.stringMatching(/^s3:GetBucketPublicAccessBlock on /),
        expect.stringMatching(/^s3:GetBucketLocation on /),
      ]);
      const resources = deployedResources(aws);
      expect(
        (await uncovered(without, await allProvisioningRequests(resources))).length,
      ).toBeGreaterThan(0);
    } finally {
      await aws.close();
    }
  });
});
