/**
 * The execution role of templates/mwaa-prerequisites.yaml, resolved for each key mode and
 * compared statement by statement with seed 002's samples.
 */
import { activeResources } from '../../../src/templates/index.js';
import type { CfnTemplate } from '../../../src/templates/index.js';
import {
  ACCOUNT,
  BUCKET,
  CREATED_KEY_ID,
  ENV,
  EXISTING_KEY_ID,
  KEY_MODES,
  REGION,
  builtIn,
  evaluate,
  keyArn,
  prerequisiteParameters,
} from '../../support/templates/context.js';
import type { TemplateKeyMode } from '../../support/templates/context.js';
import {
  SEED_AWS_OWNED_POLICY,
  SEED_CMK_POLICY,
  SEED_LOGS_KEY_STATEMENT,
  SEED_TRUST_POLICY,
  fillSeed,
} from '../../support/templates/seed-policies.js';

let template: CfnTemplate;
beforeAll(async () => {
  template = await builtIn('mwaa-prerequisites');
});

const placeholders = { region: REGION, accountId: ACCOUNT, environmentName: ENV, bucketName: BUCKET };

/** What seed 002 says the role's policy must be, for a key mode. */
function expectedPolicy(mode: TemplateKeyMode) {
  if (mode === 'aws-owned') return fillSeed(SEED_AWS_OWNED_POLICY, placeholders);
  const kmsKeyId = mode === 'customer-managed-new' ? CREATED_KEY_ID : EXISTING_KEY_ID;
  return fillSeed(SEED_CMK_POLICY, { ...placeholders, kmsKeyId });
}

interface Statement {
  readonly [key: string]: unknown;
}
interface RoleProperties {
  readonly AssumeRolePolicyDocument: unknown;
  readonly Policies: ReadonlyArray<{
    PolicyName: string;
    PolicyDocument: { Version: string; Statement: Statement[] };
  }>;
  readonly [key: string]: unknown;
}

function role(mode: TemplateKeyMode): RoleProperties {
  return evaluate(template, prerequisiteParameters(mode)).properties(
    'ExecutionRole',
  ) as unknown as RoleProperties;
}

describe.each(KEY_MODES)('execution role, KeyMode %s', (mode) => {
  test('has one inline policy and no managed policies, no fixed name (CAPABILITY_IAM only)', () => {
    const props = role(mode);
    expect(props.Policies).toHaveLength(1);
    expect(props).not.toHaveProperty('ManagedPolicyArns');
    expect(props).not.toHaveProperty('RoleName');
    expect(props['Path']).toBe('/service-role/');
  });

  // The one documented addition: MWAA's confused-deputy guard, pinned to this environment.
  test('trust policy is the seed sample, with aws:SourceAccount and aws:SourceArn', () => {
    const [seed] = SEED_TRUST_POLICY.Statement;
    expect(role(mode).AssumeRolePolicyDocument).toStrictEqual({
      ...SEED_TRUST_POLICY,
      Statement: [
        {
          ...seed,
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': `arn:aws:airflow:${REGION}:${ACCOUNT}:environment/${ENV}` },
          },
        },
      ],
    });
  });

  test('carries the permissions boundary only when one is given', () => {
    expect(role(mode)).not.toHaveProperty('PermissionsBoundary');
    const boundary = `arn:aws:iam::${ACCOUNT}:policy/mwaa-boundary`;
    const props = evaluate(template, {
      ...prerequisiteParameters(mode),
      PermissionsBoundaryArn: boundary,
    }).properties('ExecutionRole');
    expect(props['PermissionsBoundary']).toBe(boundary);
  });

  test('policy has the seed sample statements, in order', () => {
    const actual = role(mode).Policies[0]!.PolicyDocument;
    const expected = expectedPolicy(mode);
    expect(actual.Version).toBe(expected.Version);
    expect(actual.Statement).toHaveLength(expected.Statement.length);
    expected.Statement.forEach((statement, i) => {
      expect([i, actual.Statement[i]]).toStrictEqual([i, statement]);
    });
  });

  test('always grants airflow:PublishMetrics on this environment, first', () => {
    expect(role(mode).Policies[0]!.PolicyDocument.Statement[0]).toStrictEqual({
      Effect: 'Allow',
      Action: 'airflow:PublishMetrics',
      Resource: `arn:aws:airflow:${REGION}:${ACCOUNT}:environment/${ENV}`,
    });
  });
});

