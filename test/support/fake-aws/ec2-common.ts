/**
 * What every EC2 Describe* view shares: selecting by IDs (an unknown ID fails the whole call, as
 * in EC2) and by filters (values OR'ed within a filter, filters AND'ed, `*` and `?` wildcards,
 * `tag:<key>` and `tag-key`), tag sets, and stable derived identifiers.
 */
import { createHash } from 'node:crypto';
import type { Ec2Filter } from './protocols.js';
import type { Tag } from './types.js';
import { AwsError } from './wire.js';

/** One describable item with what its filters match on. */
export interface Described {
  readonly id: string;
  readonly item: Record<string, unknown>;
  /** Filter name → the item's values for it (a filter the item has no value for never matches). */
  readonly fields: Readonly<Record<string, readonly string[]>>;
  readonly tags: readonly Tag[];
}

export function select(
  all: readonly Described[],
  ids: readonly string[],
  filters: readonly Ec2Filter[],
  known: readonly string[],
  notFound: (id: string) => AwsError,
): Record<string, unknown>[] {
  for (const f of filters) {
    if (f.name.startsWith('tag:') || f.name === 'tag-key' || known.includes(f.name)) continue;
    const names = [...known, 'tag:<key>', 'tag-key'].join(', ');
    throw new AwsError(
      'InvalidParameterValue',
      `The filter '${f.name}' is invalid (the fake knows ${names})`,
    );
  }
  for (const id of ids) if (!all.some((d) => d.id === id)) throw notFound(id);
  return all
    .filter((d) => ids.length === 0 || ids.includes(d.id))
    .filter((d) => filters.every((f) => matches(d, f)))
    .map((d) => d.item);
}

function matches(d: Described, f: Ec2Filter): boolean {
  let values: readonly string[];
  if (f.name.startsWith('tag:')) {
    values = d.tags.filter((t) => t.Key === f.name.slice(4)).map((t) => t.Value);
  } else if (f.name === 'tag-key') values = d.tags.map((t) => t.Key);
  else values = d.fields[f.name] ?? [];
  return f.values.some((pattern) => values.some((v) => wildcard(pattern).test(v)));
}

function wildcard(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's');
}

export function tagSet(tags: readonly Tag[]): { key: string; value: string }[] {
  return tags.map((t) => ({ key: t.Key, value: t.Value }));
}

/** A stable hex string derived from `seed` (for IDs AWS makes that no stack names). */
export function derivedHex(seed: string, length = 17): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** The zone ID of a zone name, in AWS's form: us-east-1a → use1-az1, ap-southeast-2b → apse2-az2. */
export function zoneIdOf(zone: string): string | undefined {
  const match = /^([a-z]{2})-([a-z]+)-(\d+)([a-z])$/.exec(zone);
  if (!match) return undefined;
  const [, area, direction, n, letter] = match;
  const short = direction!
    .replace('north', 'n')
    .replace('south', 's')
    .replace('east', 'e')
    .replace('west', 'w')
    .replace('central', 'c');
  return `${area}${short}${n}-az${letter!.charCodeAt(0) - 96}`;
}

/** How many addresses of an IPv4 CIDR a subnet can give out (AWS reserves five). */
export function usableAddresses(cidr: string): number | undefined {
  const prefix = Number(cidr.split('/')[1]);
  return Number.isInteger(prefix) ? Math.max(2 ** (32 - prefix) - 5, 0) : undefined;
}

/** A stable host address inside an IPv4 CIDR, past the four addresses AWS reserves at the start. */
export function hostIn(cidr: string, seed: string): string | undefined {
  const [base, bits] = cidr.split('/');
  const octets = (base ?? '').split('.').map(Number);
  const usable = usableAddresses(cidr);
  if (octets.length !== 4 || usable === undefined || usable === 0 || bits === undefined) {
    return undefined;
  }
  const start = octets.reduce((n, o) => n * 256 + o, 0);
  const offset = 4 + (parseInt(derivedHex(seed, 8), 16) % usable);
  const n = start + offset;
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** A required parameter, with EC2's MissingParameter when absent. */
export function required(params: Record<string, unknown>, name: string): string {
  const value = params[name];
  if (typeof value === 'string' && value !== '') return value;
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  throw new AwsError('MissingParameter', `The request must contain the parameter ${lower}`);
}
