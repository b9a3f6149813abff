/**
 * The policy samples of seed 002 ("Amazon MWAA execution role"), transcribed as printed, with
 * their placeholders. Only two transcription fixes: the AWS owned key sample's
 * "sqs.{your-region}\n.amazonaws.com" is joined into one string (a line break of the page's
 * text extraction), and the customer managed key sample gets the AWS owned sample's
 * airflow:PublishMetrics statement prepended (the current page drops it; seed 004 and every
 * other source require it).
 */

const PUBLISH_METRICS = {
  Effect: 'Allow',
  Action: 'airflow:PublishMetrics',
  Resource: 'arn:aws:airflow:{your-region}:{your-account-id}:environment/{your-environment-name}',
};

/** "Sample policy for a customer managed key", with PublishMetrics prepended. */
export const SEED_CMK_POLICY = {
  Version: '2012-10-17',
  Statement: [
    PUBLISH_METRICS,
    {
      Effect: 'Deny',
      Action: 's3:ListAllMyBuckets',
      Resource: ['arn:aws:s3:::{your-s3-bucket-name}', 'arn:aws:s3:::{your-s3-bucket-name}/*'],
    },
    {
      Effect: 'Allow',
      Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
      Resource: ['arn:aws:s3:::{your-s3-bucket-name}', 'arn:aws:s3:::{your-s3-bucket-name}/*'],
    },
    {
      Effect: 'Allow',
      Action: [
        'logs:CreateLogStream',
        'logs:CreateLogGroup',
        'logs:PutLogEvents',
        'logs:GetLogEvents',
        'logs:GetLogRecord',
        'logs:GetLogGroupFields',
        'logs:GetQueryResults',
      ],
      Resource: [
        'arn:aws:logs:{your-region}:{your-account-id}:log-group:airflow-{your-environment-name}-*',
      ],
    },
    { Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: ['*'] },
    { Effect: 'Allow', Action: ['s3:GetAccountPublicAccessBlock'], Resource: ['*'] },
    { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    {
      Effect: 'Allow',
      Action: [
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
        'sqs:SendMessage',
      ],
      Resource: 'arn:aws:sqs:{your-region}:*:airflow-celery-*',
    },
    {
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey*', 'kms:Encrypt'],
      Resource: 'arn:aws:kms:{your-region}:{your-account-id}:key/{your-kms-cmk-id}',
      Condition: {
        StringLike: {
          'kms:ViaService': ['sqs.{your-region}.amazonaws.com', 's3.{your-region}.amazonaws.com'],
        },
      },
    },
  ],
};

/** "Sample policy for an AWS owned key". */
export const SEED_AWS_OWNED_POLICY = {
  Version: '2012-10-17',
  Statement: [
    PUBLISH_METRICS,
    {
      Effect: 'Deny',
      Action: 's3:ListAllMyBuckets',
      Resource: ['arn:aws:s3:::{your-s3-bucket-name}', 'arn:aws:s3:::{your-s3-bucket-name}/*'],
    },
    {
      Effect: 'Allow',
      Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
      Resource: ['arn:aws:s3:::{your-s3-bucket-name}', 'arn:aws:s3:::{your-s3-bucket-name}/*'],
    },
    {
      Effect: 'Allow',
      Action: [
        'logs:CreateLogStream',
        'logs:CreateLogGroup',
        'logs:PutLogEvents',
        'logs:GetLogEvents',
        'logs:GetLogRecord',
        'logs:GetLogGroupFields',
        'logs:GetQueryResults',
      ],
      Resource: [
        'arn:aws:logs:{your-region}:{your-account-id}:log-group:airflow-{your-environment-name}-*',
      ],
    },
    { Effect: 'Allow', Action: ['logs:DescribeLogGroups'], Resource: ['*'] },
    { Effect: 'Allow', Action: ['s3:GetAccountPublicAccessBlock'], Resource: ['*'] },
    { Effect: 'Allow', Action: 'cloudwatch:PutMetricData', Resource: '*' },
    {
      Effect: 'Allow',
      Action: [
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
        'sqs:SendMessage',
      ],
      Resource: 'arn:aws:sqs:{your-region}:*:airflow-celery-*',
    },
    {
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKey*', 'kms:Encrypt'],
      NotResource: 'arn:aws:kms:*:{your-account-id}:key/*',
      Condition: { StringLike: { 'kms:ViaService': ['sqs.{your-region}.amazonaws.com'] } },
    },
  ],
};

/** The sample assume role policy document. */
export const SEED_TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: ['airflow.amazonaws.com', 'airflow-env.amazonaws.com'] },
      Action: 'sts:AssumeRole',
    },
  ],
};

/** The key policy statement for CloudWatch Logs ("Allow logs access"). */
export const SEED_LOGS_KEY_STATEMENT = {
  Sid: 'Allow logs access',
  Effect: 'Allow',
  Principal: { Service: 'logs.{your-region}.amazonaws.com' },
  Action: [
    'kms:Encrypt*',
    'kms:Decrypt*',
    'kms:ReEncrypt*',
    'kms:GenerateDataKey*',
    'kms:Describe*',
  ],
  Resource: '*',
  Condition: {
    ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:{your-region}:{your-account-id}:*' },
  },
};

export interface SeedPlaceholders {
  readonly region: string;
  readonly accountId: string;
  readonly environmentName: string;
  readonly bucketName: string;
  readonly kmsKeyId?: string;
}

/** The sample with its `{your-...}` placeholders filled; throws if one is left. */
export function fillSeed<T>(sample: T, p: SeedPlaceholders): T {
  const text = JSON.stringify(sample)
    .replaceAll('{your-region}', p.region)
    .replaceAll('{your-account-id}', p.accountId)
    .replaceAll('{your-environment-name}', p.environmentName)
    .replaceAll('{your-s3-bucket-name}', p.bucketName)
    .replaceAll('{your-kms-cmk-id}', p.kmsKeyId ?? '{your-kms-cmk-id}');
  const left = /\{your-[a-z0-9-]+\}/.exec(text);
  if (left) throw new Error(`placeholder ${left[0]} not filled`);
  return JSON.parse(text) as T;
}
