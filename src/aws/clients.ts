import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { VERSION } from '../version.js';

/** Every AWS client the engine uses, created with the same Region, credentials and retries. */
export interface AwsClients {
  readonly cloudformation: CloudFormationClient;
  readonly sts: STSClient;
  readonly ec2: EC2Client;
  readonly s3: S3Client;
  readonly iam: IAMClient;
  readonly kms: KMSClient;
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
  return {
    cloudformation: new CloudFormationClient(common),
    sts: new STSClient(common),
    ec2: new EC2Client(common),
    s3: new S3Client({ ...common, forcePathStyle: customEndpoint }),
    iam: new IAMClient(common),
    kms: new KMSClient(common),
  };
}
