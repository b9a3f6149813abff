/**
 * S3 general purpose bucket naming rules. CloudFormation only reports a bad name when it
 * creates the bucket; checking first names the input and the rule broken.
 */
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';

/** Prefixes S3 reserves for its own features (access points, Object Lambda, demos). */
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;

/** Suffixes S3 reserves (access point aliases, Multi-Region Access Points, directory and table buckets). */
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const;

const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;

/**
 * Checks an S3 general purpose bucket name: 3 to 63 characters of lowercase letters, digits,
 * `.` and `-`; starting and ending with a letter or digit; no `..`; not shaped like an IP
 * address; none of S3's reserved prefixes or suffixes. Dots are allowed, as S3 allows them,
 * although they break virtual-hosted HTTPS and Transfer Acceleration.
 * Returns every rule the name breaks.
 */
export function parseBucketName(name: string): Parsed<string> {
  const q = quote(name);
  const details: string[] = [];
  if (name.length < 3 || name.length > 63) {
    details.push(`${q} is ${name.length} characters long; a bucket name has 3 to 63`);
  }
  const bad = [...new Set(name.replace(/[a-z0-9.-]/g, ''))];
  if (bad.length > 0) {
    details.push(
      `${q} contains ${bad.map((c) => quote(c)).join(', ')}; a bucket name has only lowercase letters, digits, '.' and '-'`,
    );
  }
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) {
    details.push(`${q} must start and end with a lowercase letter or digit`);
  }
  if (name.includes('..')) {
    details.push(`${q} contains '..'; a bucket name must not have two adjacent periods`);
  }
  if (IP_ADDRESS.test(name)) {
    details.push(`${q} is formatted like an IP address, which S3 does not allow`);
  }
  for (const prefix of RESERVED_PREFIXES) {
    if (name.startsWith(prefix)) {
      details.push(`${q} starts with '${prefix}', a prefix S3 reserves`);
    }
  }
  for (const suffix of RESERVED_SUFFIXES) {
    if (name.endsWith(suffix)) details.push(`${q} ends with '${suffix}', a suffix S3 reserves`);
  }
  return details.length > 0 ? fail(...details) : ok(name);
}
