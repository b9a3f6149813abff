/**
 * What the permissions of a role must cover:
 * - the calls the engine makes itself, read from the fake AWS's call log and turned into IAM
 *   requests (action, resource ARN, condition keys);
 * - the calls CloudFormation makes with the caller's permissions: while it computes a change set
 *   (template functions and AWS-specific parameter types it validates), and while it creates,
 *   updates and deletes each resource type of the templates (PROVISIONING, below).
 */
import type { FakeAws, CallRecord, LiveResource } from '../fake-aws/index.js';
import type { CfnTemplate } from '../../../src/templates/index.js';
import { ACCOUNT, REGION } from './access-template.js';
import type { IamRequest, PolicyDocument, RequestContext } from './iam-policy.js';
import { decide, takes } from './simulate.js';

/** The calls that are not permissions of the role: getting the token and assuming the role. */
export function isRoleCall(call: CallRecord): boolean {
  return call.service !== 'oidc' && call.action !== 'AssumeRoleWithWebIdentity';
}

/** S3 API operations whose IAM action has another name. */
const S3_ACTIONS: Readonly<Record<string, string>> = {
  GetBucketVersioning: 's3:GetBucketVersioning',
  GetPublicAccessBlock: 's3:GetBucketPublicAccessBlock',
  GetBucketLocation: 's3:GetBucketLocation',
  GetBucketEncryption: 's3:GetEncryptionConfiguration',
};

