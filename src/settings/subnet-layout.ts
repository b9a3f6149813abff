/**
 * Subnet CIDRs derived from the VPC CIDR when the user gives only `vpc-cidr`, so that
 * `--vpc-cidr 10.0.0.0/16` alone is a complete address plan instead of four errors.
 *
 * The seed template's layout (10.192.0.0/16 → public 10.192.10.0/24 and 10.192.11.0/24, private
 * 10.192.20.0/24 and 10.192.21.0/24) is blocks 10, 11, 20 and 21 of the VPC cut in 256: it fits
 * a VPC of /16 to /20 (subnets /24 to /28), and gives back the seed's values for the default VPC.
 * A smaller VPC (/21 to /26) is cut in four equal blocks instead; a /27 or /28 has no room for
 * four subnets EC2 accepts (/28 at most), so its subnets must be given.
 */
import type { Ipv4Cidr } from './cidr.js';
import { MAX_PREFIX, formatCidr } from './cidr.js';

/** The subnet inputs in the order of the layout's blocks. */
export const SUBNET_INPUTS = [
  'public-subnet-1-cidr',
  'public-subnet-2-cidr',
  'private-subnet-1-cidr',
  'private-subnet-2-cidr',
] as const;

export type SubnetInput = (typeof SUBNET_INPUTS)[number];

/** The seed's blocks, by input: the index of a /(vpc+8) block inside the VPC. */
const SEED_BLOCKS: readonly number[] = [10, 11, 20, 21];

/** The four subnets for a VPC, by input, or undefined when the VPC is too small for any layout. */
export function deriveSubnets(vpc: Ipv4Cidr): Record<SubnetInput, string> | undefined {
  const seedPrefix = vpc.prefix + 8;
  const [prefix, blocks] =
    seedPrefix <= MAX_PREFIX ? [seedPrefix, SEED_BLOCKS] : [vpc.prefix + 2, [0, 1, 2, 3]];
  if (prefix > MAX_PREFIX) return undefined;
  const size = 2 ** (32 - prefix);
  const entries = SUBNET_INPUTS.map(
    (input, i) =>
      [input, formatCidr({ network: vpc.network + (blocks[i] ?? 0) * size, prefix })] as const,
  );
  return Object.fromEntries(entries) as Record<SubnetInput, string>;
}
