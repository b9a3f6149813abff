/**
 * IPv4 CIDR text, read and written in one place: the settings check the user's blocks with it,
 * and the template evaluator's `Fn::Cidr` cuts subnets with it.
 */

/** `a.b.c.d/n` read as numbers, or why it is not one. The address keeps any host bits. */
export type Ipv4Read =
  | { readonly ok: true; readonly address: number; readonly prefix: number }
  | { readonly ok: false; readonly reason: 'shape' | 'octet' | 'prefix' };

const SHAPE = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;

/** A decimal part without leading zeros (`010` is octal to some tools and decimal to others). */
function decimal(text: string, max: number): number | undefined {
  if (text.length > 1 && text.startsWith('0')) return undefined;
  const n = Number(text);
  return n <= max ? n : undefined;
}

/** Reads `a.b.c.d/n` strictly: four decimal octets 0-255 without leading zeros, a prefix 0-32. */
export function readIpv4Cidr(text: string): Ipv4Read {
  const match = SHAPE.exec(text);
  if (!match) return { ok: false, reason: 'shape' };
  const octets = match.slice(1, 5).map((part) => decimal(part, 255));
  if (octets.some((o) => o === undefined)) return { ok: false, reason: 'octet' };
  const prefix = decimal(match[5] ?? '', 32);
  if (prefix === undefined) return { ok: false, reason: 'prefix' };
  const address = octets.reduce<number>((acc, o) => acc * 256 + (o ?? 0), 0);
  return { ok: true, address, prefix };
}

/** The netmask of a prefix length, as an unsigned 32-bit number. */
export function ipv4Mask(prefix: number): number {
  // `<< 32` is a no-op in JavaScript, hence the special case.
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Writes a block as text, e.g. `10.192.0.0/16`. */
export function formatIpv4Cidr(network: number, prefix: number): string {
  const n = network;
  return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}/${prefix}`;
}
