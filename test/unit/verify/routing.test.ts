import { checkPrivateRouting } from '../../../src/verify/index.js';
import type { Handler } from './fakes.js';
import {
  IGW,
  NAT_1,
  NAT_2,
  PRIVATE_1,
  PRIVATE_2,
  VPC,
  awsError,
  fakeClient,
  healthyEc2,
  routeTable,
} from './fakes.js';

const PRIVATES = [PRIVATE_1, PRIVATE_2];

function ec2With(overrides: Record<string, Handler>) {
  return fakeClient({ ...healthyEc2(), ...overrides });
}

/** DescribeRouteTables that answers the association filter and the main-table filter apart. */
function routeTables(associated: object[], main: object[] = []): Handler {
  return (input: { Filters: { Name: string }[] }) =>
    input.Filters.some((f) => f.Name === 'association.main')
      ? { RouteTables: main }
      : { RouteTables: associated };
}

describe('checkPrivateRouting (ec2:DescribeRouteTables, ec2:DescribeNatGateways)', () => {
  it('passes when each private subnet routes 0.0.0.0/0 to an available NAT gateway', async () => {
    const ec2 = ec2With({});
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result).toMatchObject({ id: 'private-routing', ok: true });
    expect(result.details).toBe(`${PRIVATE_1} → ${NAT_1}, ${PRIVATE_2} → ${NAT_2}`);
    expect(ec2.calls.map((c) => c.name)).toEqual([
      'DescribeRouteTablesCommand',
      'DescribeNatGatewaysCommand',
    ]);
    expect(ec2.calls[0]?.input).toEqual({
      Filters: [{ Name: 'association.subnet-id', Values: PRIVATES }],
    });
    expect(ec2.calls[1]?.input).toEqual({ NatGatewayIds: [NAT_1, NAT_2] });
  });

  it('fails when a private subnet routes to an internet gateway', async () => {
    const ec2 = ec2With({
      DescribeRouteTablesCommand: routeTables([
        routeTable('rtb-01', PRIVATE_1, NAT_1),
        routeTable('rtb-02', PRIVATE_2, IGW),
      ]),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(
      `${PRIVATE_2} (route table rtb-02) routes 0.0.0.0/0 to internet gateway ${IGW}`,
    );
    expect(result.details).not.toContain(PRIVATE_1);
  });

  it('fails when the NAT gateway is not available', async () => {
    const ec2 = ec2With({
      DescribeNatGatewaysCommand: () => ({
        NatGateways: [
          { NatGatewayId: NAT_1, State: 'available', VpcId: VPC },
          { NatGatewayId: NAT_2, State: 'failed', VpcId: VPC },
        ],
      }),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toBe(`NAT gateway ${NAT_2} is failed, not available`);
  });

  it('fails when the NAT gateway is not found', async () => {
    const ec2 = ec2With({ DescribeNatGatewaysCommand: () => ({ NatGateways: [] }) });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`NAT gateway ${NAT_1} was not found`);
  });

  it('uses the main route table for a subnet with no explicit association', async () => {
    const main = { ...routeTable('rtb-main', 'unused', NAT_2), Associations: [{ Main: true }] };
    const ec2 = ec2With({
      DescribeRouteTablesCommand: routeTables([routeTable('rtb-01', PRIVATE_1, NAT_1)], [main]),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(true);
    expect(result.details).toContain(`${PRIVATE_2} → ${NAT_2}`);
    expect(ec2.calls[1]?.input).toEqual({
      Filters: [
        { Name: 'vpc-id', Values: [VPC] },
        { Name: 'association.main', Values: ['true'] },
      ],
    });
  });

  it('fails when the main route table, used by an unassociated subnet, routes to the internet gateway', async () => {
    const main = { ...routeTable('rtb-main', 'unused', IGW), Associations: [{ Main: true }] };
    const ec2 = ec2With({
      DescribeRouteTablesCommand: routeTables([routeTable('rtb-01', PRIVATE_1, NAT_1)], [main]),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(
      `${PRIVATE_2} (route table rtb-main, the VPC main table) routes 0.0.0.0/0 to internet gateway ${IGW}`,
    );
  });

  it('fails when there is no default route', async () => {
    const table = routeTable('rtb-01', PRIVATE_1, NAT_1);
    const noDefault = { ...table, Routes: table.Routes.slice(0, 1) };
    const ec2 = ec2With({
      DescribeRouteTablesCommand: routeTables([noDefault, routeTable('rtb-02', PRIVATE_2, NAT_2)]),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${PRIVATE_1} (route table rtb-01) has no 0.0.0.0/0 route`);
  });

  it('fails when the default route is a blackhole', async () => {
    const table = routeTable('rtb-01', PRIVATE_1, NAT_1);
    const blackhole = {
      ...table,
      Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: NAT_1, State: 'blackhole' }],
    };
    const ec2 = ec2With({
      DescribeRouteTablesCommand: routeTables([blackhole, routeTable('rtb-02', PRIVATE_2, NAT_2)]),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain('blackhole');
  });

  it('fails when a subnet has no association and the VPC reports no main table', async () => {
    const ec2 = ec2With({
      DescribeRouteTablesCommand: routeTables([routeTable('rtb-01', PRIVATE_1, NAT_1)], []),
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${PRIVATE_2} has no route table`);
  });

  it('names DescribeNatGateways when it throws', async () => {
    const ec2 = ec2With({
      DescribeNatGatewaysCommand: () => {
        throw awsError('UnauthorizedOperation', 'denied');
      },
    });
    const result = await checkPrivateRouting(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toBe('ec2:DescribeNatGateways failed: UnauthorizedOperation: denied');
  });
});
