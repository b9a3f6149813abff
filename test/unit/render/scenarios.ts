/** The plans of the golden tests: one per situation a reviewer meets. */
import type { Plan } from '../../../src/plan/model.js';
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
    changes: [
      add('Bucket', 'AWS::S3::Bucket'),
      add('BucketPolicy', 'AWS::S3::BucketPolicy'),
      add('ExecutionRole', 'AWS::IAM::Role'),
      add('SecurityGroup', 'AWS::EC2::SecurityGroup'),
      add('SecurityGroupSelfIngress', 'AWS::EC2::SecurityGroupIngress'),
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
} as const;
