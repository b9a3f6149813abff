/** EC2's read-only views of the deployed network, through the real EC2 client: shapes, filters, errors. */
import {
  DescribeNatGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { StackOutputs } from '../../../src/verify/index.js';
import { cfnClient, errorOf, readClients } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import type { FakeAws } from '../../support/fake-aws/index.js';
import { deployMwaaStacks } from '../../support/fake-aws/mwaa-stacks.js';

let aws: FakeAws;
let ec2: EC2Client;
let net: StackOutputs;
let pre: StackOutputs;

beforeAll(async () => {
  aws = await startFakeAws({ changeSetReadyMs: 5, resourceMs: 1 });
  ({ vpcOutputs: net, prerequisiteOutputs: pre } = await deployMwaaStacks(cfnClient(aws)));
  ec2 = readClients(aws, { maxAttempts: 1 }).ec2;
});
afterAll(() => aws.close());

const vpcId = () => net['VPC']!;

describe('VPCs', () => {
  it('answer DescribeVpcAttribute from the template, with EC2 defaults for what it leaves out', async () => {
    const dns = await ec2.send(
      new DescribeVpcAttributeCommand({ VpcId: vpcId(), Attribute: 'enableDnsSupport' }),
    );
    expect(dns).toMatchObject({ VpcId: vpcId(), EnableDnsSupport: { Value: true } });
    expect(dns.EnableDnsHostnames).toBeUndefined();
    const metrics = await ec2.send(
      new DescribeVpcAttributeCommand({
        VpcId: vpcId(),
        Attribute: 'enableNetworkAddressUsageMetrics',
      }),
    );
    expect(metrics.EnableNetworkAddressUsageMetrics).toEqual({ Value: false });
    const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId()] }));
    expect(Vpcs).toEqual([
      expect.objectContaining({ VpcId: vpcId(), CidrBlock: '10.192.0.0/16', State: 'available' }),
    ]);
    expect(Vpcs?.[0]?.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'Name', Value: 'mwaa-' },
        { Key: 'aws:cloudformation:logical-id', Value: 'VPC' },
      ]),
    );
  });
});

describe('subnets', () => {
  it('describe the private subnets with their VPC, zone, CIDR and no public IPs', async () => {
    const ids = [net['PrivateSubnet1']!, net['PrivateSubnet2']!];
    const { Subnets } = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: ids }));
    expect(Subnets).toEqual([
      expect.objectContaining({
        SubnetId: ids[0],
        VpcId: vpcId(),
        AvailabilityZone: 'us-east-1a',
        AvailabilityZoneId: 'use1-az1',
        CidrBlock: '10.192.20.0/24',
        AvailableIpAddressCount: 251,
        MapPublicIpOnLaunch: false,
        State: 'available',
        DefaultForAz: false,
        Ipv6Native: false,
      }),
      expect.objectContaining({ SubnetId: ids[1], AvailabilityZone: 'us-east-1b' }),
    ]);
  });

  it('filter by VPC and tag, with wildcards, and fail on an unknown ID or filter', async () => {
    const byVpc = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId()] }] }),
    );
    expect(byVpc.Subnets).toHaveLength(4);
    const publicOnes = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'tag:Name', Values: ['*Public*'] }] }),
    );
    expect(publicOnes.Subnets?.map((s) => s.MapPublicIpOnLaunch)).toEqual([true, true]);
    const missing = await errorOf(
      ec2.send(
        new DescribeSubnetsCommand({ SubnetIds: [net['PrivateSubnet1']!, 'subnet-00000000'] }),
      ),
    );
    expect(missing).toMatchObject({
      name: 'InvalidSubnetID.NotFound',
      message: "The subnet ID 'subnet-00000000' does not exist",
    });
    const filter = await errorOf(
      ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'flavour', Values: ['x'] }] })),
    );
    expect(filter).toMatchObject({ name: 'InvalidParameterValue' });
    expect((filter as Error).message).toMatch(/^The filter 'flavour' is invalid/);
  });
});

