/**
 * The product's verification, end to end against the fake: both real templates deployed through
 * CloudFormation with the SDK, then verifyEnvironment with real EC2, S3, IAM and KMS clients
 * reading the deployed resources back. Every check passes; then each kind of drift a person
 * could cause (DNS off, a private route to the internet gateway, versioning suspended, the key
 * disabled, the logs statement removed…) fails the matching check, and only that one.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createAwsClients } from '../../../src/aws/clients.js';
import { checkStackOutputs, verifyEnvironment } from '../../../src/verify/index.js';
import type { VerifyClients, VerifyReport } from '../../../src/verify/index.js';
import { FAKE_CREDENTIALS, cfnClient, verifyClients } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { deployMwaaStacks } from '../../support/fake-aws/mwaa-stacks.js';
import type { MwaaStacks, MwaaStacksOptions } from '../../support/fake-aws/mwaa-stacks.js';
import { logsKeyStatement } from '../../support/logs-key-statement.js';

let aws: FakeAws;
let cfn: CloudFormationClient;

beforeEach(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 1 });
  cfn = cfnClient(aws);
});
afterEach(() => aws.close());

async function verify(
  stacks: MwaaStacks,
  clients: VerifyClients = verifyClients(aws, { maxAttempts: 1 }),
): Promise<VerifyReport> {
  const checked = checkStackOutputs(stacks.vpcOutputs, stacks.prerequisiteOutputs, stacks.settings);
  if (!checked.outputs) throw new Error(`outputs: ${checked.problems.join('; ')}`);
  return verifyEnvironment({
    settings: stacks.settings,
    outputs: checked.outputs,
    clients,
    outputProblems: checked.problems,
  });
}

const failed = (report: VerifyReport) => report.results.filter((r) => !r.ok);

async function deployAndVerify(options: MwaaStacksOptions) {
  const stacks = await deployMwaaStacks(cfn, options);
  return { stacks, report: await verify(stacks) };
}

const COMMON_CHECKS = [
  'stack-outputs',
  'vpc-dns',
  'private-subnets',
  'private-routing',
  'security-group',
  'bucket-versioning',
  'bucket-public-access',
  'bucket-region',
  'role-trust',
];

describe('verifyEnvironment against the deployed templates', () => {
  it('passes every check in aws-owned mode', async () => {
    const { report } = await deployAndVerify({ keyMode: 'aws-owned' });
    expect(failed(report)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.id)).toEqual(COMMON_CHECKS);
    const services = new Set(aws.calls.map((c) => c.service));
    expect([...services].sort()).toEqual(['cloudformation', 'ec2', 'iam', 's3']);
  });

  it('passes every check, the key ones too, in customer-managed-new mode', async () => {
    const { stacks, report } = await deployAndVerify({ keyMode: 'customer-managed-new' });
    expect(failed(report)).toEqual([]);
    expect(report.results.map((r) => r.id)).toEqual([
      ...COMMON_CHECKS,
      'kms-key',
      'kms-key-policy',
    ]);
    const keyArn = stacks.prerequisiteOutputs['KmsKeyArn'];
    expect(report.results.find((r) => r.id === 'kms-key')?.details).toContain(keyArn);
    expect(
      aws.calls
        .filter((c) => c.service === 'kms')
        .map((c) => c.action)
        .sort(),
    ).toEqual(['DescribeKey', 'GetKeyPolicy']);
  });

  it("passes with the product's own clients, pointed at the fake by AWS_ENDPOINT_URL", async () => {
    const stacks = await deployMwaaStacks(cfn, { keyMode: 'customer-managed-new' });
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = aws.url;
    try {
      const env = aws.env();
      const clients = createAwsClients({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, env });
      expect(failed(await verify(stacks, clients))).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
    const s3 = aws.calls.filter((c) => c.service === 's3').map((c) => c.params['Bucket']);
    expect(new Set(s3)).toEqual(new Set([stacks.prerequisiteOutputs['BucketName']]));
  });

  it('passes with an existing key that lets CloudWatch Logs in, and not with one that does not', async () => {
    const logs = logsKeyStatement();
    const good = aws.seedKey({ policy: { Version: '2012-10-17', Statement: [logs] } });
    const { report } = await deployAndVerify({
      keyMode: 'customer-managed-existing',
      existingKeyArn: good,
    });
    expect(failed(report)).toEqual([]);

    const bare = aws.seedKey({});
    const other = await deployAndVerify({
      keyMode: 'customer-managed-existing',
      existingKeyArn: bare,
      vpcStack: 'net2',
      prerequisiteStack: 'pre2',
    });
    expect(failed(other.report).map((r) => r.id)).toEqual(['kms-key-policy']);
    expect(failed(other.report)[0]?.details).toMatch(
      /does not manage the policy of an existing key/,
    );
  });
});

type Tamper = (aws: FakeAws) => void;

const TAMPERING: readonly [string, string, RegExp, Tamper][] = [
  [
    'DNS hostnames turned off',
    'vpc-dns',
    /enableDnsHostnames off/,
    (a) => a.patchResource('net', 'VPC', (p) => ({ ...p, EnableDnsHostnames: false })),
  ],
  [
    "the first private subnet's default route sent to the internet gateway",
    'private-routing',
    /routes 0\.0\.0\.0\/0 to internet gateway igw-[0-9a-f]{17}, which makes it a public subnet/,
    (a) => {
      const igw = a.resources('AWS::EC2::InternetGateway')[0]!.physicalId;
      a.patchResource('net', 'DefaultPrivateRoute1', ({ NatGatewayId: _nat, ...p }) => ({
        ...p,
        GatewayId: igw,
      }));
    },
  ],
  [
    'a private subnet assigning public IPs',
    'private-subnets',
    /MapPublicIpOnLaunch true/,
    (a) => a.patchResource('net', 'PrivateSubnet2', (p) => ({ ...p, MapPublicIpOnLaunch: true })),
  ],
  [
    'the self-referencing rule narrowed to SSH',
    'security-group',
    /no inbound rule from itself for all traffic \(missing TCP 443, 5432/,
    (a) =>
      a.patchResource('pre', 'SecurityGroupSelfIngress', (p) => ({
        ...p,
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
      })),
  ],
  [
    'bucket versioning suspended',
    'bucket-versioning',
    /versioning is Suspended/,
    (a) =>
      a.patchResource('pre', 'Bucket', (p) => ({
        ...p,
        VersioningConfiguration: { Status: 'Suspended' },
      })),
  ],
  [
    'the public access block deleted',
    'bucket-public-access',
    /has no public access block/,
    (a) => a.patchResource('pre', 'Bucket', ({ PublicAccessBlockConfiguration: _pab, ...p }) => p),
  ],
  [
    'airflow-env.amazonaws.com dropped from the trust policy',
    'role-trust',
    /does not allow sts:AssumeRole to airflow-env\.amazonaws\.com/,
    (a) =>
      a.patchResource('pre', 'ExecutionRole', (p) => ({
        ...p,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'airflow.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      })),
  ],
  [
    'the key disabled',
    'kms-key',
    /the key is Disabled, not Enabled/,
    (a) => a.patchResource('pre', 'Key', (p) => ({ ...p, Enabled: false })),
  ],
  [
    'the logs statement removed from the key policy',
    'kms-key-policy',
    /has no statement allowing logs\.us-east-1\.amazonaws\.com; the policy of the key the prerequisite stack created has drifted/,
    (a) =>
      a.patchResource('pre', 'Key', (p) => {
        const policy = p['KeyPolicy'] as { Statement: { Sid?: string }[] };
        policy.Statement = policy.Statement.filter((s) => s.Sid !== 'Allow logs access');
        return p;
      }),
  ],
];

describe('verifyEnvironment after drift', () => {
  it.each(TAMPERING)('%s fails %s, and only that check', async (_what, id, details, tamper) => {
    const stacks = await deployMwaaStacks(cfn, { keyMode: 'customer-managed-new' });
    expect(failed(await verify(stacks))).toEqual([]);
    tamper(aws);
    const report = await verify(stacks);
    expect(report.ok).toBe(false);
    expect(failed(report).map((r) => r.id)).toEqual([id]);
    expect(failed(report)[0]?.details).toMatch(details);
  });
});
