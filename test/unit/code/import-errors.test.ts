/**
 * The import-errors check against the fake MWAA of the fake AWS (InvokeRestApi over the wire,
 * signed as the product signs it), the fake and the check on one instant clock: the check's wait
 * is the time the fake scheduler gets to report a broken DAG file.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { signedJson } from '../../../src/aws/signed-request.js';
import { checkImportErrors } from '../../../src/code/import-errors.js';
import { environmentReaders } from '../../../src/environment/readers.js';
import type { InvokeRestApi } from '../../../src/environment/mwaa-api.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import { FAKE_CREDENTIALS } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';

const START = Date.parse('2026-12-04T10:00:00Z');
const SCAN_MS = 30_000;

describe('did Airflow accept the DAGs (InvokeRestApi /importErrors)', () => {
  let clock: ReturnType<typeof instantClock>;
  let aws: FakeAws;
  let invoke: InvokeRestApi;
  beforeEach(async () => {
    clock = instantClock(START);
    aws = await startFakeAws({ now: () => clock.now(), mwaa: { dagScanMs: SCAN_MS } });
    invoke = environmentReaders({
      region: 'us-east-1',
      credentials: FAKE_CREDENTIALS,
      env: { AWS_ENDPOINT_URL: aws.url },
    }).rest!;
  });
  afterEach(() => aws.close());

  /** An environment `analytics` on bucket `b`, AVAILABLE. */
  const environment = async (airflowVersion = '2.10.3') => {
    await signedJson(
      {
        region: 'us-east-1',
        signingName: 'airflow',
        endpoint: aws.url,
        credentials: FAKE_CREDENTIALS,
      },
      {
        method: 'PUT',
        path: '/environments/analytics',
        body: {
          SourceBucketArn: 'arn:aws:s3:::b',
          DagS3Path: 'dags',
          AirflowVersion: airflowVersion,
        },
      },
    );
    await clock.sleep(1_000);
  };
  /** A DAG object as the code sync leaves it, uploaded now (the fake's clock). */
  const upload = (path: string, body: string) => {
    const bucket = aws.objects.buckets.get('b') ?? new Map();
    aws.objects.buckets.set('b', bucket);
    bucket.set(`dags/${path}`, [
      {
        versionId: `v-${path}`,
        body: Buffer.from(body),
        etag: 'e',
        lastModified: new Date(clock.now()),
        deleteMarker: false,
      },
    ]);
  };
  const BROKEN = "from airflow import DAG\nraise ImportError('No module named snowflake')\n";

  const check = (over: Partial<Parameters<typeof checkImportErrors>[0]> = {}) => {
    const log = memoryLogger();
    const result = checkImportErrors({
      invoke,
      environmentName: 'analytics',
      changedFiles: ['etl/daily.py'],
      uploadedAt: START,
      waitMs: 90_000,
      failOnError: true,
      clock,
      log,
      ...over,
    });
    return { log, result };
  };

  it('waits for the scheduler, reads every page, and fails on an error in a file the deploy changed', async () => {
    await environment();
    for (let i = 0; i < 150; i++) upload(`legacy/old_${String(i).padStart(3, '0')}.py`, BROKEN);
    const uploadedAt = clock.now();
    upload('etl/daily.py', BROKEN);
    const { log, result } = check({ uploadedAt });
    const report = await result;
    expect(clock.slept.at(-1)).toBe(90_000);
    const asked = aws.calls.filter((c) => c.action === 'InvokeRestApi');
    expect(
      asked.map((c) => (c.params['body'] as { QueryParameters: unknown }).QueryParameters),
    ).toEqual([
      { limit: 100, offset: 0 },
      { limit: 100, offset: 100 },
    ]);
    expect(report.kind).toBe('checked');
    if (report.kind !== 'checked') return;
    expect(report.errors).toHaveLength(151);
    expect(report.failed).toBe(true);
    expect(report.errors.filter((e) => e.changedByDeploy)).toEqual([
      expect.objectContaining({
        file: 'etl/daily.py',
        message: 'ImportError: No module named snowflake',
        changedByDeploy: true,
      }),
    ]);
    expect(log.lines).toContain(
      'error: Airflow import error in etl/daily.py: ImportError: No module named snowflake',
    );
    expect(log.lines).toContain(
      'warning: Airflow import error in legacy/old_000.py: ImportError: No module named snowflake',
    );
  });

  it('sees nothing when asked before the scheduler has parsed the file (the wait matters)', async () => {
    await environment();
    upload('etl/daily.py', BROKEN);
    const report = await check({ uploadedAt: clock.now(), waitMs: SCAN_MS / 2 }).result;
    expect(report).toEqual({ kind: 'checked', errors: [], failed: false });
  });

  it('does not count an error recorded before the upload: the old content, not parsed again yet', async () => {
    await environment();
    upload('etl/daily.py', BROKEN);
    await clock.sleep(SCAN_MS + 5_000);
    // The deploy uploads a fix after the scheduler has reported the old file.
    const { log, result } = check({ uploadedAt: clock.now(), waitMs: 0 });
    const report = await result;
    expect(report).toEqual(expect.objectContaining({ kind: 'checked', failed: false }));
    expect(log.lines).toContain(
      'warning: Airflow import error in etl/daily.py (recorded before this upload): ImportError: No module named snowflake',
    );
  });

  it('only warns for errors in files the deploy did not touch, or by policy', async () => {
    await environment();
    upload('etl/daily.py', BROKEN);
    const warnOnly = await check({ failOnError: false }).result;
    expect(warnOnly).toEqual(expect.objectContaining({ kind: 'checked', failed: false }));
    if (warnOnly.kind === 'checked') expect(warnOnly.errors).toHaveLength(1);
    const untouched = await check({ changedFiles: ['other.py'] }).result;
    expect(untouched).toEqual(expect.objectContaining({ kind: 'checked', failed: false }));
  });

  it('says in one line when REST access is not there, and goes on', async () => {
    // Airflow before 2.4.3: MWAA gives no REST access (ValidationException).
    await environment('2.2.2');
    const old = check();
    expect(await old.result).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/Apache Airflow 2\.4\.3 or later .*\(ValidationException: /),
    });
    expect(old.log.lines.filter((l) => l.startsWith('Import errors not checked'))).toHaveLength(1);
  });

  it('says so when the role may not call InvokeRestApi, or the environment is gone', async () => {
    await environment();
    aws.addFault({
      service: 'mwaa',
      action: 'InvokeRestApi',
      kind: 'error',
      code: 'AccessDeniedException',
      status: 403,
      times: 1,
    });
    expect(await check().result).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /may not call airflow:InvokeRestApi on this environment \(AccessDeniedException/,
      ),
    });
    expect((await check({ environmentName: 'missing' }).result).kind).toBe('unavailable');
  });

  it('retries a transient failure; fails after the retries by policy fail, warns by policy warn', async () => {
    await environment();
    const outage = { service: 'mwaa', action: 'InvokeRestApi', kind: 'error' as const };
    aws.addFault({ ...outage, code: 'InternalServerException', status: 500, times: 1 });
    expect(await check().result).toEqual({ kind: 'checked', errors: [], failed: false });
    aws.addFault({ ...outage, code: 'InternalServerException', status: 500 });
    await expect(check().result).rejects.toThrow(
      /Could not read Airflow's import errors of analytics after 4 attempts: .*The deploy itself is complete; set import-errors: warn/,
    );
    const warned = check({ failOnError: false });
    expect(await warned.result).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/after 4 attempts/),
    });
    expect(warned.log.lines.filter((l) => l.startsWith('InvokeRestApi failed'))).toHaveLength(3);
  });
});
