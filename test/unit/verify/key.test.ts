import { checkKey, checkKeyPolicy } from '../../../src/verify/index.js';
import type { KeyPolicyContext } from '../../../src/verify/index.js';
import {
  ACCOUNT,
  ENV,
  KEY_ARN,
  REGION,
  awsError,
  fakeClient,
  healthyKms,
  keyMetadata,
  keyPolicy,
  logsStatement,
} from './fakes.js';

function kmsDescribing(overrides: Record<string, unknown>) {
  return fakeClient({ DescribeKeyCommand: () => ({ KeyMetadata: keyMetadata(overrides) }) });
}

describe('checkKey (kms:DescribeKey)', () => {
  it('passes for an enabled, customer managed, symmetric, single-Region key in the Region', async () => {
    const kms = fakeClient(healthyKms());
    const result = await checkKey(kms, KEY_ARN, REGION);
    expect(result).toMatchObject({ id: 'kms-key', ok: true });
    expect(kms.calls[0]?.input).toEqual({ KeyId: KEY_ARN });
  });

  it.each([
    ['disabled', { Enabled: false, KeyState: 'Disabled' }, 'the key is Disabled, not Enabled'],
    ['pending deletion', { Enabled: false, KeyState: 'PendingDeletion' }, 'PendingDeletion'],
    ['AWS managed', { KeyManager: 'AWS' }, 'managed by AWS; MWAA needs a customer managed key'],
    ['asymmetric', { KeySpec: 'RSA_2048' }, 'the key spec is RSA_2048'],
    ['for signing', { KeyUsage: 'SIGN_VERIFY' }, 'the key usage is SIGN_VERIFY'],
    ['multi-Region', { MultiRegion: true }, 'multi-Region key'],
    [
      'in another Region',
      { Arn: `arn:aws:kms:eu-central-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab` },
      `the key is in eu-central-1, not the deployment Region ${REGION}`,
    ],
  ])('fails for a key that is %s', async (_case, overrides, expected) => {
    const result = await checkKey(kmsDescribing(overrides), KEY_ARN, REGION);
    expect(result.ok).toBe(false);
    expect(result.severity).toBe('error');
    expect(result.details).toContain(expected);
  });

  it('reads the legacy CustomerMasterKeySpec when KeySpec is absent', async () => {
    const kms = kmsDescribing({ KeySpec: undefined, CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT' });
    expect((await checkKey(kms, KEY_ARN, REGION)).ok).toBe(true);
  });

  it('reports every problem at once', async () => {
    const result = await checkKey(
      kmsDescribing({ KeyManager: 'AWS', MultiRegion: true }),
      KEY_ARN,
      REGION,
    );
    expect(result.details).toContain('managed by AWS');
    expect(result.details).toContain('multi-Region');
  });

  it('names the call when the key is not found', async () => {
    const kms = fakeClient({
      DescribeKeyCommand: () => {
        throw awsError('NotFoundException', `Key '${KEY_ARN}' does not exist`);
      },
    });
    const result = await checkKey(kms, KEY_ARN, REGION);
    expect(result).toMatchObject({ ok: false, severity: 'error' });
    expect(result.details).toBe(
      `kms:DescribeKey failed: NotFoundException: Key '${KEY_ARN}' does not exist`,
    );
  });
});

describe('checkKeyPolicy (kms:GetKeyPolicy)', () => {
  const context: KeyPolicyContext = {
    keyArn: KEY_ARN,
    region: REGION,
    accountId: ACCOUNT,
    environmentName: ENV,
    createdByStack: false,
  };
  const withPolicy = (policy: string) =>
    fakeClient({ GetKeyPolicyCommand: () => ({ Policy: policy, PolicyName: 'default' }) });

  it('passes for the template statement, reading the default policy', async () => {
    const kms = fakeClient(healthyKms());
    const result = await checkKeyPolicy(kms, context);
    expect(result).toMatchObject({ id: 'kms-key-policy', ok: true });
    expect(kms.calls[0]?.input).toEqual({ KeyId: KEY_ARN, PolicyName: 'default' });
  });

  it.each([
    ['kms:*', { Action: 'kms:*' }],
    ['a bare *', { Action: '*' }],
    [
      'the concrete actions',
      {
        Action: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey*',
          'kms:DescribeKey',
        ],
      },
    ],
    [
      'lower-case actions',
      {
        Action: [
          'kms:encrypt*',
          'kms:decrypt*',
          'kms:reencrypt*',
          'kms:generatedatakey*',
          'kms:describe*',
        ],
      },
    ],
    [
      'a single service string in a list',
      { Principal: { Service: [`logs.${REGION}.amazonaws.com`] } },
    ],
    [
      'StringLike on the Region with any account',
      {
        Condition: {
          StringLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:*` },
        },
      },
    ],
    [
      'a condition limited to this environment’s log groups',
      {
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:airflow-${ENV}-*`,
          },
        },
      },
    ],
    ['no condition at all (broader than required)', { Condition: undefined }],
  ])('accepts %s', async (_case, overrides) => {
    const result = await checkKeyPolicy(withPolicy(keyPolicy(logsStatement(overrides))), context);
    expect(result.details).toContain('may use the key');
    expect(result.ok).toBe(true);
  });

  it('accepts the actions spread over two statements', async () => {
    const policy = keyPolicy(
      logsStatement({ Action: ['kms:Encrypt*', 'kms:Decrypt*'] }),
      logsStatement({
        Sid: 'more',
        Action: ['kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      }),
    );
    expect((await checkKeyPolicy(withPolicy(policy), context)).ok).toBe(true);
  });

  it('fails for an existing key without a logs statement, printing the statement to add', async () => {
    const result = await checkKeyPolicy(withPolicy(keyPolicy()), context);
    expect(result).toMatchObject({ ok: false, severity: 'error' });
    const [first, ...statement] = result.details.split('\n');
    expect(first).toBe(
      `the key policy of ${KEY_ARN} has no statement allowing logs.${REGION}.amazonaws.com; the stack does not manage the policy of an existing key; add this statement to the key policy of ${KEY_ARN}:`,
    );
    expect(JSON.parse(statement.join('\n'))).toEqual(logsStatement());
  });

  it('calls a missing statement drift when the stack created the key', async () => {
    const result = await checkKeyPolicy(withPolicy(keyPolicy()), {
      ...context,
      createdByStack: true,
    });
    expect(result).toMatchObject({ ok: false, severity: 'error' });
    expect(result.details).toContain('has drifted from the template');
  });

  it('fails when the statement is for another Region’s logs principal', async () => {
    const policy = keyPolicy(
      logsStatement({ Principal: { Service: 'logs.us-east-1.amazonaws.com' } }),
    );
    const result = await checkKeyPolicy(withPolicy(policy), context);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(`has no statement allowing logs.${REGION}.amazonaws.com`);
  });

  it('fails when an action family is missing', async () => {
    const policy = keyPolicy(
      logsStatement({
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      }),
    );
    const result = await checkKeyPolicy(withPolicy(policy), context);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(
      'does not grant logs.eu-west-1.amazonaws.com kms:ReEncryptFrom, kms:ReEncryptTo',
    );
  });

  it('fails when the condition names another account', async () => {
    const policy = keyPolicy(
      logsStatement({
        Condition: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${REGION}:999999999999:*`,
          },
        },
      }),
    );
    const result = await checkKeyPolicy(withPolicy(policy), context);
    expect(result.ok).toBe(false);
    expect(result.details).toContain(
      "only under a condition that excludes this environment's log groups",
    );
  });

  it('fails when the condition uses a negated operator', async () => {
    const policy = keyPolicy(
      logsStatement({
        Condition: { StringNotLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:*' } },
      }),
    );
    expect((await checkKeyPolicy(withPolicy(policy), context)).ok).toBe(false);
  });

  it('fails on a policy that is not JSON', async () => {
    const result = await checkKeyPolicy(withPolicy('{'), context);
    expect(result.ok).toBe(false);
    expect(result.details).toContain('is not valid JSON');
  });

  it('warns, not errors, when the policy cannot be read (a key in another account)', async () => {
    const kms = fakeClient({
      GetKeyPolicyCommand: () => {
        throw awsError(
          'AccessDeniedException',
          'User is not authorized to perform kms:GetKeyPolicy',
        );
      },
    });
    const result = await checkKeyPolicy(kms, context);
    expect(result).toMatchObject({ ok: false, severity: 'warning' });
    expect(result.details).toContain(
      `could not read the key policy of ${KEY_ARN} (kms:GetKeyPolicy failed: AccessDeniedException: User is not authorized to perform kms:GetKeyPolicy), so whether CloudWatch Logs may use the key was not checked`,
    );
    expect(result.details).toContain(`"Service": "logs.${REGION}.amazonaws.com"`);
  });

  it('errors on other GetKeyPolicy failures', async () => {
    const kms = fakeClient({
      GetKeyPolicyCommand: () => {
        throw awsError('KMSInternalException', 'boom');
      },
    });
    const result = await checkKeyPolicy(kms, context);
    expect(result).toMatchObject({ ok: false, severity: 'error' });
    expect(result.details).toBe('kms:GetKeyPolicy failed: KMSInternalException: boom');
  });

  it('uses the key’s partition in the statement it prints', async () => {
    const cnArn = `arn:aws-cn:kms:cn-north-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const result = await checkKeyPolicy(withPolicy(keyPolicy()), {
      ...context,
      keyArn: cnArn,
      region: 'cn-north-1',
    });
    expect(result.details).toContain(`"arn:aws-cn:logs:cn-north-1:${ACCOUNT}:*"`);
  });
});
