/**
 * S3 objects in the stacks' buckets (REST-XML, path-style), as the S3 API reference describes
 * them, for the release-time code sync:
 * - PutObject: a new version per write when the bucket's versioning is Enabled (`null` otherwise);
 *   a sent `x-amz-checksum-sha256` (or Content-MD5) is checked against the body (400 BadDigest when
 *   it differs) and stored. The ETag is the body's MD5 under SSE-S3 and a value that is not the MD5
 *   under SSE-KMS ("Object.ETag" in the API reference), following the bucket's default encryption.
 * - ListObjectsV2: keys in UTF-8 binary order, at most max-keys (default and cap 1,000) per page,
 *   an opaque NextContinuationToken, `ChecksumAlgorithm` but never the checksum value; delete
 *   markers hide a key.
 * - HeadObject: no body; `x-amz-checksum-sha256` and `x-amz-checksum-type: FULL_OBJECT` only with
 *   `x-amz-checksum-mode: ENABLED`; a missing key answers a bare 404.
 * - GetObject with `Range: bytes=a-b`: 206 with Content-Range; no checksum headers for a range.
 * - DeleteObjects: at most 1,000 keys, Content-MD5 or an x-amz-checksum-* header required; in a
 *   versioned bucket each key gets a delete marker and its versions stay; Quiet lists only errors.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Inventory, LiveResource } from './inventory.js';
import { AwsError, escapeXml } from './wire.js';
import type { WireResponse } from './wire.js';

export const OBJECT_OPERATIONS = [
  'ListObjectsV2',
  'HeadObject',
  'GetObject',
  'PutObject',
  'DeleteObjects',
] as const;

interface Version {
  readonly versionId: string;
  readonly body?: Buffer;
  readonly etag: string;
  readonly sha256?: string;
  readonly encryption?: string;
  readonly lastModified: Date;
  readonly deleteMarker: boolean;
}

/** Every bucket's objects: bucket → key → versions, newest last. */
export class ObjectStore {
  readonly buckets = new Map<string, Map<string, Version[]>>();

  /** `now`: the fake's clock, so LastModified (and the fake MWAA's DAG scan) follow it. */
  constructor(readonly now: () => number = Date.now) {}

  /** The latest live version of a key, for tests. */
  latest(bucket: string, key: string): Version | undefined {
    const v = this.buckets.get(bucket)?.get(key)?.at(-1);
    return v && !v.deleteMarker ? v : undefined;
  }

  /** Every version (and delete marker) of a key, oldest first. */
  versions(bucket: string, key: string): readonly Version[] {
    return this.buckets.get(bucket)?.get(key) ?? [];
  }

  /** Live keys of a bucket, sorted. */
  keys(bucket: string): string[] {
    return [...(this.buckets.get(bucket) ?? new Map<string, Version[]>()).entries()]
      .filter(([, v]) => v.at(-1)?.deleteMarker === false)
      .map(([k]) => k)
      .sort(byteOrder);
  }
}

