import { formatIpv4Cidr, ipv4Mask, readIpv4Cidr } from '../shared/ipv4.js';

/** `Fn::Cidr` for IPv4: `count` consecutive blocks of `2^cidrBits` addresses from `block`. */
export function cidr(block: string, count: number, cidrBits: number): string[] {
  const read = readIpv4Cidr(block);
  if (!read.ok) throw new Error(`Fn::Cidr: ${block} is not an IPv4 CIDR block`);
  const { prefix } = read;
  const newPrefix = 32 - cidrBits;
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new Error('Fn::Cidr: count must be 1 to 256');
  }
  if (!Number.isInteger(cidrBits) || newPrefix < prefix || cidrBits < 0) {
    throw new Error(`Fn::Cidr: cannot cut /${newPrefix} blocks from ${block}`);
  }
  const size = 2 ** cidrBits;
  if (count * size > 2 ** (32 - prefix)) {
    throw new Error(`Fn::Cidr: ${block} has no room for ${count} /${newPrefix} blocks`);
  }
  // Host bits in the block are ignored: the blocks start at its network address.
  const base = (read.address & ipv4Mask(prefix)) >>> 0;
  return Array.from({ length: count }, (_, i) => formatIpv4Cidr(base + i * size, newPrefix));
}
