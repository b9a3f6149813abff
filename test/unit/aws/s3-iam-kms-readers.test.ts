/**
 * The S3, IAM and KMS readers (src/aws/s3-read.ts, iam-read.ts, kms-read.ts) against the fake
 * over HTTP, side by side with the SDK's clients on the same answers: what they read (the
 * members verification uses), the errors they throw (code in `name`, status), the requests the
 * fake sees (same service and action), and the retries of a throttle or a 5xx.
 */
import * as iamSdk from '@aws-sdk/client-iam';
import * as kmsSdk from '@aws-sdk/client-kms';
import * as s3Sdk from '@aws-sdk/client-s3';
import { createAwsClients } from '../../../src/aws/clients.js';
import type { AwsClients } from '../../../src/aws/clients.js';
import { GetRoleCommand, iamEndpoint } from '../../../src/aws/iam-read.js';
import * as kms from '../../../src/aws/kms-read.js';
import * as s3 from '../../../src/aws/s3-read.js';
import type { StackOutputs } from '../../../src/verify/index.js';
import {
  FAKE_CREDENTIALS,
  cfnClient,
  errorOf,
  readClients,
} from '../../support/fake-aws/clients.js';
import type { ReadClients } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { deployMwaaStacks } from '../../support/fake-aws/mwaa-stacks.js';

function readers(url: string, maxAttempts = 3): AwsClients {
  return createAwsClients({
    region: 'us-east-1',
    credentials: FAKE_CREDENTIALS,
    maxAttempts,
    env: { AWS_ENDPOINT_URL: url },
  });
}

/** The SDK's output as JSON, without `$metadata`, for comparison with a reader's. */
function body(output: object): unknown {
  const { $metadata: _, ...rest } = output as { $metadata?: unknown };
  return JSON.parse(JSON.stringify(rest));
}
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

interface SdkErrorShape {
  readonly name: string;
  readonly message: string;
  readonly $metadata: { readonly httpStatusCode?: number };
}

let aws: FakeAws;
let pre: StackOutputs;
let mine: AwsClients;
let theirs: ReadClients;
beforeAll(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 1 });
  ({ prerequisiteOutputs: pre } = await deployMwaaStacks(cfnClient(aws), {
    keyMode: 'customer-managed-new',
  }));
  mine = readers(aws.url);
  theirs = readClients(aws, { maxAttempts: 1 });
});
afterAll(() => aws.close());

/** The service, action and params of the fake's calls from `from` on. */
const calls = (from: number) =>
  aws.calls.slice(from).map((c) => ({ service: c.service, action: c.action, params: c.params }));

describe('the S3 reader', () => {
  it('reads versioning, public access block and location as the SDK does, with the same requests', async () => {
    const Bucket = pre['BucketName']!;
    aws.seedResource({ type: 'AWS::S3::Bucket', physicalId: 'eu-bucket', region: 'eu-west-1' });
    for (const [own, sdk] of [
      [
        new s3.GetBucketVersioningCommand({ Bucket }),
        new s3Sdk.GetBucketVersioningCommand({ Bucket }),
      ],
      [
        new s3.GetPublicAccessBlockCommand({ Bucket }),
        new s3Sdk.GetPublicAccessBlockCommand({ Bucket }),
      ],
      [new s3.GetBucketLocationCommand({ Bucket }), new s3Sdk.GetBucketLocationCommand({ Bucket })],
      [
        new s3.GetBucketLocationCommand({ Bucket: 'eu-bucket' }),
        new s3Sdk.GetBucketLocationCommand({ Bucket: 'eu-bucket' }),
      ],
    ] as const) {
      const a = aws.calls.length;
      const read = await mine.s3.send(own as s3.S3ReadCommand<{ Bucket: string }, object>);
      const b = aws.calls.length;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sdkRead = await theirs.s3.send(sdk as any);
      expect(json(read)).toEqual(body(sdkRead as object));
      expect(calls(a).slice(0, 1)).toEqual(calls(b));
    }
    expect(await mine.s3.send(new s3.GetBucketLocationCommand({ Bucket: 'eu-bucket' }))).toEqual({
      LocationConstraint: 'eu-west-1',
    });
  });

  it('throws S3 errors as the SDK does', async () => {
    aws.seedResource({ type: 'AWS::S3::Bucket', physicalId: 'bare-bucket', region: 'us-east-1' });
    for (const [own, sdk] of [
      [
        new s3.GetBucketVersioningCommand({ Bucket: 'nope-bucket' }),
        new s3Sdk.GetBucketVersioningCommand({ Bucket: 'nope-bucket' }),
      ],
      [
        new s3.GetPublicAccessBlockCommand({ Bucket: 'bare-bucket' }),
        new s3Sdk.GetPublicAccessBlockCommand({ Bucket: 'bare-bucket' }),
      ],
    ] as const) {
      const error = await errorOf(
        mine.s3.send(own as s3.S3ReadCommand<{ Bucket: string }, object>),
      );
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sdkError = (await errorOf(theirs.s3.send(sdk as any))) as SdkErrorShape;
      expect(error).toMatchObject({
        name: sdkError.name,
        message: sdkError.message,
        $metadata: {
          httpStatusCode: (sdkError as { $metadata: { httpStatusCode: number } }).$metadata
            .httpStatusCode,
        },
      });
    }
  });

  it('addresses buckets as the SDK does: path-style with an endpoint, else virtual-hosted', () => {
    expect(
      s3.s3Url('eu-west-1', { AWS_ENDPOINT_URL: 'http://127.0.0.1:9/' }, 'b-1', 'versioning').href,
    ).toBe('http://127.0.0.1:9/b-1?versioning');
    expect(s3.s3Url('eu-west-1', {}, 'b-1', 'location').href).toBe(
      'https://b-1.s3.eu-west-1.amazonaws.com/?location',
    );
    expect(s3.s3Url('cn-north-1', {}, 'my.bucket', 'versioning').href).toBe(
      'https://s3.cn-north-1.amazonaws.com.cn/my.bucket?versioning',
    );
  });
});