/** The IAM action that authorizes an API call. */
export function iamActionOf(call: CallRecord): string {
  if (call.service === 's3') {
    const action = S3_ACTIONS[call.action];
    if (!action) throw new Error(`No IAM action known for the S3 call ${call.action}`);
    return action;
  }
  if (call.service === 'unknown' || call.service === 'oidc') {
    throw new Error(`Not an AWS API call: ${call.service} ${call.action}`);
  }
  return `${call.service}:${call.action}`;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const stackArn = (nameOrArn: string): string =>
  nameOrArn.startsWith('arn:')
    ? nameOrArn
    : `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${nameOrArn}/00000000-0000-4000-8000-000000000000`;

const keyArn = (id: string): string =>
  id.startsWith('arn:')
    ? id
    : id.startsWith('alias/')
      ? `arn:aws:kms:${REGION}:${ACCOUNT}:${id}`
      : `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;

/** `changeSet/NAME/ID` ARN -> NAME. */
const changeSetName = (arn: string): string => arn.split(':').at(-1)?.split('/')[1] ?? arn;

/**
 * The IAM requests behind one logged call, with the condition keys the policies test. Every
 * CloudFormation action the engine calls is authorized against the stack (the service
 * authorization reference lists no other resource for them), also when the call names a change
 * set by ARN: `stackOfChangeSet` finds that change set's stack. Calls made by the engine itself
 * never carry aws:CalledVia.
 */
export function requestsOf(
  call: CallRecord,
  aws: Pick<FakeAws, 'resources'>,
  stackOfChangeSet: (name: string) => string | undefined = () => undefined,
): IamRequest[] {
  const action = iamActionOf(call);
  const p = call.params;
  switch (call.service) {
    case 'cloudformation': {
      const given = str(p.ChangeSetName);
      const changeSet = given?.startsWith('arn:') ? changeSetName(given) : given;
      const stack = str(p.StackName) ?? (changeSet ? stackOfChangeSet(changeSet) : undefined);
      const context: Record<string, string | readonly string[]> = {};
      if (changeSet) context['cloudformation:ChangeSetName'] = changeSet;
      const types = p.ResourceTypes;
      if (Array.isArray(types)) context['cloudformation:ResourceTypes'] = types.map(String);
      return [{ action, resource: stack ? stackArn(stack) : '*', context }];
    }
    case 's3':
      return [{ action, resource: `arn:aws:s3:::${str(p.Bucket) ?? ''}` }];
    case 'iam': {
      const name = str(p.RoleName) ?? '';
      const role = aws.resources('AWS::IAM::Role').find((r) => r.physicalId === name);
      return [{ action, resource: role?.attributes.Arn ?? `arn:aws:iam::${ACCOUNT}:role/${name}` }];
    }
    case 'kms': {
      const resource = keyArn(str(p.KeyId) ?? '');
      return [{ action, resource, ...keyPolicy(resource, aws.resources('AWS::KMS::Key')) }];
    }
    // EC2 Describe actions and GetCallerIdentity take no resource-level permissions.
    default:
      return [{ action, resource: '*' }];
  }
}

const walk = (value: unknown, visit: (key: string) => void): void => {
  if (Array.isArray(value)) value.forEach((v) => walk(v, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      visit(k);
      walk(v, visit);
    }
  }
};

/** AWS-specific parameter types CloudFormation checks against the account when it makes a change set. */
const PARAMETER_TYPE_CHECKS: Readonly<Record<string, string>> = {
  'AWS::EC2::VPC::Id': 'ec2:DescribeVpcs',
  'AWS::EC2::Subnet::Id': 'ec2:DescribeSubnets',
  'AWS::EC2::SecurityGroup::Id': 'ec2:DescribeSecurityGroups',
  'AWS::EC2::AvailabilityZone::Name': 'ec2:DescribeAvailabilityZones',
  'AWS::EC2::KeyPair::KeyName': 'ec2:DescribeKeyPairs',
  'AWS::EC2::Image::Id': 'ec2:DescribeImages',
};

/**
 * What CloudFormation asks with the caller's permissions while computing a change set for this
 * template: Fn::GetAZs needs ec2:DescribeAvailabilityZones and ec2:DescribeAccountAttributes
 * (CloudFormation's documentation of the function), and each AWS-specific parameter type is
 * checked against the account.
 */
export function changeSetValidationRequests(template: CfnTemplate): IamRequest[] {
  const actions = new Set<string>();
  walk(template.Resources, (key) => {
    if (key === 'Fn::GetAZs') {
      actions.add('ec2:DescribeAvailabilityZones');
      actions.add('ec2:DescribeAccountAttributes');
    }
  });
  for (const parameter of Object.values(template.Parameters ?? {})) {
    const type = parameter.Type.replace(/^List<(.*)>$/, '$1');
    if (type.startsWith('AWS::') && !type.startsWith('AWS::SSM::')) {
      const action = PARAMETER_TYPE_CHECKS[type];
      if (!action) throw new Error(`No validation call known for parameter type ${type}`);
      actions.add(action);
    }
  }
  return [...actions].map((action) => ({ action, resource: '*', context: VIA_CLOUDFORMATION }));
}

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
 * Not listed on purpose: s3:DeleteBucket and kms:ScheduleKeyDeletion (see RETAINED).
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
 * Stateful types whose deletion the deploy role never needs, because the template retains them
 * on delete and on replacement, and which it is therefore denied.
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
function keyPolicy(
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

/** The requests a policy does not allow, one line each, for a readable failure. */
export async function uncovered(
  policy: PolicyDocument,
  requests: readonly IamRequest[],
): Promise<string[]> {
  const lines: string[] = [];
  for (const r of requests) {
    const decision = await decide(policy, r);
    if (decision !== 'allow') lines.push(`${r.action} on ${r.resource} (${decision})`);
  }
  return [...new Set(lines)];
}

/** The IAM requests behind every call the role's credentials made. */
export function engineRequests(
  calls: readonly CallRecord[],
  aws: Pick<FakeAws, 'resources'>,
): IamRequest[] {
  const stacks = new Map<string, string>();
  for (const c of calls) {
    if (c.action === 'CreateChangeSet') {
      stacks.set(String(c.params.ChangeSetName), String(c.params.StackName));
    }
  }
  return calls.filter(isRoleCall).flatMap((c) => requestsOf(c, aws, (name) => stacks.get(name)));
}

/** AssumeRoleWithWebIdentity as STS evaluates a role's trust policy for a GitHub token. */
export function trustRequest(
  claims: { readonly aud?: unknown; readonly sub?: unknown },
  federatedPrincipal: string,
): IamRequest {
  return {
    action: 'sts:AssumeRoleWithWebIdentity',
    resource: '*',
    federatedPrincipal,
    context: {
      'token.actions.githubusercontent.com:aud': String(claims.aud),
      'token.actions.githubusercontent.com:sub': String(claims.sub),
    },
  };
}
