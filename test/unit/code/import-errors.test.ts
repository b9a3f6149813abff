import { checkImportErrors, invokeRestApiOver } from '../../../src/code/import-errors.js';
import type { InvokeRestApi } from '../../../src/code/import-errors.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import { startFakeMwaaRest } from '../../support/fake-aws/mwaa-rest.js';
import type { FakeMwaaRest } from '../../support/fake-aws/mwaa-rest.js';

describe('did Airflow accept the DAGs (InvokeRestApi /importErrors)', () => {
  let mwaa: FakeMwaaRest;
  let invoke: InvokeRestApi;
  beforeEach(async () => {
    mwaa = await startFakeMwaaRest();
    invoke = invokeRestApiOver(async (path, body) => {
      const res = await fetch(`${mwaa.url}${path}`, { method: 'POST', body });
      return {
        status: res.status,
        headers: Object.fromEntries(res.headers.entries()),
        body: await res.text(),
      };
    });
  });
  afterEach(() => mwaa.close());

  const check = (over: Partial<Parameters<typeof checkImportErrors>[0]> = {}) => {
    const clock = instantClock();
    const log = memoryLogger();
    return {
      clock,
      log,
      result: checkImportErrors({
        invoke,
        environmentName: 'analytics',
        changedFiles: ['etl/daily.py'],
        waitMs: 90_000,
        failOnError: true,
        clock,
        log,
        ...over,
      }),
    };
  };

  it('waits, reads every page, and fails on an error in a file the deploy changed', async () => {
    const others = Array.from({ length: 150 }, (_, i) => ({
      filename: `/usr/local/airflow/dags/legacy/old_${i}.py`,
      stack_trace: 'Traceback:\n  ...\nImportError: nope\n',
    }));
    mwaa.environments.set('analytics', {
      rest: 'ok',
      importErrors: [
        ...others,
        {
          filename: '/usr/local/airflow/dags/etl/daily.py',
          stack_trace:
            'Traceback (most recent call last):\n  File "daily.py", line 3\nModuleNotFoundError: No module named \'snowflake\'\n',
        },
      ],
    });
    const { clock, log, result } = check();
    const report = await result;
    expect(clock.slept).toEqual([90_000]);
    expect(
      mwaa.requests.map((r) => (r.body['QueryParameters'] as { offset: number }).offset),
    ).toEqual([0, 100]);
    expect(report.kind).toBe('checked');
    if (report.kind !== 'checked') return;
    expect(report.errors).toHaveLength(151);
    expect(report.failed).toBe(true);
    expect(report.errors.at(-1)).toEqual(
      expect.objectContaining({
        file: 'etl/daily.py',
        message: "ModuleNotFoundError: No module named 'snowflake'",
        changedByDeploy: true,
      }),
    );
    expect(log.lines).toContain(
      "error: Airflow import error in etl/daily.py: ModuleNotFoundError: No module named 'snowflake'",
    );
  });

  it('only warns for errors in files the deploy did not touch, or by policy', async () => {
    mwaa.environments.set('analytics', {
      rest: 'ok',
      importErrors: [
        { filename: '/usr/local/airflow/dags/etl/daily.py', stack_trace: 'SyntaxError: x' },
      ],
    });
    const warnOnly = await check({ failOnError: false }).result;
    expect(warnOnly).toEqual(expect.objectContaining({ kind: 'checked', failed: false }));
    const untouched = await check({ changedFiles: ['other.py'] }).result;
    expect(untouched).toEqual(expect.objectContaining({ kind: 'checked', failed: false }));
  });

  it('says in one line when REST access is not there, and goes on', async () => {
    mwaa.environments.set('analytics', { rest: 'unsupported', importErrors: [] });
    const unsupported = check();
    expect(await unsupported.result).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(/no REST API access through MWAA \(ValidationException\)/),
    });
    mwaa.environments.set('analytics', { rest: 'denied', importErrors: [] });
    expect(await check().result).toEqual({
      kind: 'unavailable',
      reason: expect.stringMatching(
        /may not call airflow:InvokeRestApi on this environment \(AccessDeniedException\)/,
      ),
    });
    mwaa.environments.delete('analytics');
    expect((await check().result).kind).toBe('unavailable');
  });

  it('asks nothing when the deploy changed no DAG file', async () => {
    const { clock, result } = check({ changedFiles: [] });
    expect(await result).toEqual({ kind: 'checked', errors: [], failed: false });
    expect(clock.slept).toEqual([]);
    expect(mwaa.requests).toEqual([]);
  });
});
