import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { VERSION } from '../version.js';
import { createEc2Reader, type Ec2Sender } from './ec2/reader.js';
import { createIamReader, type IamReader } from './iam-read.js';
import { createKmsReader, type KmsReader } from './kms-read.js';
import { createS3Reader, type S3Reader } from './s3-read.js';

/**
 * A client reduced to `send`, which is all the engine calls. A lazily loaded client (see
 * {@link lazyClient}) has only this, and tests can hand in a plain object.
 */
export type Sender<C extends { send: unknown }> = Pick<C, 'send'>;

/**
 * Every AWS client the engine uses, created with the same Region, credentials and retries.
 * CloudFormation and STS are needed by every mode. The others serve verification (after a
 * deploy, or in verify mode) and are not the SDK's clients at all but small readers of the few
 * calls it makes, sharing the CloudFormation client's credentials and HTTP handler: the SDK's
 * EC2 client held ~70 MiB for five Describe calls, S3, IAM and KMS ~14 MiB for seven reads
 * (./signed-reader.ts). The S3 SDK client remains for code sync's object reads and writes
 * (`s3Objects`), loaded on its first call: a run without code inputs never compiles it.
 */
export interface AwsClients {
  readonly cloudformation: CloudFormationClient;
  readonly sts: STSClient;
  /** Not the SDK's EC2 client: a reader of the few calls verification makes (./ec2/reader.ts). */
  readonly ec2: Ec2Sender;
  /** Bucket configuration reads of verification (./s3-read.ts). */
  readonly s3: S3Reader;
  /** GetRole (./iam-read.ts). */
  readonly iam: IamReader;
  /** DescribeKey, GetKeyPolicy, ListGrants (./kms-read.ts). */
  readonly kms: KmsReader;
  /** The SDK's S3 client, for code sync's object reads and writes (src/code/). */
  readonly s3Objects: Sender<S3Client>;
}

export interface AwsClientOptions {
  readonly region: string;
  /**
   * Explicit credentials, or a provider that renews them (the OIDC role's session); undefined
   * uses the SDK's default chain.
   */
  readonly credentials?: AwsCredentialIdentity | (() => Promise<AwsCredentialIdentity>);
  /** Attempts per call; throttling and 5xx are retried by the SDK. */
  readonly maxAttempts?: number;
  /** Environment to read AWS_ENDPOINT_URL from; the SDK also honours it by itself. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * A client whose SDK module is imported, and the client created, on the first `send`; later
 * calls reuse it. The import must be a literal `import('@aws-sdk/client-…')` in the caller so
 * the bundler (ncc) emits the module as a separate chunk loaded only then.
 *
 * To add a client the same way: `mwaa: lazyClient(() => import('@aws-sdk/client-mwaa')
 * .then((m) => new m.MWAAClient(config)))`, typed `Sender<MWAAClient>` in {@link AwsClients}.
 */
export function lazyClient<C extends { send: (...args: never[]) => Promise<unknown> }>(
  load: () => Promise<C>,
): Sender<C> {
  let client: Promise<C> | undefined;
  const send = async (...args: Parameters<C['send']>) => {
    client ??= load();
    return (await client).send(...args);
  };
  return { send } as unknown as Sender<C>;
}

/**
 * One configuration for all clients: the settings' Region, adaptive retries (which also slow
 * the client down when AWS throttles it, instead of only retrying), and a user agent naming the
 * product so account owners can tell its calls apart in CloudTrail. The SDK itself honours
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, which is how tests point it at fakes.
 */
export function createAwsClients(options: AwsClientOptions): AwsClients {
  const env = options.env ?? process.env;
  const common = {
    region: options.region,
    credentials: options.credentials,
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 10,
    customUserAgent: [['mwaa-deploy', VERSION]] as [string, string][],
  };
  // A custom endpoint (a local emulator) serves every bucket on one host: path-style addressing.
  const customEndpoint = Boolean(env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3);
  const cloudformation = new CloudFormationClient(common);
  const readers = {
    region: options.region,
    credentials: cloudformation.config.credentials,
    requestHandler: cloudformation.config.requestHandler,
    sha256: cloudformation.config.sha256,
    maxAttempts: common.maxAttempts,
    userAgent: `mwaa-deploy/${VERSION} lang/js md/nodejs#${process.versions.node}`,
    env,
  };
  return {
    cloudformation,
    sts: new STSClient(common),
    ec2: createEc2Reader(readers),
    s3: createS3Reader(readers),
    iam: createIamReader(readers),
    kms: createKmsReader(readers),
    s3Objects: lazyClient(() =>
      import('@aws-sdk/client-s3').then(
        (m) => new m.S3Client({ ...common, forcePathStyle: customEndpoint }),
      ),
    ),
  };
}
