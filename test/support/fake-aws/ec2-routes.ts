/**
 * DescribeRouteTables: the route tables the stacks made, with their routes (AWS::EC2::Route),
 * their subnet associations (AWS::EC2::SubnetRouteTableAssociation) and the `local` route, plus
 * the main route table EC2 gives every VPC (only the local route, associated as main), which a
 * subnet without an association of its own uses.
 */
import { derivedHex, select, tagSet } from './ec2-common.js';
import type { Described } from './ec2-common.js';
import { text } from './inventory.js';
import type { Inventory, LiveResource } from './inventory.js';
import { ec2Filters, ec2List } from './protocols.js';
import { AwsError } from './wire.js';

const TARGETS = [
  ['GatewayId', 'gatewayId'],
  ['NatGatewayId', 'natGatewayId'],
  ['TransitGatewayId', 'transitGatewayId'],
  ['NetworkInterfaceId', 'networkInterfaceId'],
  ['InstanceId', 'instanceId'],
  ['VpcPeeringConnectionId', 'vpcPeeringConnectionId'],
  ['EgressOnlyInternetGatewayId', 'egressOnlyInternetGatewayId'],
  ['CarrierGatewayId', 'carrierGatewayId'],
  ['LocalGatewayId', 'localGatewayId'],
] as const;

const FILTERS = [
  'route-table-id',
  'vpc-id',
  'owner-id',
  'association.subnet-id',
  'association.main',
  'association.route-table-association-id',
  'association.route-table-id',
  'route.destination-cidr-block',
  'route.gateway-id',
  'route.nat-gateway-id',
  'route.state',
];

interface Table {
  readonly id: string;
  readonly vpcId: string;
  readonly accountId: string;
  readonly resource?: LiveResource;
  /** Set for the VPC's main table. */
  readonly mainAssociation?: string;
}

/** A route is a blackhole when what it points to is gone (a NAT gateway deleted, say). */
function routeState(inv: Inventory, p: Record<string, unknown>): string {
  const nat = text(p['NatGatewayId']);
  if (nat) {
    const gateway = inv.find('AWS::EC2::NatGateway', nat);
    return gateway && !gateway.deleted ? 'active' : 'blackhole';
  }
  const gateway = text(p['GatewayId']);
  if (gateway.startsWith('igw-') && !inv.find('AWS::EC2::InternetGateway', gateway)) {
    return 'blackhole';
  }
  return 'active';
}

function routesOf(inv: Inventory, table: Table, vpcCidr: string): Record<string, unknown>[] {
  const local = {
    destinationCidrBlock: vpcCidr,
    gatewayId: 'local',
    origin: 'CreateRouteTable',
    state: 'active',
  };
  const routes = inv
    .ofType('AWS::EC2::Route')
    .filter((r) => text(r.properties['RouteTableId']) === table.id)
    .map((r) => {
      const p = r.properties;
      const route: Record<string, unknown> = {
        destinationCidrBlock: text(p['DestinationCidrBlock']) || undefined,
        destinationIpv6CidrBlock: text(p['DestinationIpv6CidrBlock']) || undefined,
        destinationPrefixListId: text(p['DestinationPrefixListId']) || undefined,
      };
      for (const [property, field] of TARGETS) route[field] = text(p[property]) || undefined;
      return { ...route, origin: 'CreateRoute', state: routeState(inv, p) };
    });
  return vpcCidr ? [local, ...routes] : routes;
}

function associationsOf(inv: Inventory, table: Table): Record<string, unknown>[] {
  const associated = { state: 'associated' };
  if (table.mainAssociation) {
    return [
      {
        main: true,
        routeTableAssociationId: table.mainAssociation,
        routeTableId: table.id,
        associationState: associated,
      },
    ];
  }
  return inv
    .ofType('AWS::EC2::SubnetRouteTableAssociation')
    .filter((a) => text(a.properties['RouteTableId']) === table.id)
    .map((a) => ({
      main: false,
      routeTableAssociationId: a.physicalId,
      routeTableId: table.id,
      subnetId: text(a.properties['SubnetId']) || undefined,
      gatewayId: text(a.properties['GatewayId']) || undefined,
      associationState: associated,
    }));
}

function describe(inv: Inventory, table: Table): Described {
  const vpc = inv.find('AWS::EC2::VPC', table.vpcId);
  const routes = routesOf(inv, table, text(vpc?.properties['CidrBlock']));
  const associations = associationsOf(inv, table);
  const tags = table.resource?.tags ?? [];
  const item = {
    associationSet: associations,
    propagatingVgwSet: [],
    routeTableId: table.id,
    routeSet: routes,
    tagSet: tagSet(tags),
    vpcId: table.vpcId,
    ownerId: table.accountId,
  };
  const values = (list: Record<string, unknown>[], key: string): string[] =>
    list.map((x) => x[key]).filter((v): v is string => typeof v === 'string');
  const fields = {
    'route-table-id': [table.id],
    'vpc-id': [table.vpcId],
    'owner-id': [table.accountId],
    'association.subnet-id': values(associations, 'subnetId'),
    'association.main': associations.map((a) => String(a['main'])),
    'association.route-table-association-id': values(associations, 'routeTableAssociationId'),
    'association.route-table-id': associations.length > 0 ? [table.id] : [],
    'route.destination-cidr-block': values(routes, 'destinationCidrBlock'),
    'route.gateway-id': values(routes, 'gatewayId'),
    'route.nat-gateway-id': values(routes, 'natGatewayId'),
    'route.state': values(routes, 'state'),
  };
  return { id: table.id, item, fields, tags };
}

export function describeRouteTables(inv: Inventory, params: Record<string, unknown>): unknown {
  const tables: Table[] = [];
  for (const vpc of inv.ofType('AWS::EC2::VPC')) {
    tables.push({
      id: `rtb-${derivedHex(`main|${vpc.physicalId}`)}`,
      vpcId: vpc.physicalId,
      accountId: vpc.accountId,
      mainAssociation: `rtbassoc-${derivedHex(`main-assoc|${vpc.physicalId}`)}`,
    });
  }
  for (const r of inv.ofType('AWS::EC2::RouteTable')) {
    const vpcId = text(r.properties['VpcId']);
    tables.push({ id: r.physicalId, vpcId, accountId: r.accountId, resource: r });
  }
  const all = tables.map((t) => describe(inv, t));
  const notFound = (id: string): AwsError =>
    new AwsError('InvalidRouteTableID.NotFound', `The routeTable ID '${id}' does not exist`);
  const ids = ec2List(params, 'RouteTableId');
  return { routeTableSet: select(all, ids, ec2Filters(params), FILTERS, notFound) };
}
