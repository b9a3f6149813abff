/**
 * After a deploy of DAG files: did Airflow accept them? The bundled action deploys the three
 * stacks and the code against the fake AWS, whose MWAA scheduler reports a DAG file holding a
 * `raise ImportError` line (a test device, see test/support/fake-aws/mwaa-invoke.ts) a moment
 * after its upload; the action waits `import-errors-wait-seconds`, asks through InvokeRestApi,
 * and fails (or warns) naming the file. A deploy that changes no DAG file does not ask.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { codeWorkspace, CODE_INPUTS } from '../support/code-workspace.js';
import type { CodeWorkspace } from '../support/code-workspace.js';
import { environmentInputs, startEnvironmentFake } from '../support/environment-e2e.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';

const BROKEN = "from airflow import DAG\nraise ImportError('No module named snowflake')\n";

describe('the import-errors check after a deploy of DAG files', () => {
  let aws: FakeAws;
  let ws: CodeWorkspace;
  beforeEach(async () => {
    aws = await startEnvironmentFake();
    ws = await codeWorkspace();
  });
  afterEach(async () => {
    await aws.close();
    await ws.dispose();
  });

  // The fake scheduler reports 200 ms after the upload; the action waits 1 s.
  const deploy = (extra: Record<string, string> = {}): Promise<ActionRun> =>
    runAction({
      inputs: environmentInputs({
        ...CODE_INPUTS,
        'import-errors-wait-seconds': '1',
        ...extra,
      }),
      env: { ...aws.env(), GITHUB_WORKSPACE: ws.root },
    });
  const invoked = () => aws.calls.filter((c) => c.action === 'InvokeRestApi').length;

  it('fails the step naming the broken DAG file; a later deploy without DAG changes does not ask', async () => {
    await ws.write('dags/etl/broken.py', BROKEN);
    const first = await deploy();
    expect(first.code).toBe(1);
    // The stacks and the code are deployed all the same: the check comes after.
    expect(aws.stack('analytics-mwaa-environment')?.status).toBe('CREATE_COMPLETE');
    expect(first.stdout).toContain('Waiting 1 s for MWAA to sync the DAG files');
    expect(first.stdout).toMatch(
      /::error::Airflow import error in etl\/broken\.py: ImportError: No module named snowflake/,
    );
    expect(first.stdout).toMatch(
      /::error::Airflow could not import 1 DAG file this deploy changed: etl\/broken\.py: ImportError: No module named snowflake\. Fix the file \(or set import-errors: warn/,
    );
    expect(first.outputs['import-errors']).toBe('1');
    expect(first.summary).toContain('### Airflow import errors');
    expect(first.summary).toContain(
      '| yes | etl/broken.py | ImportError: No module named snowflake |',
    );
    expect(invoked()).toBe(1);

    // Nothing under dags/ changed: nothing for Airflow to parse again, so nothing asked.
    const again = await deploy();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Import errors not checked: no DAG file changed.');
    expect(again.outputs['import-errors']).toBe('');
    expect(invoked()).toBe(1);
  });

  it('with import-errors: warn, reports the broken file and passes', async () => {
    await ws.write('dags/etl/broken.py', BROKEN);
    const run = await deploy({ 'import-errors': 'warn' });
    if (run.code !== 0) throw new Error(`exit ${run.code}\n${run.stdout}\n${run.stderr}`);
    expect(run.stdout).toMatch(
      /::warning::Airflow import error in etl\/broken\.py: ImportError: No module named snowflake/,
    );
    expect(run.outputs['import-errors']).toBe('1');
  });

  it('passes when the DAGs import; with import-errors: off it does not ask at all', async () => {
    const clean = await deploy();
    if (clean.code !== 0) throw new Error(`exit ${clean.code}\n${clean.stdout}\n${clean.stderr}`);
    expect(clean.stdout).toContain('Airflow reports no import errors.');
    expect(clean.outputs['import-errors']).toBe('0');
    await ws.write('dags/etl/broken.py', BROKEN);
    const off = await deploy({ 'import-errors': 'off' });
    expect(off.code).toBe(0);
    expect(invoked()).toBe(1);
  });
});
