/**
 * What CloudFormation does with the deploy role's permissions for each resource type of the two
 * templates, as IAM requests with the keys IAM sees (aws:CalledVia, the resources' stack tag, the
 * role's permissions boundary, a key's key policy).
 */
import type { LiveResource } from '../fake-aws/index.js';
import { ACCOUNT, REGION } from './access-template.js';
import type { IamRequest, PolicyDocument, RequestContext } from './iam-policy.js';
import { takes } from './simulate.js';

export const keyArn = (id: string): string =>
  id.startsWith('arn:')
    ? id
    : id.startsWith('alias/')
      ? `arn:aws:kms:${REGION}:${ACCOUNT}:${id}`
      : `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;

/** The request context of a call CloudFormation makes on the caller's behalf. */
export const VIA_CLOUDFORMATION = { 'aws:CalledVia': ['cloudformation.amazonaws.com'] } as const;

const ec2 = (kind: string, id: unknown): string =>
  `arn:aws:ec2:${REGION}:${ACCOUNT}:${kind}/${String(id ?? '')}`;

interface Provisioning {
  /**
   * Every action CloudFormation's handler for the type may make on this template's resource:
   * create, read back, update, delete (what the template's DeletionPolicy needs), tag.
   */
  readonly actions: readonly string[];
  /** The ARNs those actions are authorized against (all of them must be allowed). */
  readonly arns: (r: LiveResource) => readonly string[];
  /** The actions that make the resource: its own ARN (the first) has no tag yet for them. */
  readonly creates?: readonly string[];
}

/**
 * Per resource type of the two templates: what CloudFormation does with the deploy role's
 * permissions. Reviewed against the resource providers' handler permissions (the published
 * schemas of AWS::EC2::NatGateway, AWS::KMS::Key and AWS::KMS::Alias list exactly these) and the
 * service authorization reference for the others. Reads that take no resource-level permission
 * (ec2:Describe*, kms:ListAliases, kms:CreateKey) are checked against '*'.
 * Not listed: s3:DeleteBucket and kms:ScheduleKeyDeletion, needed only when a failed create
 * rolls back (see RETAINED).
 */
export const PROVISIONING: Readonly<Record<string, Provisioning>> = {
  'AWS::EC2::VPC': {
    creates: ['ec2:CreateVpc', 'ec2:CreateTags'],
    actions: [
      'ec2:CreateVpc',
      'ec2:DescribeVpcs',
      'ec2:ModifyVpcAttribute',
      'ec2:DescribeVpcAttribute',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeNetworkAcls',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DeleteVpc',
    ],
    arns: (r) => [ec2('vpc', r.physicalId)],
  },
  'AWS::EC2::InternetGateway': {
    creates: ['ec2:CreateInternetGateway', 'ec2:CreateTags'],
    actions: [
      'ec2:CreateInternetGateway',
      'ec2:DescribeInternetGateways',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DeleteInternetGateway',
    ],
    arns: (r) => [ec2('internet-gateway', r.physicalId)],
  },
  'AWS::EC2::VPCGatewayAttachment': {
    actions: [
      'ec2:AttachInternetGateway',
      'ec2:DetachInternetGateway',
      'ec2:DescribeInternetGateways',
    ],
    arns: (r) => [
      ec2('internet-gateway', r.properties.InternetGatewayId),
      ec2('vpc', r.properties.VpcId),
    ],
  },
  'AWS::EC2::Subnet': {
    creates: ['ec2:CreateSubnet', 'ec2:CreateTags'],
    actions: [
      'ec2:CreateSubnet',
      'ec2:DescribeSubnets',
      'ec2:ModifySubnetAttribute',
      'ec2:DescribeNetworkAcls',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DeleteSubnet',
    ],
    arns: (r) => [ec2('subnet', r.physicalId), ec2('vpc', r.properties.VpcId)],
  },
  'AWS::EC2::EIP': {
    creates: ['ec2:AllocateAddress', 'ec2:CreateTags'],
    actions: [
      'ec2:AllocateAddress',
      'ec2:DescribeAddresses',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:ReleaseAddress',
    ],
    arns: (r) => [ec2('elastic-ip', r.attributes.AllocationId)],
  },
  'AWS::EC2::NatGateway': {
    creates: ['ec2:CreateNatGateway', 'ec2:CreateTags'],
    actions: [
      'ec2:CreateNatGateway',
      'ec2:DescribeNatGateways',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DeleteNatGateway',
    ],
    arns: (r) => [
      ec2('natgateway', r.physicalId),
      ec2('subnet', r.properties.SubnetId),
      ec2('elastic-ip', r.properties.AllocationId),
    ],
  },
  'AWS::EC2::RouteTable': {
    creates: ['ec2:CreateRouteTable', 'ec2:CreateTags'],
    actions: [
      'ec2:CreateRouteTable',
      'ec2:DescribeRouteTables',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DeleteRouteTable',
    ],
    arns: (r) => [ec2('route-table', r.physicalId), ec2('vpc', r.properties.VpcId)],
  },
  'AWS::EC2::Route': {
    actions: ['ec2:CreateRoute', 'ec2:ReplaceRoute', 'ec2:DescribeRouteTables', 'ec2:DeleteRoute'],
    arns: (r) => [ec2('route-table', r.properties.RouteTableId)],
  },
  'AWS::EC2::SubnetRouteTableAssociation': {
    actions: [
      'ec2:AssociateRouteTable',
      'ec2:ReplaceRouteTableAssociation',
      'ec2:DescribeRouteTables',
      'ec2:DescribeSubnets',
      'ec2:DisassociateRouteTable',
    ],
    arns: (r) => [
      ec2('route-table', r.properties.RouteTableId),
      ec2('subnet', r.properties.SubnetId),
    ],
  },
  'AWS::EC2::SecurityGroup': {
    creates: ['ec2:CreateSecurityGroup', 'ec2:CreateTags'],
    actions: [
      'ec2:CreateSecurityGroup',
      'ec2:DescribeSecurityGroups',
      'ec2:DescribeSecurityGroupRules',
      'ec2:AuthorizeSecurityGroupEgress',
      'ec2:RevokeSecurityGroupEgress',
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:RevokeSecurityGroupIngress',
      'ec2:ModifySecurityGroupRules',
      'ec2:UpdateSecurityGroupRuleDescriptionsEgress',
      'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
      'ec2:CreateTags',
      'ec2:DeleteTags',
      'ec2:DescribeInstances',
      'ec2:DescribeNetworkInterfaces',
      'ec2:DeleteSecurityGroup',
    ],
    arns: (r) => [ec2('security-group', r.attributes.GroupId), ec2('vpc', r.properties.VpcId)],
  },
  'AWS::EC2::SecurityGroupIngress': {
    actions: [
      'ec2:AuthorizeSecurityGroupIngress',
      'ec2:DescribeSecurityGroupRules',
      'ec2:DescribeSecurityGroups',
      'ec2:UpdateSecurityGroupRuleDescriptionsIngress',
      'ec2:RevokeSecurityGroupIngress',
    ],
    arns: (r) => [ec2('security-group', r.properties.GroupId)],
  },
  'AWS::S3::Bucket': {
    creates: ['s3:CreateBucket'],
    actions: [
      's3:CreateBucket',
      's3:PutBucketVersioning',
      's3:PutBucketPublicAccessBlock',
      's3:PutEncryptionConfiguration',
      's3:PutBucketTagging',
      's3:ListBucket',
      's3:GetBucketLocation',
      's3:GetBucketVersioning',
      's3:GetBucketPublicAccessBlock',
      's3:GetBucketTagging',
      's3:GetBucketAcl',
      's3:GetBucketCORS',
      's3:GetBucketLogging',
      's3:GetBucketNotification',
      's3:GetBucketObjectLockConfiguration',
      's3:GetBucketOwnershipControls',
      's3:GetBucketWebsite',
      's3:GetEncryptionConfiguration',
      's3:GetLifecycleConfiguration',
      's3:GetReplicationConfiguration',
      's3:GetAccelerateConfiguration',
      's3:GetAnalyticsConfiguration',
      's3:GetInventoryConfiguration',
      's3:GetMetricsConfiguration',
      's3:GetIntelligentTieringConfiguration',
    ],
    arns: (r) => [r.attributes.Arn ?? `arn:aws:s3:::${r.physicalId}`],
  },
  'AWS::S3::BucketPolicy': {
    actions: ['s3:PutBucketPolicy', 's3:GetBucketPolicy', 's3:DeleteBucketPolicy'],
    arns: (r) => [`arn:aws:s3:::${r.physicalId}`],
  },
  'AWS::IAM::Role': {
    creates: ['iam:CreateRole'],
    actions: [
      'iam:CreateRole',
      'iam:GetRole',
      'iam:PutRolePolicy',
      'iam:GetRolePolicy',
      'iam:ListRolePolicies',
      'iam:ListAttachedRolePolicies',
      'iam:ListRoleTags',
      'iam:UpdateRole',
      'iam:UpdateRoleDescription',
      'iam:UpdateAssumeRolePolicy',
      'iam:TagRole',
      'iam:UntagRole',
      'iam:DeleteRolePolicy',
      'iam:DeleteRole',
    ],
    arns: (r) => [r.attributes.Arn ?? ''],
  },
  'AWS::KMS::Key': {
    creates: ['kms:CreateKey', 'kms:TagResource'],
    actions: [
      'kms:CreateKey',
      'kms:TagResource',
      'kms:EnableKeyRotation',
      'kms:DescribeKey',
      'kms:GetKeyPolicy',
      'kms:GetKeyRotationStatus',
      'kms:ListResourceTags',
      'kms:PutKeyPolicy',
      'kms:UpdateKeyDescription',
      'kms:EnableKey',
      'kms:DisableKeyRotation',
      'kms:UntagResource',
    ],
    arns: (r) => [r.attributes.Arn ?? ''],
  },
  'AWS::KMS::Alias': {
    creates: ['kms:CreateAlias'],
    actions: ['kms:CreateAlias', 'kms:UpdateAlias', 'kms:ListAliases', 'kms:DeleteAlias'],
    arns: (r) => [
      `arn:aws:kms:${REGION}:${ACCOUNT}:${r.physicalId}`,
      keyArn(String(r.properties.TargetKeyId ?? '')),
    ],
  },
};

/**
 * Stateful types the template retains on delete and on replacement: the deploy role may delete
 * them only through CloudFormation, which does so only when the create that made them rolls
 * back (DeletionPolicy RetainExceptOnCreate); called directly, it is denied.
 */
export const RETAINED: Readonly<Record<string, string>> = {
  'AWS::S3::Bucket': 's3:DeleteBucket',
  'AWS::KMS::Key': 'kms:ScheduleKeyDeletion',
};

/** Actions without resource-level permissions: IAM requires Resource '*' for them. */
const UNSCOPED = /^(ec2:Describe|kms:ListAliases$|kms:CreateKey$)/;

/**
 * KMS authorizes a key's use only when its key policy lets IAM policies apply (the account
 * root statement): the evaluator needs the key policy of any key ARN.
 */
export function keyPolicy(
  arn: string,
  keys: readonly LiveResource[],
): { resourcePolicy?: PolicyDocument } {
  if (!/:key\//.test(arn)) return {};
  const key = keys.find((k) => k.attributes.Arn === arn || arn.endsWith(`/${k.physicalId}`));
  const policy = key?.properties.KeyPolicy;
  if (policy === undefined) return {};
  return {
    resourcePolicy: (typeof policy === 'string' ? JSON.parse(policy) : policy) as PolicyDocument,
  };
}

/** The stack tag CloudFormation puts on the resources it makes (not for every type: see below). */
export const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

/**
 * The requests CloudFormation makes with the caller's permissions for one deployed resource,
 * with the keys IAM sees: aws:CalledVia; on each resource that already exists, its
 * aws:cloudformation:stack-name tag (`all` are the resources that exist, to look the tag of a
 * referenced resource up; the resource a create action makes has no tag yet); on IAM role
 * calls, the role's permissions boundary (iam:PermissionsBoundary).
 */
export function provisioningRequests(
  resource: LiveResource,
  all: readonly LiveResource[] = [resource],
): IamRequest[] {
  const entry = PROVISIONING[resource.type];
  if (!entry) throw new Error(`No provisioning permissions listed for ${resource.type}`);
  const own = entry.arns(resource)[0];
  const stackOf = (arn: string): string | undefined => {
    const owner = all.find((r) => PROVISIONING[r.type]?.arns(r)[0] === arn && !r.deleted);
    return owner?.tags.find((t) => t.Key === STACK_NAME_TAG)?.Value;
  };
  const boundary = resource.properties.PermissionsBoundary;
  const request = (action: string, arn: string, creating: boolean): IamRequest => {
    const context: Record<string, string | readonly string[]> = { ...VIA_CLOUDFORMATION };
    const tag = arn === '*' || creating ? undefined : stackOf(arn);
    if (tag !== undefined) context[`aws:ResourceTag/${STACK_NAME_TAG}`] = tag;
    // Tags given to a create call (TagSpecifications) are authorized as CreateTags on it.
    if (creating && action === 'ec2:CreateTags')
      context['ec2:CreateAction'] = entry.creates![0]!.replace(/^ec2:/, '');
    if (resource.type === 'AWS::IAM::Role' && typeof boundary === 'string') {
      context['iam:PermissionsBoundary'] = boundary;
    }
    return {
      action,
      resource: arn,
      context: context as RequestContext,
      ...keyPolicy(
        arn,
        all.filter((r) => r.type === 'AWS::KMS::Key'),
      ),
    };
  };
  return entry.actions.flatMap((action) =>
    (UNSCOPED.test(action) ? ['*'] : entry.arns(resource)).flatMap((arn) => {
      if (arn !== own || !entry.creates?.includes(action)) return [request(action, arn, false)];
      // The create call itself; tags also change later, on the existing (tagged) resource.
      return action === entry.creates[0]
        ? [request(action, arn, true)]
        : [request(action, arn, true), request(action, arn, false)];
    }),
  );
}

/**
 * Every resource's provisioning requests, keeping only the pairs IAM authorizes at all: an action
 * is checked against the resources of the types the service authorization reference lists for it
 * (PROVISIONING names the resources of a type, not of each action).
 */
export async function allProvisioningRequests(
  resources: readonly LiveResource[],
): Promise<IamRequest[]> {
  const requests: IamRequest[] = [];
  for (const r of resources.flatMap((resource) => provisioningRequests(resource, resources))) {
    if (await takes(r.action, r.resource)) requests.push(r);
  }
  return requests;
}
