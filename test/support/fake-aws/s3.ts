/**
 * S3's bucket configuration reads, REST-XML with path-style addressing (`GET /{bucket}?versioning`:
 * the product sets forcePathStyle when AWS_ENDPOINT_URL is set), answered from the buckets'
 * properties: VersioningConfiguration, PublicAccessBlockConfiguration, BucketEncryption, and the
 * Region the bucket was made in.
 */
import { flag, text } from './inventory.js';
import type { Inventory, LiveResource } from './inventory.js';
import { notImplemented } from './protocols.js';
import { AwsError, escapeXml } from './wire.js';

/** What a handler answers: the document's root element and its content (none: empty element). */
export interface S3Document {
  readonly root: string;
  readonly inner?: string;
}

/** Bucket subresources the fake answers on GET, and the operation each one is. */
const OPERATIONS: Readonly<Record<string, string>> = {
  versioning: 'GetBucketVersioning',
  publicAccessBlock: 'GetPublicAccessBlock',
  location: 'GetBucketLocation',
  encryption: 'GetBucketEncryption',
};

/** The S3 operation of a request and its bucket, for routing, the call log and fault rules. */
export function s3Operation(
  method: string,
  url: URL,
): { action: string; bucket: string; key?: string } {
  // Path-style: `/{bucket}` (the SDK may add a trailing slash) or `/{bucket}/{key}`.
  const [bucket = '', ...key] = url.pathname
    .slice(1)
    .split('/')
    .filter((s, i) => i === 0 || s);
  const subresources = [...url.searchParams.keys()].filter((k) => k !== 'x-id');
  const object = objectOperation(method, url, decodeURIComponent(bucket));
  if (object) return object;
  const known = subresources.map((s) => OPERATIONS[s]).find((op) => op !== undefined);
  if (method === 'GET' && key.length === 0 && bucket !== '' && known) {
    return { action: known, bucket: decodeURIComponent(bucket) };
  }
  const query = subresources.length > 0 ? `?${subresources.join('&')}` : '';
  const path = key.length > 0 ? '/{Bucket}/{Key+}' : bucket ? '/{Bucket}' : '/';
  return { action: `${method} ${path}${query}`, bucket: decodeURIComponent(bucket) };
}

/** The object operations (s3-objects.ts): the key is everything after `/{bucket}/`, decoded. */
function objectOperation(
  method: string,
  url: URL,
  bucket: string,
): { action: string; bucket: string; key?: string } | undefined {
  const slash = url.pathname.indexOf('/', 1);
  const key = slash > 0 ? decodeURIComponent(url.pathname.slice(slash + 1)) : '';
  const q = url.searchParams;
  if (key === '') {
    if (method === 'GET' && q.get('list-type') === '2') return { action: 'ListObjectsV2', bucket };
    if (method === 'POST' && q.has('delete')) return { action: 'DeleteObjects', bucket };
    return undefined;
  }
  const action = { HEAD: 'HeadObject', GET: 'GetObject', PUT: 'PutObject' }[method];
  return action ? { action, bucket, key } : undefined;
}

export function handleS3(inv: Inventory, action: string, bucketName: string): S3Document {
  if (!Object.values(OPERATIONS).includes(action)) {
    throw notImplemented('S3', action, 'NotImplemented');
  }
  const bucket = inv.find('AWS::S3::Bucket', bucketName);
  if (!bucket) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  const p = bucket.properties;
  switch (action) {
    case 'GetBucketVersioning': {
      const status = text(record(p['VersioningConfiguration'])['Status']);
      return { root: 'VersioningConfiguration', inner: status && element('Status', status) };
    }
    case 'GetPublicAccessBlock':
      return publicAccessBlock(bucket);
    case 'GetBucketLocation':
      // us-east-1 is the one Region written as no constraint at all.
      return {
        root: 'LocationConstraint',
        inner: bucket.region === 'us-east-1' ? '' : escapeXml(bucket.region),
      };
    default:
      return encryption(bucket);
  }
}

function publicAccessBlock(bucket: LiveResource): S3Document {
  const config = bucket.properties['PublicAccessBlockConfiguration'];
  if (config === undefined || config === null) {
    throw new AwsError(
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      404,
    );
  }
  const flags = [
    'BlockPublicAcls',
    'IgnorePublicAcls',
    'BlockPublicPolicy',
    'RestrictPublicBuckets',
  ];
  const inner = flags.map((f) => element(f, String(flag(record(config)[f], false)))).join('');
  return { root: 'PublicAccessBlockConfiguration', inner };
}

/** The bucket's encryption rules; S3 encrypts every bucket with SSE-S3 when none is given. */
function encryption(bucket: LiveResource): S3Document {
  const declared = record(bucket.properties['BucketEncryption'])[
    'ServerSideEncryptionConfiguration'
  ];
  const rules = Array.isArray(declared) && declared.length > 0 ? declared : [{}];
  const inner = rules
    .map((rule) => {
      const r = record(rule);
      const byDefault = record(r['ServerSideEncryptionByDefault']);
      const algorithm = text(byDefault['SSEAlgorithm']) || 'AES256';
      const key = text(byDefault['KMSMasterKeyID']);
      const apply =
        element('SSEAlgorithm', algorithm) + (key ? element('KMSMasterKeyID', key) : '');
      const bucketKey = element('BucketKeyEnabled', String(flag(r['BucketKeyEnabled'], false)));
      return `<Rule>${element('ApplyServerSideEncryptionByDefault', apply, false)}${bucketKey}</Rule>`;
    })
    .join('');
  return { root: 'ServerSideEncryptionConfiguration', inner };
}

function element(name: string, content: string, escape = true): string {
  return `<${name}>${escape ? escapeXml(content) : content}</${name}>`;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
