/**
 * The VPC stack's address plan: five CIDR inputs checked alone and against each other, because
 * EC2 only reports a subnet outside its VPC, or two overlapping subnets, once the stack is
 * half-built and rolling back.
 */
import { MAX_PREFIX, cidrContains, cidrsOverlap, formatCidr, parseVpcCidr } from './cidr.js';
import type { Ipv4Cidr } from './cidr.js';
import { INPUT_DEFAULTS } from './defaults.js';
import type { InputName } from './defaults.js';
import { quote } from './problems.js';
import type { ProblemCollector } from './problems.js';
import { SUBNET_INPUTS, deriveSubnets } from './subnet-layout.js';
import type { NetworkSettings } from './types.js';

/**
 * Reads and checks the network inputs: each a strict IPv4 CIDR of /16 to /28, each subnet inside
 * `vpc-cidr`, the four subnets pairwise disjoint. A subnet left empty is derived from `vpc-cidr`
 * (see subnet-layout.ts) and named in `derived`. Returns undefined when any problem was found.
 */
export function readNetwork(
  read: (name: InputName) => string,
  problems: ProblemCollector,
): NetworkSettings | undefined {
  const before = problems.problems.length;
  const vpcText = read('vpc-cidr');
  const vpc = problems.take('vpc-cidr', parseVpcCidr(vpcText));

  const layout = vpc === undefined ? undefined : deriveSubnets(vpc);
  const given = (input: InputName) => read(input) !== '';
  const derived = SUBNET_INPUTS.filter((input) => !given(input));
  const valueOf = (input: (typeof SUBNET_INPUTS)[number]) =>
    given(input) ? read(input) : (layout?.[input] ?? '');

  const subnets: { input: InputName; cidr: Ipv4Cidr }[] = [];
  for (const input of SUBNET_INPUTS) {
    const text = valueOf(input);
    if (text === '') {
      // Only when vpc-cidr is invalid (already reported) or too small for four subnets.
      if (vpc !== undefined) {
        problems.missing(
          input,
          `vpc-cidr ${formatCidr(vpc)} is too small to derive four subnets of /${MAX_PREFIX} or larger; give the four subnet CIDRs`,
        );
      }
      continue;
    }
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
    publicSubnet1Cidr: valueOf('public-subnet-1-cidr'),
    publicSubnet2Cidr: valueOf('public-subnet-2-cidr'),
    privateSubnet1Cidr: valueOf('private-subnet-1-cidr'),
    privateSubnet2Cidr: valueOf('private-subnet-2-cidr'),
    derived,
  };
}

/**
 * A line for the plan naming the subnets derived from a `vpc-cidr` the user gave, so a reviewer
 * sees values nobody typed; undefined when every subnet was given, or when the VPC is the
 * default one (its subnets are then the seed template's, as documented).
 */
export function derivedSubnetsNote(network: NetworkSettings): string | undefined {
  if (network.derived.length === 0 || network.vpcCidr === INPUT_DEFAULTS['vpc-cidr']) {
    return undefined;
  }
  const values: Record<string, string> = {
    'public-subnet-1-cidr': network.publicSubnet1Cidr,
    'public-subnet-2-cidr': network.publicSubnet2Cidr,
    'private-subnet-1-cidr': network.privateSubnet1Cidr,
    'private-subnet-2-cidr': network.privateSubnet2Cidr,
  };
  const list = network.derived.map((input) => `${input} ${values[input]}`).join(', ');
  return `Derived from vpc-cidr ${network.vpcCidr} with the seed template's layout (give the input to choose another): ${list}.`;
}
