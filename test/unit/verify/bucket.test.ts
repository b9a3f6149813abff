import {
  bucketRegion,
  checkBucketPublicAccess,
  checkBucketRegion,
  checkBucketVersioning,
} from '../../../src/verify/index.js';
import { BUCKET, REGION, awsError, fakeClient, healthyS3 } from './fakes.js';

describe('checkBucketVersioning (s3:GetBucketVersioning)', () => {
  it('passes when versioning is Enabled', async () => {
    const s3 = fakeClient(healthyS3());
    const result = await checkBucketVersioning(s3, BUCKET);
    expect(result).toMatchObject({ id: 'bucket-versioning', ok: true });
    expect(s3.calls[0]?.input).toEqual({ Bucket: BUCKET });
  });

  it('fails when versioning is Suspended', async () => {
    const s3 = fakeClient({ GetBucketVersioningCommand: () => ({ Status: 'Suspended' }) });
    const result = await checkBucketVersioning(s3, BUCKET);
    expect(result.ok).toBe(false);
    expect(result.details).toBe(`${BUCKET} versioning is Suspended; MWAA needs it Enabled`);
  });

  it('fails when versioning was never enabled (no Status)', async () => {
    const s3 = fakeClient({ GetBucketVersioningCommand: () => ({}) });
    const result = await checkBucketVersioning(s3, BUCKET);
    expect(result.ok).toBe(false);
    expect(result.details).toContain('never enabled');
  });

  it('names the call when the bucket is missing', async () => {
    const s3 = fakeClient({
      GetBucketVersioningCommand: () => {
        throw awsError('NoSuchBucket', 'The specified bucket does not exist');
      },
    });
    const result = await checkBucketVersioning(s3, BUCKET);
    expect(result.details).toBe(
      's3:GetBucketVersioning failed: NoSuchBucket: The specified bucket does not exist',
    );
  });
});

describe('checkBucketPublicAccess (s3:GetPublicAccessBlock)', () => {
  it('passes when all four flags are true', async () => {
    const result = await checkBucketPublicAccess(fakeClient(healthyS3()), BUCKET);
    expect(result).toMatchObject({ id: 'bucket-public-access', ok: true });
  });

  it.each(['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'])(
    'fails when %s is false',
    async (flag) => {
      const s3 = fakeClient({
        GetPublicAccessBlockCommand: () => ({
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
            [flag]: false,
          },
        }),
      });
      const result = await checkBucketPublicAccess(s3, BUCKET);
      expect(result.ok).toBe(false);
      expect(result.details).toContain(`${BUCKET} has ${flag} off`);
    },
  );

  it('fails, as a finding rather than a failed call, when the bucket has no configuration', async () => {
    const s3 = fakeClient({
      GetPublicAccessBlockCommand: () => {
        throw awsError(
          'NoSuchPublicAccessBlockConfiguration',
          'The public access block configuration was not found',
        );
      },
    });
    const result = await checkBucketPublicAccess(s3, BUCKET);
    expect(result.ok).toBe(false);
    expect(result.details).toBe(
      `${BUCKET} has no public access block; MWAA needs all four flags on the bucket true`,
    );
  });

  it('names the call for any other error', async () => {
    const s3 = fakeClient({
      GetPublicAccessBlockCommand: () => {
        throw awsError('AccessDenied', 'Access Denied');
      },
    });
    const result = await checkBucketPublicAccess(s3, BUCKET);
    expect(result.details).toBe('s3:GetPublicAccessBlock failed: AccessDenied: Access Denied');
  });
});

describe('checkBucketRegion (s3:GetBucketLocation)', () => {
  const located = (LocationConstraint: string | null | undefined) =>
    fakeClient({ GetBucketLocationCommand: () => ({ LocationConstraint }) });

  it('passes when the bucket is in the deployment Region', async () => {
    const result = await checkBucketRegion(fakeClient(healthyS3()), BUCKET, REGION);
    expect(result).toMatchObject({
      id: 'bucket-region',
      ok: true,
      details: `${BUCKET}: ${REGION}`,
    });
  });

  it('fails when the bucket is in another Region', async () => {
    const result = await checkBucketRegion(located('eu-central-1'), BUCKET, REGION);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${BUCKET} is in eu-central-1, not ${REGION}`);
  });

  it.each([[null], [undefined], ['']])('reads a %p constraint as us-east-1', async (constraint) => {
    expect((await checkBucketRegion(located(constraint), BUCKET, 'us-east-1')).ok).toBe(true);
    const elsewhere = await checkBucketRegion(located(constraint), BUCKET, 'us-west-2');
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.details).toContain('is in us-east-1, not us-west-2');
  });

  it('reads the legacy EU constraint as eu-west-1', async () => {
    expect((await checkBucketRegion(located('EU'), BUCKET, 'eu-west-1')).ok).toBe(true);
    const elsewhere = await checkBucketRegion(located('EU'), BUCKET, 'eu-central-1');
    expect(elsewhere.ok).toBe(false);
    expect(elsewhere.details).toContain('is in eu-west-1, not eu-central-1');
  });

  it('maps constraints to Regions', () => {
    expect(bucketRegion(null)).toBe('us-east-1');
    expect(bucketRegion('EU')).toBe('eu-west-1');
    expect(bucketRegion('ap-south-1')).toBe('ap-south-1');
  });
});
