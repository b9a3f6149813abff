/** The plans of the golden tests: one per situation a reviewer meets. */
import type { Plan, PropertyChange, ResourceChange } from '../../../src/plan/model.js';
import {
  add,
  context,
  detail,
  makePlan,
  modify,
  param,
  prereqStack,
  remove,
  RETAIN,
  roleProperties,
  vpcStack,
  VPC_STACK,
} from './factories.js';
import { failedPrechecks } from './scenarios-prechecks.js';

const S3_READ = {
  Effect: 'Allow',
  Action: ['s3:GetObject*', 's3:List*'],
  Resource: 'arn:aws:s3:::analytics-dags/*',
};
const METRICS = { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' };
const AWS_OWNED_KMS = {
  Effect: 'Allow',
  Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey*', 'kms:Encrypt'],
  NotResource: 'arn:aws:kms:*:123456789012:key/*',
  Condition: { StringLike: { 'kms:ViaService': ['sqs.eu-west-1.amazonaws.com'] } },
};
const PUBLISH_ARN = 'arn:aws:airflow:eu-west-1:123456789012:environment/analytics';
const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A first deploy: the VPC stack from a CREATE change set, the prerequisites from the template. */
export function newEnvironment(): Plan {
  const vpc = vpcStack({
    status: 'MISSING',
    action: 'create',
    parameters: [
      param('EnvironmentName', undefined, 'analytics'),
      param('VpcCIDR', undefined, '10.192.0.0/16'),
    ],
    changes: [
      add('VPC', 'AWS::EC2::VPC', {
        after: context({
          CidrBlock: '10.192.0.0/16',
          EnableDnsSupport: 'true',
          EnableDnsHostnames: 'true',
          Tags: [{ Key: 'Name', Value: 'analytics' }],
        }),
      }),
      add('PrivateSubnet1', 'AWS::EC2::Subnet', {
        after: context({ CidrBlock: '10.192.20.0/24', MapPublicIpOnLaunch: 'false' }),
      }),
      add('PrivateSubnet2', 'AWS::EC2::Subnet'),
      add('NoIngressSecurityGroup', 'AWS::EC2::SecurityGroup', {
        after: context({
          GroupName: 'no-ingress-sg',
          GroupDescription: 'Security group with no ingress rule',
        }),
      }),
    ],
  });
  const prereq = prereqStack({
    status: 'MISSING',
    action: 'create',
    source: 'template',
    parameters: [
      param('EnvironmentName', undefined, 'analytics'),
      param('VpcId', undefined, undefined, `output VPC of stack ${VPC_STACK}`),
      param('KeyMode', undefined, 'aws-owned'),
      param('ExistingKmsKeyArn', undefined, ''),
    ],
    // As the engine completes them from the evaluated template: values that only exist once
    // the stacks do are "known after deploy"; BucketPolicy stands for a resource whose
    // properties could not be evaluated offline.
    changes: [
      add('Bucket', 'AWS::S3::Bucket'),
      add('BucketPolicy', 'AWS::S3::BucketPolicy'),
      add('ExecutionRole', 'AWS::IAM::Role', {
        after: context(
          roleProperties([
            { Effect: 'Allow', Action: 'airflow:PublishMetrics', Resource: PUBLISH_ARN },
            S3_READ,
            METRICS,
            AWS_OWNED_KMS,
          ]),
        ),
      }),
      add('SecurityGroup', 'AWS::EC2::SecurityGroup', {
        after: context({
          GroupDescription: 'Amazon MWAA environment analytics',
          VpcId: '(known after deploy: output VPC of stack analytics-vpc)',
          SecurityGroupEgress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }],
        }),
      }),
      add('SecurityGroupSelfIngress', 'AWS::EC2::SecurityGroupIngress', {
        after: context({
          GroupId: '(known after deploy: SecurityGroup)',
          IpProtocol: '-1',
          SourceSecurityGroupId: '(known after deploy: SecurityGroup)',
        }),
      }),
    ],
  });
  return makePlan([vpc, prereq]);
}

