/**
 * The execution role's permissions boundary (ExecutionRoleBoundary) allows what seed 002's
 * execution role needs, so MWAA keeps working inside it, and nothing that would let a template
 * turn the role into more than MWAA's (IAM, STS, writing the bucket, other buckets and logs).
 * Decided by the IAM policy evaluator.
 */
import { TEST_PARAMETERS, renderAccessTemplate } from '../../support/bootstrap/access-template.js';
import type { IamRequest, PolicyDocument } from '../../support/bootstrap/iam-policy.js';
import { mismatches, row } from '../../support/bootstrap/simulate.js';
import type { Expectation } from '../../support/bootstrap/simulate.js';

const { boundaryPolicy } = renderAccessTemplate(TEST_PARAMETERS);

const A = '123456789012';
const BUCKET = 'arn:aws:s3:::analytics-mwaa-prerequisites-bucket-abc123';
const LOGS = `arn:aws:logs:us-east-1:${A}:log-group:airflow-analytics-Task`;
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** KMS applies IAM policies to a key only when its key policy says so (the account statement). */
const KEY_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
  ],
};
const viaKey = (service: string): Pick<IamRequest, 'context' | 'resourcePolicy'> => ({
  context: { 'kms:ViaService': `${service}.us-east-1.amazonaws.com` },
  resourcePolicy: KEY_POLICY,
});

const TABLE: Expectation[] = [
  // What seed 002's execution role policy grants, one request per statement.
  row('allow', 'PublishMetrics', {
    action: 'airflow:PublishMetrics',
    resource: `arn:aws:airflow:us-east-1:${A}:environment/analytics`,
  }),
  row('allow', 'reading a DAG', { action: 's3:GetObject', resource: `${BUCKET}/dags/a.py` }),
  row('allow', 'listing the bucket', { action: 's3:ListBucket', resource: BUCKET }),
  row('allow', 'the bucket configuration', { action: 's3:GetBucketVersioning', resource: BUCKET }),
  row('allow', 'writing its logs', {
    action: 'logs:PutLogEvents',
    resource: `${LOGS}:log-stream:worker-1`,
  }),
  row('allow', 'creating its log groups', { action: 'logs:CreateLogGroup', resource: LOGS }),
  row('allow', 'DescribeLogGroups', { action: 'logs:DescribeLogGroups', resource: '*' }),
  row('allow', 'the account public access block', {
    action: 's3:GetAccountPublicAccessBlock',
    resource: '*',
  }),
  row('allow', 'PutMetricData', { action: 'cloudwatch:PutMetricData', resource: '*' }),
  row('allow', 'the Celery queue, in MWAA’s account', {
    action: 'sqs:SendMessage',
    resource: 'arn:aws:sqs:us-east-1:111122223333:airflow-celery-abc',
    // MWAA's queue lives in its own account, whose queue policy lets this account in.
    resourcePolicy: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${A}:root` },
          Action: 'sqs:*',
          Resource: '*',
        },
      ],
    },
  }),
  row('allow', 'the key through SQS', { action: 'kms:Decrypt', resource: KEY, ...viaKey('sqs') }),
  row('allow', 'the key through S3', {
    action: 'kms:GenerateDataKey',
    resource: KEY,
    ...viaKey('s3'),
  }),
  // What a template might write into the role's inline policy, and the boundary refuses.
  row('implicit-deny', 'IAM', { action: 'iam:CreateUser', resource: `arn:aws:iam::${A}:user/x` }),
  row('implicit-deny', 'attaching policies', {
    action: 'iam:AttachRolePolicy',
    resource: `arn:aws:iam::${A}:role/x`,
  }),
  row('implicit-deny', 'assuming other roles', {
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${A}:role/admin`,
  }),
  row('implicit-deny', 'writing the DAG bucket', {
    action: 's3:PutObject',
    resource: `${BUCKET}/dags/a.py`,
  }),
  row('implicit-deny', 'deleting object versions', {
    action: 's3:DeleteObjectVersion',
    resource: `${BUCKET}/dags/a.py`,
  }),
  row('implicit-deny', 'reading another bucket', {
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::payroll/2026.csv',
  }),
  row('implicit-deny', 'another environment’s logs', {
    action: 'logs:GetLogEvents',
    resource: `arn:aws:logs:us-east-1:${A}:log-group:airflow-billing-Task:log-stream:worker-1`,
  }),
  row('implicit-deny', 'the key directly', {
    action: 'kms:Decrypt',
    resource: KEY,
    resourcePolicy: KEY_POLICY,
  }),
  row('implicit-deny', 'EC2', { action: 'ec2:RunInstances', resource: '*' }),
];

describe('the execution role boundary', () => {
  it('allows what seed 002’s execution role needs, and nothing a template could add', async () => {
    expect(await mismatches(boundaryPolicy, TABLE)).toEqual([]);
  });
});
