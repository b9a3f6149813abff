/**
 * EC2's read-only views of the network the stacks deployed: VPCs and their DNS attributes,
 * subnets, NAT gateways (route tables and security groups in their own modules), answered in
 * EC2's query dialect from the inventory.
 */
import {
  derivedHex,
  hostIn,
  required,
  select,
  tagSet,
  usableAddresses,
  zoneIdOf,
} from './ec2-common.js';
import type { Described } from './ec2-common.js';
import { describeRouteTables } from './ec2-routes.js';
import { describeSecurityGroups } from './ec2-security-groups.js';
import { flag, text } from './inventory.js';
import type { Inventory, LiveResource } from './inventory.js';
import { ec2Filters, ec2List, notImplemented } from './protocols.js';
import { AwsError } from './wire.js';

type Params = Record<string, unknown>;
type Handler = (inv: Inventory, params: Params) => unknown;

const ACTIONS: Readonly<Record<string, Handler>> = {
  DescribeVpcs: describeVpcs,
  DescribeVpcAttribute: describeVpcAttribute,
  DescribeSubnets: describeSubnets,
  DescribeNatGateways: describeNatGateways,
  DescribeRouteTables: describeRouteTables,
  DescribeSecurityGroups: describeSecurityGroups,
};

export function handleEc2(inv: Inventory, action: string, params: Params): unknown {
  const handler = ACTIONS[action];
  if (!handler) throw notImplemented('EC2', action);
  return handler(inv, params);
}

/** The live VPC, or EC2's InvalidVpcID.NotFound. */
export function requireVpc(inv: Inventory, vpcId: string): LiveResource {
  const vpc = inv.find('AWS::EC2::VPC', vpcId);
  if (!vpc) throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${vpcId}' does not exist`);
  return vpc;
}

function describeVpcs(inv: Inventory, params: Params): unknown {
  const all = inv.ofType('AWS::EC2::VPC').map((r): Described => {
    const cidr = text(r.properties['CidrBlock']);
    const item = {
      cidrBlock: cidr,
      dhcpOptionsId: `dopt-${derivedHex(`dopt|${r.accountId}`)}`,
      state: 'available',
      vpcId: r.physicalId,
      ownerId: r.accountId,
      instanceTenancy: text(r.properties['InstanceTenancy']) || 'default',
      cidrBlockAssociationSet: [
        {
          associationId: `vpc-cidr-assoc-${derivedHex(`cidr|${r.physicalId}`)}`,
          cidrBlock: cidr,
          cidrBlockState: { state: 'associated' },
        },
      ],
      isDefault: false,
      tagSet: tagSet(r.tags),
    };
    const fields = { 'vpc-id': [r.physicalId], 'cidr-block': [cidr], state: ['available'] };
    return { id: r.physicalId, item, fields, tags: r.tags };
  });
  const known = ['vpc-id', 'cidr-block', 'state'];
  const vpcs = select(all, ec2List(params, 'VpcId'), ec2Filters(params), known, vpcNotFound);
  return { vpcSet: vpcs };
}

const vpcNotFound = (id: string): AwsError =>
  new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);

// EC2's defaults for a VPC that is not the default one (CloudFormation's, too).
const VPC_ATTRIBUTES: Readonly<Record<string, readonly [string, boolean]>> = {
  enableDnsSupport: ['EnableDnsSupport', true],
  enableDnsHostnames: ['EnableDnsHostnames', false],
  enableNetworkAddressUsageMetrics: ['EnableNetworkAddressUsageMetrics', false],
};

