/**
 * What the bucket holds, read without downloading object bodies for the comparison: one listing
 * of the DAG prefix (ListObjectsV2, every page), HeadObject with ChecksumMode ENABLED (S3 returns
 * the stored SHA-256 only then), and ranged GETs for the two things a reviewer reads (the old
 * requirements.txt for its line diff, the old plugins.zip's central directory for its entries).
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import { awsErrorName, wrapAwsError } from '../cfn/errors.js';

export type S3 = Pick<S3Client, 'send'>;

/** An object as ListObjectsV2 shows it (the latest version). */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  /** Without the quotes S3 puts around it. */
  readonly etag: string;
}

/** An object as HeadObject shows it. */
export interface HeadedObject extends ListedObject {
  /** The full-object SHA-256 stored at upload (base64), when one was. */
  readonly sha256?: string;
  readonly versionId?: string;
  /** `AES256`, `aws:kms`, `aws:kms:dsse`: only the first keeps ETag = MD5. */
  readonly encryption?: string;
}

/** Every object under `prefix`, by key, and the number of pages read. */
export async function listPrefix(
  s3: S3,
  bucket: string,
  prefix: string,
): Promise<{ objects: Map<string, ListedObject>; pages: number }> {
  const objects = new Map<string, ListedObject>();
  let token: string | undefined;
  let pages = 0;
  do {
    let out;
    try {
      out = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
    } catch (error) {
      throw wrapAwsError(`Could not list s3://${bucket}/${prefix}`, error);
    }
    pages++;
    for (const o of out.Contents ?? []) {
      if (!o.Key) continue;
      objects.set(o.Key, { key: o.Key, size: o.Size ?? 0, etag: unquote(o.ETag) });
    }
    token = out.IsTruncated ? out.NextContinuationToken : undefined;
  } while (token);
  return { objects, pages };
}

/** The object's metadata with its stored checksum; undefined when there is no such object. */
export async function headObject(
  s3: S3,
  bucket: string,
  key: string,
): Promise<HeadedObject | undefined> {
  try {
    const out = await s3.send(
      new HeadObjectCommand({ Bucket: bucket, Key: key, ChecksumMode: 'ENABLED' }),
    );
    return {
      key,
      size: out.ContentLength ?? 0,
      etag: unquote(out.ETag),
      // A COMPOSITE checksum (multipart upload) is not the SHA-256 of the object: `xxx-3`.
      ...(out.ChecksumSHA256 &&
      !out.ChecksumSHA256.includes('-') &&
      out.ChecksumType !== 'COMPOSITE'
        ? { sha256: out.ChecksumSHA256 }
        : {}),
      ...(out.VersionId && out.VersionId !== 'null' ? { versionId: out.VersionId } : {}),
      ...(out.ServerSideEncryption ? { encryption: out.ServerSideEncryption } : {}),
    };
  } catch (error) {
    // HEAD answers have no body: a missing key is a bare 404 (NotFound).
    if (awsErrorName(error) === 'NotFound' || awsErrorName(error) === 'NoSuchKey') return undefined;
    throw wrapAwsError(`Could not read s3://${bucket}/${key}`, error);
  }
}

/** `length` bytes of one version of an object from `start` (a ranged GET). */
export async function readRange(
  s3: S3,
  target: { bucket: string; key: string; versionId?: string },
  start: number,
  length: number,
): Promise<Uint8Array> {
  try {
    const out = await s3.send(
      new GetObjectCommand({
        Bucket: target.bucket,
        Key: target.key,
        VersionId: target.versionId,
        Range: `bytes=${start}-${start + length - 1}`,
      }),
    );
    return (await out.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (error) {
    throw wrapAwsError(`Could not read s3://${target.bucket}/${target.key}`, error);
  }
}

function unquote(etag: string | undefined): string {
  return (etag ?? '').replace(/^(W\/)?"|"$/g, '');
}
