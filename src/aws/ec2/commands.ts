/**
 * The five read-only EC2 calls verification makes, as commands for {@link Ec2Reader}: each
 * names its Query action, writes its input as EC2 Query parameters (a list member `Foo.N`, from
 * the member's `locationName`, as the EC2 protocol does) and reads the response XML into the
 * SDK's own result shapes (only their types come from `@aws-sdk/client-ec2`, which is never
 * loaded). The class names are the SDK's, so code and tests dispatching on them keep working.
 */
import type {
  DescribeNatGatewaysRequest,
  DescribeNatGatewaysResult,
  DescribeRouteTablesRequest,
  DescribeRouteTablesResult,
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult,
  DescribeSubnetsRequest,
  DescribeSubnetsResult,
  DescribeVpcAttributeRequest,
  DescribeVpcAttributeResult,
  Filter,
} from '@aws-sdk/client-ec2';
import { natGateway, routeTable, securityGroup, subnet } from './shapes.js';
import { bool, child, defined, items, text, type XmlObject } from './xml.js';

/** Query parameters of a call, without Action and Version. */
export type QueryParams = Record<string, string>;

/** One EC2 Query call: the action, its parameters, and how to read its answer. */
export abstract class Ec2Command<Input extends object, Output extends object> {
  abstract readonly action: string;
  constructor(readonly input: Input) {}
  abstract params(): QueryParams;
  abstract parse(response: XmlObject): Output;
  /** The next page joined to this one; undefined when the call does not page. */
  merge?(first: Output, next: Output): Output;
}

/** `Prefix.1`, `Prefix.2`, … for a list member, as the EC2 protocol writes lists. */
function list(prefix: string, values: readonly string[] | undefined): QueryParams {
  const out: QueryParams = {};
  (values ?? []).forEach((v, i) => (out[`${prefix}.${i + 1}`] = v));
  return out;
}

function filters(values: readonly Filter[] | undefined): QueryParams {
  const out: QueryParams = {};
  (values ?? []).forEach((f, i) => {
    if (f.Name !== undefined) out[`Filter.${i + 1}.Name`] = f.Name;
    Object.assign(out, list(`Filter.${i + 1}.Value`, f.Values));
  });
  return out;
}

function paging(input: { NextToken?: string; MaxResults?: number }): QueryParams {
  const out: QueryParams = {};
  if (input.NextToken !== undefined) out.NextToken = input.NextToken;
  if (input.MaxResults !== undefined) out.MaxResults = String(input.MaxResults);
  return out;
}

export class DescribeVpcAttributeCommand extends Ec2Command<
  DescribeVpcAttributeRequest,
  DescribeVpcAttributeResult
> {
  readonly action = 'DescribeVpcAttribute';
  params(): QueryParams {
    const out: QueryParams = { Attribute: this.input.Attribute ?? '' };
    if (this.input.VpcId !== undefined) out.VpcId = this.input.VpcId;
    return out;
  }
  parse(r: XmlObject): DescribeVpcAttributeResult {
    const value = (key: string) => {
      const node = child(r, key);
      return node === undefined ? undefined : { Value: bool(node, 'value') };
    };
    const out: DescribeVpcAttributeResult = { VpcId: text(r, 'vpcId') };
    const support = value('enableDnsSupport');
    const hostnames = value('enableDnsHostnames');
    if (support !== undefined) out.EnableDnsSupport = support;
    if (hostnames !== undefined) out.EnableDnsHostnames = hostnames;
    return out;
  }
}

export class DescribeSubnetsCommand extends Ec2Command<
  DescribeSubnetsRequest,
  DescribeSubnetsResult
> {
  readonly action = 'DescribeSubnets';
  params(): QueryParams {
    const i = this.input;
    return { ...list('SubnetId', i.SubnetIds), ...filters(i.Filters), ...paging(i) };
  }
  parse(r: XmlObject): DescribeSubnetsResult {
    return defined({ Subnets: items(r, 'subnetSet').map(subnet), NextToken: text(r, 'nextToken') });
  }
  override merge(a: DescribeSubnetsResult, b: DescribeSubnetsResult): DescribeSubnetsResult {
    return defined({
      Subnets: [...(a.Subnets ?? []), ...(b.Subnets ?? [])],
      NextToken: b.NextToken,
    });
  }
}

export class DescribeRouteTablesCommand extends Ec2Command<
  DescribeRouteTablesRequest,
  DescribeRouteTablesResult
> {
  readonly action = 'DescribeRouteTables';
  params(): QueryParams {
    const i = this.input;
    return { ...list('RouteTableId', i.RouteTableIds), ...filters(i.Filters), ...paging(i) };
  }
  parse(r: XmlObject): DescribeRouteTablesResult {
    return defined({
      RouteTables: items(r, 'routeTableSet').map(routeTable),
      NextToken: text(r, 'nextToken'),
    });
  }
  override merge(
    a: DescribeRouteTablesResult,
    b: DescribeRouteTablesResult,
  ): DescribeRouteTablesResult {
    return defined({
      RouteTables: [...(a.RouteTables ?? []), ...(b.RouteTables ?? [])],
      NextToken: b.NextToken,
    });
  }
}

export class DescribeNatGatewaysCommand extends Ec2Command<
  DescribeNatGatewaysRequest,
  DescribeNatGatewaysResult
> {
  readonly action = 'DescribeNatGateways';
  params(): QueryParams {
    const i = this.input;
    // DescribeNatGateways names its filter list `Filter` too (locationName), like the others.
    return { ...list('NatGatewayId', i.NatGatewayIds), ...filters(i.Filter), ...paging(i) };
  }
  parse(r: XmlObject): DescribeNatGatewaysResult {
    return defined({
      NatGateways: items(r, 'natGatewaySet').map(natGateway),
      NextToken: text(r, 'nextToken'),
    });
  }
  override merge(
    a: DescribeNatGatewaysResult,
    b: DescribeNatGatewaysResult,
  ): DescribeNatGatewaysResult {
    return defined({
      NatGateways: [...(a.NatGateways ?? []), ...(b.NatGateways ?? [])],
      NextToken: b.NextToken,
    });
  }
}

export class DescribeSecurityGroupsCommand extends Ec2Command<
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult
> {
  readonly action = 'DescribeSecurityGroups';
  params(): QueryParams {
    const i = this.input;
    return {
      ...list('GroupId', i.GroupIds),
      ...list('GroupName', i.GroupNames),
      ...filters(i.Filters),
      ...paging(i),
    };
  }
  parse(r: XmlObject): DescribeSecurityGroupsResult {
    return defined({
      SecurityGroups: items(r, 'securityGroupInfo').map(securityGroup),
      NextToken: text(r, 'nextToken'),
    });
  }
  override merge(
    a: DescribeSecurityGroupsResult,
    b: DescribeSecurityGroupsResult,
  ): DescribeSecurityGroupsResult {
    return defined({
      SecurityGroups: [...(a.SecurityGroups ?? []), ...(b.SecurityGroups ?? [])],
      NextToken: b.NextToken,
    });
  }
}
