import { checkSecurityGroup } from '../../../src/verify/index.js';
import { EGRESS_ALL, SELF_ALL, SG, VPC, fakeClient } from './fakes.js';

function ec2WithGroup(group: object) {
  return fakeClient({ DescribeSecurityGroupsCommand: () => ({ SecurityGroups: [group] }) });
}

const tcpFromSelf = (port: number) => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  UserIdGroupPairs: [{ GroupId: SG }],
});

describe('checkSecurityGroup (ec2:DescribeSecurityGroups)', () => {
  it('passes with all traffic from itself and all traffic out', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [SELF_ALL],
      IpPermissionsEgress: [EGRESS_ALL],
    });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result).toMatchObject({ id: 'security-group', ok: true });
    expect(result.details).toContain('all traffic from itself');
    expect(ec2.calls[0]?.input).toEqual({ GroupIds: [SG] });
  });

  it('passes with only TCP 443 and 5432 from itself', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [tcpFromSelf(443), tcpFromSelf(5432)],
      IpPermissionsEgress: [EGRESS_ALL],
    });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result.ok).toBe(true);
    expect(result.details).toContain('TCP 443, 5432 from itself');
  });

  it('fails when only 443 is allowed from itself', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [tcpFromSelf(443)],
      IpPermissionsEgress: [EGRESS_ALL],
    });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result.ok).toBe(false);
    expect(result.details).toContain('missing TCP 5432');
  });

  it('fails without a self-referencing rule (all traffic from a CIDR is not the same)', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.192.0.0/16' }] }],
      IpPermissionsEgress: [EGRESS_ALL],
    });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`${SG} has no inbound rule from itself`);
  });

  it('fails when the all-traffic rule references another group', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [
        { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-0aaaaaaaaaaaaaaaa' }] },
      ],
      IpPermissionsEgress: [EGRESS_ALL],
    });
    expect((await checkSecurityGroup(ec2, VPC, SG)).ok).toBe(false);
  });

  it('fails without egress to 0.0.0.0/0', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [SELF_ALL],
      IpPermissionsEgress: [],
    });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result.ok).toBe(false);
    expect(result.details).toBe(`${SG} has no outbound rule for all traffic to 0.0.0.0/0`);
  });

  it('fails when egress is only HTTPS', async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: VPC,
      IpPermissions: [SELF_ALL],
      IpPermissionsEgress: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    });
    expect((await checkSecurityGroup(ec2, VPC, SG)).ok).toBe(false);
  });

  it("fails when the group is not in the subnets' VPC", async () => {
    const ec2 = ec2WithGroup({
      GroupId: SG,
      VpcId: 'vpc-0999999999999999f',
      IpPermissions: [SELF_ALL],
      IpPermissionsEgress: [EGRESS_ALL],
    });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`not the subnets' VPC ${VPC}`);
  });

  it('fails when the group is not returned', async () => {
    const ec2 = fakeClient({ DescribeSecurityGroupsCommand: () => ({ SecurityGroups: [] }) });
    const result = await checkSecurityGroup(ec2, VPC, SG);
    expect(result).toMatchObject({ ok: false, details: `${SG} was not found` });
  });
});