describe('execution role KMS statement', () => {
  const kmsStatement = (mode: TemplateKeyMode) =>
    role(mode).Policies[0]!.PolicyDocument.Statement.at(-1)!;

  test('customer-managed-new names exactly the created key', () => {
    expect(kmsStatement('customer-managed-new')['Resource']).toBe(keyArn(CREATED_KEY_ID));
  });

  test('customer-managed-existing names exactly the given key', () => {
    expect(kmsStatement('customer-managed-existing')['Resource']).toBe(keyArn(EXISTING_KEY_ID));
  });

  test.each(['customer-managed-new', 'customer-managed-existing'] as const)(
    '%s allows KMS through SQS and S3 only, and has no NotResource',
    (mode) => {
      const s = kmsStatement(mode);
      expect(s).not.toHaveProperty('NotResource');
      expect(s['Condition']).toStrictEqual({
        StringLike: { 'kms:ViaService': [`sqs.${REGION}.amazonaws.com`, `s3.${REGION}.amazonaws.com`] },
      });
    },
  );

  test('aws-owned uses the NotResource form through SQS only', () => {
    const s = kmsStatement('aws-owned');
    expect(s).not.toHaveProperty('Resource');
    expect(s['NotResource']).toBe(`arn:aws:kms:*:${ACCOUNT}:key/*`);
    expect(s['Condition']).toStrictEqual({
      StringLike: { 'kms:ViaService': [`sqs.${REGION}.amazonaws.com`] },
    });
  });
});

describe('partition and Region come from the stack', () => {
  test('in aws-cn every ARN uses the aws-cn partition and the Region', () => {
    const pseudo = { region: 'cn-north-1', accountId: ACCOUNT, partition: 'aws-cn' };
    const props = evaluate(
      template,
      prerequisiteParameters('customer-managed-existing', {}, pseudo),
      pseudo,
    ).properties('ExecutionRole') as unknown as RoleProperties;
    const text = JSON.stringify(props.Policies);
    expect(text).not.toContain('arn:aws:');
    expect(text).not.toContain(REGION);
    expect(text).toContain(`arn:aws-cn:airflow:cn-north-1:${ACCOUNT}:environment/${ENV}`);
    expect(text).toContain(`arn:aws-cn:s3:::${BUCKET}/*`);
    expect(text).toContain('sqs.cn-north-1.amazonaws.com');
  });
});

describe('KMS key', () => {
  test.each(KEY_MODES)('with %s, exists (with its alias) only if customer-managed-new', (mode) => {
    const { ctx } = evaluate(template, prerequisiteParameters(mode));
    const kms = activeResources(template, ctx.conditions).filter((r) => r.type.startsWith('AWS::KMS::'));
    expect(kms).toStrictEqual(
      mode === 'customer-managed-new'
        ? [
            { logicalId: 'Key', type: 'AWS::KMS::Key' },
            { logicalId: 'KeyAlias', type: 'AWS::KMS::Alias' },
          ]
        : [],
    );
  });

  test('is symmetric, single-Region, rotated, and retained on delete and replacement', () => {
    const key = template.Resources['Key']!;
    expect(key.Type).toBe('AWS::KMS::Key');
    expect(key.DeletionPolicy).toBe('RetainExceptOnCreate');
    expect(key.UpdateReplacePolicy).toBe('Retain');
    const props = evaluate(template, prerequisiteParameters('customer-managed-new')).properties('Key');
    expect(props).toMatchObject({
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      EnableKeyRotation: true,
      MultiRegion: false,
    });
  });

  test('key policy: the account keeps control, and CloudWatch Logs may use it (seed statement)', () => {
    const props = evaluate(template, prerequisiteParameters('customer-managed-new')).properties('Key');
    const policy = props['KeyPolicy'] as { Version: string; Statement: Statement[] };
    expect(policy.Version).toBe('2012-10-17');
    expect(policy.Statement).toHaveLength(2);
    expect(policy.Statement[0]).toStrictEqual({
      Sid: 'Enable IAM policies',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
      Action: 'kms:*',
      Resource: '*',
    });
    expect(policy.Statement[1]).toStrictEqual(fillSeed(SEED_LOGS_KEY_STATEMENT, placeholders));
  });

  test('alias is alias/mwaa-<environment> on the created key', () => {
    const props = evaluate(template, prerequisiteParameters('customer-managed-new')).properties(
      'KeyAlias',
    );
    expect(props).toStrictEqual({ AliasName: `alias/mwaa-${ENV}`, TargetKeyId: '{{Key}}' });
  });
});