/** An update: tags and settings changed, values from details and from contexts. */
export function propertyUpdate(): Plan {
  return makePlan([
    vpcStack({
      parameters: [
        param('EnvironmentName', 'analytics', 'analytics'),
        param('VpcCIDR', '10.192.0.0/16', '10.192.0.0/16'),
      ],
      changes: [
        modify('VPC', 'AWS::EC2::VPC', {
          scope: ['Properties', 'Tags'],
          details: [
            detail('EnableDnsHostnames', 'false', 'true'),
            detail('Tags/0/Value', 'analytics', 'analytics-prod', {
              attribute: 'Tags',
              name: undefined,
            }),
          ],
        }),
      ],
    }),
    prereqStack({
      changes: [
        modify('Bucket', 'AWS::S3::Bucket', {
          before: context(
            {
              VersioningConfiguration: { Status: 'Suspended' },
              Tags: [{ Key: 'team', Value: 'data' }],
            },
            RETAIN,
          ),
          after: context(
            {
              VersioningConfiguration: { Status: 'Enabled' },
              Tags: [{ Key: 'team', Value: 'data-platform' }],
            },
            RETAIN,
          ),
          details: [
            {
              attribute: 'Properties',
              name: 'VersioningConfiguration',
              requiresRecreation: 'Never',
              evaluation: 'Static',
              changeSource: 'DirectModification',
            },
          ],
        }),
        modify('BucketPolicy', 'AWS::S3::BucketPolicy', {
          details: [
            {
              attribute: 'Properties',
              name: 'Bucket',
              requiresRecreation: 'Never',
              evaluation: 'Dynamic',
              changeSource: 'ResourceReference',
              causingEntity: 'Bucket',
            },
          ],
        }),
      ],
    }),
  ]);
}

/** Destructive: the bucket replaced (retained), the key and its alias removed, a route maybe replaced. */
export function destructive(): Plan {
  return makePlan([
    vpcStack({
      changes: [
        modify('DefaultPrivateRoute1', 'AWS::EC2::Route', {
          replacement: 'Conditional',
          details: [
            detail('NatGatewayId', undefined, undefined, {
              requiresRecreation: 'Conditionally',
              evaluation: 'Dynamic',
              changeSource: 'ResourceReference',
              causingEntity: 'NatGateway1',
            }),
          ],
        }),
      ],
    }),
    prereqStack({
      parameters: [
        param('EnvironmentName', 'analytics', 'analytics'),
        param('BucketName', 'analytics-dags', 'analytics-dags-v2'),
      ],
      changes: [
        modify('Bucket', 'AWS::S3::Bucket', {
          replacement: 'True',
          details: [
            detail('BucketName', 'analytics-dags', 'analytics-dags-v2', {
              requiresRecreation: 'Always',
              changeSource: 'ParameterReference',
              causingEntity: 'BucketName',
            }),
          ],
          before: context({ BucketName: 'analytics-dags' }, RETAIN),
          after: context({ BucketName: 'analytics-dags-v2' }, RETAIN),
        }),
        remove('Key', 'AWS::KMS::Key', { before: context({ EnableKeyRotation: 'true' }, RETAIN) }),
        remove('KeyAlias', 'AWS::KMS::Alias'),
      ],
    }),
  ]);
}

