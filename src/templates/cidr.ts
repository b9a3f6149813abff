/** `Fn::Cidr` for IPv4: `count` consecutive blocks of `2^cidrBits` addresses from `block`. */
export function cidr(block: string, count: number, cidrBits: number): string[] {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(block);
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const prefix = match ? Number(match[5]) : NaN;
  if (!match || octets.some((o) => o > 255) || prefix > 32) {
    throw new Error(`Fn::Cidr: ${block} is not an IPv4 CIDR block`);
  }
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
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const base = address - (address % 2 ** (32 - prefix));
  return Array.from({ length: count }, (_, i) => {
    const n = base + i * size;
    const parts = [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256);
    return `${parts.join('.')}/${newPrefix}`;
  });
}
