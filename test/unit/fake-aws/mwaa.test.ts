/**
 * The fake MWAA over the wire, read with the product's own signed readers and the real KMS
 * client: statuses over (fake) time, LastUpdate on success and failure, log groups, the seed's
 * four grants on a customer managed key, ListGrants pagination.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { KMSClient, ListGrantsCommand } from '@aws-sdk/client-kms';
import { signedJson } from '../../../src/aws/signed-request.js';
import { environmentReaders } from '../../../src/environment/readers.js';
import { REALISTIC_MWAA_MS, startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { FAKE_CREDENTIALS } from '../../support/fake-aws/clients.js';
import { logsKeyStatement } from '../../support/logs-key-statement.js';

describe('fake MWAA', () => {
  let now = Date.parse('2026-12-04T10:00:00Z');
  let aws: FakeAws;
  beforeEach(async () => {
    now = Date.parse('2026-12-04T10:00:00Z');
    aws = await startFakeAws({
      now: () => now,
      mwaa: {
        createMs: REALISTIC_MWAA_MS.create,
        updateMs: REALISTIC_MWAA_MS.update,
        deleteMs: REALISTIC_MWAA_MS.delete,
      },
    });
  });
  afterEach(async () => aws.close());

  const readers = () =>
    environmentReaders({
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      env: { AWS_ENDPOINT_URL: aws.url },
    });
  const call = (method: 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    signedJson(
      {
        region: 'us-east-1',
        signingName: 'airflow',
        endpoint: aws.url,
        credentials: FAKE_CREDENTIALS,
      },
      { method, path, body },
    );

  const properties = (keyArn?: string) => ({
    ExecutionRoleArn: 'arn:aws:iam::123456789012:role/service-role/x',
    SourceBucketArn: 'arn:aws:s3:::b',
    DagS3Path: 'dags',
    ...(keyArn ? { KmsKey: keyArn } : {}),
    NetworkConfiguration: { SubnetIds: ['subnet-1', 'subnet-2'], SecurityGroupIds: ['sg-1'] },
    LoggingConfiguration: {
      TaskLogs: { Enabled: true, LogLevel: 'INFO' },
      WorkerLogs: { Enabled: false },
    },
  });

  it('creates over 25 minutes, then reads AVAILABLE with LastUpdate SUCCESS and its log group', async () => {
    await call('PUT', '/environments/a', properties());
    const { mwaa, logs } = readers();
    expect((await mwaa.getEnvironment('a'))?.Status).toBe('CREATING');
    expect((await mwaa.getEnvironment('a'))?.LastUpdate?.Status).toBe('PENDING');
    now += REALISTIC_MWAA_MS.create;
    const e = await mwaa.getEnvironment('a');
    expect(e?.Status).toBe('AVAILABLE');
    expect(e?.LastUpdate?.Status).toBe('SUCCESS');
    expect((await logs.logGroups('airflow-a-')).map((g) => g.logGroupName)).toEqual([
      'airflow-a-Task',
    ]);
    expect(await mwaa.getEnvironment('missing')).toBeUndefined();
  });

  it('rolls a failed update back: AVAILABLE, LastUpdate FAILED with the error', async () => {
    await call('PUT', '/environments/a', properties());
    now += REALISTIC_MWAA_MS.create;
    aws.failEnvironment({
      operation: 'update',
      errorCode: 'INCORRECT_CONFIGURATION',
      errorMessage: 'bad requirements',
    });
    await call('PATCH', '/environments/a', { MaxWorkers: 4 });
    const { mwaa } = readers();
    expect((await mwaa.getEnvironment('a'))?.Status).toBe('UPDATING');
    now += REALISTIC_MWAA_MS.update;
    const e = await mwaa.getEnvironment('a');
    expect(e?.Status).toBe('AVAILABLE');
    expect(e?.LastUpdate).toMatchObject({
      Status: 'FAILED',
      Error: { ErrorCode: 'INCORRECT_CONFIGURATION', ErrorMessage: 'bad requirements' },
    });
    await call('DELETE', '/environments/a', undefined);
    expect((await mwaa.getEnvironment('a'))?.Status).toBe('DELETING');
    now += REALISTIC_MWAA_MS.delete;
    expect(await mwaa.getEnvironment('a')).toBeUndefined();
  });

  it('attaches the seed’s four grants to a customer managed key; ListGrants pages', async () => {
    const keyArn = aws.seedKey({
      policy: { Version: '2012-10-17', Statement: [logsKeyStatement()] },
    });
    await call('PUT', '/environments/a', properties(keyArn));
    now += REALISTIC_MWAA_MS.create;
    expect((await readers().mwaa.getEnvironment('a'))?.Status).toBe('AVAILABLE');
    const kms = new KMSClient({
      endpoint: aws.url,
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
    });
    const first = await kms.send(new ListGrantsCommand({ KeyId: keyArn, Limit: 3 }));
    expect(first.Grants).toHaveLength(3);
    expect(first.Truncated).toBe(true);
    const second = await kms.send(
      new ListGrantsCommand({ KeyId: keyArn, Limit: 3, Marker: first.NextMarker }),
    );
    expect(second.Truncated).toBe(false);
    const grants = [...first.Grants!, ...second.Grants!];
    expect(grants.map((g) => g.Name).sort()).toEqual([
      'mwaa-fargate-access-for-a',
      'mwaa-grant-for-cfn-mgmt-a',
      'mwaa-grant-for-env-mgmt-role-a',
      'mwaa-grant-for-lambda-exec-a',
    ]);
    expect(new Set(grants.map((g) => g.GranteePrincipal))).toEqual(
      new Set(['airflow.us-east-1.amazonaws.com']),
    );
    const { logs } = readers();
    expect((await logs.logGroups('airflow-a-'))[0]?.kmsKeyId).toBe(keyArn);
  });

  it('fails a create whose key policy lacks the CloudWatch Logs statement', async () => {
    const keyArn = aws.seedKey();
    await call('PUT', '/environments/a', properties(keyArn));
    now += REALISTIC_MWAA_MS.create;
    const e = await readers().mwaa.getEnvironment('a');
    expect(e?.Status).toBe('CREATE_FAILED');
    // MWAA's generic text for a create that failed on its configuration (mwaa.ts).
    expect(e?.LastUpdate?.Error).toEqual({
      ErrorCode: 'INCORRECT_CONFIGURATION',
      ErrorMessage: expect.stringMatching(/^You may need to check the execution role permissions/),
    });
    expect(aws.grants.grants).toEqual([]);
  });
});
