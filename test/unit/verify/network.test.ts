import { DescribeVpcAttributeCommand } from '../../../src/aws/ec2/commands.js';
import type { Ec2Sender } from '../../../src/verify/types.js';
import { checkPrivateSubnets, checkVpcDns } from '../../../src/verify/index.js';
import {
  PRIVATE_1,
  PRIVATE_2,
  REGION,
  VPC,
  awsError,
  fakeClient,
  healthyEc2,
  subnet,
} from './fakes.js';

const PRIVATES = [PRIVATE_1, PRIVATE_2];

describe('checkVpcDns (ec2:DescribeVpcAttribute)', () => {
  it('passes when DNS support and hostnames are on, asking for each attribute', async () => {
    const ec2 = fakeClient(healthyEc2());
    const result = await checkVpcDns(ec2, VPC);
    expect(result).toMatchObject({
      id: 'vpc-dns',
      ok: true,
      title: 'VPC DNS support and hostnames on',
    });
    expect(ec2.calls.map((c) => c.input.Attribute).sort()).toEqual([
      'enableDnsHostnames',
      'enableDnsSupport',
    ]);
    expect(ec2.calls.every((c) => c.input.VpcId === VPC)).toBe(true);
  });

  it.each([
    ['enableDnsSupport', 'EnableDnsSupport'],
    ['enableDnsHostnames', 'EnableDnsHostnames'],
  ])('fails when %s is off', async (attribute, field) => {
    const ec2 = fakeClient({
      DescribeVpcAttributeCommand: (input: { Attribute: string }) =>
        input.Attribute === attribute
          ? { [field]: { Value: false } }
          : { EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } },
    });
    const result = await checkVpcDns(ec2, VPC);
    expect(result.ok).toBe(false);
    expect(result.severity).toBe('error');
    expect(result.details).toContain(`${VPC} has ${attribute} off`);
  });

  it('fails when the attribute is absent from the response', async () => {
    const ec2 = fakeClient({ DescribeVpcAttributeCommand: () => ({}) });
    const result = await checkVpcDns(ec2, VPC);
    expect(result.ok).toBe(false);
  });

  it('turns an SDK error into a failed result naming the call', async () => {
    const ec2 = fakeClient({
      DescribeVpcAttributeCommand: () => {
        throw awsError('InvalidVpcID.NotFound', `The vpc ID '${VPC}' does not exist`);
      },
    });
    const result = await checkVpcDns(ec2, VPC);
    expect(result.ok).toBe(false);
    expect(result.details).toBe(
      `ec2:DescribeVpcAttribute failed: InvalidVpcID.NotFound: The vpc ID '${VPC}' does not exist`,
    );
  });

  it('dispatches real command classes (instanceof works on what the fake receives)', async () => {
    const seen: unknown[] = [];
    const ec2 = {
      send: async (command: unknown) => {
        seen.push(command);
        return { EnableDnsSupport: { Value: true }, EnableDnsHostnames: { Value: true } };
      },
    } as Ec2Sender;
    expect((await checkVpcDns(ec2, VPC)).ok).toBe(true);
    expect(seen.every((c) => c instanceof DescribeVpcAttributeCommand)).toBe(true);
  });
});

describe('checkPrivateSubnets (ec2:DescribeSubnets)', () => {
  const withSubnets = (...subnets: object[]) =>
    fakeClient({ DescribeSubnetsCommand: () => ({ Subnets: subnets }) });

  it('passes for two private IPv4 subnets of the VPC in two zones', async () => {
    const ec2 = fakeClient(healthyEc2());
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(true);
    expect(result.details).toContain(`${PRIVATE_1} (${REGION}a, 10.192.20.0/24)`);
    expect(ec2.calls[0]?.input).toEqual({ SubnetIds: PRIVATES });
  });

  it('fails when a subnet maps public IPs on launch', async () => {
    const ec2 = withSubnets(subnet(PRIVATE_1, `${REGION}a`, '10.0.1.0/24'), {
      ...subnet(PRIVATE_2, `${REGION}b`, '10.0.2.0/24'),
      MapPublicIpOnLaunch: true,
    });
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${PRIVATE_2} has MapPublicIpOnLaunch true`);
    expect(result.details).not.toContain(PRIVATE_1);
  });

  it('fails when both subnets are in the same Availability Zone', async () => {
    const ec2 = withSubnets(
      subnet(PRIVATE_1, `${REGION}a`, '10.0.1.0/24'),
      subnet(PRIVATE_2, `${REGION}a`, '10.0.2.0/24'),
    );
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`both subnets are in ${REGION}a`);
  });

  it('fails when a subnet is in another VPC', async () => {
    const ec2 = withSubnets(subnet(PRIVATE_1, `${REGION}a`, '10.0.1.0/24'), {
      ...subnet(PRIVATE_2, `${REGION}b`, '10.0.2.0/24'),
      VpcId: 'vpc-0999999999999999f',
    });
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${PRIVATE_2} is in vpc-0999999999999999f, not ${VPC}`);
  });

  it('fails for an IPv6-only subnet', async () => {
    const ec2 = withSubnets(subnet(PRIVATE_1, `${REGION}a`, '10.0.1.0/24'), {
      ...subnet(PRIVATE_2, `${REGION}b`, ''),
      CidrBlock: undefined,
      Ipv6Native: true,
    });
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${PRIVATE_2} has no IPv4 CIDR`);
  });

  it('fails when the same subnet is given twice, without calling AWS twice for it', async () => {
    const ec2 = withSubnets(subnet(PRIVATE_1, `${REGION}a`, '10.0.1.0/24'));
    const result = await checkPrivateSubnets(ec2, VPC, [PRIVATE_1, PRIVATE_1]);
    expect(result.ok).toBe(false);
    expect(result.details).toContain('expected two distinct subnets');
    expect(ec2.calls[0]?.input).toEqual({ SubnetIds: [PRIVATE_1] });
  });

  it('fails when a subnet is not returned', async () => {
    const ec2 = withSubnets(subnet(PRIVATE_1, `${REGION}a`, '10.0.1.0/24'));
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${PRIVATE_2} was not found`);
  });

  it('names the call when DescribeSubnets throws', async () => {
    const ec2 = fakeClient({
      DescribeSubnetsCommand: () => {
        throw awsError('UnauthorizedOperation', 'not authorized');
      },
    });
    const result = await checkPrivateSubnets(ec2, VPC, PRIVATES);
    expect(result).toMatchObject({ ok: false, severity: 'error' });
    expect(result.details).toBe(
      'ec2:DescribeSubnets failed: UnauthorizedOperation: not authorized',
    );
  });
});
