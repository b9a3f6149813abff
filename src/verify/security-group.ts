/**
 * The environment security group: MWAA's web server, scheduler, workers and metadata database
 * talk to each other through it, so it must let its own members in (HTTPS and PostgreSQL at
 * least) and let everything out.
 */
import { DescribeSecurityGroupsCommand } from '../aws/ec2/commands.js';
import type { IpPermission } from '@aws-sdk/client-ec2';
import { call, failure, guarded, pass } from './result.js';
import type { CheckResult, Ec2Sender } from './types.js';

const SECURITY_GROUP = {
  id: 'security-group',
  title: 'Security group in the VPC, self-referencing ingress, all egress',
};

// Without an all-traffic self rule, MWAA's components need at least these (HTTPS, PostgreSQL).
const REQUIRED_PORTS = [443, 5432] as const;

/**
 * `ec2:DescribeSecurityGroups`: the group is in `vpcId` (the subnets' VPC), has an inbound rule
 * from itself for all traffic (or at least TCP 443 and 5432), and an outbound rule for all
 * traffic to 0.0.0.0/0.
 */
export function checkSecurityGroup(
  ec2: Ec2Sender,
  vpcId: string,
  groupId: string,
): Promise<CheckResult> {
  return guarded(SECURITY_GROUP, async () => {
    const response = await call('ec2:DescribeSecurityGroups', () =>
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] })),
    );
    const group = response.SecurityGroups?.find((g) => g.GroupId === groupId);
    if (group === undefined) return failure(SECURITY_GROUP, `${groupId} was not found`);
    const problems: string[] = [];
    if (group.VpcId !== vpcId) {
      problems.push(`${groupId} is in ${group.VpcId ?? 'no VPC'}, not the subnets' VPC ${vpcId}`);
    }
    const selfRules = (group.IpPermissions ?? []).filter((p) =>
      (p.UserIdGroupPairs ?? []).some((pair) => pair.GroupId === groupId),
    );
    const allFromSelf = selfRules.some((p) => p.IpProtocol === '-1');
    const missingPorts = REQUIRED_PORTS.filter(
      (port) => !selfRules.some((p) => allowsTcp(p, port)),
    );
    if (!allFromSelf && missingPorts.length > 0) {
      problems.push(
        `${groupId} has no inbound rule from itself for all traffic (missing TCP ${missingPorts.join(', ')} from ${groupId}); add a self-referencing rule with IpProtocol -1`,
      );
    }
    const allEgress = (group.IpPermissionsEgress ?? []).some(
      (p) => p.IpProtocol === '-1' && (p.IpRanges ?? []).some((r) => r.CidrIp === '0.0.0.0/0'),
    );
    if (!allEgress) {
      problems.push(`${groupId} has no outbound rule for all traffic to 0.0.0.0/0`);
    }
    if (problems.length > 0) return failure(SECURITY_GROUP, problems);
    const ingress = allFromSelf ? 'all traffic' : `TCP ${REQUIRED_PORTS.join(', ')}`;
    return pass(SECURITY_GROUP, `${groupId} in ${vpcId}: ${ingress} from itself, all traffic out`);
  });
}

/** A rule that admits TCP on `port` (protocol `tcp` or its number 6, or all protocols). */
function allowsTcp(p: IpPermission, port: number): boolean {
  if (p.IpProtocol === '-1') return true;
  if (p.IpProtocol !== 'tcp' && p.IpProtocol !== '6') return false;
  return (p.FromPort ?? 0) <= port && port <= (p.ToPort ?? 65535);
}
