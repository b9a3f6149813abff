/**
 * EC2 response items (XML, camelCase element names) as the SDK's shapes (PascalCase members),
 * for the members verification reads and the ones that identify an item.
 */
import type {
  IpPermission,
  NatGateway,
  Route,
  RouteTable,
  RouteTableAssociation,
  SecurityGroup,
  Subnet,
} from '@aws-sdk/client-ec2';
import { bool, defined, int, items, text, type XmlObject } from './xml.js';

export function subnet(x: XmlObject): Subnet {
  return defined<Subnet>({
    SubnetId: text(x, 'subnetId'),
    VpcId: text(x, 'vpcId'),
    State: text(x, 'state') as Subnet['State'],
    AvailabilityZone: text(x, 'availabilityZone'),
    AvailabilityZoneId: text(x, 'availabilityZoneId'),
    CidrBlock: text(x, 'cidrBlock'),
    MapPublicIpOnLaunch: bool(x, 'mapPublicIpOnLaunch'),
    Ipv6Native: bool(x, 'ipv6Native'),
    OwnerId: text(x, 'ownerId'),
  });
}

function association(x: XmlObject): RouteTableAssociation {
  return defined<RouteTableAssociation>({
    Main: bool(x, 'main'),
    RouteTableAssociationId: text(x, 'routeTableAssociationId'),
    RouteTableId: text(x, 'routeTableId'),
    SubnetId: text(x, 'subnetId'),
    GatewayId: text(x, 'gatewayId'),
  });
}

function route(x: XmlObject): Route {
  return defined<Route>({
    DestinationCidrBlock: text(x, 'destinationCidrBlock'),
    GatewayId: text(x, 'gatewayId'),
    NatGatewayId: text(x, 'natGatewayId'),
    TransitGatewayId: text(x, 'transitGatewayId'),
    NetworkInterfaceId: text(x, 'networkInterfaceId'),
    InstanceId: text(x, 'instanceId'),
    VpcPeeringConnectionId: text(x, 'vpcPeeringConnectionId'),
    Origin: text(x, 'origin') as Route['Origin'],
    State: text(x, 'state') as Route['State'],
  });
}

export function routeTable(x: XmlObject): RouteTable {
  return defined<RouteTable>({
    RouteTableId: text(x, 'routeTableId'),
    VpcId: text(x, 'vpcId'),
    OwnerId: text(x, 'ownerId'),
    Associations: items(x, 'associationSet').map(association),
    Routes: items(x, 'routeSet').map(route),
  });
}

export function natGateway(x: XmlObject): NatGateway {
  return defined<NatGateway>({
    NatGatewayId: text(x, 'natGatewayId'),
    VpcId: text(x, 'vpcId'),
    SubnetId: text(x, 'subnetId'),
    State: text(x, 'state') as NatGateway['State'],
  });
}

function permission(x: XmlObject): IpPermission {
  return defined<IpPermission>({
    IpProtocol: text(x, 'ipProtocol'),
    FromPort: int(x, 'fromPort'),
    ToPort: int(x, 'toPort'),
    UserIdGroupPairs: items(x, 'groups').map((g) =>
      defined({
        GroupId: text(g, 'groupId'),
        UserId: text(g, 'userId'),
        Description: text(g, 'description'),
      }),
    ),
    IpRanges: items(x, 'ipRanges').map((r) =>
      defined({ CidrIp: text(r, 'cidrIp'), Description: text(r, 'description') }),
    ),
  });
}

export function securityGroup(x: XmlObject): SecurityGroup {
  return defined<SecurityGroup>({
    GroupId: text(x, 'groupId'),
    GroupName: text(x, 'groupName'),
    VpcId: text(x, 'vpcId'),
    OwnerId: text(x, 'ownerId'),
    Description: text(x, 'groupDescription'),
    IpPermissions: items(x, 'ipPermissions').map(permission),
    IpPermissionsEgress: items(x, 'ipPermissionsEgress').map(permission),
  });
}
