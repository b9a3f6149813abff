/**
 * The VPC and its private subnets, as MWAA needs them: DNS on in the VPC (the environment's
 * endpoints are reached by name), and two private IPv4 subnets in two Availability Zones.
 */
import { DescribeSubnetsCommand, DescribeVpcAttributeCommand } from '../aws/ec2/commands.js';
import type { Subnet } from '@aws-sdk/client-ec2';
import { call, failure, guarded, pass } from './result.js';
import type { CheckResult, Ec2Sender } from './types.js';

const VPC_DNS = { id: 'vpc-dns', title: 'VPC DNS support and hostnames on' };
const SUBNETS = {
  id: 'private-subnets',
  title: 'Two private subnets in the VPC, in two Availability Zones, with IPv4',
};

/** `ec2:DescribeVpcAttribute`: enableDnsSupport and enableDnsHostnames both true. */
export function checkVpcDns(ec2: Ec2Sender, vpcId: string): Promise<CheckResult> {
  return guarded(VPC_DNS, async () => {
    // One attribute per call: the API takes a single Attribute.
    const [support, hostnames] = await Promise.all([
      call('ec2:DescribeVpcAttribute', () =>
        ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' })),
      ),
      call('ec2:DescribeVpcAttribute', () =>
        ec2.send(
          new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }),
        ),
      ),
    ]);
    const problems: string[] = [];
    if (support.EnableDnsSupport?.Value !== true)
      problems.push(`${vpcId} has enableDnsSupport off`);
    if (hostnames.EnableDnsHostnames?.Value !== true) {
      problems.push(`${vpcId} has enableDnsHostnames off`);
    }
    if (problems.length > 0) {
      problems.push('MWAA needs both on (EnableDnsSupport and EnableDnsHostnames on the VPC)');
      return failure(VPC_DNS, problems);
    }
    return pass(VPC_DNS, `${vpcId}: enableDnsSupport and enableDnsHostnames true`);
  });
}

/**
 * `ec2:DescribeSubnets` on the two private subnets: distinct, both in `vpcId`, in two different
 * Availability Zones, not assigning public IPs on launch, and with an IPv4 CIDR (IPv6-only
 * subnets are not documented as supported by MWAA).
 */
export function checkPrivateSubnets(
  ec2: Ec2Sender,
  vpcId: string,
  subnetIds: readonly string[],
): Promise<CheckResult> {
  return guarded(SUBNETS, async () => {
    const problems: string[] = [];
    const unique = [...new Set(subnetIds)];
    if (subnetIds.length !== 2 || unique.length !== 2) {
      problems.push(`expected two distinct subnets, got ${subnetIds.join(', ') || 'none'}`);
    }
    if (unique.length === 0) return failure(SUBNETS, problems);
    const response = await call('ec2:DescribeSubnets', () =>
      ec2.send(new DescribeSubnetsCommand({ SubnetIds: unique })),
    );
    const found = new Map((response.Subnets ?? []).map((s) => [s.SubnetId, s] as const));
    const subnets: Subnet[] = [];
    for (const id of unique) {
      const subnet = found.get(id);
      if (subnet === undefined) problems.push(`${id} was not found`);
      else subnets.push(subnet);
    }
    for (const s of subnets) problems.push(...subnetProblems(s, vpcId));
    const zones = new Set(subnets.map(zoneOf));
    if (subnets.length === 2 && zones.size === 1) {
      problems.push(
        `both subnets are in ${zoneOf(subnets[0] as Subnet)}; MWAA needs two different Availability Zones`,
      );
    }
    if (problems.length > 0) return failure(SUBNETS, problems);
    return pass(
      SUBNETS,
      subnets.map((s) => `${s.SubnetId} (${zoneOf(s)}, ${s.CidrBlock})`).join(', '),
    );
  });
}

function subnetProblems(s: Subnet, vpcId: string): string[] {
  const problems: string[] = [];
  const id = s.SubnetId ?? '?';
  if (s.VpcId !== vpcId) problems.push(`${id} is in ${s.VpcId ?? 'no VPC'}, not ${vpcId}`);
  if (s.MapPublicIpOnLaunch === true) {
    problems.push(`${id} has MapPublicIpOnLaunch true; MWAA's subnets must be private`);
  }
  if (s.CidrBlock === undefined || s.CidrBlock === '' || s.Ipv6Native === true) {
    problems.push(`${id} has no IPv4 CIDR; MWAA needs IPv4 subnets`);
  }
  return problems;
}

// Both subnets are in one account, where zone names identify zones; the zone ID is a fallback.
function zoneOf(s: Subnet): string {
  return s.AvailabilityZone ?? s.AvailabilityZoneId ?? 'an unknown Availability Zone';
}
