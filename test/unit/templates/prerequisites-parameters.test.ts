/** templates/mwaa-prerequisites.yaml: parameters, their constraints, conditions and rules. */
import {
  checkParameters,
  failedRules,
} from '../../../src/templates/index.js';
import type { CfnTemplate } from '../../../src/templates/index.js';
import {
  ACCOUNT,
  EXISTING_KEY_ID,
  KEY_MODES,
  PSEUDO,
  builtIn,
  evaluate,
  keyArn,
  prerequisiteParameters,
} from '../../support/templates/context.js';

let template: CfnTemplate;
beforeAll(async () => {
  template = await builtIn('mwaa-prerequisites');
});

describe('parameters', () => {
  test('are the six documented ones, with their defaults', () => {
    const p = template.Parameters!;
    expect(Object.keys(p)).toStrictEqual([
      'EnvironmentName',
      'VpcId',
      'KeyMode',
      'ExistingKmsKeyArn',
      'BucketName',
      'PermissionsBoundaryArn',
    ]);
    expect(p['EnvironmentName']).toMatchObject({
      Type: 'String',
      AllowedPattern: '^[a-zA-Z][0-9a-zA-Z\\-_]*$',
      MaxLength: 80,
    });
    expect(p['VpcId']?.Type).toBe('AWS::EC2::VPC::Id');
    expect(p['KeyMode']?.AllowedValues).toStrictEqual([
      'aws-owned',
      'customer-managed-new',
      'customer-managed-existing',
    ]);
    expect(p['KeyMode']?.Default).toBe('aws-owned');
    expect(p['ExistingKmsKeyArn']?.Default).toBe('');
    expect(p['BucketName']?.Default).toBe('');
    // Optional, so the template works alone; mwaa-deploy sets it from permissions-boundary.
    expect(p['PermissionsBoundaryArn']?.Default).toBe('');
  });

  test.each(KEY_MODES)('the parameters of each key mode pass, KeyMode %s', (mode) => {
    expect(checkParameters(template, prerequisiteParameters(mode))).toStrictEqual([]);
  });

  test.each([
    ['a key ARN', keyArn(EXISTING_KEY_ID), true],
    ['a key ARN in aws-us-gov', `arn:aws-us-gov:kms:us-gov-west-1:${ACCOUNT}:key/${EXISTING_KEY_ID}`, true],
    ['an alias ARN', `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/my-key`, false],
    ['an alias name', 'alias/my-key', false],
    ['an alias ARN named like a key ID', `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/${EXISTING_KEY_ID}`, false],
    ['a multi-Region key ARN', `arn:aws:kms:eu-west-1:${ACCOUNT}:key/mrk-${'0'.repeat(32)}`, false],
    ['a bare key ID', EXISTING_KEY_ID, false],
    ['an ARN with a short account', `arn:aws:kms:eu-west-1:12345:key/${EXISTING_KEY_ID}`, false],
    ['an ARN with text after the key', `${keyArn(EXISTING_KEY_ID)}x`, false],
  ])('ExistingKmsKeyArn: %s is accepted: %s', (_what, arn, ok) => {
    const problems = checkParameters(
      template,
      prerequisiteParameters('customer-managed-existing', { ExistingKmsKeyArn: arn }),
    );
    expect(problems.length === 0).toBe(ok);
  });

  test.each([
    ['a', true],
    ['My_env-2', true],
    ['a'.repeat(80), true],
    ['a'.repeat(81), false],
    ['1env', false],
    ['-env', false],
    ['my env', false],
    ['my.env', false],
  ])('EnvironmentName %s is accepted: %s', (name, ok) => {
    const problems = checkParameters(template, prerequisiteParameters('aws-owned', { EnvironmentName: name }));
    expect(problems.length === 0).toBe(ok);
  });

  test('VpcId is required', () => {
    const params = Object.entries(prerequisiteParameters('aws-owned')).filter(([k]) => k !== 'VpcId');
    expect(checkParameters(template, Object.fromEntries(params))).toStrictEqual(['Parameter VpcId needs a value']);
  });
});

describe('conditions and rules', () => {
  test.each([
    ['aws-owned', { CreateKey: false, CustomerManagedKey: false, UseExistingKey: false }],
    ['customer-managed-new', { CreateKey: true, CustomerManagedKey: true, UseExistingKey: false }],
    ['customer-managed-existing', { CreateKey: false, CustomerManagedKey: true, UseExistingKey: true }],
  ] as const)('KeyMode %s', (mode, expected) => {
    expect(evaluate(template, prerequisiteParameters(mode)).ctx.conditions).toStrictEqual({
      ...expected,
      HasBucketName: false,
      HasPermissionsBoundary: false,
    });
  });

  test('CustomerManagedKey does not name another condition', () => {
    expect(JSON.stringify(template.Conditions!['CustomerManagedKey'])).not.toContain('Condition');
  });

  test.each([
    ['aws-owned', '', 0],
    ['customer-managed-new', '', 0],
    ['customer-managed-existing', keyArn(EXISTING_KEY_ID), 0],
    ['customer-managed-existing', '', 1],
    ['customer-managed-new', keyArn(EXISTING_KEY_ID), 1],
    ['aws-owned', keyArn(EXISTING_KEY_ID), 1],
  ])('KeyMode %s with ExistingKmsKeyArn "%s" fails %d rule(s)', (mode, arn, failures) => {
    const params = { ...prerequisiteParameters('aws-owned'), KeyMode: mode, ExistingKmsKeyArn: arn };
    expect(failedRules(template, params, PSEUDO)).toHaveLength(failures);
  });

  test('takes the VPC by parameter, never by import', () => {
    expect(JSON.stringify(template)).not.toContain('Fn::ImportValue');
  });
});

