/**
 * deploy-environment with release-time code: the code sync's object versions are the environment
 * stack's RequirementsS3ObjectVersion and friends. A plan shows a changed file's version as known
 * after deploy (a real change set: the environment updates); the deploy syncs the code after the
 * prerequisite stack, plans the environment stack again with the uploaded versions, and that
 * change set passes the gate before it executes.
 */
import { codeWorkspace, CODE_INPUTS } from '../support/code-workspace.js';
import type { CodeWorkspace } from '../support/code-workspace.js';
import { environmentInputs, startEnvironmentFake } from '../support/environment-e2e.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';

interface PlanJson {
  stacks: {
    role: string;
    action: string;
    source: string;
    parameters: { key: string; before?: string; after?: string; knownAfterDeploy?: string }[];
  }[];
}

describe('deploy-environment with release-time code', () => {
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

  const run = (extra: Record<string, string>): Promise<ActionRun> =>
    runAction({
      // No wait for the import-errors check (test/e2e/fake-import-errors.test.ts covers it).
      inputs: environmentInputs({ ...CODE_INPUTS, 'import-errors-wait-seconds': '0', ...extra }),
      env: { ...aws.env(), GITHUB_WORKSPACE: ws.root },
    });
  const ok = (r: ActionRun) => {
    if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  };
  const environmentPlan = (r: ActionRun) => {
    const stack = (r.plan as PlanJson).stacks.find((s) => s.role === 'environment');
    if (!stack) throw new Error('no environment stack in the plan');
    return stack;
  };

  it('pins the synced versions, shows a changed one as known after deploy, and deploys it', async () => {
    const first = await run({ mode: 'deploy' });
    ok(first);
    const bucket = first.outputs['bucket-name'] ?? '';
    const stack = () => aws.stack('analytics-mwaa-environment');
    const versionOf = (key: string) => aws.objects.latest(bucket, key)?.versionId;
    expect(stack()?.status).toBe('CREATE_COMPLETE');
    expect(stack()?.parameters).toEqual(
      expect.objectContaining({
        RequirementsS3Path: 'requirements.txt',
        RequirementsS3ObjectVersion: versionOf('requirements.txt'),
        PluginsS3Path: 'plugins.zip',
        PluginsS3ObjectVersion: versionOf('plugins.zip'),
        StartupScriptS3Path: 'startup.sh',
        StartupScriptS3ObjectVersion: versionOf('startup.sh'),
        DagS3Path: 'dags',
      }),
    );
    expect(aws.mwaa.environments.get('analytics')?.properties['RequirementsS3ObjectVersion']).toBe(
      versionOf('requirements.txt'),
    );

    // Nothing changed: the environment keeps its versions and does not update.
    const same = await run({ mode: 'plan' });
    ok(same);
    expect(environmentPlan(same).action).toBe('none');

    // A new requirements.txt: its version exists only after the upload.
    const oldVersion = versionOf('requirements.txt');
    await ws.write('requirements.txt', 'boto3\n');
    const plan = await run({ mode: 'plan' });
    ok(plan);
    const planned = environmentPlan(plan);
    expect(planned).toEqual(expect.objectContaining({ action: 'update', source: 'change-set' }));
    expect(planned.parameters.find((p) => p.key === 'RequirementsS3ObjectVersion')).toEqual(
      expect.objectContaining({
        before: oldVersion,
        knownAfterDeploy: expect.stringContaining('the new version of requirements.txt'),
      }),
    );
    // The unchanged files keep their versions, known at plan time.
    expect(planned.parameters.find((p) => p.key === 'PluginsS3ObjectVersion')).toEqual(
      expect.objectContaining({
        before: versionOf('plugins.zip'),
        after: versionOf('plugins.zip'),
      }),
    );

    const deploy = await run({ mode: 'deploy' });
    ok(deploy);
    const newVersion = versionOf('requirements.txt');
    expect(newVersion).not.toBe(oldVersion);
    expect(deploy.stdout).toContain(
      'Planning stack analytics-mwaa-environment again with the other stacks',
    );
    expect(stack()?.status).toBe('UPDATE_COMPLETE');
    expect(stack()?.parameters['RequirementsS3ObjectVersion']).toBe(newVersion);
    expect(aws.mwaa.environments.get('analytics')?.properties['RequirementsS3ObjectVersion']).toBe(
      newVersion,
    );
  });

  it('keeps the code it does not manage: a run without code inputs leaves requirements, plugins and the startup script in place', async () => {
    ok(await run({ mode: 'deploy' }));
    const stack = () => aws.stack('analytics-mwaa-environment');
    const before = { ...stack()?.parameters };
    expect(before['RequirementsS3ObjectVersion']).toBeTruthy();
    // The same environment, deployed by a run that does not sync code (no code inputs): an
    // update that left the code parameters out would fall back to the template's empty defaults.
    const bare = (mode: string) =>
      runAction({
        inputs: environmentInputs({ mode }),
        env: { ...aws.env(), GITHUB_WORKSPACE: ws.root },
      });
    const plan = await bare('plan');
    ok(plan);
    expect(environmentPlan(plan).action).toBe('none');
    ok(await bare('deploy'));
    for (const key of [
      'RequirementsS3Path',
      'RequirementsS3ObjectVersion',
      'PluginsS3Path',
      'PluginsS3ObjectVersion',
      'StartupScriptS3Path',
      'StartupScriptS3ObjectVersion',
    ]) {
      expect([key, stack()?.parameters[key]]).toEqual([key, before[key]]);
    }
  });
});