describe('route tables and NAT gateways', () => {
  it('route each private subnet through its NAT gateway, next to the local route', async () => {
    const subnet = net['PrivateSubnet1']!;
    const { RouteTables } = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'association.subnet-id', Values: [subnet] }],
      }),
    );
    expect(RouteTables).toHaveLength(1);
    const table = RouteTables![0]!;
    expect(table.VpcId).toBe(vpcId());
    expect(table.Routes).toEqual([
      {
        DestinationCidrBlock: '10.192.0.0/16',
        GatewayId: 'local',
        Origin: 'CreateRouteTable',
        State: 'active',
      },
      {
        DestinationCidrBlock: '0.0.0.0/0',
        NatGatewayId: expect.stringMatching(/^nat-[0-9a-f]{17}$/),
        Origin: 'CreateRoute',
        State: 'active',
      },
    ]);
    expect(table.Associations).toEqual([
      {
        Main: false,
        RouteTableAssociationId: expect.stringMatching(/^rtbassoc-/),
        RouteTableId: table.RouteTableId,
        SubnetId: subnet,
        AssociationState: { State: 'associated' },
      },
    ]);
    const natId = table.Routes![1]!.NatGatewayId!;
    const { NatGateways } = await ec2.send(
      new DescribeNatGatewaysCommand({ NatGatewayIds: [natId] }),
    );
    expect(NatGateways?.[0]).toMatchObject({
      NatGatewayId: natId,
      State: 'available',
      VpcId: vpcId(),
      SubnetId: net['PublicSubnet1'],
      ConnectivityType: 'public',
      NatGatewayAddresses: [
        expect.objectContaining({
          AllocationId: expect.stringMatching(/^eipalloc-/),
          PublicIp: expect.stringMatching(/^54\./),
          PrivateIp: expect.stringMatching(/^10\.192\.10\.\d+$/),
          IsPrimary: true,
        }),
      ],
    });
  });

  it("give every VPC a main route table, and the public subnets' table a route to the internet gateway", async () => {
    const main = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [
          { Name: 'vpc-id', Values: [vpcId()] },
          { Name: 'association.main', Values: ['true'] },
        ],
      }),
    );
    expect(main.RouteTables).toHaveLength(1);
    expect(main.RouteTables?.[0]?.Routes).toEqual([
      expect.objectContaining({ GatewayId: 'local' }),
    ]);
    expect(main.RouteTables?.[0]?.Associations?.[0]).toMatchObject({ Main: true });
    const igw = await ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: 'route.gateway-id', Values: ['igw-*'] }],
      }),
    );
    expect(igw.RouteTables?.[0]?.Associations?.map((a) => a.SubnetId).sort()).toEqual(
      [net['PublicSubnet1'], net['PublicSubnet2']].sort(),
    );
    const missing = await errorOf(
      ec2.send(new DescribeNatGatewaysCommand({ NatGatewayIds: ['nat-0'] })),
    );
    expect(missing).toMatchObject({ name: 'NatGatewayNotFound' });
  });
});

describe('security groups', () => {
  it("merge the group's egress and the standalone self-referencing ingress", async () => {
    const groupId = pre['SecurityGroupId']!;
    const { SecurityGroups } = await ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }),
    );
    expect(SecurityGroups?.[0]).toMatchObject({
      GroupId: groupId,
      VpcId: vpcId(),
      OwnerId: '123456789012',
      GroupName: expect.stringMatching(/^pre-SecurityGroup-[0-9A-F]{12}$/),
      IpPermissions: [
        {
          IpProtocol: '-1',
          UserIdGroupPairs: [
            {
              GroupId: groupId,
              UserId: '123456789012',
              Description: "All traffic from the environment's own security group",
            },
          ],
          IpRanges: [],
          Ipv6Ranges: [],
          PrefixListIds: [],
        },
      ],
      IpPermissionsEgress: [
        expect.objectContaining({
          IpProtocol: '-1',
          IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'All outbound traffic' }],
        }),
      ],
    });
  });

  it("keep EC2's default egress rule when the group declares none, and describe the VPC's default group", async () => {
    const { SecurityGroups } = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId()] }] }),
    );
    const byName = new Map(SecurityGroups?.map((g) => [g.GroupName, g]));
    expect(byName.get('no-ingress-sg')).toMatchObject({
      IpPermissions: [],
      IpPermissionsEgress: [
        expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }),
      ],
    });
    const defaultGroup = byName.get('default')!;
    expect(defaultGroup.IpPermissions?.[0]?.UserIdGroupPairs?.[0]?.GroupId).toBe(
      defaultGroup.GroupId,
    );
    const missing = await errorOf(
      ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: ['sg-00000000'] })),
    );
    expect(missing).toMatchObject({
      name: 'InvalidGroup.NotFound',
      message: "The security group 'sg-00000000' does not exist",
    });
  });
});
