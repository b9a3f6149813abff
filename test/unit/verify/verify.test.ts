import { formatVerifyReport, verifyEnvironment } from '../../../src/verify/index.js';
import type { VerifyClients, VerifyReport } from '../../../src/verify/index.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import type { Handler } from './fakes.js';
import {
  AWS_OWNED_SETTINGS,
  BUCKET,
  CM_SETTINGS,
  OUTPUTS,
  awsError,
  fakeClient,
  healthyEc2,
  healthyIam,
  healthyKms,
  healthyS3,
} from './fakes.js';

function clients(overrides: Partial<Record<keyof VerifyClients, Record<string, Handler>>> = {}) {
  return {
    ec2: fakeClient({ ...healthyEc2(), ...overrides.ec2 }),
    s3: fakeClient({ ...healthyS3(), ...overrides.s3 }),
    iam: fakeClient({ ...healthyIam(), ...overrides.iam }),
    kms: fakeClient({ ...healthyKms(), ...overrides.kms }),
  };
}

/** The healthy outputs without the key ARN (AWS-owned mode). */
function withoutKey() {
  const outputs = { ...OUTPUTS };
  delete outputs.kmsKeyArn;
  return outputs;
}

const CM_IDS = [
  'vpc-dns',
  'private-subnets',
  'private-routing',
  'security-group',
  'bucket-versioning',
  'bucket-public-access',
  'bucket-region',
  'role-trust',
  'kms-key',
  'kms-key-policy',
];

describe('verifyEnvironment', () => {
  it('passes a healthy customer-managed environment, every check in a fixed order', async () => {
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: clients(),
    });
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.id)).toEqual(CM_IDS);
    expect(report.results.every((r) => r.ok)).toBe(true);
    expect(report.outputs).toBe(OUTPUTS);
  });

  it('skips the key checks, and KMS altogether, in AWS-owned mode', async () => {
    const c = clients();
    const outputs = withoutKey();
    const report = await verifyEnvironment({ settings: AWS_OWNED_SETTINGS, outputs, clients: c });
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.id)).toEqual(CM_IDS.slice(0, 8));
    expect(c.kms.calls).toEqual([]);
  });

  it('fails the key check when customer-managed outputs carry no key ARN', async () => {
    const outputs = withoutKey();
    const report = await verifyEnvironment({ settings: CM_SETTINGS, outputs, clients: clients() });
    expect(report.ok).toBe(false);
    expect(report.results.at(-1)).toMatchObject({ id: 'kms-key', ok: false });
  });

  it('fails on one failing check and keeps the others', async () => {
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: clients({ s3: { GetBucketVersioningCommand: () => ({ Status: 'Suspended' }) } }),
    });
    expect(report.ok).toBe(false);
    expect(report.results.filter((r) => !r.ok).map((r) => r.id)).toEqual(['bucket-versioning']);
    expect(report.results).toHaveLength(CM_IDS.length);
  });

  it('is ok with only a warning (key policy unreadable)', async () => {
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: clients({
        kms: {
          GetKeyPolicyCommand: () => {
            throw awsError('AccessDeniedException', 'denied');
          },
        },
      }),
    });
    expect(report.ok).toBe(true);
    expect(report.results.at(-1)).toMatchObject({ ok: false, severity: 'warning' });
  });

  it('produces the whole report when every call throws, naming each call', async () => {
    const throwing = {
      send: async (command: { constructor: { name: string } }) => {
        throw awsError('ExpiredToken', `token expired (${command.constructor.name})`);
      },
    };
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: { ec2: throwing, s3: throwing, iam: throwing, kms: throwing },
    });
    expect(report.ok).toBe(false);
    expect(report.results.map((r) => r.id)).toEqual(CM_IDS);
    expect(report.results.every((r) => !r.ok && r.severity === 'error')).toBe(true);
    expect(report.results.map((r) => r.details.split(' failed: ')[0])).toEqual([
      'ec2:DescribeVpcAttribute',
      'ec2:DescribeSubnets',
      'ec2:DescribeRouteTables',
      'ec2:DescribeSecurityGroups',
      's3:GetBucketVersioning',
      's3:GetPublicAccessBlock',
      's3:GetBucketLocation',
      'iam:GetRole',
      'kms:DescribeKey',
      'kms:GetKeyPolicy',
    ]);
  });

  it('reports a thrown non-Error readably', async () => {
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: clients({
        iam: {
          GetRoleCommand: () => {
            throw 'socket hang up';
          },
        },
      }),
    });
    expect(report.results.find((r) => r.id === 'role-trust')?.details).toBe(
      'iam:GetRole failed: socket hang up',
    );
  });

  it('runs independent checks concurrently', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const started: string[] = [];
    const gated = (handlers: Record<string, Handler>) => ({
      send: async (command: { constructor: { name: string }; input: unknown }) => {
        started.push(command.constructor.name);
        await gate;
        const handler = handlers[command.constructor.name];
        if (handler === undefined) throw new Error('unexpected');
        return handler(command.input);
      },
    });
    const pending = verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: {
        ec2: gated(healthyEc2()) as VerifyClients['ec2'],
        s3: gated(healthyS3()) as VerifyClients['s3'],
        iam: gated(healthyIam()) as VerifyClients['iam'],
        kms: gated(healthyKms()) as VerifyClients['kms'],
      },
    });
    await new Promise((resolve) => setImmediate(resolve));
    // Every check's first call is in flight before any answer arrives.
    expect(new Set(started)).toEqual(
      new Set([
        'DescribeVpcAttributeCommand',
        'DescribeSubnetsCommand',
        'DescribeRouteTablesCommand',
        'DescribeSecurityGroupsCommand',
        'GetBucketVersioningCommand',
        'GetPublicAccessBlockCommand',
        'GetBucketLocationCommand',
        'GetRoleCommand',
        'DescribeKeyCommand',
        'GetKeyPolicyCommand',
      ]),
    );
    release();
    expect((await pending).ok).toBe(true);
  });

  it('puts the output problems first when given, and logs one debug line per check', async () => {
    const log = memoryLogger();
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: clients(),
      outputProblems: ['VPC stack output NoIngressSecurityGroup is missing'],
      log,
    });
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({
      id: 'stack-outputs',
      ok: false,
      details: 'VPC stack output NoIngressSecurityGroup is missing',
    });
    expect(log.lines.filter((l) => l.startsWith('debug: verify '))).toHaveLength(CM_IDS.length + 1);
  });
});

