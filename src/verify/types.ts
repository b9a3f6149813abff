/**
 * Shared shapes of the verify stage: the clients it is handed, the outputs it checks against,
 * and the result every check returns.
 */
import type { Ec2Sender } from '../aws/ec2/reader.js';
import type { IamReader } from '../aws/iam-read.js';
import type { KmsReader } from '../aws/kms-read.js';
import type { S3Reader } from '../aws/s3-read.js';
import type { Settings } from '../settings/types.js';

/**
 * Only `send` of each reader (the product's own, in place of the SDK clients: src/aws/): the
 * checks never configure or construct clients, so tests can hand in a plain object whose
 * `send(command)` switches on the command class (named as the SDK's).
 */
export type { Ec2Sender };
/** See {@link Ec2Sender}. */
export type S3Sender = S3Reader;
/** See {@link Ec2Sender}. */
export type IamSender = IamReader;
/** See {@link Ec2Sender}. */
export type KmsSender = KmsReader;

/** The clients verification uses, already set up for the deployment Region and credentials. */
export interface VerifyClients {
  readonly ec2: Ec2Sender;
  readonly s3: S3Sender;
  readonly iam: IamSender;
  readonly kms: KmsSender;
}

/**
 * The settings verification reads. A full {@link Settings} fits; tests can pass just these.
 */
export type VerifySettings = Pick<Settings, 'region' | 'keyMode' | 'kmsKey' | 'environmentName'>;

/**
 * What the next steps (and MWAA's CreateEnvironment) take from the two stacks, under the names
 * the action outputs use.
 */
export interface MwaaOutputs {
  readonly vpcId: string;
  /** Exactly two: MWAA takes two private subnets (API minimum and maximum). */
  readonly privateSubnetIds: readonly [string, string];
  readonly publicSubnetIds: readonly string[];
  /** The environment security group of the prerequisite stack (not the VPC stack's no-ingress one). */
  readonly securityGroupId: string;
  readonly bucketName: string;
  /** `arn:<partition>:s3:::<bucketName>`, MWAA's SourceBucketArn. */
  readonly bucketArn: string;
  readonly executionRoleArn: string;
  /** Customer-managed mode only. */
  readonly kmsKeyArn?: string;
}

/** How much a failed check matters: an error fails verification, a warning does not. */
export type Severity = 'error' | 'warning';

/** The outcome of one check. */
export interface CheckResult {
  /** Stable identifier, e.g. `vpc-dns`, for machines and tests. */
  readonly id: string;
  /** What is checked, phrased as the passing state, e.g. "VPC DNS support and hostnames on". */
  readonly title: string;
  readonly ok: boolean;
  /** What was found: the evidence when ok, the problem and its fix when not. May span lines. */
  readonly details: string;
  /** Only meaningful when not ok. */
  readonly severity: Severity;
}