/** The key mode switched from AWS owned to a new customer managed key. */
export function keyModeSwitch(): Plan {
  const cmk = { ...AWS_OWNED_KMS, NotResource: undefined, Resource: KEY_ARN };
  delete (cmk as Record<string, unknown>).NotResource;
  return makePlan(
    [
      vpcStack(),
      prereqStack({
        parameters: [
          param('EnvironmentName', 'analytics', 'analytics'),
          param('KeyMode', 'aws-owned', 'customer-managed-new'),
        ],
        changes: [
          add('Key', 'AWS::KMS::Key', {
            after: context(
              {
                EnableKeyRotation: 'true',
                KeyPolicy: {
                  Version: '2012-10-17',
                  Statement: [
                    {
                      Sid: 'Enable IAM policies',
                      Effect: 'Allow',
                      Principal: { AWS: 'arn:aws:iam::123456789012:root' },
                      Action: 'kms:*',
                      Resource: '*',
                    },
                  ],
                },
              },
              RETAIN,
            ),
          }),
          add('KeyAlias', 'AWS::KMS::Alias', {
            after: context({ AliasName: 'alias/mwaa-analytics', TargetKeyId: KEY_ARN }),
          }),
          modify('ExecutionRole', 'AWS::IAM::Role', {
            before: context(roleProperties([S3_READ, AWS_OWNED_KMS])),
            after: context(roleProperties([S3_READ, cmk])),
            details: [
              detail('Policies/0/PolicyDocument/Statement/1/Resource', undefined, KEY_ARN),
              detail(
                'Policies/0/PolicyDocument/Statement/1/NotResource',
                'arn:aws:kms:*:123456789012:key/*',
                undefined,
              ),
            ],
          }),
        ],
      }),
    ],
    { keyMode: 'customer-managed-new' },
  );
}

/** IAM: a statement added, one removed, a trusted service added. */
export function iamChange(): Plan {
  const write = {
    Effect: 'Allow',
    Action: 's3:PutObject',
    Resource: 'arn:aws:s3:::analytics-dags/*',
  };
  return makePlan([
    vpcStack(),
    prereqStack({
      changes: [
        modify('ExecutionRole', 'AWS::IAM::Role', {
          before: context(roleProperties([S3_READ, METRICS])),
          after: context(
            roleProperties(
              [write, S3_READ],
              ['airflow.amazonaws.com', 'airflow-env.amazonaws.com', 'ec2.amazonaws.com'],
            ),
          ),
          details: [
            {
              attribute: 'Properties',
              name: 'Policies',
              requiresRecreation: 'Never',
              evaluation: 'Static',
              changeSource: 'DirectModification',
            },
            {
              attribute: 'Properties',
              name: 'AssumeRolePolicyDocument',
              requiresRecreation: 'Never',
              evaluation: 'Static',
              changeSource: 'DirectModification',
            },
          ],
        }),
      ],
    }),
  ]);
}

/** Security groups: an egress rule changed, the self-ingress replaced, ingress from anywhere added. */
export function securityGroupChange(): Plan {
  return makePlan([
    vpcStack(),
    prereqStack({
      changes: [
        modify('SecurityGroup', 'AWS::EC2::SecurityGroup', {
          before: context({
            GroupDescription: 'mwaa',
            SecurityGroupEgress: [
              { IpProtocol: '-1', CidrIp: '0.0.0.0/0', Description: 'All outbound traffic' },
            ],
          }),
          after: context({
            GroupDescription: 'mwaa',
            SecurityGroupEgress: [
              {
                IpProtocol: 'tcp',
                FromPort: '443',
                ToPort: '443',
                CidrIp: '0.0.0.0/0',
                Description: 'HTTPS out',
              },
            ],
          }),
          details: [
            detail('SecurityGroupEgress/0/IpProtocol', '-1', 'tcp'),
            detail('SecurityGroupEgress/0/FromPort', undefined, '443'),
            detail('SecurityGroupEgress/0/ToPort', undefined, '443'),
            detail('SecurityGroupEgress/0/Description', 'All outbound traffic', 'HTTPS out'),
          ],
        }),
        add('WebIngress', 'AWS::EC2::SecurityGroupIngress', {
          after: context({
            GroupId: 'sg-0123',
            IpProtocol: 'tcp',
            FromPort: '443',
            ToPort: '443',
            CidrIp: '0.0.0.0/0',
          }),
        }),
        remove('SecurityGroupSelfIngress', 'AWS::EC2::SecurityGroupIngress', {
          before: context({
            GroupId: 'sg-0123',
            SourceSecurityGroupId: 'sg-0123',
            IpProtocol: '-1',
          }),
        }),
      ],
    }),
  ]);
}