describe('formatVerifyReport', () => {
  const base = { outputs: OUTPUTS };

  it('prints a tick per passing check and a summary', async () => {
    const report = await verifyEnvironment({
      settings: CM_SETTINGS,
      outputs: OUTPUTS,
      clients: clients(),
    });
    const text = formatVerifyReport(report);
    expect(text.split('\n')).toEqual([
      '✓ VPC DNS support and hostnames on',
      '✓ Two private subnets in the VPC, in two Availability Zones, with IPv4',
      '✓ Private subnets route 0.0.0.0/0 to an available NAT gateway',
      '✓ Security group in the VPC, self-referencing ingress, all egress',
      '✓ Bucket versioning enabled',
      '✓ Bucket blocks all public access',
      "✓ Bucket in the environment's Region",
      '✓ Execution role trusted by both MWAA service principals',
      '✓ KMS key enabled, customer managed, symmetric, single-Region, in Region',
      '✓ KMS key policy lets CloudWatch Logs use the key',
      'Verified: all 10 checks passed.',
    ]);
  });

  it('prints failures with details, indents continuation lines, and marks warnings', () => {
    const report: VerifyReport = {
      ...base,
      ok: false,
      results: [
        {
          id: 'a',
          title: 'Bucket versioning enabled',
          ok: false,
          severity: 'error',
          details: `${BUCKET} versioning is Suspended`,
        },
        {
          id: 'b',
          title: 'Key policy',
          ok: false,
          severity: 'warning',
          details: 'could not read:\n{\n  "x": 1\n}',
        },
        { id: 'c', title: 'Role', ok: true, severity: 'error', details: 'fine' },
      ],
    };
    expect(formatVerifyReport(report).split('\n')).toEqual([
      `✗ Bucket versioning enabled: ${BUCKET} versioning is Suspended`,
      '⚠ Key policy: could not read:',
      '    {',
      '      "x": 1',
      '    }',
      '✓ Role',
      'Verification failed: 1 of 3 checks failed, 1 warning.',
    ]);
  });

  it('summarises a pass with warnings', () => {
    const report: VerifyReport = {
      ...base,
      ok: true,
      results: [
        { id: 'a', title: 'A', ok: true, severity: 'error', details: '' },
        { id: 'b', title: 'B', ok: false, severity: 'warning', details: 'unchecked' },
      ],
    };
    expect(formatVerifyReport(report).split('\n').at(-1)).toBe(
      'Verified: 1 of 2 checks passed, 1 warning.',
    );
  });

  it('escapes control characters so details cannot forge workflow commands', () => {
    const report: VerifyReport = {
      ...base,
      ok: false,
      results: [
        { id: 'a', title: 'A', ok: false, severity: 'error', details: 'x\r::error::forged' },
      ],
    };
    expect(formatVerifyReport(report).split('\n')[0]).toBe('✗ A: x\\r::error::forged');
  });
});
