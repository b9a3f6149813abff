/**
 * The bundled action planning the environment stack: a replacement blocked unless allowed by
 * its logical ID, and the "will it create?" pre-checks failing the plan before anything is
 * created.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeAws } from '../support/fake-aws/index.js';
import {
  environmentInputs,
  rootStatement,
  startEnvironmentFake,
} from '../support/environment-e2e.js';
import { runAction } from '../support/runner/run-action.js';

describe('deploy-environment plans against the fake AWS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startEnvironmentFake();
  });
  afterEach(async () => aws.close());

  /** A template override that changes EndpointManagement, which replaces the environment. */
  async function replacingTemplate(): Promise<string> {
    const original = await readFile(
      new URL('../../templates/mwaa-environment.yaml', import.meta.url),
      'utf8',
    );
    const changed = original.replace(
      '      DagS3Path: !Ref DagS3Path\n',
      '      DagS3Path: !Ref DagS3Path\n      EndpointManagement: CUSTOMER\n',
    );
    expect(changed).not.toBe(original);
    const path = join(await mkdtemp(join(tmpdir(), 'mwaa-env-')), 'env.yaml');
    await writeFile(path, changed);
    return path;
  }

  it("the engine's gate refuses a deploy that replaces the environment: nothing executes", async () => {
    expect((await runAction({ inputs: environmentInputs(), env: aws.env() })).code).toBe(0);
    const before = aws.mwaa.environments.get('analytics')?.createdAt;
    const from = aws.calls.length;
    const deploy = await runAction({
      inputs: environmentInputs({ 'environment-template': await replacingTemplate() }),
      env: aws.env(),
    });
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toMatch(
      /::error::The plan is destructive[\s\S]*Environment \(AWS::MWAA::Environment\) replaced/,
    );
    const calls = aws.calls.slice(from);
    expect(calls.filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
    // Every change set of the refused plan was discarded, the environment's too.
    const created = calls.filter((c) => c.action === 'CreateChangeSet').length;
    expect(calls.filter((c) => c.action === 'DeleteChangeSet')).toHaveLength(created);
    expect(created).toBe(3);
    expect(aws.mwaa.environments.get('analytics')?.createdAt).toEqual(before);
  });

  it('blocks a plan that replaces the environment unless allow-destructive names it', async () => {
    expect((await runAction({ inputs: environmentInputs(), env: aws.env() })).code).toBe(0);
    const path = await replacingTemplate();
    const plan = { mode: 'plan', 'environment-template': path };
    const blocked = await runAction({ inputs: environmentInputs(plan), env: aws.env() });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(
      'The MWAA environment Environment in stack analytics-mwaa-environment',
    );
    expect(blocked.stdout).toMatch(/REPLACED: a new environment means a new metadata database/);
    expect(blocked.stdout).toMatch(
      /::error::The plan is destructive[\s\S]*Environment \(AWS::MWAA::Environment\) replaced/,
    );
    // The type is not enough: only the logical ID allows it.
    const byType = await runAction({
      inputs: environmentInputs({ ...plan, 'allow-destructive': 'AWS::MWAA::Environment' }),
      env: aws.env(),
    });
    expect(byType.code).toBe(1);
    const byName = await runAction({
      inputs: environmentInputs({ ...plan, 'allow-destructive': 'Environment' }),
      env: aws.env(),
    });
    expect(byName.stdout).not.toMatch(/::error::/);
    expect(byName.code).toBe(0);
  });

  it('plan fails, after showing it, when the key policy lacks the logs statement; nothing is created', async () => {
    const keyArn = aws.seedKey({ policy: { Version: '2012-10-17', Statement: [rootStatement()] } });
    const run = await runAction({
      inputs: environmentInputs({
        mode: 'plan',
        'key-mode': 'customer-managed',
        'kms-key': keyArn,
      }),
      env: aws.env(),
    });
    expect(run.code).toBe(1);
    // The plan shows it first, then the step fails with the finding and the fix.
    expect(run.stdout).toMatch(
      /!! Will it create\? No: the MWAA environment would fail 20 to 40 minutes into its creation/,
    );
    expect(run.stdout).toMatch(
      /::error::The MWAA environment would fail 20 to 40 minutes into its creation or update, so nothing was created or changed:%0A- analytics-mwaa-environment: KMS key policy lets CloudWatch Logs use the key: no\. the key policy of arn:aws:kms:[^ ]+ has no statement allowing logs\.us-east-1\.amazonaws\.com/,
    );
    expect(run.stdout).toContain(`add this statement to the key policy of ${keyArn}:`);
    // Plan mode changed nothing: no environment, no stack left behind.
    expect(aws.mwaa.environments.size).toBe(0);
    expect(aws.stack('analytics-mwaa-environment')).toBeUndefined();
  });

  it('plan fails when the deployed bucket lost its versioning, with no way past that fact', async () => {
    const run = await runAction({
      inputs: environmentInputs({ 'deploy-environment': 'false' }),
      env: aws.env(),
    });
    expect(run.code).toBe(0);
    aws.patchResource('analytics-mwaa-prerequisites', 'Bucket', (p) => ({
      ...p,
      VersioningConfiguration: { Status: 'Suspended' },
    }));
    const plan = await runAction({ inputs: environmentInputs({ mode: 'plan' }), env: aws.env() });
    expect(plan.code).toBe(1);
    expect(plan.stdout).toMatch(
      /!! Bucket versioning enabled \(analytics-mwaa-environment\): no\./,
    );
    expect(plan.stdout).toMatch(
      /::error::The MWAA environment would fail[^\n]*Bucket versioning enabled: no\./,
    );
    expect(plan.stdout).not.toMatch(/::error::[^\n]*allow-failed-prechecks/);
    // Stopped before its change set: no REVIEW_IN_PROGRESS environment stack was made.
    expect(
      aws.calls.some(
        (c) =>
          c.action === 'CreateChangeSet' && c.params['StackName'] === 'analytics-mwaa-environment',
      ),
    ).toBe(false);
  });
});