const SUBNET_1 = 'subnet-0a1b2c3d4e5f60718';
const PRIVATE_SUBNET_1 = {
  VpcId: 'vpc-0f1e2d3c4b5a69788',
  AvailabilityZone: 'eu-west-1a',
  MapPublicIpOnLaunch: 'false',
  Tags: [{ Key: 'Name', Value: 'analytics Private Subnet (AZ1)' }],
};
/** What CloudFormation shows for a value it learns only while executing the change set. */
const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}';

/**
 * The first private subnet moved to another CIDR: CloudFormation replaces the subnet (CidrBlock
 * requires recreation) and, because its ID changes, may replace the route table association
 * that refers to it. It reports the parameter change twice (a dynamic direct modification and
 * a static ParameterReference), as it does. The VPC and the prerequisites stay as they are.
 */
export function cidrChange(): Plan {
  const cidr = (before: string, after: string, extra: Partial<PropertyChange>) =>
    detail('CidrBlock', before, after, { requiresRecreation: 'Always', ...extra });
  return makePlan([
    vpcStack({
      parameters: [
        param('EnvironmentName', 'analytics', 'analytics'),
        param('VpcCIDR', '10.192.0.0/16', '10.192.0.0/16'),
        param('PublicSubnet1CIDR', '10.192.10.0/24', '10.192.10.0/24'),
        param('PublicSubnet2CIDR', '10.192.11.0/24', '10.192.11.0/24'),
        param('PrivateSubnet1CIDR', '10.192.20.0/24', '10.192.30.0/24'),
        param('PrivateSubnet2CIDR', '10.192.21.0/24', '10.192.21.0/24'),
      ],
      changes: [
        modify('PrivateSubnet1', 'AWS::EC2::Subnet', {
          physicalId: SUBNET_1,
          replacement: 'True',
          details: [
            cidr('10.192.20.0/24', '10.192.30.0/24', {
              evaluation: 'Dynamic',
              changeSource: 'DirectModification',
            }),
            cidr('10.192.20.0/24', '10.192.30.0/24', {
              changeSource: 'ParameterReference',
              causingEntity: 'PrivateSubnet1CIDR',
            }),
          ],
          before: context({ ...PRIVATE_SUBNET_1, CidrBlock: '10.192.20.0/24' }),
          after: context({ ...PRIVATE_SUBNET_1, CidrBlock: '10.192.30.0/24' }),
        }),
        modify('PrivateSubnet1RouteTableAssociation', 'AWS::EC2::SubnetRouteTableAssociation', {
          physicalId: 'rtbassoc-04c3b2a1f0e9d8c7b',
          replacement: 'Conditional',
          details: [
            detail('SubnetId', SUBNET_1, KNOWN_AFTER_APPLY, {
              requiresRecreation: 'Always',
              evaluation: 'Dynamic',
              changeSource: 'ResourceReference',
              causingEntity: 'PrivateSubnet1',
            }),
          ],
          before: context({ RouteTableId: 'rtb-0aa11bb22cc33dd44', SubnetId: SUBNET_1 }),
          after: context({ RouteTableId: 'rtb-0aa11bb22cc33dd44', SubnetId: KNOWN_AFTER_APPLY }),
        }),
      ],
    }),
    prereqStack({
      action: 'none',
      parameters: [
        param('EnvironmentName', 'analytics', 'analytics'),
        param('VpcId', 'vpc-0f1e2d3c4b5a69788', 'vpc-0f1e2d3c4b5a69788'),
        param('KeyMode', 'aws-owned', 'aws-owned'),
      ],
    }),
  ]);
}

const pad = (n: number, width = 4) => String(n).padStart(width, '0');
const hex = (n: number, width = 17) =>
  ((n * 2_654_435_761) >>> 0).toString(16).padStart(8, '0').repeat(3).slice(0, width);

