/** Real SDK clients pointed at the fake, and small polling helpers for tests. */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import type {
  Change,
  CreateChangeSetCommandInput,
  Stack,
  DescribeChangeSetCommandOutput,
  StackEvent,
} from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { createAwsClients } from '../../../src/aws/clients.js';
import type { AwsClients } from '../../../src/aws/clients.js';
import type { VerifyClients } from '../../../src/verify/types.js';
import type { FakeAws } from './index.js';

export const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIAFAKESTATIC000000',
  secretAccessKey: 'fake-static-secret',
};

export function cfnClient(
  aws: FakeAws,
  extra: Partial<ConstructorParameters<typeof CloudFormationClient>[0]> = {},
): CloudFormationClient {
  return new CloudFormationClient({
    endpoint: aws.url,
    region: 'us-east-1',
    credentials: FAKE_CREDENTIALS,
    ...extra,
  });
}

export function stsClient(aws: FakeAws, extra: { maxAttempts?: number } = {}): STSClient {
  return new STSClient({
    endpoint: aws.url,
    region: 'us-east-1',
    credentials: FAKE_CREDENTIALS,
    ...extra,
  });
}

/** The clients verification uses, configured as the product configures them for a custom endpoint. */
export interface ReadClients {
  readonly ec2: EC2Client;
  readonly s3: S3Client;
  readonly iam: IAMClient;
  readonly kms: KMSClient;
}

/** EC2, S3 (path-style, as the product sets it with AWS_ENDPOINT_URL), IAM and KMS clients. */
export function readClients(
  aws: FakeAws,
  options: { readonly region?: string; readonly maxAttempts?: number } = {},
): ReadClients {
  const common = {
    endpoint: aws.url,
    region: options.region ?? 'us-east-1',
    credentials: FAKE_CREDENTIALS,
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
  };
  return {
    ec2: new EC2Client(common),
    s3: new S3Client({ ...common, forcePathStyle: true }),
    iam: new IAMClient(common),
    kms: new KMSClient(common),
  };
}

/**
 * The clients verification is handed, as the product makes them (createAwsClients): its own
 * readers of EC2, S3, IAM and KMS (src/aws/ec2/, s3-read.ts, iam-read.ts, kms-read.ts), pointed
 * at the fake by AWS_ENDPOINT_URL; {@link readClients} has the SDK's clients of the same calls.
 */
export function verifyClients(
  aws: FakeAws,
  options: { readonly region?: string; readonly maxAttempts?: number } = {},
): VerifyClients & Pick<AwsClients, 's3Objects'> {
  const { ec2, s3, iam, kms, s3Objects } = createAwsClients({
    region: options.region ?? 'us-east-1',
    credentials: FAKE_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 3,
    env: { AWS_ENDPOINT_URL: aws.url },
  });
  return { ec2, s3, iam, kms, s3Objects };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until the stack's status no longer ends in _IN_PROGRESS (REVIEW_IN_PROGRESS counts as settled). */
export async function waitForStack(
  cfn: CloudFormationClient,
  stackName: string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const status = Stacks?.[0]?.StackStatus ?? '';
    if (!status.endsWith('_IN_PROGRESS') || status === 'REVIEW_IN_PROGRESS') return status;
    if (Date.now() > deadline) throw new Error(`${stackName} still ${status}`);
    await sleep(10);
  }
}

/** Polls until the change set is ready (CREATE_COMPLETE or FAILED); returns its first page. */
export async function waitForChangeSet(
  cfn: CloudFormationClient,
  changeSetId: string,
  timeoutMs = 10_000,
): Promise<DescribeChangeSetCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const out = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId }));
    if (out.Status === 'CREATE_COMPLETE' || out.Status === 'FAILED') return out;
    if (Date.now() > deadline) throw new Error(`${changeSetId} still ${out.Status}`);
    await sleep(10);
  }
}

/** Every change of a change set, following NextToken. */
export async function allChanges(
  cfn: CloudFormationClient,
  changeSetId: string,
  includePropertyValues = false,
): Promise<{ changes: Change[]; pages: number }> {
  const changes: Change[] = [];
  let pages = 0;
  let NextToken: string | undefined;
  do {
    const out = await cfn.send(
      new DescribeChangeSetCommand({
        ChangeSetName: changeSetId,
        NextToken,
        IncludePropertyValues: includePropertyValues,
      }),
    );
    changes.push(...(out.Changes ?? []));
    pages += 1;
    NextToken = out.NextToken;
  } while (NextToken);
  return { changes, pages };
}

/** Every event of a stack, newest first, following NextToken. */
export async function allEvents(
  cfn: CloudFormationClient,
  stackName: string,
): Promise<StackEvent[]> {
  const events: StackEvent[] = [];
  let NextToken: string | undefined;
  do {
    const out = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName, NextToken }));
    events.push(...(out.StackEvents ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return events;
}

/**
 * Creates a change set (CREATE by default), waits for it, executes it with `token` as the
 * ClientRequestToken, waits for the stack to settle and describes it.
 */
export async function deployChangeSet(
  cfn: CloudFormationClient,
  input: Partial<CreateChangeSetCommandInput> & { StackName: string; TemplateBody: string },
  token = 'run-1',
): Promise<{ status: string; stack: Stack; changeSetId: string }> {
  const { Id } = await cfn.send(
    new CreateChangeSetCommand({ ChangeSetName: `cs-${token}`, ChangeSetType: 'CREATE', ...input }),
  );
  await waitForChangeSet(cfn, Id!);
  await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: Id, ClientRequestToken: token }));
  const status = await waitForStack(cfn, input.StackName);
  const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: input.StackName }));
  return { status, stack: Stacks![0]!, changeSetId: Id! };
}

/** A stack's outputs as a plain record. */
export function outputsOf(stack: Pick<Stack, 'Outputs'>): Record<string, string | undefined> {
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
}

/** The error a promise rejects with (undefined if it resolves), to match on code and message. */
export function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (e: unknown) => e,
  );
}
