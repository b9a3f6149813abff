/**
 * Executes a code plan: uploads what changed (each PutObject carries the file's SHA-256, which S3
 * checks against the body and stores, so the next plan reads it back), then deletes the DAG
 * objects whose files are gone, only under the DAG prefix, never any other key. The bucket is
 * versioned: a deletion leaves a delete marker, and the old versions stay.
 */
import { readFile } from 'node:fs/promises';
import { DeleteObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { wrapAwsError } from '../cfn/errors.js';
import type { Logger } from '../shared/logger.js';
import { mapLimit } from './compare.js';
import type { PlannedCode, RootFile } from './plan.js';
import type { S3 } from './remote.js';

/** What a deploy did to the bucket, and the object versions MWAA pins. */
export interface CodeSyncResult {
  readonly bucket: string;
  readonly uploaded: number;
  readonly deleted: number;
  readonly dags: { readonly added: number; readonly changed: number; readonly removed: number };
  /** The DAG files uploaded (added or changed), relative to the DAG folder. */
  readonly changedDags: readonly string[];
  /** When the upload started (epoch ms, the engine's clock): set by the deploy. */
  readonly startedAt?: number;
  /**
   * The versions of the root files after the deploy (new when uploaded, the current one when
   * unchanged): the environment stack's RequirementsS3ObjectVersion and friends.
   */
  readonly versions: CodeVersions;
}

/** Plain data for the environment stack's parameters; a field is absent when its input is. */
export interface CodeVersions {
  readonly requirementsVersion?: string;
  readonly pluginsVersion?: string;
  readonly startupScriptVersion?: string;
}

const VERSION_FIELD: Readonly<Record<RootFile, keyof CodeVersions>> = {
  requirements: 'requirementsVersion',
  plugins: 'pluginsVersion',
  startupScript: 'startupScriptVersion',
};

const UPLOAD_CONCURRENCY = 8;
/** DeleteObjects takes at most 1,000 keys per request (S3 API reference). */
const DELETE_BATCH = 1000;

export async function syncCode(
  s3: S3,
  bucket: string,
  planned: PlannedCode,
  log: Logger,
): Promise<CodeSyncResult> {
  const { plan } = planned;
  if (planned.deletes.some((k) => !plan.dags || !k.startsWith(plan.dags.prefix))) {
    // A bug guard: the plan only ever lists keys under the prefix.
    throw new Error('Refusing to delete a key outside the DAG prefix.');
  }
  const versions: Record<string, string> = {};
  for (const root of ['requirements', 'plugins', 'startupScript'] as const) {
    const current = plan[root]?.currentVersion;
    if (current) versions[VERSION_FIELD[root]] = current;
  }
  await mapLimit(planned.uploads, UPLOAD_CONCURRENCY, async (u) => {
    const body = 'bytes' in u.source ? u.source.bytes : await readFile(u.source.path);
    try {
      const out = await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: u.key,
          Body: body,
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: u.sha256,
        }),
      );
      if (u.root && out.VersionId && out.VersionId !== 'null') {
        versions[VERSION_FIELD[u.root]] = out.VersionId;
      }
    } catch (error) {
      throw wrapAwsError(`Could not upload s3://${bucket}/${u.key}`, error);
    }
  });
  if (planned.uploads.length > 0) {
    log.info(`Uploaded ${planned.uploads.length} objects to s3://${bucket}/.`);
  }
  for (let i = 0; i < planned.deletes.length; i += DELETE_BATCH) {
    const batch = planned.deletes.slice(i, i + DELETE_BATCH);
    let out;
    try {
      out = await s3.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
    } catch (error) {
      throw wrapAwsError(`Could not delete ${batch.length} DAG objects in s3://${bucket}`, error);
    }
    // DeleteObjects answers 200 and lists the keys it could not delete.
    const failed = out.Errors ?? [];
    if (failed.length > 0) {
      const first = failed[0];
      throw new Error(
        `Could not delete ${failed.length} DAG objects in s3://${bucket} (${first?.Key}: ${first?.Code} ${first?.Message}).`,
      );
    }
  }
  if (planned.deletes.length > 0) {
    log.info(
      `Deleted ${planned.deletes.length} DAG objects under s3://${bucket}/${plan.dags?.prefix}.`,
    );
  }
  return {
    bucket,
    uploaded: planned.uploads.length,
    deleted: planned.deletes.length,
    dags: {
      added: plan.dags?.added.length ?? 0,
      changed: plan.dags?.changed.length ?? 0,
      removed: plan.dags?.removed.length ?? 0,
    },
    changedDags: [...(plan.dags?.added ?? []), ...(plan.dags?.changed ?? [])],
    versions,
  };
}