/** An Airflow variable kept in SSM: a JSON value of about 700 characters. */
function airflowVariable(i: number): string {
  return JSON.stringify({
    dag_id: `partner_feed_${pad(i)}`,
    schedule: `${i % 60} ${i % 24} * * *`,
    source: `s3://analytics-landing-eu-west-1/partners/feed-${pad(i)}/incoming/`,
    target: `s3://analytics-curated-eu-west-1/partners/feed-${pad(i)}/parquet/`,
    columns: ['event_id', 'event_time', 'partner_id', 'customer_id', 'amount', 'currency'],
    quality_checks: {
      not_null: ['event_id', 'event_time', 'partner_id'],
      unique: ['event_id'],
      freshness_hours: 24 + (i % 48),
    },
    owners: ['data-platform', `partner-team-${i % 12}`],
    description: `Daily partner feed ${pad(i)}: lands CSV files from the partner's SFTP drop, validates them, converts them to Parquet partitioned by event date and registers the partitions in the Glue catalog for Athena.`,
  });
}

/** A gateway endpoint policy: S3 reached only for the environment's buckets and ECR layers. */
function endpointPolicy(buckets: readonly string[]) {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'EnvironmentBuckets',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:GetBucketLocation'],
        Resource: buckets.flatMap((b) => [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`]),
      },
      {
        Sid: 'EcrLayers',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::prod-eu-west-1-starport-layer-bucket/*',
      },
    ],
  });
}

/**
 * A platform team's own templates grown large: 1,500 changes across both stacks (network ACL
 * entries and partner routes added, endpoint policies rewritten, isolated subnets moved, Airflow
 * variables added to SSM, log retention changed, old log groups removed, DAG policies widened).
 * Rendered for the PR comment, it has to be shortened.
 */
export function huge(): Plan {
  const vpcChanges: ResourceChange[] = [];
  for (let i = 0; i < 420; i++) {
    vpcChanges.push(
      add(`PrivateNaclIngress${pad(i)}`, 'AWS::EC2::NetworkAclEntry', {
        after: context({
          NetworkAclId: 'acl-0d4c3b2a190817263',
          RuleNumber: String(100 + i),
          Protocol: '6',
          RuleAction: 'allow',
          Egress: 'false',
          CidrBlock: `10.${64 + (i % 64)}.${i % 256}.0/24`,
          PortRange: { From: '443', To: '443' },
        }),
      }),
    );
  }
  for (let i = 0; i < 160; i++) {
    const id = `PartnerRoute${pad(i)}`;
    vpcChanges.push(
      modify(id, 'AWS::EC2::Route', {
        physicalId: `rtb-0aa11bb22cc33dd44|10.${128 + (i % 64)}.${i % 256}.0/24`,
        details: [
          detail('TransitGatewayId', 'tgw-0123456789abcdef0', 'tgw-0fedcba9876543210', {
            changeSource: 'ParameterReference',
            causingEntity: 'TransitGatewayId',
          }),
        ],
      }),
    );
  }
  for (let i = 0; i < 40; i++) {
    const buckets = ['analytics-dags', 'analytics-logs', `partner-exchange-${pad(i, 2)}`];
    vpcChanges.push(
      modify(`S3GatewayEndpoint${pad(i, 2)}`, 'AWS::EC2::VPCEndpoint', {
        physicalId: `vpce-${hex(i)}`,
        details: [
          detail('PolicyDocument', endpointPolicy(buckets.slice(0, 2)), endpointPolicy(buckets)),
        ],
      }),
    );
  }
  for (let i = 0; i < 4; i++) {
    vpcChanges.push(
      modify(`IsolatedSubnet${i + 1}`, 'AWS::EC2::Subnet', {
        physicalId: `subnet-${hex(1000 + i)}`,
        replacement: 'True',
        details: [
          detail('CidrBlock', `10.192.${40 + i}.0/24`, `10.192.${50 + i}.0/24`, {
            requiresRecreation: 'Always',
            changeSource: 'ParameterReference',
            causingEntity: `IsolatedSubnet${i + 1}CIDR`,
          }),
        ],
      }),
    );
  }

  const prereqChanges: ResourceChange[] = [];
  for (let i = 0; i < 600; i++) {
    prereqChanges.push(
      add(`AirflowVariable${pad(i)}`, 'AWS::SSM::Parameter', {
        after: context({
          Name: `/mwaa/analytics/variables/partner_feed_${pad(i)}`,
          Type: 'String',
          Tier: 'Advanced',
          Value: airflowVariable(i),
        }),
      }),
    );
  }
  for (let i = 0; i < 200; i++) {
    prereqChanges.push(
      modify(`TaskLogGroup${pad(i)}`, 'AWS::Logs::LogGroup', {
        physicalId: `airflow-analytics-Task-${pad(i)}`,
        details: [detail('RetentionInDays', '14', '30')],
      }),
    );
  }
  for (let i = 0; i < 5; i++) {
    prereqChanges.push(
      remove(`LegacyLogGroup${i + 1}`, 'AWS::Logs::LogGroup', {
        physicalId: `airflow-analytics-legacy-${i + 1}`,
        before: context({
          LogGroupName: `airflow-analytics-legacy-${i + 1}`,
          RetentionInDays: '3653',
        }),
      }),
    );
  }
  for (let i = 0; i < 70; i++) {
    const statement = (actions: string[]) => ({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: actions,
          Resource: `arn:aws:s3:::partner-exchange-${pad(i, 2)}/*`,
        },
      ],
    });
    const name = `analytics-dag-${pad(i, 2)}`;
    prereqChanges.push(
      modify(`DagPolicy${pad(i, 2)}`, 'AWS::IAM::ManagedPolicy', {
        physicalId: `arn:aws:iam::123456789012:policy/${name}`,
        before: context({ ManagedPolicyName: name, PolicyDocument: statement(['s3:GetObject']) }),
        after: context({
          ManagedPolicyName: name,
          PolicyDocument: statement(['s3:GetObject', 's3:PutObject', 's3:DeleteObject']),
        }),
      }),
    );
  }
  prereqChanges.push(
    modify('ExecutionRole', 'AWS::IAM::Role', {
      physicalId: 'analytics-mwaa-execution',
      before: context(roleProperties([S3_READ, METRICS])),
      after: context(
        roleProperties([
          S3_READ,
          METRICS,
          {
            ...METRICS,
            Action: 'ssm:GetParameter*',
            Resource: 'arn:aws:ssm:eu-west-1:123456789012:parameter/mwaa/analytics/*',
          },
        ]),
      ),
    }),
  );

  const custom = (path: string) => ({ templateSource: path });
  return makePlan([
    vpcStack({
      ...custom('infra/network.yaml'),
      parameters: [
        param('EnvironmentName', 'analytics', 'analytics'),
        param('TransitGatewayId', 'tgw-0123456789abcdef0', 'tgw-0fedcba9876543210'),
        ...[1, 2, 3, 4].map((n) =>
          param(`IsolatedSubnet${n}CIDR`, `10.192.${39 + n}.0/24`, `10.192.${49 + n}.0/24`),
        ),
      ],
      changes: vpcChanges,
    }),
    prereqStack({ ...custom('infra/prerequisites.yaml'), changes: prereqChanges }),
  ]);
}

/** Nothing to do. */
export function noChanges(): Plan {
  return makePlan([vpcStack({ action: 'none' }), prereqStack({ action: 'none' })]);
}

export const SCENARIOS = {
  'new-environment': newEnvironment,
  'property-update': propertyUpdate,
  destructive,
  'key-mode-switch': keyModeSwitch,
  'iam-change': iamChange,
  'security-group-change': securityGroupChange,
  'no-changes': noChanges,
  'cidr-change': cidrChange,
  'failed-prechecks': failedPrechecks,
} as const;

/** Plans too large for a full rendering: their golden file is the PR comment, shortened. */
export const COMMENT_SCENARIOS = { huge } as const;
