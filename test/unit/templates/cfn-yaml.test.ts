/** The CloudFormation YAML loader: short-form tags become the long, JSON form. */
import { parseCfnYaml, parseTemplate } from '../../../src/templates/index.js';

const load = (text: string) => parseCfnYaml(text);

describe('short-form tags', () => {
  test.each([
    ['!Ref Name', { Ref: 'Name' }],
    ['!Ref AWS::Region', { Ref: 'AWS::Region' }],
    ['!Sub "arn:${AWS::Partition}:s3:::${B}"', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}' }],
    ['!Sub [ "${A}-x", { A: !Ref P } ]', { 'Fn::Sub': ['${A}-x', { A: { Ref: 'P' } }] }],
    ['!GetAtt Key.Arn', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['!GetAtt Db.Endpoint.Address', { 'Fn::GetAtt': ['Db', 'Endpoint.Address'] }],
    ['!GetAtt [Key, Arn]', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['!Join [",", [a, b]]', { 'Fn::Join': [',', ['a', 'b']] }],
    ['!Select [0, !GetAZs ""]', { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }],
    ['!Split [",", "a,b"]', { 'Fn::Split': [',', 'a,b'] }],
    ['!If [C, a, !Ref AWS::NoValue]', { 'Fn::If': ['C', 'a', { Ref: 'AWS::NoValue' }] }],
    [
      '!Not [!Equals [!Ref K, aws-owned]]',
      { 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'K' }, 'aws-owned'] }] },
    ],
    ['!And [!Condition A, !Condition B]', { 'Fn::And': [{ Condition: 'A' }, { Condition: 'B' }] }],
    ['!Or [!Condition A, !Equals [a, b]]', { 'Fn::Or': [{ Condition: 'A' }, { 'Fn::Equals': ['a', 'b'] }] }],
    ['!FindInMap [M, k1, k2]', { 'Fn::FindInMap': ['M', 'k1', 'k2'] }],
    ['!Base64 hello', { 'Fn::Base64': 'hello' }],
    ['!Cidr [10.0.0.0/16, 2, 8]', { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }],
    ['!ImportValue shared-vpc', { 'Fn::ImportValue': 'shared-vpc' }],
    ['!ImportValue { "Fn::Sub": "${S}-vpc" }', { 'Fn::ImportValue': { 'Fn::Sub': '${S}-vpc' } }],
  ])('%s', (yaml, expected) => {
    expect(load(`v: ${yaml}`)).toStrictEqual({ v: expected });
  });

  test('block-style sequences and nesting', () => {
    const text = [
      'v: !If',
      '  - CustomerManagedKey',
      '  - Resource: !If [CreateKey, !GetAtt Key.Arn, !Ref Arn]',
      '  - NotResource: !Sub arn:${AWS::Partition}:kms:*:${AWS::AccountId}:key/*',
    ].join('\n');
    expect(load(text)).toStrictEqual({
      v: {
        'Fn::If': [
          'CustomerManagedKey',
          { Resource: { 'Fn::If': ['CreateKey', { 'Fn::GetAtt': ['Key', 'Arn'] }, { Ref: 'Arn' }] } },
          { NotResource: { 'Fn::Sub': 'arn:${AWS::Partition}:kms:*:${AWS::AccountId}:key/*' } },
        ],
      },
    });
  });

  test('plain scalars follow YAML 1.2: dates and yes/no stay strings', () => {
    expect(load("a: 2010-09-09\nb: yes\nc: true\nd: '-1'\ne: -1")).toStrictEqual({
      a: '2010-09-09',
      b: 'yes',
      c: true,
      d: '-1',
      e: -1,
    });
  });
});

describe('parseTemplate', () => {
  const minimal = 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n';

  test('reads a YAML template', () => {
    expect(parseTemplate(minimal).Resources).toStrictEqual({ B: { Type: 'AWS::S3::Bucket' } });
  });

  test('reads a JSON template', () => {
    const json = JSON.stringify({
      Parameters: { P: { Type: 'String', Default: 'x' } },
      Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'P' } } } },
    });
    expect(parseTemplate(json).Resources['B']?.Properties).toStrictEqual({ BucketName: { Ref: 'P' } });
  });

  test.each([
    ['a list', '- a\n- b\n', 'must be a mapping'],
    ['no Resources', 'Parameters: {}\n', 'non-empty Resources'],
    ['empty Resources', 'Resources: {}\n', 'non-empty Resources'],
    ['a resource without Type', 'Resources:\n  B:\n    Properties: {}\n', 'resource B has no Type'],
    ['Outputs not a mapping', `${minimal}Outputs: [a]\n`, 'Outputs section must be a mapping'],
  ])('rejects %s', (_what, text, message) => {
    expect(() => parseTemplate(text, 'x.yaml')).toThrow(message);
  });

  test('rejects invalid YAML (the seed template as printed, Tags mis-indented)', () => {
    const seedAsPrinted = [
      'Resources:',
      '  VPC:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      '      CidrBlock: !Ref VpcCIDR',
      '      Tags:',
      '    - Key: Name',
      '          Value: !Ref EnvironmentName',
    ].join('\n');
    expect(() => parseTemplate(seedAsPrinted)).toThrow();
  });

  test('rejects duplicate keys', () => {
    expect(() => parseTemplate(`${minimal}  B:\n    Type: AWS::S3::Bucket\n`)).toThrow();
  });
});