describe('the IAM reader', () => {
  it('reads GetRole as the SDK does (the policy URL-encoded), and its errors', async () => {
    const RoleName = pre['ExecutionRoleArn']!.split('/').pop()!;
    const a = aws.calls.length;
    const read = await mine.iam.send(new GetRoleCommand({ RoleName }));
    const b = aws.calls.length;
    const sdkRead = await theirs.iam.send(new iamSdk.GetRoleCommand({ RoleName }));
    expect(calls(a).slice(0, 1)).toEqual(calls(b));
    expect(read.Role?.AssumeRolePolicyDocument).toMatch(/^%7B/);
    expect(sdkRead).toMatchObject(read);
    expect(read.Role?.CreateDate).toBeInstanceOf(Date);
    const error = await errorOf(mine.iam.send(new GetRoleCommand({ RoleName: 'ghost' })));
    const sdkError = (await errorOf(
      theirs.iam.send(new iamSdk.GetRoleCommand({ RoleName: 'ghost' })),
    )) as SdkErrorShape;
    expect(error).toMatchObject({
      name: sdkError.name,
      message: sdkError.message,
      $metadata: { httpStatusCode: 404 },
    });
  });

  it("signs for the partition's one Region at its global endpoint", () => {
    expect(iamEndpoint('eu-west-1', {})).toEqual({
      url: new URL('https://iam.amazonaws.com'),
      signingRegion: 'us-east-1',
    });
    expect(iamEndpoint('cn-northwest-1', {}).signingRegion).toBe('cn-north-1');
    expect(iamEndpoint('eu-west-1', { AWS_ENDPOINT_URL_IAM: 'http://i:1' }).url.href).toBe(
      'http://i:1/',
    );
  });
});

describe('the KMS reader', () => {
  it('reads DescribeKey, GetKeyPolicy and ListGrants as the SDK does, dates as Dates', async () => {
    const KeyId = pre['KmsKeyArn']!;
    aws.grants.attachMwaaGrants(KeyId, 'orders', 'us-east-1');
    const pairs = [
      [new kms.DescribeKeyCommand({ KeyId }), new kmsSdk.DescribeKeyCommand({ KeyId })],
      [
        new kms.GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }),
        new kmsSdk.GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }),
      ],
      [
        new kms.ListGrantsCommand({ KeyId, Limit: 2 }),
        new kmsSdk.ListGrantsCommand({ KeyId, Limit: 2 }),
      ],
    ] as const;
    for (const [own, sdk] of pairs) {
      const a = aws.calls.length;
      const read = await mine.kms.send(own as kms.KmsReadCommand<object, object>);
      const b = aws.calls.length;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const sdkRead = await theirs.kms.send(sdk as any);
      expect(calls(a).slice(0, 1)).toEqual(calls(b));
      expect(read).toEqual(
        body(sdkRead as object) && { ...(sdkRead as object), $metadata: undefined },
      );
    }
    const described = await mine.kms.send(new kms.DescribeKeyCommand({ KeyId }));
    expect(described.KeyMetadata?.CreationDate).toBeInstanceOf(Date);
    const error = await errorOf(mine.kms.send(new kms.DescribeKeyCommand({ KeyId: 'alias/none' })));
    const sdkError = (await errorOf(
      theirs.kms.send(new kmsSdk.DescribeKeyCommand({ KeyId: 'alias/none' })),
    )) as SdkErrorShape;
    expect(error).toMatchObject({
      name: sdkError.name,
      message: sdkError.message,
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('retries, as the SDK clients are configured', () => {
  it.each([
    ['s3', 'GetBucketVersioning', 'throttle'],
    ['iam', 'GetRole', 'internal'],
    ['kms', 'DescribeKey', 'unavailable'],
  ] as const)('%s %s: a %s fault is retried, then answered', async (service, action, kind) => {
    aws.addFault({ service, action, kind, times: 1 });
    const a = aws.calls.length;
    const send = {
      s3: () => mine.s3.send(new s3.GetBucketVersioningCommand({ Bucket: pre['BucketName']! })),
      iam: () =>
        mine.iam.send(new GetRoleCommand({ RoleName: pre['ExecutionRoleArn']!.split('/').pop()! })),
      kms: () => mine.kms.send(new kms.DescribeKeyCommand({ KeyId: pre['KmsKeyArn']! })),
    }[service];
    await expect(send()).resolves.toBeDefined();
    const statuses = aws.calls
      .slice(a)
      .filter((c) => c.action === action)
      .map((c) => c.status);
    expect(statuses).toHaveLength(2);
    expect(statuses[0]).toBeGreaterThanOrEqual(400);
    expect(statuses[1]).toBe(200);
  });

  it('gives up after maxAttempts with the last error', async () => {
    aws.addFault({ service: 'kms', action: 'DescribeKey', kind: 'internal', times: 5 });
    const error = await errorOf(
      readers(aws.url, 2).kms.send(new kms.DescribeKeyCommand({ KeyId: pre['KmsKeyArn']! })),
    );
    expect(error).toMatchObject({
      name: 'KMSInternalException',
      $metadata: { httpStatusCode: 500 },
    });
    aws.clearFaults();
  });
});
