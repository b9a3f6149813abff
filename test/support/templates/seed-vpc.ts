/**
 * Seed 004's VPC template, transcribed into long form (what CloudFormation sees), with its
 * `Tags:` lists read as intended: one `{ Key: Name, Value: ... }` item each.
 */

export const SEED_VPC_DESCRIPTION =
  'This template deploys a VPC, with a pair of public and private subnets spread across two Availability Zones. It deploys an internet gateway, with a default route on the public subnets. It deploys a pair of NAT gateways (one in each AZ), and default routes for them in the private subnets.';

const cidrParameter = (description: string, value: string) => ({
  Description: `Please enter the IP range (CIDR notation) for ${description}`,
  Type: 'String',
  Default: value,
});

export const SEED_VPC_PARAMETERS = {
  EnvironmentName: {
    Description: 'An environment name that is prefixed to resource names',
    Type: 'String',
    Default: 'mwaa-',
  },
  VpcCIDR: cidrParameter('this VPC', '10.192.0.0/16'),
  PublicSubnet1CIDR: cidrParameter(
    'the public subnet in the first Availability Zone',
    '10.192.10.0/24',
  ),
  PublicSubnet2CIDR: cidrParameter(
    'the public subnet in the second Availability Zone',
    '10.192.11.0/24',
  ),
  PrivateSubnet1CIDR: cidrParameter(
    'the private subnet in the first Availability Zone',
    '10.192.20.0/24',
  ),
  PrivateSubnet2CIDR: cidrParameter(
    'the private subnet in the second Availability Zone',
    '10.192.21.0/24',
  ),
};

const nameTag = (value: unknown) => [{ Key: 'Name', Value: value }];
const sub = (text: string) => ({ 'Fn::Sub': text });
const ref = (name: string) => ({ Ref: name });
const az = (index: number) => ({ 'Fn::Select': [index, { 'Fn::GetAZs': '' }] });

const subnet = (cidr: string, index: number, mapPublicIp: boolean, name: string) => ({
  Type: 'AWS::EC2::Subnet',
  Properties: {
    VpcId: ref('VPC'),
    AvailabilityZone: az(index),
    CidrBlock: ref(cidr),
    MapPublicIpOnLaunch: mapPublicIp,
    Tags: nameTag(sub(`\${EnvironmentName} ${name}`)),
  },
});

const eip = {
  Type: 'AWS::EC2::EIP',
  DependsOn: 'InternetGatewayAttachment',
  Properties: { Domain: 'vpc' },
};

const routeTable = (name: string) => ({
  Type: 'AWS::EC2::RouteTable',
  Properties: { VpcId: ref('VPC'), Tags: nameTag(sub(`\${EnvironmentName} ${name}`)) },
});

const association = (table: string, subnetId: string) => ({
  Type: 'AWS::EC2::SubnetRouteTableAssociation',
  Properties: { RouteTableId: ref(table), SubnetId: ref(subnetId) },
});

/** All 22 resources, in the seed's order. */
export const SEED_VPC_RESOURCES = {
  VPC: {
    Type: 'AWS::EC2::VPC',
    Properties: {
      CidrBlock: ref('VpcCIDR'),
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
      Tags: nameTag(ref('EnvironmentName')),
    },
  },
  InternetGateway: {
    Type: 'AWS::EC2::InternetGateway',
    Properties: { Tags: nameTag(ref('EnvironmentName')) },
  },
  InternetGatewayAttachment: {
    Type: 'AWS::EC2::VPCGatewayAttachment',
    Properties: { InternetGatewayId: ref('InternetGateway'), VpcId: ref('VPC') },
  },
  PublicSubnet1: subnet('PublicSubnet1CIDR', 0, true, 'Public Subnet (AZ1)'),
  PublicSubnet2: subnet('PublicSubnet2CIDR', 1, true, 'Public Subnet (AZ2)'),
  PrivateSubnet1: subnet('PrivateSubnet1CIDR', 0, false, 'Private Subnet (AZ1)'),
  PrivateSubnet2: subnet('PrivateSubnet2CIDR', 1, false, 'Private Subnet (AZ2)'),
  NatGateway1EIP: eip,
  NatGateway2EIP: eip,
  NatGateway1: {
    Type: 'AWS::EC2::NatGateway',
    Properties: {
      AllocationId: { 'Fn::GetAtt': ['NatGateway1EIP', 'AllocationId'] },
      SubnetId: ref('PublicSubnet1'),
    },
  },
  NatGateway2: {
    Type: 'AWS::EC2::NatGateway',
    Properties: {
      AllocationId: { 'Fn::GetAtt': ['NatGateway2EIP', 'AllocationId'] },
      SubnetId: ref('PublicSubnet2'),
    },
  },
  PublicRouteTable: routeTable('Public Routes'),
  DefaultPublicRoute: {
    Type: 'AWS::EC2::Route',
    DependsOn: 'InternetGatewayAttachment',
    Properties: {
      RouteTableId: ref('PublicRouteTable'),
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: ref('InternetGateway'),
    },
  },
  PublicSubnet1RouteTableAssociation: association('PublicRouteTable', 'PublicSubnet1'),
  PublicSubnet2RouteTableAssociation: association('PublicRouteTable', 'PublicSubnet2'),
  PrivateRouteTable1: routeTable('Private Routes (AZ1)'),
  DefaultPrivateRoute1: {
    Type: 'AWS::EC2::Route',
    Properties: {
      RouteTableId: ref('PrivateRouteTable1'),
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: ref('NatGateway1'),
    },
  },
  PrivateSubnet1RouteTableAssociation: association('PrivateRouteTable1', 'PrivateSubnet1'),
  PrivateRouteTable2: routeTable('Private Routes (AZ2)'),
  DefaultPrivateRoute2: {
    Type: 'AWS::EC2::Route',
    Properties: {
      RouteTableId: ref('PrivateRouteTable2'),
      DestinationCidrBlock: '0.0.0.0/0',
      NatGatewayId: ref('NatGateway2'),
    },
  },
  PrivateSubnet2RouteTableAssociation: association('PrivateRouteTable2', 'PrivateSubnet2'),
  NoIngressSecurityGroup: {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupName: 'no-ingress-sg',
      GroupDescription: 'Security group with no ingress rule',
      VpcId: ref('VPC'),
    },
  },
};

const output = (description: string, value: unknown) => ({ Description: description, Value: value });
const joined = (a: string, b: string) => ({ 'Fn::Join': [',', [ref(a), ref(b)]] });

export const SEED_VPC_OUTPUTS = {
  VPC: output('A reference to the created VPC', ref('VPC')),
  PublicSubnets: output('A list of the public subnets', joined('PublicSubnet1', 'PublicSubnet2')),
  PrivateSubnets: output(
    'A list of the private subnets',
    joined('PrivateSubnet1', 'PrivateSubnet2'),
  ),
  PublicSubnet1: output(
    'A reference to the public subnet in the 1st Availability Zone',
    ref('PublicSubnet1'),
  ),
  PublicSubnet2: output(
    'A reference to the public subnet in the 2nd Availability Zone',
    ref('PublicSubnet2'),
  ),
  PrivateSubnet1: output(
    'A reference to the private subnet in the 1st Availability Zone',
    ref('PrivateSubnet1'),
  ),
  PrivateSubnet2: output(
    'A reference to the private subnet in the 2nd Availability Zone',
    ref('PrivateSubnet2'),
  ),
  NoIngressSecurityGroup: output(
    'Security group with no ingress rule',
    ref('NoIngressSecurityGroup'),
  ),
};
