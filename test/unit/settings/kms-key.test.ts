import { SettingsError, inputsFrom, loadSettings } from '../../../src/settings/index.js';
import { parseKmsKey } from '../../../src/settings/kms-key.js';

const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;
const CM = { keyMode: 'customer-managed', region: 'us-east-1' } as const;

function kmsProblems(kmsKey: string, keyMode = 'customer-managed', region = 'us-east-1'): string[] {
  try {
    loadSettings(
      inputsFrom({
        'environment-name': 'e',
        'aws-region': region,
        'key-mode': keyMode,
        'kms-key': kmsKey,
      }),
      {},
    );
  } catch (error) {
    if (error instanceof SettingsError) return error.problems.map((p) => p.message);
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('kms-key accepted forms', () => {
  it('creates a key when empty in customer-managed mode, none in AWS-owned mode', () => {
    expect(parseKmsKey('', CM)).toEqual({ ok: true, value: { source: 'create' } });
    expect(parseKmsKey('', { keyMode: 'aws-owned', region: 'us-east-1' })).toEqual({
      ok: true,
      value: { source: 'none' },
    });
  });

  it('accepts a bare key ID (meaning a key in the deployment account)', () => {
    expect(parseKmsKey(KEY_ID, CM)).toEqual({
      ok: true,
      value: { source: 'existing', keyId: KEY_ID },
    });
  });

  it('accepts a key ARN in the deployment Region, keeping its account', () => {
    expect(parseKmsKey(KEY_ARN, CM)).toEqual({
      ok: true,
      value: { source: 'existing', keyId: KEY_ID, arn: KEY_ARN, accountId: '111122223333' },
    });
    const cn = `arn:aws-cn:kms:cn-north-1:111122223333:key/${KEY_ID}`;
    expect(parseKmsKey(cn, { keyMode: 'customer-managed', region: 'cn-north-1' }).ok).toBe(true);
  });

  it('ends up in the settings', () => {
    const settings = loadSettings(
      inputsFrom({
        'environment-name': 'e',
        'aws-region': 'us-east-1',
        'key-mode': 'customer-managed',
        'kms-key': KEY_ARN,
      }),
      {},
    );
    expect(settings.keyMode).toBe('customer-managed');
    expect(settings.kmsKey).toEqual({
      source: 'existing',
      keyId: KEY_ID,
      arn: KEY_ARN,
      accountId: '111122223333',
    });
  });
});

describe('kms-key rejections', () => {
  const table = '(its KMS support table: key ID or ARN yes, alias no, multi-Region key no)';

  it('rejects an alias, quoting the support table', () => {
    expect(kmsProblems('alias/mwaa')).toEqual([
      `Invalid input 'kms-key': 'alias/mwaa' is an AWS KMS key alias: not supported by MWAA ${table}; give the key ID or key ARN.`,
    ]);
  });

  it('rejects an alias ARN', () => {
    const [message] = kmsProblems('arn:aws:kms:us-east-1:111122223333:alias/mwaa');
    expect(message).toContain("Invalid input 'kms-key'");
    expect(message).toContain('is an AWS KMS key alias: not supported by MWAA');
  });

  it('rejects a multi-Region key ID and ARN', () => {
    const id = 'mrk-1234abcd12ab34cd56ef1234567890ab';
    expect(kmsProblems(id)).toEqual([
      `Invalid input 'kms-key': '${id}' is an AWS KMS multi-Region key: not supported by MWAA ${table}; give a single-Region key's ID or ARN.`,
    ]);
    expect(kmsProblems(`arn:aws:kms:us-east-1:111122223333:key/${id}`)[0]).toContain(
      'is an AWS KMS multi-Region key: not supported by MWAA',
    );
  });

  it('rejects a key ARN in another Region, naming both Regions', () => {
    const arn = `arn:aws:kms:eu-west-1:111122223333:key/${KEY_ID}`;
    expect(kmsProblems(arn)).toEqual([
      `Invalid input 'kms-key': '${arn}' is in Region eu-west-1 but the deployment Region is us-east-1; MWAA needs a key in the environment's Region.`,
    ]);
  });

  it('rejects a key ARN whose partition does not fit its Region', () => {
    expect(
      kmsProblems(
        `arn:aws:kms:cn-north-1:111122223333:key/${KEY_ID}`,
        'customer-managed',
        'cn-north-1',
      )[0],
    ).toContain("has partition 'aws' but Region cn-north-1 is in 'aws-cn'");
  });

  it('rejects a key given while key-mode is aws-owned', () => {
    expect(kmsProblems(KEY_ID, 'aws-owned')).toEqual([
      `Invalid input 'kms-key': '${KEY_ID}' is set but key-mode is 'aws-owned'; set key-mode: customer-managed or clear kms-key.`,
    ]);
    // The default key-mode is aws-owned.
    expect(kmsProblems(KEY_ARN, '')[0]).toContain("is set but key-mode is 'aws-owned'");
  });

  it('reports both a bad form and the mode conflict', () => {
    expect(kmsProblems('alias/x', 'aws-owned')).toHaveLength(2);
  });

  it.each([
    ['1234abcd-12ab-34cd-56ef-1234567890a', 'is not a KMS key ID or key ARN'],
    [
      '1234ABCD-12AB-34CD-56EF-1234567890AB',
      'is not a KMS key ID or key ARN (key IDs are lowercase)',
    ],
    ['my-key', 'is not a KMS key ID or key ARN'],
    [
      'arn:aws:kms:us-east-1:111122223333:key/not-a-uuid',
      "is not a KMS key ARN: the part after 'key/' must be a key ID",
    ],
    [
      'arn:aws:kms:us-east-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      'is not a KMS key ID or key ARN',
    ],
    ['arn:aws:s3:::my-bucket', 'is not a KMS key ID or key ARN'],
  ])('rejects the malformed key %s', (value, reason) => {
    const [message] = kmsProblems(value);
    expect(message).toContain(`Invalid input 'kms-key': '${value}' ${reason}`);
    expect(message).toContain(
      'expected a key ID like 1234abcd-12ab-34cd-56ef-1234567890ab or a key ARN like',
    );
  });

  it('reports an invalid key-mode without a second kms-key problem', () => {
    expect(kmsProblems(KEY_ID, 'customer')).toEqual([
      "Invalid input 'key-mode': 'customer' is not one of 'aws-owned', 'customer-managed'.",
    ]);
  });
});
