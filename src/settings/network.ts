/**
 * The VPC stack's address plan: five CIDR inputs checked alone and against each other, because
 * EC2 only reports a subnet outside its VPC, or two overlapping subnets, once the stack is
 * half-built and rolling back.
 */
import { cidrContains, cidrsOverlap, formatCidr, parseVpcCidr } from './cidr.js';
import type { Ipv4Cidr } from './cidr.js';
import type { InputName } from './defaults.js';
import { quote } from './problems.js';
import type { ProblemCollector } from './problems.js';
import type { NetworkSettings } from './types.js';

/** The subnet inputs, in the order problems are reported. */
const SUBNETS = [
  'public-subnet-1-cidr',
  'public-subnet-2-cidr',
  'private-subnet-1-cidr',
  'private-subnet-2-cidr',
] as const satisfies readonly InputName[];

/**
 * Reads and checks the network inputs: each a strict IPv4 CIDR of /16 to /28, each subnet inside
 * `vpc-cidr`, the four subnets pairwise disjoint. Returns undefined when any problem was found.
 */
export function readNetwork(
  read: (name: InputName) => string,
  problems: ProblemCollector,
): NetworkSettings | undefined {
  const before = problems.problems.length;
  const vpcText = read('vpc-cidr');
  const vpc = problems.take('vpc-cidr', parseVpcCidr(vpcText));

  const subnets: { input: InputName; cidr: Ipv4Cidr }[] = [];
  for (const input of SUBNETS) {
    const text = read(input);
    const cidr = problems.take(input, parseVpcCidr(text));
    if (cidr === undefined) continue;
    if (vpc !== undefined && !cidrContains(vpc, cidr)) {
      problems.invalid(input, `${quote(text)} is not inside vpc-cidr ${formatCidr(vpc)}`);
      continue;
    }
    // Report an overlap once, on the later input of the pair.
    const clash = subnets.find((earlier) => cidrsOverlap(earlier.cidr, cidr));
    if (clash !== undefined) {
      problems.invalid(
        input,
        `${quote(text)} overlaps ${clash.input} ${formatCidr(clash.cidr)}; the four subnets must not share addresses`,
      );
      continue;
    }
    subnets.push({ input, cidr });
  }

  if (problems.problems.length > before) return undefined;
  return {
    vpcCidr: vpcText,
    publicSubnet1Cidr: read('public-subnet-1-cidr'),
    publicSubnet2Cidr: read('public-subnet-2-cidr'),
    privateSubnet1Cidr: read('private-subnet-1-cidr'),
    privateSubnet2Cidr: read('private-subnet-2-cidr'),
  };
}
