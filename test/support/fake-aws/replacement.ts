/**
 * Properties whose update replaces the resource ("Update requires: Replacement" in the
 * CloudFormation resource reference), for the types of the built-in templates. Any property not
 * listed updates in place ('Never'), which is what most properties do.
 */
type Recreation = 'Always' | 'Conditionally';

export const REQUIRES_RECREATION: Readonly<Record<string, Readonly<Record<string, Recreation>>>> = {
  'AWS::S3::Bucket': { BucketName: 'Always', ObjectLockEnabled: 'Always' },
  'AWS::S3::BucketPolicy': { Bucket: 'Always' },
  'AWS::EC2::VPC': {
    CidrBlock: 'Always',
    InstanceTenancy: 'Conditionally',
    Ipv4IpamPoolId: 'Always',
  },
  'AWS::EC2::Subnet': {
    CidrBlock: 'Always',
    AvailabilityZone: 'Always',
    AvailabilityZoneId: 'Always',
    VpcId: 'Always',
  },
  'AWS::EC2::SecurityGroup': { GroupDescription: 'Always', GroupName: 'Always', VpcId: 'Always' },
  'AWS::EC2::SecurityGroupIngress': {
    GroupId: 'Always',
    GroupName: 'Always',
    IpProtocol: 'Always',
    FromPort: 'Always',
    ToPort: 'Always',
    CidrIp: 'Always',
    CidrIpv6: 'Always',
    SourceSecurityGroupId: 'Always',
    SourcePrefixListId: 'Always',
  },
  'AWS::EC2::RouteTable': { VpcId: 'Always' },
  'AWS::EC2::Route': {
    RouteTableId: 'Always',
    DestinationCidrBlock: 'Always',
    DestinationIpv6CidrBlock: 'Always',
  },
  'AWS::EC2::SubnetRouteTableAssociation': { SubnetId: 'Always' },
  'AWS::EC2::NatGateway': {
    SubnetId: 'Always',
    AllocationId: 'Always',
    ConnectivityType: 'Always',
  },
  'AWS::EC2::EIP': { Domain: 'Always' },
  'AWS::KMS::Key': { KeySpec: 'Always', KeyUsage: 'Always', MultiRegion: 'Always' },
  'AWS::KMS::Alias': { AliasName: 'Always' },
  'AWS::IAM::Role': { RoleName: 'Always', Path: 'Always' },
  // The AWS::MWAA::Environment reference: Name, KmsKey and EndpointManagement replace; in
  // NetworkConfiguration only SubnetIds does (security groups update in place), hence Conditionally.
  'AWS::MWAA::Environment': {
    Name: 'Always',
    KmsKey: 'Always',
    EndpointManagement: 'Always',
    NetworkConfiguration: 'Conditionally',
  },
};
