/**
 * Routing of the private subnets in the seed's public-routing design: each subnet's default
 * route leaves through a NAT gateway that is up. A default route to an internet gateway would
 * make the subnet public, which MWAA does not support for its subnets.
 */
import { DescribeNatGatewaysCommand, DescribeRouteTablesCommand } from '../aws/ec2/commands.js';
import type { Route, RouteTable } from '@aws-sdk/client-ec2';
import { call, failure, guarded, pass } from './result.js';
import type { CheckResult, Ec2Sender } from './types.js';

const ROUTING = {
  id: 'private-routing',
  title: 'Private subnets route 0.0.0.0/0 to an available NAT gateway',
};

/**
 * `ec2:DescribeRouteTables` then `ec2:DescribeNatGateways`: for each private subnet, the route
 * table associated with it (or, when none is, the VPC's main route table, which is what the
 * subnet then uses) must route 0.0.0.0/0 to a `nat-` gateway in state `available`.
 */
export function checkPrivateRouting(
  ec2: Ec2Sender,
  vpcId: string,
  subnetIds: readonly string[],
): Promise<CheckResult> {
  return guarded(ROUTING, async () => {
    const tables = await routeTablesFor(ec2, vpcId, subnetIds);
    const problems: string[] = [];
    const natBySubnet = new Map<string, string>();
    for (const subnetId of subnetIds) {
      const found = tables.get(subnetId);
      if (found === undefined) {
        problems.push(
          `${subnetId} has no route table (none associated and no main route table in ${vpcId})`,
        );
        continue;
      }
      const where = `${subnetId} (route table ${found.table.RouteTableId ?? '?'}${found.main ? ', the VPC main table' : ''})`;
      const route = (found.table.Routes ?? []).find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
      const problem = defaultRouteProblem(route);
      if (problem !== undefined) problems.push(`${where} ${problem}`);
      else if (route?.NatGatewayId !== undefined) natBySubnet.set(subnetId, route.NatGatewayId);
    }
    const natIds = [...new Set(natBySubnet.values())];
    if (natIds.length > 0) problems.push(...(await natProblems(ec2, vpcId, natIds)));
    if (problems.length > 0) return failure(ROUTING, problems);
    return pass(ROUTING, [...natBySubnet].map(([s, nat]) => `${s} → ${nat}`).join(', '));
  });
}

/** What is wrong with a subnet's default route, or undefined when it targets a NAT gateway. */
function defaultRouteProblem(route: Route | undefined): string | undefined {
  if (route === undefined) {
    return 'has no 0.0.0.0/0 route; MWAA with public routing needs one to a NAT gateway';
  }
  if (route.GatewayId?.startsWith('igw-') === true) {
    return `routes 0.0.0.0/0 to internet gateway ${route.GatewayId}, which makes it a public subnet; route it to a NAT gateway`;
  }
  if (route.NatGatewayId === undefined) {
    const target =
      route.GatewayId ??
      route.TransitGatewayId ??
      route.NetworkInterfaceId ??
      route.InstanceId ??
      'something else';
    return `routes 0.0.0.0/0 to ${target}, not to a NAT gateway`;
  }
  if (route.State === 'blackhole') {
    return `routes 0.0.0.0/0 to ${route.NatGatewayId}, but the route is a blackhole (the gateway is gone)`;
  }
  return undefined;
}

/** Route tables by subnet, falling back to the main table for subnets without an association. */
async function routeTablesFor(
  ec2: Ec2Sender,
  vpcId: string,
  subnetIds: readonly string[],
): Promise<Map<string, { table: RouteTable; main: boolean }>> {
  const response = await call('ec2:DescribeRouteTables', () =>
    ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'association.subnet-id', Values: [...subnetIds] }],
      }),
    ),
  );
  const result = new Map<string, { table: RouteTable; main: boolean }>();
  for (const table of response.RouteTables ?? []) {
    for (const association of table.Associations ?? []) {
      const subnetId = association.SubnetId;
      if (subnetId !== undefined && subnetIds.includes(subnetId)) {
        result.set(subnetId, { table, main: false });
      }
    }
  }
  const unassociated = subnetIds.filter((s) => !result.has(s));
  if (unassociated.length === 0) return result;
  // A subnet with no explicit association uses its VPC's main route table.
  const main = await call('ec2:DescribeRouteTables', () =>
    ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId] },
          { Name: 'association.main', Values: ['true'] },
        ],
      }),
    ),
  );
  const mainTable = main.RouteTables?.[0];
  if (mainTable !== undefined) {
    for (const s of unassociated) result.set(s, { table: mainTable, main: true });
  }
  return result;
}

/** Each NAT gateway must exist, be `available`, and sit in the same VPC. */
async function natProblems(
  ec2: Ec2Sender,
  vpcId: string,
  natIds: readonly string[],
): Promise<string[]> {
  const response = await call('ec2:DescribeNatGateways', () =>
    ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: [...natIds] })),
  );
  const found = new Map((response.NatGateways ?? []).map((n) => [n.NatGatewayId, n] as const));
  const problems: string[] = [];
  for (const id of natIds) {
    const nat = found.get(id);
    if (nat === undefined) problems.push(`NAT gateway ${id} was not found`);
    else if (nat.State !== 'available') {
      problems.push(`NAT gateway ${id} is ${nat.State ?? 'in an unknown state'}, not available`);
    } else if (nat.VpcId !== undefined && nat.VpcId !== vpcId) {
      problems.push(`NAT gateway ${id} is in ${nat.VpcId}, not ${vpcId}`);
    }
  }
  return problems;
}
