/**
 * IPv4 CIDR blocks for the VPC and its subnets. MWAA documents no IPv6-only support, so only
 * IPv4 is accepted, and strictly: EC2 rejects a block with host bits set, and catching that
 * here (with the corrected block) beats a failed stack operation minutes later.
 */
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';
import { formatIpv4Cidr, ipv4Mask, readIpv4Cidr } from '../shared/ipv4.js';

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

const EXPECTED = 'expected an IPv4 CIDR like 10.192.0.0/16';

/** Writes a block back as text, e.g. `10.192.0.0/16`. */
export function formatCidr(cidr: Ipv4Cidr): string {
  return formatIpv4Cidr(cidr.network, cidr.prefix);
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
  const read = readIpv4Cidr(text);
  if (!read.ok && read.reason === 'shape') {
    return fail(
      `${quote(text)} is not an IPv4 CIDR: ${EXPECTED} (four numbers 0-255, '/', prefix)`,
    );
  }
  if (!read.ok && read.reason === 'octet') {
    return fail(
      `${quote(text)} is not an IPv4 CIDR: each of the four numbers must be 0 to 255 without leading zeros`,
    );
  }
  if (!read.ok) {
    return fail(
      `${quote(text)} is not an IPv4 CIDR: the prefix must be 0 to 32 without leading zeros`,
    );
  }
  const { address, prefix } = read;
  const network = (address & ipv4Mask(prefix)) >>> 0;
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
    inner.prefix >= outer.prefix && (inner.network & ipv4Mask(outer.prefix)) >>> 0 === outer.network
  );
}

/** True when the two blocks share at least one address (for CIDR blocks: one contains the other). */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return cidrContains(a, b) || cidrContains(b, a);
}
