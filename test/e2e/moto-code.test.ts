/**
 * Release-time code end to end: the bundled action deploys the stacks to patched moto and syncs
 * a workspace's DAGs, requirements.txt, plugins folder and startup script to the bucket, then
 * plans and deploys changes. moto's S3 keeps object versions and the SHA-256 sent on upload
 * (returned by HeadObject with ChecksumMode ENABLED), as S3 does. It does not check that sent
 * checksum against the body (the fake does, test/support/fake-aws/s3-objects.ts).
 *
 * Skipped, with a message, where python3 cannot import moto.
 */
import {
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { codeWorkspace, CODE_INPUTS, REQUIREMENTS } from '../support/code-workspace.js';
import type { CodeWorkspace } from '../support/code-workspace.js';
import { motoMissingReason, startPatchedMoto } from '../support/moto/patched.js';
import type { PatchedMoto } from '../support/moto/patched.js';
import { MOTO_CREDENTIALS } from '../support/moto/server.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';

const REGION = 'us-east-1';
const TIMEOUT_MS = 180_000;
const ENV = 'moto-code';

const missing = motoMissingReason();
if (missing) console.warn(`test/e2e/moto-code.test.ts skipped: ${missing}`);
const describeMoto = missing ? describe.skip : describe;

interface CodeJson {
  bucket?: string;
  newBucket: boolean;
  dags: { added: string[]; changed: string[]; removed: string[]; unchanged: number };
  requirements: { status: string; addedLines: string[]; removedLines: string[] };
  plugins: { status: string; addedEntries: string[]; changedEntries: string[] };
  startupScript: { status: string };
  cost: { listPages: number; heads: number };
}

describeMoto('release-time code against patched moto', () => {
  let moto: PatchedMoto;
  let s3: S3Client;
  let ws: CodeWorkspace;
  let bucket = '';
  let firstVersions: Record<string, string> = {};

  beforeAll(async () => {
    moto = await startPatchedMoto();
    s3 = new S3Client({
      region: REGION,
      endpoint: moto.url,
      credentials: MOTO_CREDENTIALS,
      forcePathStyle: true,
    });
    ws = await codeWorkspace();
  });

  afterAll(async () => {
    s3?.destroy();
    await ws?.dispose();
    await moto?.stop();
  });

  const run = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction({
      inputs: {
        'aws-region': REGION,
        'environment-name': ENV,
        // A key the stack creates: moto's change sets list resources whose condition is false
        // (the AWS-owned mode's Key and KeyAlias), which the gate rightly refuses as more than
        // the reviewed plan showed once the prerequisite stack is planned again.
        'key-mode': 'customer-managed',
        ...CODE_INPUTS,
        ...inputs,
      },
      env: {
        AWS_ENDPOINT_URL: moto.url,
        AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
        GITHUB_WORKSPACE: ws.root,
      },
      timeoutMs: TIMEOUT_MS - 10_000,
    });

  const expectExit = (result: ActionRun, code: number): void => {
    if (result.code !== code) {
      throw new Error(
        `expected exit ${code}, got ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
      );
    }
  };

  const versionsOf = async (key: string) =>
    ((await s3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: key }))).Versions ?? [])
      .filter((v) => v.Key === key)
      .map((v) => v.VersionId);

  it(
    'first deploy: creates the bucket and uploads everything, with SHA-256 checksums',
    async () => {
      const result = await run({ mode: 'deploy' });
      expectExit(result, 0);
      bucket = result.outputs['bucket-name'] ?? '';
      expect(bucket).not.toBe('');
      expect(result.outputs['dags-added']).toBe('3');
      expect(result.outputs['dags-changed']).toBe('0');
      expect(result.outputs['dags-removed']).toBe('0');
      for (const name of [
        'requirements-s3-object-version',
        'plugins-s3-object-version',
        'startup-script-s3-object-version',
      ]) {
        expect(result.outputs[name]).toMatch(/\S/);
      }
      firstVersions = { ...result.outputs };
      const code = (result.plan as { code: CodeJson }).code;
      expect(code.newBucket).toBe(true);
      expect(code.dags.added).toEqual(['a.py', 'b.py', 'sub/c.py']);
      expect(code.requirements.addedLines).toContain('boto3');
      expect(code.plugins.addedEntries).toEqual(['__init__.py', 'operators/hello.py']);
      expect(result.summary).toContain('### Code');

      const head = await s3.send(
        new HeadObjectCommand({ Bucket: bucket, Key: 'dags/sub/c.py', ChecksumMode: 'ENABLED' }),
      );
      expect(head.ChecksumSHA256).toMatch(/=$/);
      const req = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'requirements.txt' }));
      expect(req.VersionId).toBe(result.outputs['requirements-s3-object-version']);
      expect(req.ContentLength).toBe(Buffer.byteLength(REQUIREMENTS));
    },
    TIMEOUT_MS,
  );

  it(
    'plans a change, an addition and a removal file by file, and writes nothing',
    async () => {
      expect(bucket).not.toBe('');
      // Keys the action must never touch: outside the prefix, and one that only starts like it.
      for (const Key of ['other/keep.txt', 'dagsold.py', 'dags-archive/x.py']) {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'mine' }));
      }
      await ws.write('dags/a.py', 'from airflow import DAG\n# a, changed\n');
      await ws.write('dags/d.py', 'from airflow import DAG\n# d\n');
      await ws.remove('dags/b.py');
      await ws.write('requirements.txt', REQUIREMENTS.replace('boto3', 'requests==2.32.3'));
      const before = await versionsOf('dags/a.py');

      const result = await run({ mode: 'plan' });
      expectExit(result, 0);
      const code = (result.plan as { code: CodeJson }).code;
      expect(code.bucket).toBe(bucket);
      expect(code.dags).toEqual(
        expect.objectContaining({
          added: ['d.py'],
          changed: ['a.py'],
          removed: ['b.py'],
          unchanged: 1,
        }),
      );
      expect(code.requirements).toEqual(
        expect.objectContaining({
          status: 'changed',
          addedLines: ['requests==2.32.3'],
          removedLines: ['boto3'],
        }),
      );
      // The plugins folder, zipped again, gives the same bytes: no change.
      expect(code.plugins.status).toBe('unchanged');
      expect(code.startupScript.status).toBe('unchanged');
      expect(code.cost.listPages).toBe(1);
      expect(result.outputs['has-changes']).toBe('true');
      expect(result.summary).toContain('| - remove | b.py |');
      expect(result.summary).toContain('+ requests==2.32.3');
      expect(await versionsOf('dags/a.py')).toEqual(before);
      expect(await versionsOf('dags/d.py')).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'deploys only what changed, deletes only under the prefix, and keeps unchanged versions',
    async () => {
      const cBefore = await versionsOf('dags/sub/c.py');
      const result = await run({ mode: 'deploy' });
      expectExit(result, 0);
      expect([
        result.outputs['dags-added'],
        result.outputs['dags-changed'],
        result.outputs['dags-removed'],
      ]).toEqual(['1', '1', '1']);
      expect(result.outputs['requirements-s3-object-version']).not.toBe(
        firstVersions['requirements-s3-object-version'],
      );
      for (const same of ['plugins-s3-object-version', 'startup-script-s3-object-version']) {
        expect(result.outputs[same]).toBe(firstVersions[same]);
      }
      expect(await versionsOf('dags/sub/c.py')).toEqual(cBefore);
      for (const Key of ['other/keep.txt', 'dagsold.py', 'dags-archive/x.py']) {
        expect(await versionsOf(Key)).toHaveLength(1);
      }
      // b.py: a delete marker on top of its version, which stays.
      const b = await s3.send(
        new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'dags/b.py' }),
      );
      expect(b.DeleteMarkers?.map((m) => m.Key)).toEqual(['dags/b.py']);

      // Nothing left to do: the next plan shows no code change.
      const again = await run({ mode: 'plan' });
      expectExit(again, 0);
      expect(again.outputs['has-changes']).toBe('false');
    },
    TIMEOUT_MS,
  );

  it(
    'refuses a dags-path that leaves the workspace, before any stack or bucket call',
    async () => {
      await moto.clearServicesCalled();
      const escape = await run({ mode: 'deploy', 'dags-path': '../elsewhere' });
      expectExit(escape, 1);
      expect(escape.stdout).toMatch(
        /^::error::Invalid input 'dags-path':.*outside the workspace/mu,
      );
      expect(await moto.servicesCalled()).toEqual([]);

      await ws.link('dags/secret.py', '/etc/hostname');
      const linked = await run({ mode: 'deploy' });
      await ws.remove('dags/secret.py');
      expectExit(linked, 1);
      expect(linked.stdout).toMatch(
        /Invalid input 'dags-path':.*secret\.py.*leads outside the workspace/u,
      );
      expect((await moto.servicesCalled()).filter((s) => s !== 'sts')).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
