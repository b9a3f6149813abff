/**
 * IPv4 CIDR blocks for the VPC and its subnets. MWAA documents no IPv6-only support, so only
 * IPv4 is accepted, and strictly: EC2 rejects a block with host bits set, and catching that
 * here (with the corrected block) beats a failed stack operation minutes later.
 */
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';

/** A parsed IPv4 CIDR block. */
export interface Ipv4Cidr {
  /** The network address as an unsigned 32-bit number. */
  readonly network: number;
  /** The prefix length, 0..32. */
  readonly prefix: number;
}

/** The smallest and largest prefix EC2 accepts for a VPC or subnet IPv4 block. */
export const MIN_PREFIX = 16;
/** See {@link MIN_PREFIX}. */
export const MAX_PREFIX = 28;

const SHAPE = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;
const EXPECTED = 'expected an IPv4 CIDR like 10.192.0.0/16';

/** The netmask of a prefix length, as an unsigned 32-bit number. */
function mask(prefix: number): number {
  // `<< 32` is a no-op in JavaScript, hence the special case.
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** A decimal part without leading zeros (`010` is octal to some tools and decimal to others). */
function decimal(text: string, max: number): number | undefined {
  if (text.length > 1 && text.startsWith('0')) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** Writes a block back as text, e.g. `10.192.0.0/16`. */
export function formatCidr(cidr: Ipv4Cidr): string {
  const n = cidr.network;
  return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}/${cidr.prefix}`;
}

/**
 * Parses `a.b.c.d/n` strictly: four decimal octets 0-255 without leading zeros, a prefix 0-32,
 * and no host bits set (the address must be the block's network address).
 */
export function parseIpv4Cidr(text: string): Parsed<Ipv4Cidr> {
  if (text.includes(':')) {
    return fail(`${quote(text)} is an IPv6 address; MWAA subnets need IPv4 CIDRs (${EXPECTED})`);
  }
  if (!text.includes('/')) {
    return fail(`${quote(text)} has no prefix length; ${EXPECTED}`);
  }
  const match = SHAPE.exec(text);
  if (!match) {
    return fail(
      `${quote(text)} is not an IPv4 CIDR: ${EXPECTED} (four numbers 0-255, '/', prefix)`,
    );
  }
  const octets = match.slice(1, 5).map((part) => decimal(part, 255));
  const prefix = decimal(match[5] ?? '', 32);
  if (octets.some((o) => o === undefined)) {
    return fail(
      `${quote(text)} is not an IPv4 CIDR: each of the four numbers must be 0 to 255 without leading zeros`,
    );
  }
  if (prefix === undefined) {
    return fail(
      `${quote(text)} is not an IPv4 CIDR: the prefix must be 0 to 32 without leading zeros`,
    );
  }
  const address = octets.reduce<number>((acc, o) => acc * 256 + (o ?? 0), 0);
  const network = (address & mask(prefix)) >>> 0;
  if (network !== address) {
    const corrected = formatCidr({ network, prefix });
    return fail(
      `${quote(text)} has host bits set: the address of a /${prefix} block must be its network address (did you mean ${corrected}?)`,
    );
  }
  return ok({ network, prefix });
}

/** Parses a VPC or subnet block: {@link parseIpv4Cidr} plus EC2's /16 to /28 size rule. */
export function parseVpcCidr(text: string): Parsed<Ipv4Cidr> {
  const parsed = parseIpv4Cidr(text);
  if (!parsed.ok) return parsed;
  const { prefix } = parsed.value;
  if (prefix < MIN_PREFIX || prefix > MAX_PREFIX) {
    return fail(
      `${quote(text)} has prefix /${prefix}; VPC and subnet blocks must be /${MIN_PREFIX} to /${MAX_PREFIX}`,
    );
  }
  return parsed;
}

/** True when every address of `inner` is in `outer`. */
export function cidrContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return (
    inner.prefix >= outer.prefix && (inner.network & mask(outer.prefix)) >>> 0 === outer.network
  );
}

/** True when the two blocks share at least one address (for CIDR blocks: one contains the other). */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
