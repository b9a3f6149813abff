/**
 * DescribeSecurityGroups: the groups the stacks made, each VPC's `default` group, and their
 * rules gathered as EC2 reports them. Inbound rules come from the group's SecurityGroupIngress
 * and from AWS::EC2::SecurityGroupIngress resources naming it; outbound ones likewise, and when
 * the group itself declares none, the all-traffic rule EC2 gives every new group remains (as with
 * CloudFormation). Rules with the same protocol and ports are merged into one permission.
 */
import { derivedHex, select, tagSet } from './ec2-common.js';
import type { Described } from './ec2-common.js';
import { text } from './inventory.js';
import type { Inventory, LiveResource } from './inventory.js';
import { ec2Filters, ec2List } from './protocols.js';
import type { Tag } from './types.js';
import { AwsError } from './wire.js';

type Rule = Record<string, unknown>;
type Permission = {
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  groups: Record<string, unknown>[];
  ipRanges: Record<string, unknown>[];
  ipv6Ranges: Record<string, unknown>[];
  prefixListIds: Record<string, unknown>[];
};

const ALL_TRAFFIC: Rule = { IpProtocol: '-1', CidrIp: '0.0.0.0/0' };
const PROTOCOLS: Readonly<Record<string, string>> = { '6': 'tcp', '17': 'udp', '1': 'icmp' };
const FILTERS = ['group-id', 'group-name', 'vpc-id', 'owner-id', 'description'];

interface Group {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly resource: LiveResource;
  readonly tags: readonly Tag[];
  readonly ingress: Rule[];
  readonly egress: Rule[];
}

function rulesList(value: unknown): Rule[] {
  return Array.isArray(value)
    ? value.filter((r): r is Rule => typeof r === 'object' && r !== null)
    : [];
}

function port(value: unknown): number | undefined {
  const n = Number(value);
  return value === undefined || value === '' || Number.isNaN(n) ? undefined : n;
}

function permissions(rules: readonly Rule[], inbound: boolean, accountId: string): Permission[] {
  const merged = new Map<string, Permission>();
  for (const rule of rules) {
    const raw = text(rule['IpProtocol']).toLowerCase();
    const ipProtocol = PROTOCOLS[raw] ?? raw;
    const all = ipProtocol === '-1';
    const fromPort = all ? undefined : port(rule['FromPort']);
    const toPort = all ? undefined : port(rule['ToPort']);
    const key = `${ipProtocol}|${fromPort}|${toPort}`;
    const permission = merged.get(key) ?? {
      ipProtocol,
      fromPort,
      toPort,
      groups: [],
      ipRanges: [],
      ipv6Ranges: [],
      prefixListIds: [],
    };
    merged.set(key, permission);
    const description = text(rule['Description']) || undefined;
    const cidr = text(rule['CidrIp']);
    if (cidr) permission.ipRanges.push({ description, cidrIp: cidr });
    const cidr6 = text(rule['CidrIpv6']);
    if (cidr6) permission.ipv6Ranges.push({ description, cidrIpv6: cidr6 });
    const group = text(rule[inbound ? 'SourceSecurityGroupId' : 'DestinationSecurityGroupId']);
    const owner = text(rule['SourceSecurityGroupOwnerId']) || accountId;
    if (group) permission.groups.push({ description, userId: owner, groupId: group });
    const prefix = text(rule[inbound ? 'SourcePrefixListId' : 'DestinationPrefixListId']);
    if (prefix) permission.prefixListIds.push({ description, prefixListId: prefix });
  }
  return [...merged.values()];
}

/** Rules of standalone AWS::EC2::SecurityGroupIngress/Egress resources aimed at a group. */
function standalone(inv: Inventory, type: string, id: string, name: string): Rule[] {
  return inv
    .ofType(type)
    .filter((r) => {
      const p = r.properties;
      return text(p['GroupId']) === id || (name !== '' && text(p['GroupName']) === name);
    })
    .map((r) => r.properties);
}

function groupsOf(inv: Inventory): Group[] {
  const groups: Group[] = [];
  for (const vpc of inv.ofType('AWS::EC2::VPC')) {
    const id = vpc.attributes['DefaultSecurityGroup'];
    if (!id) continue;
    const ingress = [{ IpProtocol: '-1', SourceSecurityGroupId: id }];
    const common = { id, name: 'default', vpcId: vpc.physicalId, resource: vpc, tags: [] };
    const description = 'default VPC security group';
    groups.push({ ...common, description, ingress, egress: [ALL_TRAFFIC] });
  }
  for (const r of inv.ofType('AWS::EC2::SecurityGroup')) {
    const p = r.properties;
    const generated = r.stackName
      ? `${r.stackName}-${r.logicalId ?? ''}-${derivedHex(r.physicalId, 12).toUpperCase()}`
      : r.physicalId;
    const name = text(p['GroupName']) || generated;
    const declaredEgress = rulesList(p['SecurityGroupEgress']);
    const egress = [
      ...(declaredEgress.length > 0 ? declaredEgress : [ALL_TRAFFIC]),
      ...standalone(inv, 'AWS::EC2::SecurityGroupEgress', r.physicalId, ''),
    ];
    const ingress = [
      ...rulesList(p['SecurityGroupIngress']),
      ...standalone(inv, 'AWS::EC2::SecurityGroupIngress', r.physicalId, name),
    ];
    const vpcId = text(p['VpcId']);
    const description = text(p['GroupDescription']);
    groups.push({
      id: r.physicalId,
      name,
      description,
      vpcId,
      resource: r,
      tags: r.tags,
      ingress,
      egress,
    });
  }
  return groups;
}

function describe(g: Group): Described {
  const { accountId, region } = g.resource;
  const item = {
    groupId: g.id,
    ipPermissionsEgress: permissions(g.egress, false, accountId),
    tagSet: tagSet(g.tags),
    vpcId: g.vpcId || undefined,
    securityGroupArn: `arn:aws:ec2:${region}:${accountId}:security-group/${g.id}`,
    ownerId: accountId,
    groupName: g.name,
    groupDescription: g.description,
    ipPermissions: permissions(g.ingress, true, accountId),
  };
  const fields = {
    'group-id': [g.id],
    'group-name': [g.name],
    'vpc-id': [g.vpcId],
    'owner-id': [accountId],
    description: [g.description],
  };
  return { id: g.id, item, fields, tags: g.tags };
}

export function describeSecurityGroups(inv: Inventory, params: Record<string, unknown>): unknown {
  const all = groupsOf(inv).map(describe);
  const notFound = (id: string): AwsError =>
    new AwsError('InvalidGroup.NotFound', `The security group '${id}' does not exist`);
  const names = ec2List(params, 'GroupName');
  for (const name of names) {
    if (!all.some((d) => d.fields['group-name']?.includes(name))) throw notFound(name);
  }
  const filters = ec2Filters(params);
  if (names.length > 0) filters.push({ name: 'group-name', values: names });
  const groups = select(all, ec2List(params, 'GroupId'), filters, FILTERS, notFound);
  return { securityGroupInfo: groups };
}
