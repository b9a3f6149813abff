/**
 * verifyEnvironment end to end with real SDK clients against moto's server: the resources are
 * made directly with the SDK (not CloudFormation, whose moto model drops several properties),
 * then verified, then broken one at a time to show the checks see real API answers.
 * Skipped, with a message, where moto is not installed.
 */
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  ReplaceRouteCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient, PutKeyPolicyCommand } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createAwsClients } from '../../../src/aws/clients.js';
import { checkStackOutputs, verifyEnvironment } from '../../../src/verify/index.js';
import type { MwaaOutputs, VerifyClients, VerifySettings } from '../../../src/verify/index.js';
import { logsStatement } from '../../../src/verify/key-policy.js';
import {
  MOTO_ACCOUNT,
  MOTO_CREDENTIALS,
  motoAvailable,
  startMoto,
} from '../../support/moto/server.js';
import type { MotoServer } from '../../support/moto/server.js';

const REGION = 'us-east-1';
const ENV = 'moto-env';
const BUCKET = 'mwaa-verify-moto';

const hasMoto = motoAvailable();
if (!hasMoto) {
  console.warn(
    "moto is not importable by python3 (pip install 'moto[server]'): the moto verify test is skipped.",
  );
}
const describeMoto = hasMoto ? describe : describe.skip;

const SETTINGS: VerifySettings = {
  region: REGION,
  keyMode: 'customer-managed',
  kmsKey: { source: 'create' },
  environmentName: ENV,
};

/** What the test made, beyond the outputs, so it can break and repair things. */
interface World {
  outputs: MwaaOutputs;
  internetGatewayId: string;
  privateTable2: string;
  natGateway2: string;
  keyPolicy: string;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`moto returned no ${what}`);
  return value;
}

async function buildNetwork(ec2: EC2Client) {
  const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.192.0.0/16' }));
  const vpcId = required(vpc.Vpc?.VpcId, 'VPC ID');
  for (const attribute of ['EnableDnsSupport', 'EnableDnsHostnames'] as const) {
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, [attribute]: { Value: true } }));
  }
  const igw = await ec2.send(new CreateInternetGatewayCommand({}));
  const internetGatewayId = required(igw.InternetGateway?.InternetGatewayId, 'internet gateway');
  await ec2.send(
    new AttachInternetGatewayCommand({ InternetGatewayId: internetGatewayId, VpcId: vpcId }),
  );
  const subnet = async (cidr: string, zone: string) =>
    required(
      (
        await ec2.send(
          new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }),
        )
      ).Subnet?.SubnetId,
      'subnet',
    );
  const public1 = await subnet('10.192.10.0/24', `${REGION}a`);
  const public2 = await subnet('10.192.11.0/24', `${REGION}b`);
  const private1 = await subnet('10.192.20.0/24', `${REGION}a`);
  const private2 = await subnet('10.192.21.0/24', `${REGION}b`);

  const table = async (
    subnets: string[],
    target: { GatewayId?: string; NatGatewayId?: string },
  ) => {
    const created = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }));
    const id = required(created.RouteTable?.RouteTableId, 'route table');
    await ec2.send(
      new CreateRouteCommand({ RouteTableId: id, DestinationCidrBlock: '0.0.0.0/0', ...target }),
    );
    for (const s of subnets)
      await ec2.send(new AssociateRouteTableCommand({ RouteTableId: id, SubnetId: s }));
    return id;
  };
  await table([public1, public2], { GatewayId: internetGatewayId });
  const nat = async (subnetId: string) => {
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const created = await ec2.send(
      new CreateNatGatewayCommand({
        SubnetId: subnetId,
        AllocationId: required(eip.AllocationId, 'EIP'),
      }),
    );
    return required(created.NatGateway?.NatGatewayId, 'NAT gateway');
  };
  const nat1 = await nat(public1);
  const natGateway2 = await nat(public2);
  await table([private1], { NatGatewayId: nat1 });
  const privateTable2 = await table([private2], { NatGatewayId: natGateway2 });

  const sg = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: `${ENV}-sg`,
      Description: 'MWAA environment',
      VpcId: vpcId,
    }),
  );
  const groupId = required(sg.GroupId, 'security group');
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: groupId,
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: groupId }] }],
    }),
  );
  const noIngress = await ec2.send(
    new CreateSecurityGroupCommand({
      GroupName: 'no-ingress-sg',
      Description: 'none',
      VpcId: vpcId,
    }),
  );
  return {
    vpcOutputs: {
      VPC: vpcId,
      PublicSubnets: `${public1},${public2}`,
      PrivateSubnets: `${private1},${private2}`,
      PublicSubnet1: public1,
      PublicSubnet2: public2,
      PrivateSubnet1: private1,
      PrivateSubnet2: private2,
      NoIngressSecurityGroup: required(noIngress.GroupId, 'security group'),
    },
    groupId,
    internetGatewayId,
    privateTable2,
    natGateway2,
  };
}

