/** templates/vpc.yaml against seed 004's VPC template. */
import { checkParameters, resolve } from '../../../src/templates/index.js';
import type { CfnTemplate } from '../../../src/templates/index.js';
import { builtIn, evaluate } from '../../support/templates/context.js';
import {
  SEED_VPC_DESCRIPTION,
  SEED_VPC_OUTPUTS,
  SEED_VPC_PARAMETERS,
  SEED_VPC_RESOURCES,
} from '../../support/templates/seed-vpc.js';

let template: CfnTemplate;
beforeAll(async () => {
  template = await builtIn('vpc');
});

const ofType = (type: string) =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === type);

describe('VPC template', () => {
  test('declares its format version and keeps the seed description', () => {
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(template.Description).toBe(SEED_VPC_DESCRIPTION);
  });

  test('has the seed parameters, descriptions and defaults', () => {
    const params = template.Parameters!;
    expect(Object.keys(params)).toStrictEqual(Object.keys(SEED_VPC_PARAMETERS));
    for (const [name, seed] of Object.entries(SEED_VPC_PARAMETERS)) {
      const { Description, Type, Default } = params[name]!;
      expect([name, { Description, Type, Default }]).toStrictEqual([name, seed]);
    }
  });

  // VPC, IGW, attachment, 4 subnets, 2 EIPs, 2 NAT gateways, public route table, route and
  // 2 associations, 2 private route tables, 2 routes and 2 associations, NoIngressSecurityGroup.
  test('the 22 seed resources, in order, with their types', () => {
    const actual = Object.entries(template.Resources).map(([id, r]) => [id, r.Type]);
    const seed = Object.entries(SEED_VPC_RESOURCES).map(([id, r]) => [id, r.Type]);
    expect(seed).toHaveLength(22);
    expect(actual).toStrictEqual(seed);
  });

  test.each(Object.keys(SEED_VPC_RESOURCES))('%s is the seed resource, property by property', (id) => {
    expect(template.Resources[id]).toStrictEqual(
      SEED_VPC_RESOURCES[id as keyof typeof SEED_VPC_RESOURCES],
    );
  });

  test('has the seed outputs', () => {
    expect(template.Outputs).toStrictEqual(SEED_VPC_OUTPUTS);
  });

  test('every Tags property is a list of {Key, Value}', () => {
    const tagged = Object.values(template.Resources).filter((r) => r.Properties?.['Tags']);
    expect(tagged).toHaveLength(9);
    for (const r of tagged) {
      const tags = r.Properties!['Tags'] as unknown[];
      expect(Array.isArray(tags)).toBe(true);
      for (const tag of tags) expect(Object.keys(tag as object).sort()).toStrictEqual(['Key', 'Value']);
    }
  });

  test('DNS support and hostnames are on', () => {
    expect(template.Resources['VPC']!.Properties).toMatchObject({
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
    });
  });

  test('public subnets map public IPs, private ones do not; each pair spans two AZs', () => {
    const { properties } = evaluate(template, {});
    const subnet = (id: string) => properties(id);
    expect(subnet('PublicSubnet1')['MapPublicIpOnLaunch']).toBe(true);
    expect(subnet('PublicSubnet2')['MapPublicIpOnLaunch']).toBe(true);
    expect(subnet('PrivateSubnet1')['MapPublicIpOnLaunch']).toBe(false);
    expect(subnet('PrivateSubnet2')['MapPublicIpOnLaunch']).toBe(false);
    expect(subnet('PrivateSubnet1')['AvailabilityZone']).toBe('eu-west-1a');
    expect(subnet('PrivateSubnet2')['AvailabilityZone']).toBe('eu-west-1b');
    expect(subnet('PublicSubnet1')['AvailabilityZone']).toBe('eu-west-1a');
    expect(subnet('PublicSubnet2')['AvailabilityZone']).toBe('eu-west-1b');
  });

  test('public subnets route 0.0.0.0/0 to the internet gateway', () => {
    const routes = ofType('AWS::EC2::Route').filter(([, r]) => r.Properties!['GatewayId']);
    expect(routes.map(([id]) => id)).toStrictEqual(['DefaultPublicRoute']);
    const associated = ofType('AWS::EC2::SubnetRouteTableAssociation')
      .filter(([, a]) => JSON.stringify(a.Properties!['RouteTableId']) === '{"Ref":"PublicRouteTable"}')
      .map(([, a]) => a.Properties!['SubnetId']);
    expect(associated).toStrictEqual([{ Ref: 'PublicSubnet1' }, { Ref: 'PublicSubnet2' }]);
  });

  test.each([
    ['PrivateSubnet1', 'PrivateRouteTable1', 'NatGateway1', 'PublicSubnet1'],
    ['PrivateSubnet2', 'PrivateRouteTable2', 'NatGateway2', 'PublicSubnet2'],
  ])('%s routes 0.0.0.0/0 to the NAT gateway of its AZ, never to the IGW', (subnet, table, nat, pub) => {
    const associations = ofType('AWS::EC2::SubnetRouteTableAssociation').filter(
      ([, a]) => JSON.stringify(a.Properties!['SubnetId']) === JSON.stringify({ Ref: subnet }),
    );
    expect(associations.map(([, a]) => a.Properties!['RouteTableId'])).toStrictEqual([{ Ref: table }]);
    const routes = ofType('AWS::EC2::Route').filter(
      ([, r]) => JSON.stringify(r.Properties!['RouteTableId']) === JSON.stringify({ Ref: table }),
    );
    expect(routes.map(([, r]) => r.Properties)).toStrictEqual([
      { RouteTableId: { Ref: table }, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: nat } },
    ]);
    expect(template.Resources[nat]!.Properties!['SubnetId']).toStrictEqual({ Ref: pub });
  });

  test('the defaults pass the CIDR patterns; malformed or IPv6 CIDRs and prefixes outside /16-/28 do not', () => {
    expect(checkParameters(template)).toStrictEqual([]);
    for (const bad of ['10.0.0.0/8', '10.0.0.0/29', '10.0.0.0', '300.1.1.0/24', '2001:db8::/64']) {
      expect([bad, checkParameters(template, { VpcCIDR: bad })]).toStrictEqual([
        bad,
        [expect.stringContaining('Parameter VpcCIDR must match')],
      ]);
    }
  });

  test('names resources after EnvironmentName', () => {
    const { ctx } = evaluate(template, { EnvironmentName: 'prod' });
    const props = resolve(template.Resources['PrivateSubnet1']!.Properties, ctx);
    expect(props).toMatchObject({ Tags: [{ Key: 'Name', Value: 'prod Private Subnet (AZ1)' }] });
  });
});
