/**
 * Plausible physical IDs and `Fn::GetAtt` values per resource type, in the forms AWS uses, so
 * that code which parses or validates them (vpc-…, subnet-…, role ARNs, key ARNs) is exercised.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export interface Identity {
  readonly physicalId: string;
  readonly attributes: Record<string, string>;
}

export interface IdContext {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  readonly partition: string;
}

function hex(length: number): string {
  return randomBytes(length).toString('hex').slice(0, length);
}

function alnum(length: number, upper: boolean): string {
  const chars = upper
    ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
    : 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(length)].map((b) => chars[b % chars.length]).join('');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `stack-LogicalId-RANDOM`, as CloudFormation names resources that are not given a name. */
function generatedName(ctx: IdContext, logicalId: string, max: number, lower = false): string {
  const suffix = alnum(12, !lower);
  const name = `${ctx.stackName}-${logicalId}`.slice(0, max - suffix.length - 1);
  return lower ? `${name}-${suffix}`.toLowerCase() : `${name}-${suffix}`;
}

type Maker = (p: Record<string, unknown>, ctx: IdContext, logicalId: string) => Identity;

const withId =
  (prefix: string, idAttribute?: string): Maker =>
  () => {
    const id = `${prefix}-${hex(17)}`;
    return { physicalId: id, attributes: idAttribute ? { [idAttribute]: id } : {} };
  };

const MAKERS: Readonly<Record<string, Maker>> = {
  'AWS::EC2::VPC': (p) => {
    const id = `vpc-${hex(17)}`;
    return {
      physicalId: id,
      attributes: {
        VpcId: id,
        CidrBlock: String(p.CidrBlock ?? ''),
        DefaultSecurityGroup: `sg-${hex(17)}`,
      },
    };
  },
  'AWS::EC2::Subnet': (p) => {
    const id = `subnet-${hex(17)}`;
    return {
      physicalId: id,
      attributes: {
        SubnetId: id,
        AvailabilityZone: String(p.AvailabilityZone ?? ''),
        VpcId: String(p.VpcId ?? ''),
      },
    };
  },
  'AWS::EC2::SecurityGroup': (p) => {
    const id = `sg-${hex(17)}`;
    return { physicalId: id, attributes: { GroupId: id, VpcId: String(p.VpcId ?? '') } };
  },
  'AWS::EC2::InternetGateway': withId('igw', 'InternetGatewayId'),
  'AWS::EC2::NatGateway': withId('nat', 'NatGatewayId'),
  'AWS::EC2::RouteTable': withId('rtb', 'RouteTableId'),
  'AWS::EC2::SubnetRouteTableAssociation': withId('rtbassoc', 'Id'),
  'AWS::EC2::SecurityGroupIngress': withId('sgr', 'Id'),
  'AWS::EC2::SecurityGroupEgress': withId('sgr', 'Id'),
  'AWS::EC2::VPCGatewayAttachment': (p) => ({
    physicalId: `IGW|${String(p.VpcId ?? '')}`,
    attributes: {},
  }),
  'AWS::EC2::Route': (p) => ({
    physicalId: `${String(p.RouteTableId ?? 'rtb')}|${String(p.DestinationCidrBlock ?? '0.0.0.0/0')}`,
    attributes: {},
  }),
  'AWS::EC2::EIP': () => {
    const ip = `54.${[...randomBytes(3)].join('.')}`;
    return { physicalId: ip, attributes: { AllocationId: `eipalloc-${hex(17)}`, PublicIp: ip } };
  },
  'AWS::S3::Bucket': (p, ctx, logicalId) => {
    const name = str(p.BucketName) ?? generatedName(ctx, logicalId, 63, true);
    return {
      physicalId: name,
      attributes: {
        Arn: `arn:${ctx.partition}:s3:::${name}`,
        DomainName: `${name}.s3.amazonaws.com`,
        RegionalDomainName: `${name}.s3.${ctx.region}.amazonaws.com`,
        WebsiteURL: `http://${name}.s3-website-${ctx.region}.amazonaws.com`,
      },
    };
  },
  'AWS::S3::BucketPolicy': (p) => ({ physicalId: String(p.Bucket ?? ''), attributes: {} }),
  'AWS::IAM::Role': (p, ctx, logicalId) => {
    const name = str(p.RoleName) ?? generatedName(ctx, logicalId, 64);
    const path = str(p.Path) ?? '/';
    return {
      physicalId: name,
      attributes: {
        Arn: `arn:${ctx.partition}:iam::${ctx.accountId}:role${path}${name}`,
        RoleId: `AROA${alnum(17, true)}`,
      },
    };
  },
  'AWS::KMS::Key': (p, ctx) => {
    // Multi-Region keys have their own ID form.
    const multiRegion = p.MultiRegion === true || p.MultiRegion === 'true';
    const id = multiRegion ? `mrk-${hex(32)}` : randomUUID();
    return {
      physicalId: id,
      attributes: {
        KeyId: id,
        Arn: `arn:${ctx.partition}:kms:${ctx.region}:${ctx.accountId}:key/${id}`,
      },
    };
  },
  'AWS::KMS::Alias': (p) => ({ physicalId: String(p.AliasName ?? ''), attributes: {} }),
  // The environment's Ref is its name; its log groups are airflow-{name}-{Type} (the MWAA user
  // guide's log group names), their ARNs the GetAtt attributes of LoggingConfiguration.
  'AWS::MWAA::Environment': (p, ctx) => {
    const name = String(p.Name ?? '');
    const logs = `arn:${ctx.partition}:logs:${ctx.region}:${ctx.accountId}:log-group:airflow-${name}`;
    const attributes: Record<string, string> = {
      Arn: `arn:${ctx.partition}:airflow:${ctx.region}:${ctx.accountId}:environment/${name}`,
      WebserverUrl: `${randomUUID()}-vpce.c${hex(2)}.${ctx.region}.airflow.amazonaws.com`,
    };
    for (const [type, suffix] of MWAA_LOG_TYPES) {
      attributes[`LoggingConfiguration.${type}.CloudWatchLogGroupArn`] = `${logs}-${suffix}`;
    }
    return { physicalId: name, attributes };
  },
};

/** `LoggingConfiguration` members and the suffix of their log group names. */
export const MWAA_LOG_TYPES: readonly (readonly [string, string])[] = [
  ['DagProcessingLogs', 'DAGProcessing'],
  ['SchedulerLogs', 'Scheduler'],
  ['TaskLogs', 'Task'],
  ['WebserverLogs', 'WebServer'],
  ['WorkerLogs', 'Worker'],
];

/** A new identity for a resource about to be created, from its resolved properties. */
export function newIdentity(
  type: string,
  properties: Record<string, unknown>,
  ctx: IdContext,
  logicalId: string,
): Identity {
  const maker = MAKERS[type];
  if (maker) return maker(properties, ctx, logicalId);
  const name = generatedName(ctx, logicalId, 128);
  const service = type.split('::')[1]?.toLowerCase() ?? 'unknown';
  return {
    physicalId: name,
    attributes: {
      Arn: `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.accountId}:${logicalId}/${name}`,
    },
  };
}
