/**
 * Small fakes of the SDK clients for the verify checks: `send(command)` dispatches on the
 * command's class name to a handler that returns an SDK-shaped response (or throws).
 */
import type { IpPermission } from '@aws-sdk/client-ec2';
import type { MwaaOutputs, VerifySettings } from '../../../src/verify/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Input = any;
/** Answers one command; throw to simulate an SDK error. */
export type Handler = (input: Input) => unknown;

/** A fake client with the calls it received, in order. */
export interface FakeClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(command: any): Promise<any>;
  readonly calls: { name: string; input: Input }[];
}

/** A fake whose `send` answers with `handlers[command.constructor.name]`. */
export function fakeClient(handlers: Record<string, Handler>): FakeClient {
  const calls: { name: string; input: Input }[] = [];
  return {
    calls,
    send: async (command: { constructor: { name: string }; input: Input }) => {
      const name = command.constructor.name;
      calls.push({ name, input: command.input });
      const handler = handlers[name];
      if (handler === undefined) throw new Error(`fake: unexpected ${name}`);
      return handler(command.input);
    },
  };
}

/** An error shaped like an SDK service exception (its code in `name`). */
export function awsError(name: string, message = `${name} from fake`): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export const REGION = 'eu-west-1';
export const ACCOUNT = '111122223333';
export const VPC = 'vpc-0a1b2c3d4e5f60718';
export const PRIVATE_1 = 'subnet-0aaaaaaaaaaaaaaa1';
export const PRIVATE_2 = 'subnet-0aaaaaaaaaaaaaaa2';
export const PUBLIC_1 = 'subnet-0bbbbbbbbbbbbbbb1';
export const PUBLIC_2 = 'subnet-0bbbbbbbbbbbbbbb2';
export const SG = 'sg-0123456789abcdef0';
export const NO_INGRESS_SG = 'sg-0fedcba9876543210';
export const NAT_1 = 'nat-0ccccccccccccccc1';
export const NAT_2 = 'nat-0ccccccccccccccc2';
export const IGW = 'igw-0ddddddddddddddd1';
export const BUCKET = 'mwaa-dags-example';
export const ROLE_NAME = 'mwaa-example-ExecutionRole-ABC123';
export const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service-role/${ROLE_NAME}`;
export const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
export const KEY_ARN = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;
export const ENV = 'example';

/** Settings for a customer-managed deployment whose key the stack created. */
export const CM_SETTINGS: VerifySettings = {
  region: REGION,
  keyMode: 'customer-managed',
  kmsKey: { source: 'create' },
  environmentName: ENV,
};

/** Settings for an AWS-owned-key deployment. */
export const AWS_OWNED_SETTINGS: VerifySettings = {
  region: REGION,
  keyMode: 'aws-owned',
  kmsKey: { source: 'none' },
  environmentName: ENV,
};

/** The outputs of a healthy customer-managed deployment. */
export const OUTPUTS: MwaaOutputs = {
  vpcId: VPC,
  privateSubnetIds: [PRIVATE_1, PRIVATE_2],
  publicSubnetIds: [PUBLIC_1, PUBLIC_2],
  securityGroupId: SG,
  bucketName: BUCKET,
  bucketArn: `arn:aws:s3:::${BUCKET}`,
  executionRoleArn: ROLE_ARN,
  kmsKeyArn: KEY_ARN,
};

/** A self-referencing all-traffic ingress rule of the environment security group. */
export const SELF_ALL: IpPermission = {
  IpProtocol: '-1',
  UserIdGroupPairs: [{ GroupId: SG, UserId: ACCOUNT }],
};

/** An all-traffic egress rule to anywhere. */
export const EGRESS_ALL: IpPermission = { IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] };

/** EC2 handlers describing the seed VPC, healthy; spread and override one to break it. */
export function healthyEc2(): Record<string, Handler> {
  return {
    DescribeVpcAttributeCommand: (input: { Attribute: string; VpcId: string }) =>
      input.Attribute === 'enableDnsSupport'
        ? { VpcId: input.VpcId, EnableDnsSupport: { Value: true } }
        : { VpcId: input.VpcId, EnableDnsHostnames: { Value: true } },
    DescribeSubnetsCommand: () => ({
      Subnets: [
        subnet(PRIVATE_1, `${REGION}a`, '10.192.20.0/24'),
        subnet(PRIVATE_2, `${REGION}b`, '10.192.21.0/24'),
      ],
    }),
    DescribeRouteTablesCommand: () => ({
      RouteTables: [routeTable('rtb-01', PRIVATE_1, NAT_1), routeTable('rtb-02', PRIVATE_2, NAT_2)],
    }),
    DescribeNatGatewaysCommand: (input: { NatGatewayIds: string[] }) => ({
      NatGateways: input.NatGatewayIds.map((id) => ({
        NatGatewayId: id,
        State: 'available',
        VpcId: VPC,
      })),
    }),
    DescribeSecurityGroupsCommand: () => ({
      SecurityGroups: [
        { GroupId: SG, VpcId: VPC, IpPermissions: [SELF_ALL], IpPermissionsEgress: [EGRESS_ALL] },
      ],
    }),
  };
}

/** A private subnet as DescribeSubnets returns it. */
export function subnet(id: string, zone: string, cidr: string) {
  return {
    SubnetId: id,
    VpcId: VPC,
    AvailabilityZone: zone,
    CidrBlock: cidr,
    MapPublicIpOnLaunch: false,
    State: 'available',
  };
}

/** A route table explicitly associated with `subnetId`, default route to `target`. */
export function routeTable(id: string, subnetId: string, target: string) {
  const route = target.startsWith('nat-') ? { NatGatewayId: target } : { GatewayId: target };
  return {
    RouteTableId: id,
    VpcId: VPC,
    Associations: [
      { RouteTableAssociationId: `${id}-assoc`, RouteTableId: id, SubnetId: subnetId, Main: false },
    ],
    Routes: [
      { DestinationCidrBlock: '10.192.0.0/16', GatewayId: 'local', State: 'active' },
      { DestinationCidrBlock: '0.0.0.0/0', ...route, State: 'active' },
    ],
  };
}

/** S3 handlers for a healthy bucket in {@link REGION}. */
export function healthyS3(): Record<string, Handler> {
  return {
    GetBucketVersioningCommand: () => ({ Status: 'Enabled' }),
    GetPublicAccessBlockCommand: () => ({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
    GetBucketLocationCommand: () => ({ LocationConstraint: REGION }),
  };
}

/** The seed trust policy, URL-encoded as IAM returns it. */
export function trustPolicy(
  services: readonly string[] = ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'],
): string {
  return encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' }],
    }),
  );
}

/** IAM handlers for a healthy execution role. */
export function healthyIam(): Record<string, Handler> {
  return {
    GetRoleCommand: (input: { RoleName: string }) => ({
      Role: { RoleName: input.RoleName, Arn: ROLE_ARN, AssumeRolePolicyDocument: trustPolicy() },
    }),
  };
}

/** The statement the template writes into a created key's policy. */
export function logsStatement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Sid: 'Allow logs access',
    Effect: 'Allow',
    Principal: { Service: `logs.${REGION}.amazonaws.com` },
    Action: [
      'kms:Encrypt*',
      'kms:Decrypt*',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:Describe*',
    ],
    Resource: '*',
    Condition: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:*` },
    },
    ...overrides,
  };
}

/** A key policy: the account statement plus `statements`. */
export function keyPolicy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM policies',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      ...statements,
    ],
  });
}

/** Key metadata of a healthy key; override fields to break it. */
export function keyMetadata(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    KeyId: KEY_ID,
    Arn: KEY_ARN,
    Enabled: true,
    KeyState: 'Enabled',
    KeyManager: 'CUSTOMER',
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyUsage: 'ENCRYPT_DECRYPT',
    MultiRegion: false,
    ...overrides,
  };
}

/** KMS handlers for a healthy key with the logs statement. */
export function healthyKms(): Record<string, Handler> {
  return {
    DescribeKeyCommand: () => ({ KeyMetadata: keyMetadata() }),
    GetKeyPolicyCommand: () => ({ Policy: keyPolicy(logsStatement()), PolicyName: 'default' }),
  };
}
