import { describe, expect, it } from '@jest/globals';
import { SettingsError, inputsFrom, loadSettings } from '../../../src/settings/index.js';

const BASE = { 'environment-name': 'orders', 'aws-region': 'eu-west-1' };

function load(extra: Record<string, string>) {
  return loadSettings(inputsFrom({ ...BASE, ...extra }), {});
}

function problems(extra: Record<string, string>): string[] {
  try {
    load(extra);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems.map((p) => p.message);
    throw error;
  }
  return [];
}

describe('environment inputs', () => {
  it('are off by default: no environment settings, no third stack', () => {
    const settings = load({});
    expect(settings.environment).toBeUndefined();
    expect(settings.stacks.environment).toBeUndefined();
  });

  it('take MWAA’s defaults when turned on', () => {
    const settings = load({ 'deploy-environment': 'true' });
    expect(settings.stacks.environment).toEqual({ name: 'orders-mwaa-environment' });
    expect(settings.environment).toEqual({
      environmentClass: 'mw1.small',
      minWorkers: 1,
      maxWorkers: 10,
      schedulers: 2,
      webserverAccessMode: 'PRIVATE_ONLY',
      dagS3Path: 'dags',
      logLevels: {
        'dag-processing': 'WARNING',
        scheduler: 'WARNING',
        task: 'INFO',
        webserver: 'WARNING',
        worker: 'WARNING',
      },
      airflowConfigurationOptions: {},
    });
  });

  it('reads every input', () => {
    const settings = load({
      'deploy-environment': 'true',
      'airflow-version': '2.10.3',
      'environment-class': 'mw1.large',
      'min-workers': '2',
      'max-workers': '4',
      'webserver-access-mode': 'PUBLIC_ONLY',
      'dag-s3-path': 'airflow/dags/',
      'log-levels': 'task: DEBUG\nworker: disabled',
      'weekly-maintenance-window-start': 'SUN:03:30',
      'airflow-configuration-options':
        '{"core.default_timezone": "utc", "celery.worker_autoscale": "5,5"}',
    });
    expect(settings.environment).toMatchObject({
      airflowVersion: '2.10.3',
      environmentClass: 'mw1.large',
      schedulers: 2,
      minWorkers: 2,
      maxWorkers: 4,
      webserverAccessMode: 'PUBLIC_ONLY',
      dagS3Path: 'airflow/dags',
      weeklyMaintenanceWindowStart: 'SUN:03:30',
      airflowConfigurationOptions: {
        'core.default_timezone': 'utc',
        'celery.worker_autoscale': '5,5',
      },
    });
    expect(settings.environment?.logLevels.task).toBe('DEBUG');
    expect(settings.environment?.logLevels.worker).toBe('DISABLED');
  });

  it('names the input and the fix for each bad value, all at once', () => {
    const found = problems({
      'deploy-environment': 'yes',
      'airflow-version': '2.0.2',
      'environment-class': 'mw1.huge',
      'min-workers': '5',
      'max-workers': '3',
      schedulers: '7',
      'dag-s3-path': 's3://bucket/dags',
      'log-levels': 'tasks=INFO',
      'weekly-maintenance-window-start': 'SUN:03:15',
      'airflow-configuration-options': 'Core.Timezone=utc',
    });
    expect(found).toEqual([
      expect.stringMatching(/^Invalid input 'deploy-environment': 'yes' is not a boolean/),
      expect.stringMatching(
        /^Invalid input 'airflow-version': '2\.0\.2' is a version MWAA no longer creates/,
      ),
      expect.stringMatching(/^Invalid input 'environment-class': 'mw1\.huge' is not one of/),
      expect.stringMatching(/^Invalid input 'max-workers': '3' is below min-workers 5/),
      expect.stringMatching(
        /^Invalid input 'schedulers': '7' is out of range; expected a whole number of schedulers from 2 to 5/,
      ),
      expect.stringMatching(/^Invalid input 'log-levels': 'tasks' is not a log type/),
      expect.stringMatching(
        /^Invalid input 'weekly-maintenance-window-start': 'SUN:03:15' is not DAY:HH:MM/,
      ),
      expect.stringMatching(
        /^Invalid input 'airflow-configuration-options': 'Core\.Timezone' is not an Airflow option/,
      ),
      // Shared with the code sync, which reads it (and reports it) after the environment inputs.
      expect.stringMatching(
        /^Invalid input 'dag-s3-path': 's3:\/\/bucket\/dags' must be a folder relative to the bucket/,
      ),
    ]);
  });

  it('runs mw1.micro with its one worker, and refuses more', () => {
    const micro = { 'deploy-environment': 'true', 'environment-class': 'mw1.micro' };
    expect(load(micro).environment).toMatchObject({ minWorkers: 1, maxWorkers: 1, schedulers: 1 });
    expect(load({ 'deploy-environment': 'true' }).environment?.maxWorkers).toBe(10);
    expect(problems({ ...micro, 'min-workers': '2', 'max-workers': '4' })).toEqual([
      expect.stringMatching(
        /^Invalid input 'min-workers': '2' is not possible with environment-class mw1\.micro, which runs exactly 1 worker and does not scale; set min-workers: 1/,
      ),
      expect.stringMatching(
        /^Invalid input 'max-workers': '4' is not possible with environment-class mw1\.micro.*set max-workers: 1 or leave it empty/,
      ),
    ]);
  });

  it('takes a DAG folder as long as S3 keys allow, counted in UTF-8 bytes', () => {
    const on = { 'deploy-environment': 'true' };
    const longest = 'd'.repeat(1019); // 1020 bytes with its '/': room for a 4-byte name
    expect(load({ ...on, 'dag-s3-path': longest }).environment?.dagS3Path).toBe(longest);
    expect(problems({ ...on, 'dag-s3-path': `${longest}d` })).toEqual([
      expect.stringMatching(
        /^Invalid input 'dag-s3-path': '.*' \(1020 characters\) is 1021 bytes as a key prefix; S3 keys are at most 1024 bytes \(UTF-8\) and MWAA's DagS3Path at most 1024 characters/,
      ),
    ]);
    // Non-ASCII names count their UTF-8 bytes: 400 characters of 3 bytes each are too long.
    expect(problems({ ...on, 'dag-s3-path': '\u00e9\u00e9\u00e9'.repeat(200) })[0]).toMatch(
      /is 1201 bytes as a key prefix/,
    );
  });

  it('refuses more than one scheduler on mw1.micro', () => {
    expect(
      problems({ 'deploy-environment': 'true', 'environment-class': 'mw1.micro', schedulers: '2' }),
    ).toEqual([
      expect.stringMatching(
        /^Invalid input 'schedulers': '2' is not possible with environment-class mw1\.micro/,
      ),
    ]);
  });

  it('refuses an environment stack name used by another stack', () => {
    expect(
      problems({ 'deploy-environment': 'true', 'environment-stack-name': 'orders-vpc' }),
    ).toEqual([
      expect.stringMatching(
        /^Invalid input 'environment-stack-name': 'orders-vpc' is also another stack's name/,
      ),
    ]);
  });
});