function describeVpcAttribute(inv: Inventory, params: Params): unknown {
  const vpcId = required(params, 'VpcId');
  const attribute = required(params, 'Attribute');
  const known = VPC_ATTRIBUTES[attribute];
  if (!known) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${attribute}) for parameter attribute is invalid. Unknown attribute.`,
    );
  }
  const vpc = requireVpc(inv, vpcId);
  const [property, fallback] = known;
  return { vpcId, [attribute]: { value: flag(vpc.properties[property], fallback) } };
}

const SUBNET_FILTERS = [
  'subnet-id',
  'vpc-id',
  'availability-zone',
  'availability-zone-id',
  'cidr-block',
  'map-public-ip-on-launch',
  'state',
];

function describeSubnets(inv: Inventory, params: Params): unknown {
  const all = inv.ofType('AWS::EC2::Subnet').map((r): Described => {
    const p = r.properties;
    const cidr = text(p['CidrBlock']);
    const zone = text(p['AvailabilityZone']) || `${r.region}a`;
    const zoneId = text(p['AvailabilityZoneId']) || zoneIdOf(zone);
    const vpcId = text(p['VpcId']);
    const item = {
      availabilityZoneId: zoneId,
      mapCustomerOwnedIpOnLaunch: false,
      ownerId: r.accountId,
      assignIpv6AddressOnCreation: flag(p['AssignIpv6AddressOnCreation'], false),
      ipv6CidrBlockAssociationSet: [],
      tagSet: tagSet(r.tags),
      subnetArn: `arn:aws:ec2:${r.region}:${r.accountId}:subnet/${r.physicalId}`,
      enableDns64: flag(p['EnableDns64'], false),
      ipv6Native: flag(p['Ipv6Native'], false),
      privateDnsNameOptionsOnLaunch: {
        hostnameType: 'ip-name',
        enableResourceNameDnsARecord: false,
        enableResourceNameDnsAAAARecord: false,
      },
      subnetId: r.physicalId,
      state: 'available',
      vpcId,
      cidrBlock: cidr || undefined,
      availableIpAddressCount: usableAddresses(cidr),
      availabilityZone: zone,
      defaultForAz: false,
      mapPublicIpOnLaunch: flag(p['MapPublicIpOnLaunch'], false),
    };
    const fields = {
      'subnet-id': [r.physicalId],
      'vpc-id': [vpcId],
      'availability-zone': [zone],
      'availability-zone-id': zoneId ? [zoneId] : [],
      'cidr-block': [cidr],
      'map-public-ip-on-launch': [String(item.mapPublicIpOnLaunch)],
      state: ['available'],
    };
    return { id: r.physicalId, item, fields, tags: r.tags };
  });
  const notFound = (id: string): AwsError =>
    new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
  const subnets = select(
    all,
    ec2List(params, 'SubnetId'),
    ec2Filters(params),
    SUBNET_FILTERS,
    notFound,
  );
  return { subnetSet: subnets };
}

function describeNatGateways(inv: Inventory, params: Params): unknown {
  const eips = inv.ofType('AWS::EC2::EIP');
  const all = inv.ofType('AWS::EC2::NatGateway').map((r): Described => {
    const p = r.properties;
    const subnet = inv.find('AWS::EC2::Subnet', text(p['SubnetId']));
    const vpcId = text(subnet?.properties['VpcId']) || undefined;
    const allocationId = text(p['AllocationId']) || undefined;
    const eip = eips.find((e) => allocationId && e.attributes['AllocationId'] === allocationId);
    const state = r.deleted ? 'deleted' : 'available';
    const item = {
      createTime: r.created,
      deleteTime: r.deleted ? r.created : undefined,
      natGatewayAddressSet: [
        {
          allocationId,
          networkInterfaceId: `eni-${derivedHex(`eni|${r.physicalId}`)}`,
          privateIp:
            text(p['PrivateIpAddress']) ||
            hostIn(text(subnet?.properties['CidrBlock']), r.physicalId),
          publicIp: eip?.attributes['PublicIp'],
          associationId: eip ? `eipassoc-${derivedHex(`assoc|${r.physicalId}`)}` : undefined,
          isPrimary: true,
          status: 'succeeded',
        },
      ],
      natGatewayId: r.physicalId,
      state,
      subnetId: text(p['SubnetId']),
      vpcId,
      tagSet: tagSet(r.tags),
      connectivityType: text(p['ConnectivityType']) || 'public',
    };
    const fields = {
      'nat-gateway-id': [r.physicalId],
      'subnet-id': [item.subnetId],
      'vpc-id': vpcId ? [vpcId] : [],
      state: [state],
    };
    return { id: r.physicalId, item, fields, tags: r.tags };
  });
  const notFound = (id: string): AwsError =>
    new AwsError('NatGatewayNotFound', `The Nat Gateway ${id} was not found`);
  const known = ['nat-gateway-id', 'subnet-id', 'vpc-id', 'state'];
  const ids = ec2List(params, 'NatGatewayId');
  const nats = select(all, ids, ec2Filters(params), known, notFound);
  return { natGatewaySet: nats };
}
