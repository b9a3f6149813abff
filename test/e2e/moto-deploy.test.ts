/**
 * The bundled action (dist/index.js), run as the Actions runner runs it, against moto with the
 * patches of test/support/moto/launcher.py: deploy, verify, plan and input errors end to end,
 * with static fake credentials and no role to assume.
 *
 * What moto cannot show, and these tests therefore do not assert (shared/reference/local-aws.md):
 * per-resource stack events and progress (difference 5), change set details, replacement and
 * property values (1), failures and rollbacks (6), in-place updates of network resources or the
 * key (4), and DeleteStack refusing a protected stack. moto also keeps the change sets of a
 * deleted stack in ListChangeSets, which AWS deletes with the stack.
 *
 * Skipped, with a message, where python3 cannot import moto.
 */
import {
  CloudFormationClient,
  DescribeStacksCommand,
  ListChangeSetsCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import type { StackSummary } from '@aws-sdk/client-cloudformation';
import { CreateKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import { logsStatement } from '../../src/verify/key-policy.js';
import { motoMissingReason, startPatchedMoto } from '../support/moto/patched.js';
import type { PatchedMoto } from '../support/moto/patched.js';
import { MOTO_ACCOUNT, MOTO_CREDENTIALS } from '../support/moto/server.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';

const REGION = 'us-east-1';
const TIMEOUT_MS = 120_000;

const missing = motoMissingReason();
if (missing) console.warn(`test/e2e/moto-deploy.test.ts skipped: ${missing}`);
const describeMoto = missing ? describe.skip : describe;

/** The titles verify prints (src/verify), in AWS-owned mode and the two added for a key. */
const CHECKS = [
  'Stack outputs present and well formed',
  'VPC DNS support and hostnames on',
  'Two private subnets in the VPC, in two Availability Zones, with IPv4',
  'Private subnets route 0.0.0.0/0 to an available NAT gateway',
  'Security group in the VPC, self-referencing ingress, all egress',
  'Bucket versioning enabled',
  'Bucket blocks all public access',
  "Bucket in the environment's Region",
  'Execution role trusted by both MWAA service principals',
];
const KEY_CHECKS = [
  'KMS key enabled, customer managed, symmetric, single-Region, in Region',
  'KMS key policy lets CloudWatch Logs use the key',
];

const OUTPUT_NAMES = [
  'vpc-id',
  'private-subnet-ids',
  'public-subnet-ids',
  'security-group-id',
  'bucket-name',
  'bucket-arn',
  'execution-role-arn',
  'kms-key-arn',
] as const;

interface PlanJson {
  environmentName: string;
  stacks: {
    role: string;
    stackName: string;
    action: string;
    source: string;
    changes: { action: string; logicalId: string; type: string }[];
  }[];
}

describeMoto('the bundled action against patched moto', () => {
  let moto: PatchedMoto;
  let cfn: CloudFormationClient;
  let kms: KMSClient;

  beforeAll(async () => {
    moto = await startPatchedMoto();
    const client = { region: REGION, endpoint: moto.url, credentials: MOTO_CREDENTIALS };
    cfn = new CloudFormationClient(client);
    kms = new KMSClient(client);
  });

  afterAll(async () => {
    cfn?.destroy();
    kms?.destroy();
    await moto?.stop();
  });

  const run = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction({
      inputs: { 'aws-region': REGION, ...inputs },
      env: {
        AWS_ENDPOINT_URL: moto.url,
        AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      },
      timeoutMs: TIMEOUT_MS - 10_000,
    });

  /** Every stack whose name starts with the environment's, deleted ones included. */
  const stacksOf = async (environment: string): Promise<StackSummary[]> => {
    const out = await cfn.send(new ListStacksCommand({}));
    return (out.StackSummaries ?? []).filter((s) => s.StackName?.startsWith(`${environment}-`));
  };

  /** Fails with the run's whole log when it did not exit as expected. */
  const expectExit = (result: ActionRun, code: number): void => {
    if (result.code !== code) {
      throw new Error(
        `expected exit ${code}, got ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
      );
    }
  };

  const expectAllChecksPass = (result: ActionRun, titles: readonly string[]): void => {
    for (const title of titles) expect(result.stdout).toContain(`✓ ${title}`);
    expect(result.stdout).not.toMatch(/^[✗⚠] /mu);
    expect(result.stdout).toMatch(/Verified: all \d+ checks passed\./);
  };

  const expectNetworkAndPrerequisiteOutputs = (outputs: Record<string, string>): void => {
    expect(outputs['vpc-id']).toMatch(/^vpc-[0-9a-f]+$/);
    const privateSubnets = (outputs['private-subnet-ids'] ?? '').split(',');
    const publicSubnets = (outputs['public-subnet-ids'] ?? '').split(',');
    expect(privateSubnets).toHaveLength(2);
    expect(publicSubnets).toHaveLength(2);
    for (const id of [...privateSubnets, ...publicSubnets])
      expect(id).toMatch(/^subnet-[0-9a-f]+$/);
    expect(new Set([...privateSubnets, ...publicSubnets]).size).toBe(4);
    expect(outputs['security-group-id']).toMatch(/^sg-[0-9a-f]+$/);
    expect(outputs['bucket-name']).toMatch(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
    expect(outputs['bucket-arn']).toBe(`arn:aws:s3:::${outputs['bucket-name']}`);
    expect(outputs['execution-role-arn']).toMatch(
      new RegExp(`^arn:aws:iam::${MOTO_ACCOUNT}:role/service-role/.+`),
    );
  };

  describe('an AWS-owned-key environment', () => {
    const ENV = 'moto-owned';
    let deployed: Record<string, string>;

    it(
      'deploys both stacks, publishes every output and passes every check',
      async () => {
        const result = await run({ mode: 'deploy', 'environment-name': ENV });
        expectExit(result, 0);

        const { outputs } = result;
        expectNetworkAndPrerequisiteOutputs(outputs);
        expect(outputs['kms-key-arn']).toBe('');
        expect(outputs['has-changes']).toBe('true');
        expect(outputs['destructive']).toBe('false');
        expectAllChecksPass(result, CHECKS);
        for (const title of KEY_CHECKS) expect(result.stdout).not.toContain(title);
        expect(result.summary).toContain('### MWAA checks');
        expect(result.summary).toContain('All checks passed.');

        // Both stacks created, complete, with termination protection on (the launcher's
        // UpdateTerminationProtection records it; moto does not enforce it on delete).
        for (const name of [`${ENV}-vpc`, `${ENV}-mwaa-prerequisites`]) {
          const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name })))
            .Stacks?.[0];
          expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
          expect(stack?.EnableTerminationProtection).toBe(true);
        }
        // The plan the deploy executed: both stacks created, every resource added.
        const plan = result.plan as PlanJson;
        expect(plan.stacks.map((s) => [s.role, s.action])).toEqual([
          ['vpc', 'create'],
          ['prerequisites', 'create'],
        ]);
        deployed = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, outputs[n] ?? '']));
      },
      TIMEOUT_MS,
    );

    it(
      'verify alone reads the deployed stacks and publishes the same outputs',
      async () => {
        expect(deployed).toBeDefined();
        const before = await stacksOf(ENV);
        const result = await run({ mode: 'verify', 'environment-name': ENV });
        expectExit(result, 0);

        expect(Object.fromEntries(OUTPUT_NAMES.map((n) => [n, result.outputs[n]]))).toEqual(
          deployed,
        );
        expectAllChecksPass(result, CHECKS);
        // Verify plans nothing and changes nothing.
        expect(result.outputs['has-changes']).toBeUndefined();
        expect(result.plan).toBeUndefined();
        const after = await stacksOf(ENV);
        expect(after.map((s) => [s.StackName, s.StackStatus])).toEqual(
          before.map((s) => [s.StackName, s.StackStatus]),
        );
      },
      TIMEOUT_MS,
    );
  });

  it(
    'deploys a customer-managed environment whose stack creates the key',
    async () => {
      const ENV = 'moto-cmk';
      const result = await run({
        mode: 'deploy',
        'environment-name': ENV,
        'key-mode': 'customer-managed',
      });
      expectExit(result, 0);

      expectNetworkAndPrerequisiteOutputs(result.outputs);
      expect(result.outputs['kms-key-arn']).toMatch(
        new RegExp(`^arn:aws:kms:${REGION}:${MOTO_ACCOUNT}:key/[0-9a-f-]{36}$`),
      );
      expectAllChecksPass(result, [...CHECKS, ...KEY_CHECKS]);
      const plan = result.plan as PlanJson;
      const prerequisites = plan.stacks.find((s) => s.role === 'prerequisites');
      expect(prerequisites?.changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'Add', logicalId: 'Key', type: 'AWS::KMS::Key' }),
          expect.objectContaining({ action: 'Add', logicalId: 'KeyAlias' }),
        ]),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'deploys a customer-managed environment with an existing key given by ARN',
    async () => {
      const ENV = 'moto-byok';
      const created = await kms.send(
        new CreateKeyCommand({
          Description: 'brought along',
          // AWS's defaults, spelled out: moto leaves KeyUsage empty when it is omitted.
          KeyUsage: 'ENCRYPT_DECRYPT',
          KeySpec: 'SYMMETRIC_DEFAULT',
        }),
      );
      const keyArn = created.KeyMetadata?.Arn ?? '';
      const statement = logsStatement({
        keyArn,
        region: REGION,
        accountId: MOTO_ACCOUNT,
        environmentName: ENV,
      });
      const root = {
        Sid: 'Enable IAM policies',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      };
      await kms.send(
        new PutKeyPolicyCommand({
          KeyId: keyArn,
          PolicyName: 'default',
          Policy: JSON.stringify({ Version: '2012-10-17', Statement: [root, statement] }),
        }),
      );

      const result = await run({
        mode: 'deploy',
        'environment-name': ENV,
        'key-mode': 'customer-managed',
        'kms-key': keyArn,
      });
      expectExit(result, 0);

      expectNetworkAndPrerequisiteOutputs(result.outputs);
      expect(result.outputs['kms-key-arn']).toBe(keyArn);
      expectAllChecksPass(result, [...CHECKS, ...KEY_CHECKS]);
      const plan = result.plan as PlanJson;
      const prerequisites = plan.stacks.find((s) => s.role === 'prerequisites');
      const logicalIds = prerequisites?.changes.map((c) => c.logicalId) ?? [];
      expect(logicalIds).toEqual(expect.arrayContaining(['Bucket', 'ExecutionRole']));
      expect(logicalIds).not.toContain('Key');
      expect(logicalIds).not.toContain('KeyAlias');
    },
    TIMEOUT_MS,
  );

  it(
    'plans a fresh environment and leaves nothing behind',
    async () => {
      const ENV = 'moto-plan';
      const result = await run({ mode: 'plan', 'environment-name': ENV });
      expectExit(result, 0);
      expect(result.outputs['has-changes']).toBe('true');
      expect(result.outputs['plan-file']).toMatch(/mwaa-deploy-plan-moto-plan\.json$/);

      const plan = result.plan as PlanJson;
      expect(plan.environmentName).toBe(ENV);
      expect(plan.stacks.map((s) => [s.role, s.stackName, s.action])).toEqual([
        ['vpc', `${ENV}-vpc`, 'create'],
        ['prerequisites', `${ENV}-mwaa-prerequisites`, 'create'],
      ]);
      for (const stack of plan.stacks) {
        expect(stack.changes.length).toBeGreaterThan(0);
        expect(new Set(stack.changes.map((c) => c.action))).toEqual(new Set(['Add']));
      }
      const vpcChanges = plan.stacks[0]?.changes.map((c) => c.type) ?? [];
      expect(vpcChanges).toEqual(expect.arrayContaining(['AWS::EC2::VPC', 'AWS::EC2::NatGateway']));
      const prereqChanges = plan.stacks[1]?.changes.map((c) => c.logicalId) ?? [];
      expect(prereqChanges).toEqual(
        expect.arrayContaining(['Bucket', 'ExecutionRole', 'SecurityGroup']),
      );
      expect(prereqChanges).not.toContain('Key');

      // No live stack of the environment: the REVIEW_IN_PROGRESS stack the plan's CREATE change
      // set made was deleted again, and no stack exists that could hold a change set.
      const stacks = await stacksOf(ENV);
      expect(stacks.filter((s) => s.StackStatus !== 'DELETE_COMPLETE')).toEqual([]);
      const deletedIds = new Set(stacks.map((s) => s.StackId));
      for (const name of [`${ENV}-vpc`, `${ENV}-mwaa-prerequisites`]) {
        // moto ignores ListChangeSets' StackName and keeps a deleted stack's change sets (AWS
        // deletes them with the stack): any it lists for these names must belong to a deleted
        // stack.
        const listed = await cfn.send(new ListChangeSetsCommand({ StackName: name }));
        for (const summary of (listed.Summaries ?? []).filter((c) => c.StackName === name)) {
          expect(deletedIds.has(summary.StackId)).toBe(true);
        }
      }
    },
    TIMEOUT_MS,
  );

  it(
    'rejects an alias as kms-key before calling AWS',
    async () => {
      const ENV = 'moto-bad-input';
      await moto.clearServicesCalled();
      const result = await run({
        mode: 'deploy',
        'environment-name': ENV,
        'key-mode': 'customer-managed',
        'kms-key': 'alias/foo',
      });
      expectExit(result, 1);
      expect(result.stdout).toMatch(/^::error::.*kms-key/mu);
      // Nothing reached moto: no STS, no CloudFormation, no other service.
      expect(await moto.servicesCalled()).toEqual([]);
      expect(await stacksOf(ENV)).toEqual([]);
      expect(result.outputs).toEqual({});
    },
    TIMEOUT_MS,
  );
});