export interface ObjectRequest {
  readonly action: string;
  readonly bucket: string;
  readonly key: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

const NS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
const header = (r: ObjectRequest, name: string) => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export function handleObjects(store: ObjectStore, inv: Inventory, r: ObjectRequest): WireResponse {
  const bucket = inv.find('AWS::S3::Bucket', r.bucket);
  if (!bucket || bucket.deleted) {
    throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  }
  const objects = store.buckets.get(r.bucket) ?? new Map<string, Version[]>();
  store.buckets.set(r.bucket, objects);
  switch (r.action) {
    case 'PutObject':
      return put(objects, bucket, r, new Date(store.now()));
    case 'HeadObject':
    case 'GetObject':
      return read(objects, r);
    case 'DeleteObjects':
      return deleteObjects(objects, bucket, r, new Date(store.now()));
    default:
      return list(objects, r);
  }
}

function versioned(bucket: LiveResource): boolean {
  const config = bucket.properties['VersioningConfiguration'] as { Status?: string } | undefined;
  return config?.Status === 'Enabled';
}

function defaultEncryption(bucket: LiveResource): string {
  const config = bucket.properties['BucketEncryption'] as
    | {
        ServerSideEncryptionConfiguration?: {
          ServerSideEncryptionByDefault?: { SSEAlgorithm?: string };
        }[];
      }
    | undefined;
  return (
    config?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.SSEAlgorithm ??
    'AES256'
  );
}

function add(objects: Map<string, Version[]>, key: string, version: Version, keep: boolean): void {
  const list = keep ? (objects.get(key) ?? []) : [];
  objects.set(key, [...list, version]);
}

function put(
  objects: Map<string, Version[]>,
  bucket: LiveResource,
  r: ObjectRequest,
  at: Date,
): WireResponse {
  const sha256 = createHash('sha256').update(r.body).digest('base64');
  const md5 = createHash('md5').update(r.body);
  const sentSha = header(r, 'x-amz-checksum-sha256');
  if (sentSha !== undefined && sentSha !== sha256) {
    throw new AwsError(
      'BadDigest',
      'The SHA256 you specified did not match the calculated checksum.',
      400,
    );
  }
  const sentMd5 = header(r, 'content-md5');
  if (sentMd5 !== undefined && sentMd5 !== md5.copy().digest('base64')) {
    throw new AwsError(
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
      400,
    );
  }
  const encryption = defaultEncryption(bucket);
  const keep = versioned(bucket);
  const version: Version = {
    versionId: keep ? randomBytes(24).toString('base64url') : 'null',
    body: r.body,
    etag: encryption === 'AES256' ? md5.digest('hex') : randomBytes(16).toString('hex'),
    ...(sentSha !== undefined && { sha256 }),
    encryption,
    lastModified: at,
    deleteMarker: false,
  };
  add(objects, r.key, version, keep);
  return raw(200, {
    etag: `"${version.etag}"`,
    'x-amz-server-side-encryption': encryption,
    ...(keep && { 'x-amz-version-id': version.versionId }),
    ...(version.sha256 && {
      'x-amz-checksum-sha256': version.sha256,
      'x-amz-checksum-type': 'FULL_OBJECT',
    }),
  });
}

function read(objects: Map<string, Version[]>, r: ObjectRequest): WireResponse {
  const wanted = r.query.get('versionId');
  const all = objects.get(r.key) ?? [];
  const v = wanted ? all.find((x) => x.versionId === wanted) : all.at(-1);
  if (!v || v.deleteMarker || !v.body) {
    // HEAD answers carry no body: the SDK sees a bare 404 (NotFound).
    if (r.action === 'HeadObject') return raw(404, {});
    throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
  }
  const headers: Record<string, string> = {
    etag: `"${v.etag}"`,
    'last-modified': v.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    ...(v.versionId !== 'null' && { 'x-amz-version-id': v.versionId }),
    ...(v.encryption && { 'x-amz-server-side-encryption': v.encryption }),
  };
  const range = /^bytes=(\d+)-(\d+)$/.exec(header(r, 'range') ?? '');
  if (!range && v.sha256 && header(r, 'x-amz-checksum-mode') === 'ENABLED') {
    headers['x-amz-checksum-sha256'] = v.sha256;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  if (r.action === 'HeadObject')
    return raw(200, { ...headers, 'content-length': String(v.body.length) });
  if (!range) return raw(200, headers, v.body);
  const start = Number(range[1]);
  const end = Math.min(Number(range[2]), v.body.length - 1);
  if (start >= v.body.length || start > end) {
    throw new AwsError('InvalidRange', 'The requested range is not satisfiable', 416);
  }
  headers['content-range'] = `bytes ${start}-${end}/${v.body.length}`;
  return raw(206, headers, v.body.subarray(start, end + 1));
}

function list(objects: Map<string, Version[]>, r: ObjectRequest): WireResponse {
  const prefix = r.query.get('prefix') ?? '';
  const max = Math.min(1000, Number(r.query.get('max-keys') ?? 1000));
  const token = r.query.get('continuation-token');
  const after = token ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const keys = [...objects.entries()]
    .filter(([k, v]) => k.startsWith(prefix) && v.at(-1)?.deleteMarker === false)
    .map(([k]) => k)
    .sort(byteOrder)
    .filter((k) => after === '' || byteOrder(k, after) > 0);
  const pageKeys = keys.slice(0, max);
  const truncated = keys.length > max;
  const contents = pageKeys.map((k) => {
    const v = objects.get(k)!.at(-1)!;
    return (
      `<Contents><Key>${escapeXml(k)}</Key><LastModified>${v.lastModified.toISOString()}</LastModified>` +
      `<ETag>&quot;${v.etag}&quot;</ETag>${v.sha256 ? '<ChecksumAlgorithm>SHA256</ChecksumAlgorithm><ChecksumType>FULL_OBJECT</ChecksumType>' : ''}` +
      `<Size>${v.body?.length ?? 0}</Size><StorageClass>STANDARD</StorageClass></Contents>`
    );
  });
  const next = truncated
    ? `<NextContinuationToken>${Buffer.from(pageKeys.at(-1)!).toString('base64url')}</NextContinuationToken>`
    : '';
  return xml(
    `<ListBucketResult xmlns="${NS}"><Name>${escapeXml(r.bucket)}</Name><Prefix>${escapeXml(prefix)}</Prefix>` +
      `<KeyCount>${pageKeys.length}</KeyCount><MaxKeys>${max}</MaxKeys><IsTruncated>${truncated}</IsTruncated>` +
      `${token ? `<ContinuationToken>${escapeXml(token)}</ContinuationToken>` : ''}${next}${contents.join('')}</ListBucketResult>`,
  );
}

function deleteObjects(
  objects: Map<string, Version[]>,
  bucket: LiveResource,
  r: ObjectRequest,
  at: Date,
): WireResponse {
  const hasChecksum = Object.keys(r.headers).some(
    (h) => h === 'content-md5' || h.startsWith('x-amz-checksum-'),
  );
  if (!hasChecksum) {
    throw new AwsError(
      'InvalidRequest',
      'Missing required header for this request: Content-MD5 OR x-amz-checksum-*',
      400,
    );
  }
  const text = r.body.toString('utf8');
  const keys = [...text.matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) => unescapeXml(m[1] ?? ''));
  if (keys.length > 1000)
    throw new AwsError('MalformedXML', 'The XML you provided was not well-formed', 400);
  const quiet = /<Quiet>true<\/Quiet>/.test(text);
  const keep = versioned(bucket);
  const deleted: string[] = [];
  for (const key of keys) {
    if (keep) {
      add(
        objects,
        key,
        {
          versionId: randomBytes(24).toString('base64url'),
          etag: '',
          lastModified: at,
          deleteMarker: true,
        },
        true,
      );
    } else {
      objects.delete(key);
    }
    deleted.push(
      `<Deleted><Key>${escapeXml(key)}</Key>${keep ? '<DeleteMarker>true</DeleteMarker>' : ''}</Deleted>`,
    );
  }
  return xml(`<DeleteResult xmlns="${NS}">${quiet ? '' : deleted.join('')}</DeleteResult>`);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function xml(body: string): WireResponse {
  return raw(
    200,
    { 'content-type': 'application/xml' },
    `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  );
}

function raw(
  status: number,
  headers: Record<string, string>,
  body: string | Buffer = '',
): WireResponse {
  return {
    status,
    headers: { 'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(), ...headers },
    body,
  };
}
