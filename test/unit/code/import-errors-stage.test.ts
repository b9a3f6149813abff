/**
 * When the deploy asks Airflow for import errors, and of which environment: the decisions of
 * checkDeployedDags with plain values (a recorded MWAA reader and REST call, an instant clock).
 */
import { describe, expect, it } from '@jest/globals';
import {
  checkDeployedDags,
  importErrorsFailure,
  reasonNotToCheck,
} from '../../../src/code/import-errors-stage.js';
import type { CodeSyncResult } from '../../../src/code/sync.js';
import type { MwaaEnvironment } from '../../../src/environment/mwaa-api.js';
import type { EnvironmentReaders } from '../../../src/environment/readers.js';
import { renderImportErrorsMarkdown } from '../../../src/render/import-errors-markdown.js';
import type { CodeSettings } from '../../../src/settings/code.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';

const CODE: CodeSettings = {
  workspace: '/ws',
  paths: { 'dags-path': 'dags' },
  dagPrefix: 'dags/',
  dagDeletionLimit: { kind: 'percent', value: 50 },
  importErrors: 'fail',
  importErrorsWaitSeconds: 90,
};
const SYNCED: CodeSyncResult = {
  bucket: 'b',
  uploaded: 1,
  deleted: 0,
  dags: { added: 0, changed: 1, removed: 0 },
  changedDags: ['etl/daily.py'],
  startedAt: Date.parse('2026-12-04T10:00:00Z'),
  versions: {},
};
const AVAILABLE: MwaaEnvironment = {
  Name: 'analytics',
  Status: 'AVAILABLE',
  AirflowVersion: '2.10.3',
};

function harness(options: {
  environment?: MwaaEnvironment | Error;
  importErrors?: { filename: string; stack_trace: string; timestamp?: string }[];
}) {
  const asked: string[] = [];
  const readers = {
    mwaa: {
      getEnvironment: async (name: string) => {
        asked.push(`GetEnvironment ${name}`);
        if (options.environment instanceof Error) throw options.environment;
        return options.environment;
      },
    },
    logs: { logGroups: async () => [] },
    rest: async (request: { name: string; path: string }) => {
      asked.push(`InvokeRestApi ${request.name} ${request.path}`);
      const errors = options.importErrors ?? [];
      return { status: 200, body: { import_errors: errors, total_entries: errors.length } };
    },
  } as unknown as EnvironmentReaders;
  const clock = instantClock(Date.parse('2026-12-04T10:00:00Z'));
  const log = memoryLogger();
  const run = (
    code: CodeSettings | undefined = CODE,
    synced: CodeSyncResult | undefined = SYNCED,
  ) => checkDeployedDags({ code, synced, environmentName: 'analytics', readers, clock, log });
  return { asked, clock, log, run };
}

