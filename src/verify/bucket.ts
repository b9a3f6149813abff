/**
 * The DAGs bucket: versioning on and all public access blocked (MWAA refuses the bucket
 * otherwise), and in the environment's Region.
 */
import {
  GetBucketLocationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
} from '../aws/s3-read.js';
import type { PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import { CallError, call, failure, guarded, pass } from './result.js';
import type { CheckResult, S3Sender } from './types.js';

const VERSIONING = { id: 'bucket-versioning', title: 'Bucket versioning enabled' };
const PUBLIC_ACCESS = { id: 'bucket-public-access', title: 'Bucket blocks all public access' };
const REGION = { id: 'bucket-region', title: "Bucket in the environment's Region" };

/** `s3:GetBucketVersioning`: Status must be `Enabled` (not `Suspended`, not never set). */
export function checkBucketVersioning(s3: S3Sender, bucket: string): Promise<CheckResult> {
  return guarded(VERSIONING, async () => {
    const response = await call('s3:GetBucketVersioning', () =>
      s3.send(new GetBucketVersioningCommand({ Bucket: bucket })),
    );
    if (response.Status === 'Enabled') return pass(VERSIONING, `${bucket}: Enabled`);
    const state = response.Status ?? 'never enabled';
    return failure(VERSIONING, `${bucket} versioning is ${state}; MWAA needs it Enabled`);
  });
}

const FLAGS = [
  'BlockPublicAcls',
  'IgnorePublicAcls',
  'BlockPublicPolicy',
  'RestrictPublicBuckets',
] as const;

/** `s3:GetPublicAccessBlock`: all four flags true on the bucket itself. */
export function checkBucketPublicAccess(s3: S3Sender, bucket: string): Promise<CheckResult> {
  return guarded(PUBLIC_ACCESS, async () => {
    let config: PublicAccessBlockConfiguration | undefined;
    try {
      const response = await call('s3:GetPublicAccessBlock', () =>
        s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })),
      );
      config = response.PublicAccessBlockConfiguration;
    } catch (error) {
      // S3 answers "no configuration" with an error; that is a finding, not a failed call.
      if (!(error instanceof CallError) || error.code !== 'NoSuchPublicAccessBlockConfiguration') {
        throw error;
      }
    }
    const off = FLAGS.filter((flag) => config?.[flag] !== true);
    if (off.length === 0) return pass(PUBLIC_ACCESS, `${bucket}: all four flags true`);
    const what = config === undefined ? 'has no public access block' : `has ${off.join(', ')} off`;
    return failure(
      PUBLIC_ACCESS,
      `${bucket} ${what}; MWAA needs all four flags on the bucket true`,
    );
  });
}

/**
 * `s3:GetBucketLocation`: the bucket's Region must be the deployment Region. The API reports
 * us-east-1 as an empty constraint and the legacy `EU` for eu-west-1.
 */
export function checkBucketRegion(
  s3: S3Sender,
  bucket: string,
  region: string,
): Promise<CheckResult> {
  return guarded(REGION, async () => {
    const response = await call('s3:GetBucketLocation', () =>
      s3.send(new GetBucketLocationCommand({ Bucket: bucket })),
    );
    const actual = bucketRegion(response.LocationConstraint);
    if (actual === region) return pass(REGION, `${bucket}: ${actual}`);
    return failure(
      REGION,
      `${bucket} is in ${actual}, not ${region}; MWAA needs the bucket in the environment's Region`,
    );
  });
}

/** The Region a LocationConstraint stands for. */
export function bucketRegion(constraint: string | null | undefined): string {
  if (constraint === undefined || constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}
