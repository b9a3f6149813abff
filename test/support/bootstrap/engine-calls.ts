/**
 * What the permissions of a role must cover:
 * - the calls the engine makes itself, read from the fake AWS's call log and turned into IAM
 *   requests (action, resource ARN, condition keys);
 * - the calls CloudFormation makes with the caller's permissions: while it computes a change set
 *   (template functions and AWS-specific parameter types it validates), and while it creates,
 *   updates and deletes each resource type of the templates (PROVISIONING, below).
 */
import type { FakeAws, CallRecord } from '../fake-aws/index.js';
import type { CfnTemplate } from '../../../src/templates/index.js';
import { ACCOUNT, REGION } from './access-template.js';
import type { IamRequest, PolicyDocument } from './iam-policy.js';
import { VIA_CLOUDFORMATION, keyArn, keyPolicy } from './provisioning.js';
import { decide } from './simulate.js';

export {
  PROVISIONING,
  RETAINED,
  STACK_NAME_TAG,
  VIA_CLOUDFORMATION,
  allProvisioningRequests,
  provisioningRequests,
} from './provisioning.js';

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
  ListObjectsV2: 's3:ListBucket',
  HeadObject: 's3:GetObject',
  GetObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  DeleteObjects: 's3:DeleteObject',
};

/** The IAM action that authorizes an API call. */
export function iamActionOf(call: CallRecord): string {
  if (call.service === 's3') {
    const action = S3_ACTIONS[call.action];
    if (!action) throw new Error(`No IAM action known for the S3 call ${call.action}`);
    return action;
  }
  // MWAA's IAM prefix is airflow (Service Authorization Reference, Amazon MWAA).
  if (call.service === 'mwaa') return `airflow:${call.action}`;
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
      return s3Requests(call, action);
    case 'iam': {
      const name = str(p.RoleName) ?? '';
      const role = aws.resources('AWS::IAM::Role').find((r) => r.physicalId === name);
      return [{ action, resource: role?.attributes.Arn ?? `arn:aws:iam::${ACCOUNT}:role/${name}` }];
    }
    case 'kms': {
      const resource = keyArn(str(p.KeyId) ?? '');
      return [{ action, resource, ...keyPolicy(resource, aws.resources('AWS::KMS::Key')) }];
    }
    case 'mwaa': {
      // InvokeRestApi (/restapi/{Name}) is authorized on the Apache Airflow role the session is
      // mapped to, role/{Name}/{airflow-role} (Service Authorization Reference, MWAA); the
      // product reads import errors, which Airflow's Viewer role may.
      const rest = /^\/restapi\/([^/?]+)/.exec(String(p['path'] ?? ''))?.[1];
      if (rest) {
        const env = decodeURIComponent(rest);
        return [{ action, resource: `arn:aws:airflow:${REGION}:${ACCOUNT}:role/${env}/Viewer` }];
      }
      // Other REST paths: /environments/{Name}; the environment's ARN is the resource.
      const name = /^\/environments\/([^/?]+)/.exec(String(p['path'] ?? ''))?.[1];
      const resource = name
        ? `arn:aws:airflow:${REGION}:${ACCOUNT}:environment/${decodeURIComponent(name)}`
        : '*';
      return [{ action, resource }];
    }
    // EC2 Describe actions and GetCallerIdentity take no resource-level permissions.
    default:
      return [{ action, resource: '*' }];
  }
}

/**
 * S3 object calls name the object: GetObject of a version is s3:GetObjectVersion, and
 * DeleteObjects is one s3:DeleteObject per key (S3 API reference, "Permissions").
 */
function s3Requests(call: CallRecord, action: string): IamRequest[] {
  const bucket = `arn:aws:s3:::${str(call.params.Bucket) ?? ''}`;
  const key = str(call.params.Key);
  if (call.action === 'DeleteObjects') {
    const body = Buffer.isBuffer(call.params.Body) ? call.params.Body.toString('utf8') : '';
    return [...body.matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) => ({
      action,
      resource: `${bucket}/${m[1] ?? ''}`,
    }));
  }
  if (key === undefined) return [{ action, resource: bucket }];
  const query = call.params.Query as URLSearchParams | undefined;
  const versioned = call.action === 'GetObject' && Boolean(query?.get('versionId'));
  return [{ action: versioned ? 's3:GetObjectVersion' : action, resource: `${bucket}/${key}` }];
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
