/**
 * Release-time code against the fake AWS, where moto cannot show it: a customer-managed key makes
 * the bucket SSE-KMS, so ETags are not MD5s and the plan must read the stored SHA-256 back with
 * HeadObject; the deletion limit and bad inputs stop the run before anything is written.
 */
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { codeWorkspace, CODE_INPUTS } from '../support/code-workspace.js';
import type { CodeWorkspace } from '../support/code-workspace.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';

const ROLE = 'arn:aws:iam::123456789012:role/mwaa-deploy';
const WRITES = ['PutObject', 'DeleteObjects', 'ExecuteChangeSet', 'CreateChangeSet'];

interface CodeJson {
  dags: { added: string[]; changed: string[]; removed: string[] };
  cost: { listPages: number; heads: number };
  warnings: string[];
}

describe('release-time code against the fake AWS', () => {
  let aws: FakeAws;
  let ws: CodeWorkspace;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    ws = await codeWorkspace();
  });
  afterEach(async () => {
    await aws.close();
    await ws.dispose();
  });

  const run = (extra: Record<string, string>): Promise<ActionRun> =>
    runAction({
      inputs: {
        'environment-name': 'codefake',
        'aws-region': 'us-east-1',
        'role-to-assume': ROLE,
        'key-mode': 'customer-managed',
        comment: 'never',
        ...CODE_INPUTS,
        ...extra,
      },
      env: { ...aws.env(), GITHUB_WORKSPACE: ws.root },
    });
  const ok = (r: ActionRun) => {
    if (r.code !== 0) throw new Error(`exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  };
  const writesSince = (n: number) =>
    aws.calls
      .slice(n)
      .filter((c) => WRITES.includes(c.action))
      .map((c) => c.action);

  it('compares an SSE-KMS bucket by the stored SHA-256, not the ETag', async () => {
    const first = await run({ mode: 'deploy' });
    ok(first);
    const bucket = first.outputs['bucket-name'] ?? '';
    const stored = aws.objects.latest(bucket, 'dags/a.py');
    expect(stored?.encryption).toBe('aws:kms');
    expect(stored?.sha256).toBeDefined();
    expect(aws.objects.keys(bucket)).toEqual([
      'dags/a.py',
      'dags/b.py',
      'dags/sub/c.py',
      'plugins.zip',
      'requirements.txt',
      'startup.sh',
    ]);

    // Same size, other content: only the checksum can tell.
    await ws.write('dags/a.py', 'from airflow import DAG\n# A\n');
    const before = aws.calls.length;
    const plan = await run({ mode: 'plan' });
    ok(plan);
    const code = (plan.plan as { code: CodeJson }).code;
    expect(code.dags).toEqual(
      expect.objectContaining({ added: [], changed: ['a.py'], removed: [] }),
    );
    // One listing page; a HEAD for each of the 3 DAG files (their ETags are not MD5s) and the 3 root files.
    expect(code.cost).toEqual({ listPages: 1, heads: 6 });
    expect(writesSince(before).filter((a) => a !== 'CreateChangeSet')).toEqual([]);
    expect(plan.stdout).toContain('~ a.py');

    const deploy = await run({ mode: 'deploy' });
    ok(deploy);
    expect(deploy.outputs['dags-changed']).toBe('1');
    expect(aws.objects.versions(bucket, 'dags/a.py')).toHaveLength(2);
    expect(aws.objects.versions(bucket, 'dags/b.py')).toHaveLength(1);
    expect(deploy.outputs['requirements-s3-object-version']).toBe(
      first.outputs['requirements-s3-object-version'],
    );
  });

  it('refuses deleting more than dag-deletion-limit before anything is written', async () => {
    ok(await run({ mode: 'deploy' }));
    await ws.remove('dags/a.py');
    await ws.remove('dags/sub');
    const before = aws.calls.length;
    const refused = await run({ mode: 'deploy' });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /::error::The deploy would delete 2 of the 3 DAG objects under dags\/, more than dag-deletion-limit allows \(50(%|%25) of 3\)/,
    );
    expect(writesSince(before).filter((a) => a !== 'CreateChangeSet')).toEqual([]);

    // The plan shows it as a warning, and a raised limit lets the deploy go.
    const plan = await run({ mode: 'plan' });
    ok(plan);
    expect((plan.plan as { code: CodeJson }).code.warnings[0]).toMatch(/dag-deletion-limit/);
    const allowed = await run({ mode: 'deploy', 'dag-deletion-limit': '100%' });
    ok(allowed);
    expect(allowed.outputs['dags-removed']).toBe('2');
  });

  it('names every bad code input at once and calls nothing that writes', async () => {
    await ws.write('plugins.zip', 'not a zip at all');
    await ws.write('requirements.txt', 'boto3\n-r other-requirements.txt\n');
    const result = await run({
      mode: 'deploy',
      'dags-path': 'startup.sh',
      'plugins-path': 'plugins.zip',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("Invalid input 'dags-path': 'startup.sh' is a file");
    expect(result.stdout).toMatch(
      /Invalid input 'requirements-path':.*line 2 .*refers to a local file/,
    );
    expect(result.stdout).toMatch(/Invalid input 'plugins-path': 'plugins.zip' is not a zip/);
    // Only the credentials: no stack, no bucket call.
    const calls = aws.calls.filter((c) => c.service !== 'sts' && c.service !== 'oidc');
    expect(calls.map((c) => c.action)).toEqual([]);
  });
});
