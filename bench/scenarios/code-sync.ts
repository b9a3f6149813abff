/**
 * Release-time code at scale: a DAG folder of 2,000 files already in the bucket, 3 of them
 * changed (two keep their size, one grows). Measures, in process with the real SDK over HTTP
 * against the fake S3: reading and hashing the folder, the plan (listing pages, HeadObject calls,
 * wall time) and the sync (uploads). Once with an SSE-S3 bucket (ETags are MD5s, so the listing
 * decides almost everything) and once with an SSE-KMS bucket (ETags are not MD5s: every file of
 * the same size needs a HeadObject to read its stored SHA-256).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { readLocalCode } from '../../src/code/local.js';
import { planCode } from '../../src/code/plan.js';
import { syncCode } from '../../src/code/sync.js';
import type { CodeSettings } from '../../src/settings/code.js';
import { memoryLogger } from '../../src/shared/logger.js';
import { startFakeAws } from '../../test/support/fake-aws/index.js';

export interface CodeSyncRow {
  readonly encryption: 'AES256' | 'aws:kms';
  readonly files: number;
  readonly changed: number;
  /** Reading and hashing the folder (SHA-256 and MD5 of every file). */
  readonly readMs: number;
  readonly planMs: number;
  readonly listPages: number;
  readonly listCalls: number;
  readonly heads: number;
  readonly planned: { added: number; changed: number; removed: number };
  readonly syncMs: number;
  readonly puts: number;
  readonly deletes: number;
}

const DAG = (i: number, tag = '') =>
  `from airflow import DAG\n# dag ${String(i).padStart(4, '0')}${tag}\n${'x = 1\n'.repeat(40)}`;

export async function codeSyncBench(options: {
  files: number;
  encryption: 'AES256' | 'aws:kms';
}): Promise<CodeSyncRow> {
  const aws = await startFakeAws();
  const root = await mkdtemp(join(tmpdir(), 'mwaa-deploy-bench-code-'));
  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: aws.url,
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
  });
  try {
    const bucket = 'bench-dags';
    aws.seedResource({
      type: 'AWS::S3::Bucket',
      physicalId: bucket,
      properties: {
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: options.encryption } },
          ],
        },
      },
    });
    for (let i = 0; i < options.files; i++) {
      const dir = join(root, 'dags', `team${i % 20}`);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `dag_${i}.py`), DAG(i));
    }
    const settings: CodeSettings = {
      workspace: root,
      paths: { 'dags-path': 'dags' },
      dagPrefix: 'dags/',
      dagDeletionLimit: { kind: 'percent', value: 50 },
      importErrors: 'off',
      importErrorsWaitSeconds: 0,
    };
    const log = memoryLogger();
    // The bucket as a previous deploy left it.
    const initial = await planCode({ s3, bucket, settings, local: await readLocalCode(settings) });
    await syncCode(s3, bucket, initial, log);

    // Two changes that keep the size (only a checksum tells), one that does not.
    await writeFile(join(root, 'dags', 'team1', 'dag_1.py'), DAG(1).replace('# dag', '# DAG'));
    await writeFile(join(root, 'dags', 'team2', 'dag_2.py'), DAG(2).replace('# dag', '# Dag'));
    await writeFile(join(root, 'dags', 'team3', 'dag_3.py'), DAG(3, ' and more'));

    const readStart = performance.now();
    const local = await readLocalCode(settings);
    const readMs = performance.now() - readStart;
    const before = aws.calls.length;
    const planStart = performance.now();
    const planned = await planCode({ s3, bucket, settings, local });
    const planMs = performance.now() - planStart;
    const planCalls = aws.calls.slice(before);
    const syncStart = performance.now();
    const afterPlan = aws.calls.length;
    await syncCode(s3, bucket, planned, log);
    const syncMs = performance.now() - syncStart;
    const syncCalls = aws.calls.slice(afterPlan);
    const dags = planned.plan.dags!;
    return {
      encryption: options.encryption,
      files: options.files,
      changed: 3,
      readMs,
      planMs,
      listPages: planned.plan.cost.listPages,
      listCalls: planCalls.filter((c) => c.action === 'ListObjectsV2').length,
      heads: planCalls.filter((c) => c.action === 'HeadObject').length,
      planned: {
        added: dags.added.length,
        changed: dags.changed.length,
        removed: dags.removed.length,
      },
      syncMs,
      puts: syncCalls.filter((c) => c.action === 'PutObject').length,
      deletes: syncCalls.filter((c) => c.action === 'DeleteObjects').length,
    };
  } finally {
    s3.destroy();
    await aws.close();
    await rm(root, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** The section of BENCHMARKS.md for these rows. */
export function codeSyncSection(rows: readonly CodeSyncRow[], machine: string): string {
  const lines = [
    '## Release-time code: 2,000 DAG files, 3 changed',
    '',
    'In process, the real SDK over HTTP against the fake S3 of `test/support/fake-aws/s3-objects.ts` ' +
      '(no latency model: the times are the product and the loopback fake). The folder is already in the bucket; ' +
      'two files change without changing size, one grows. Generated by `npm run bench:code`.',
    '',
    `Machine: ${machine}.`,
    '',
    '| Bucket encryption | Files | Read and hash | Plan | ListObjectsV2 pages | HeadObject calls | Planned (added/changed/removed) | Sync | PutObject | DeleteObjects |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.encryption === 'AES256' ? 'SSE-S3 (ETag = MD5)' : 'SSE-KMS (ETag not MD5)'} | ${r.files} | ${ms(r.readMs)} | ${ms(r.planMs)} | ${r.listPages} (${r.listCalls} calls) | ${r.heads} | ${r.planned.added}/${r.planned.changed}/${r.planned.removed} | ${ms(r.syncMs)} | ${r.puts} | ${r.deletes} |`,
    ),
    '',
    'One listing pass reads every page (S3 returns at most 1,000 keys a page). With SSE-S3 the ETag of an unchanged file ' +
      'is its MD5, so only the two same-size changed files need a HeadObject to read their SHA-256; the grown one is told by its size. With SSE-KMS (customer-managed key mode) no ETag is an MD5, so every file of unchanged size is checked by HeadObject (16 at a time): that is the price of comparing by content there.',
  ];
  return lines.join('\n');
}