describe('whether to ask Airflow for import errors after a deploy', () => {
  it('says nothing without a DAG folder, and asks nothing when off or when no DAG file changed', async () => {
    expect(reasonNotToCheck(undefined, SYNCED)).toBe('no dags-path');
    const h = harness({ environment: AVAILABLE });
    expect(await h.run({ ...CODE, paths: { 'requirements-path': 'r.txt' } })).toBeUndefined();
    expect(await h.run({ ...CODE, importErrors: 'off' })).toEqual({
      kind: 'skipped',
      reason: 'import-errors is off',
    });
    const unchanged = { ...SYNCED, dags: { added: 0, changed: 0, removed: 0 }, changedDags: [] };
    expect(await h.run(CODE, unchanged)).toEqual({
      kind: 'skipped',
      reason: 'no DAG file changed',
    });
    expect(h.asked).toEqual([]);
    expect(h.log.lines).toEqual([
      'Import errors not checked: import-errors is off.',
      'Import errors not checked: no DAG file changed.',
    ]);
  });

  it('asks after a deploy that only deleted DAG files (errors of the remaining ones are listed, none fails)', async () => {
    const h = harness({
      environment: AVAILABLE,
      importErrors: [{ filename: '/usr/local/airflow/dags/old.py', stack_trace: 'SyntaxError: x' }],
    });
    const deletedOnly = { ...SYNCED, dags: { added: 0, changed: 0, removed: 2 }, changedDags: [] };
    const outcome = await h.run(CODE, deletedOnly);
    expect(outcome).toEqual(expect.objectContaining({ kind: 'checked', failed: false }));
    expect(h.asked).toEqual(['GetEnvironment analytics', 'InvokeRestApi analytics /importErrors']);
  });

  it.each([
    [undefined, 'there is no MWAA environment named analytics'],
    [{ Name: 'analytics', Status: 'UPDATING' }, 'MWAA environment analytics is UPDATING'],
    [
      new Error('AccessDeniedException: not authorized to perform airflow:GetEnvironment'),
      'could not read MWAA environment analytics (AccessDeniedException: not authorized to perform airflow:GetEnvironment)',
    ],
  ])('skips in one line when the environment is %p', async (environment, reason) => {
    const h = harness({ environment: environment as MwaaEnvironment | Error | undefined });
    expect(await h.run()).toEqual({ kind: 'skipped', reason });
    expect(h.asked).toEqual(['GetEnvironment analytics']);
    expect(h.clock.slept).toEqual([]);
  });

  it('does not call InvokeRestApi on Airflow before 2.4.3 (no REST access through MWAA)', async () => {
    const h = harness({ environment: { ...AVAILABLE, AirflowVersion: '2.2.2' } });
    expect(await h.run()).toEqual({
      kind: 'unavailable',
      reason: expect.stringContaining(
        'runs Apache Airflow 2.2.2; MWAA gives REST access from 2.4.3',
      ),
    });
    expect(h.asked).toEqual(['GetEnvironment analytics']);
  });

  it('waits import-errors-wait-seconds, then fails by policy on a new error in a changed file', async () => {
    const h = harness({
      environment: { ...AVAILABLE, AirflowVersion: '2.4.3' },
      importErrors: [
        {
          filename: '/usr/local/airflow/dags/etl/daily.py',
          stack_trace: "Traceback:\nModuleNotFoundError: No module named 'snowflake'\n",
          timestamp: '2026-12-04T10:00:40Z',
        },
      ],
    });
    const outcome = await h.run({ ...CODE, importErrorsWaitSeconds: 45 });
    expect(h.clock.slept).toEqual([45_000]);
    expect(outcome).toEqual(expect.objectContaining({ kind: 'checked', failed: true }));
    expect(importErrorsFailure(outcome)).toBe(
      "Airflow could not import 1 DAG file this deploy changed: etl/daily.py: ModuleNotFoundError: No module named 'snowflake'. Fix the file (or set import-errors: warn to only report it).",
    );
    const markdown = renderImportErrorsMarkdown(outcome!);
    expect(markdown).toContain('❌ 1 DAG file this deploy changed failed to import.');
    expect(markdown).toContain(
      "| yes | etl/daily.py | ModuleNotFoundError: No module named 'snowflake' |",
    );
    // warn: the same error reported, the step not failed.
    const warn = await h.run({ ...CODE, importErrors: 'warn' });
    expect(importErrorsFailure(warn)).toBeUndefined();
    expect(renderImportErrorsMarkdown(warn!)).toContain('(import-errors: warn)');
  });

  it('bounds what a DAG file can put in the failure line: 5 files named, each message clipped', async () => {
    const files = Array.from({ length: 7 }, (_, i) => `etl/f${i}.py`);
    const h = harness({
      environment: AVAILABLE,
      importErrors: files.map((f) => ({
        filename: `/usr/local/airflow/dags/${f}`,
        stack_trace: `Traceback:\nImportError: ${'x'.repeat(5_000)}\n`,
      })),
    });
    const outcome = await h.run(CODE, { ...SYNCED, changedDags: files });
    const failure = importErrorsFailure(outcome) ?? '';
    expect(failure).toMatch(
      /^Airflow could not import 7 DAG files this deploy changed: etl\/f0\.py: /,
    );
    expect(failure).toContain('; and 2 more (see the log).');
    expect(failure).not.toContain('etl/f5.py');
    expect(failure.length).toBeLessThan(3_000);
    if (outcome?.kind === 'checked') expect(outcome.errors[0]?.message).toHaveLength(500);
  });
});