async function buildPrerequisites(clients: { s3: S3Client; iam: IAMClient; kms: KMSClient }) {
  await clients.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await clients.s3.send(
    new PutBucketVersioningCommand({
      Bucket: BUCKET,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  await clients.s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: BUCKET,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'] },
        Action: 'sts:AssumeRole',
      },
    ],
  };
  const role = await clients.iam.send(
    new CreateRoleCommand({
      RoleName: `${ENV}-execution`,
      Path: '/service-role/',
      AssumeRolePolicyDocument: JSON.stringify(trust),
    }),
  );
  const roleArn = required(role.Role?.Arn, 'role ARN');
  // The ARN is only known after creation; the logs statement needs the account, not the key.
  const statement = logsStatement({
    keyArn: `arn:aws:kms:${REGION}:${MOTO_ACCOUNT}:key/x`,
    region: REGION,
    accountId: MOTO_ACCOUNT,
    environmentName: ENV,
  });
  const keyPolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Enable IAM policies',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
      statement,
    ],
  });
  const key = await clients.kms.send(
    new CreateKeyCommand({
      Policy: keyPolicy,
      // Real KMS defaults these; moto 5.2.1 leaves KeyUsage out of DescribeKey unless given.
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
    }),
  );
  return {
    prereqOutputs: {
      BucketName: BUCKET,
      BucketArn: `arn:aws:s3:::${BUCKET}`,
      ExecutionRoleArn: roleArn,
      KmsKeyArn: required(key.KeyMetadata?.Arn, 'key ARN'),
    },
    keyPolicy,
  };
}

describeMoto('verifyEnvironment against moto', () => {
  let moto: MotoServer | undefined;
  let clients: { ec2: EC2Client; s3: S3Client; iam: IAMClient; kms: KMSClient };
  // What verification is handed: the product's own readers (src/aws/), as createAwsClients makes
  // them; the SDK clients build the world.
  let verifyClients: VerifyClients;
  let world: World;

  beforeAll(async () => {
    moto = await startMoto();
    const common = { region: REGION, endpoint: moto.endpoint, credentials: MOTO_CREDENTIALS };
    clients = {
      ec2: new EC2Client(common),
      s3: new S3Client({ ...common, forcePathStyle: true }),
      iam: new IAMClient(common),
      kms: new KMSClient(common),
    };
    const { ec2, s3, iam, kms } = createAwsClients({
      region: REGION,
      credentials: MOTO_CREDENTIALS,
      env: { AWS_ENDPOINT_URL: moto.endpoint },
    });
    verifyClients = { ec2, s3, iam, kms };
    const network = await buildNetwork(clients.ec2);
    const prerequisites = await buildPrerequisites(clients);
    const checked = checkStackOutputs(
      network.vpcOutputs,
      { ...prerequisites.prereqOutputs, SecurityGroupId: network.groupId },
      SETTINGS,
    );
    expect(checked.problems).toEqual([]);
    world = {
      outputs: required(checked.outputs, 'outputs'),
      internetGatewayId: network.internetGatewayId,
      privateTable2: network.privateTable2,
      natGateway2: network.natGateway2,
      keyPolicy: prerequisites.keyPolicy,
    };
  });

  afterAll(async () => {
    for (const client of Object.values(clients ?? {})) client.destroy();
    await moto?.stop();
  });

  const verify = () =>
    verifyEnvironment({ settings: SETTINGS, outputs: world.outputs, clients: verifyClients });
  const failed = async () =>
    (await verify()).results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.details}`);

  it('passes every check for resources built as MWAA needs them', async () => {
    const report = await verify();
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.results).toHaveLength(10);
  });

  it('sees DNS hostnames turned off', async () => {
    const vpcId = world.outputs.vpcId;
    await clients.ec2.send(
      new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: false } }),
    );
    try {
      expect(await failed()).toEqual([
        `vpc-dns: ${vpcId} has enableDnsHostnames off; MWAA needs both on (EnableDnsSupport and EnableDnsHostnames on the VPC)`,
      ]);
    } finally {
      await clients.ec2.send(
        new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }),
      );
    }
  });

  it('sees a private subnet routed to the internet gateway', async () => {
    const route = { RouteTableId: world.privateTable2, DestinationCidrBlock: '0.0.0.0/0' };
    await clients.ec2.send(
      new ReplaceRouteCommand({ ...route, GatewayId: world.internetGatewayId }),
    );
    try {
      const problems = await failed();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(
        `routes 0.0.0.0/0 to internet gateway ${world.internetGatewayId}`,
      );
    } finally {
      await clients.ec2.send(
        new ReplaceRouteCommand({ ...route, NatGatewayId: world.natGateway2 }),
      );
    }
  });

  it('sees a key policy without the CloudWatch Logs statement', async () => {
    const keyId = required(world.outputs.kmsKeyArn, 'key ARN');
    const withoutLogs = JSON.parse(world.keyPolicy) as { Statement: unknown[] };
    withoutLogs.Statement = withoutLogs.Statement.slice(0, 1);
    const put = (policy: string) =>
      clients.kms.send(
        new PutKeyPolicyCommand({ KeyId: keyId, PolicyName: 'default', Policy: policy }),
      );
    await put(JSON.stringify(withoutLogs));
    try {
      const problems = await failed();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(
        `kms-key-policy: the key policy of ${keyId} has no statement allowing logs.${REGION}.amazonaws.com`,
      );
    } finally {
      await put(world.keyPolicy);
    }
  });
});
