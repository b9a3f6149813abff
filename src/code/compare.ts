/**
 * Is the object in the bucket the local file? Decided by content, never by time:
 * - a different size: changed, without another call;
 * - an ETag that is a plain MD5 (32 hex digits, single-part upload) equal to the file's MD5: the
 *   same (an SSE-KMS object's ETag is not its MD5, but then it cannot equal the file's MD5 by chance);
 * - otherwise HeadObject (ChecksumMode ENABLED): the SHA-256 stored when we uploaded it decides;
 *   without one, an ETag that is the MD5 (SSE-S3 or none, S3 API reference, Object.ETag) decides;
 *   without either, the object cannot be proven equal, so it is uploaded again (and then has a SHA-256).
 */
import type { Digest } from './local.js';
import type { HeadedObject, ListedObject } from './remote.js';

export type Comparison = 'same' | 'changed' | 'ask-head';

const PLAIN_MD5 = /^[0-9a-f]{32}$/;

/** The verdict the listing alone allows. */
export function compareListed(local: Digest, remote: ListedObject): Comparison {
  if (remote.size !== local.size) return 'changed';
  if (PLAIN_MD5.test(remote.etag) && remote.etag === local.md5) return 'same';
  return 'ask-head';
}

/** The verdict once the object's head (its stored checksum and encryption) is known. */
export function compareHeaded(local: Digest, remote: HeadedObject): 'same' | 'changed' {
  if (remote.size !== local.size) return 'changed';
  if (remote.sha256 !== undefined) return remote.sha256 === local.sha256 ? 'same' : 'changed';
  const etagIsMd5 =
    PLAIN_MD5.test(remote.etag) &&
    (remote.encryption === undefined || remote.encryption === 'AES256');
  return etagIsMd5 && remote.etag === local.md5 ? 'same' : 'changed';
}

/** Runs `fn` over `items` with at most `limit` calls at once, keeping the order of results. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
