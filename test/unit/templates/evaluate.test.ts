/** The offline evaluator: conditions, active resources, intrinsic functions, rules. */
import {
  activeOutputs,
  activeResources,
  createContext,
  evaluateConditions,
  failedRules,
  parameterValues,
  parseTemplate,
  partitionOf,
  resolve,
} from '../../../src/templates/index.js';
import type { ResolveContext } from '../../../src/templates/index.js';

const pseudo = { region: 'eu-west-1', accountId: '123456789012' };

const template = parseTemplate(`
Parameters:
  Mode: { Type: String, Default: a }
  Name: { Type: String, Default: '' }
  Azs: { Type: CommaDelimitedList, Default: 'x,y' }
  Required: { Type: String }
Mappings:
  Sizes:
    eu-west-1: { Small: t3.small }
Conditions:
  IsA: !Equals [!Ref Mode, a]
  IsB: !Equals [!Ref Mode, b]
  AOrB: !Or [!Condition IsA, !Condition IsB]
  NotAOrB: !Not [!Condition AOrB]
  HasName: !Not [!Equals [!Ref Name, '']]
  NamedA: !And [!Condition IsA, !Condition HasName]
  InIreland: !Equals [!Ref AWS::Region, eu-west-1]
Resources:
  Always: { Type: AWS::S3::Bucket }
  OnlyA: { Type: AWS::SNS::Topic, Condition: IsA }
  OnlyNamedA: { Type: AWS::SQS::Queue, Condition: NamedA }
Outputs:
  One: { Value: !Ref Always }
  Two: { Value: !Ref OnlyA, Condition: IsA }
`);

describe('evaluateConditions', () => {
  test('evaluates conditions that name other conditions, in any order', () => {
    expect(evaluateConditions(template, {}, pseudo)).toStrictEqual({
      IsA: true,
      IsB: false,
      AOrB: true,
      NotAOrB: false,
      HasName: false,
      NamedA: false,
      InIreland: true,
    });
    expect(evaluateConditions(template, { Mode: 'c', Name: 'n' }, pseudo)).toMatchObject({
      AOrB: false,
      NotAOrB: true,
      NamedA: false,
    });
    expect(evaluateConditions(template, { Name: 'n' }, pseudo)['NamedA']).toBe(true);
    expect(evaluateConditions(template, {}, { ...pseudo, region: 'us-east-1' })['InIreland']).toBe(false);
  });

  test('rejects cycles, unknown conditions and resource references', () => {
    const withConditions = (conditions: string) =>
      parseTemplate(`Conditions:\n${conditions}\nResources:\n  R: { Type: AWS::S3::Bucket }\n`);
    expect(() =>
      evaluateConditions(withConditions('  A: !Not [!Condition B]\n  B: !Not [!Condition A]'), {}, pseudo),
    ).toThrow('depends on itself');
    expect(() => evaluateConditions(withConditions('  A: !Not [!Condition Nope]'), {}, pseudo)).toThrow(
      'Unknown condition Nope',
    );
    expect(() => evaluateConditions(withConditions('  A: !Equals [!Ref R, x]'), {}, pseudo)).toThrow(
      'cannot refer to the resource R',
    );
  });

  test('rejects values for undeclared parameters', () => {
    expect(() => evaluateConditions(template, { Nope: 'x' }, pseudo)).toThrow('Unknown parameter Nope');
  });
});

describe('activeResources and activeOutputs', () => {
  test('keep what has no condition or a true one, in template order', () => {
    const named = evaluateConditions(template, { Name: 'n' }, pseudo);
    expect(activeResources(template, named)).toStrictEqual([
      { logicalId: 'Always', type: 'AWS::S3::Bucket' },
      { logicalId: 'OnlyA', type: 'AWS::SNS::Topic' },
      { logicalId: 'OnlyNamedA', type: 'AWS::SQS::Queue' },
    ]);
    const other = evaluateConditions(template, { Mode: 'b' }, pseudo);
    expect(activeResources(template, other).map((r) => r.logicalId)).toStrictEqual(['Always']);
    expect(activeOutputs(template, other)).toStrictEqual(['One']);
    expect(activeOutputs(template, named)).toStrictEqual(['One', 'Two']);
  });
});

describe('resolve', () => {
  const ctx: ResolveContext = createContext(template, { Required: 'r' }, pseudo);

  test('Ref: parameters (defaults, lists), pseudo parameters, resources as placeholders', () => {
    expect(resolve({ Ref: 'Mode' }, ctx)).toBe('a');
    expect(resolve({ Ref: 'Required' }, ctx)).toBe('r');
    expect(resolve({ Ref: 'Azs' }, ctx)).toStrictEqual(['x', 'y']);
    expect(resolve({ Ref: 'AWS::Region' }, ctx)).toBe('eu-west-1');
    expect(resolve({ Ref: 'AWS::AccountId' }, ctx)).toBe('123456789012');
    expect(resolve({ Ref: 'AWS::Partition' }, ctx)).toBe('aws');
    expect(resolve({ Ref: 'AWS::StackName' }, ctx)).toBe('stack');
    expect(resolve({ Ref: 'AWS::URLSuffix' }, ctx)).toBe('amazonaws.com');
    expect(resolve({ Ref: 'Always' }, ctx)).toBe('{{Always}}');
    expect(resolve({ 'Fn::GetAtt': ['Always', 'Arn'] }, ctx)).toBe('{{Always.Arn}}');
    expect(() => resolve({ Ref: 'Nope' }, ctx)).toThrow('unknown name Nope');
    expect(() => resolve({ Ref: 'Required' }, createContext(template, {}, pseudo))).toThrow(
      'Parameter Required has no value',
    );
  });

  test('partition follows the Region unless given', () => {
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    const cn = createContext(template, {}, { region: 'cn-north-1', accountId: '1' });
    expect(resolve({ 'Fn::Sub': '${AWS::Partition}|${AWS::URLSuffix}' }, cn)).toBe('aws-cn|amazonaws.com.cn');
  });

  test('placeholders come from the callbacks', () => {
    const custom = createContext(template, {}, pseudo, {
      ref: (id) => `ref-${id}`,
      getAtt: (id, attr) => `${id}/${attr}`,
      importValue: (name) => `imported-${name}`,
    });
    expect(resolve({ 'Fn::Sub': '${Always}:${Always.Arn}' }, custom)).toBe('ref-Always:Always/Arn');
    expect(resolve({ 'Fn::ImportValue': { 'Fn::Sub': '${Mode}-vpc' } }, custom)).toBe('imported-a-vpc');
    expect(resolve({ 'Fn::ImportValue': 'x' }, ctx)).toBe('{{Import:x}}');
  });

  test('Fn::Sub: string form, variables, attributes, ${!Literal}', () => {
    expect(resolve({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Always}/*' }, ctx)).toBe(
      'arn:aws:s3:::{{Always}}/*',
    );
    expect(
      resolve({ 'Fn::Sub': ['${Greeting}, ${Who} in ${AWS::Region}', { Greeting: 'hi', Who: { Ref: 'Mode' } }] }, ctx),
    ).toBe('hi, a in eu-west-1');
    expect(resolve({ 'Fn::Sub': ['${Mode}', { Mode: 'overridden' }] }, ctx)).toBe('overridden');
    expect(resolve({ 'Fn::Sub': '${!Literal} ${ Mode }' }, ctx)).toBe('${Literal} a');
    expect(resolve({ 'Fn::Sub': '${Always.Arn}' }, ctx)).toBe('{{Always.Arn}}');
  });

  test('AWS::NoValue drops the key or the list item', () => {
    const value = {
      Keep: 1,
      Drop: { Ref: 'AWS::NoValue' },
      List: ['a', { Ref: 'AWS::NoValue' }, { 'Fn::If': ['IsB', 'b', { Ref: 'AWS::NoValue' }] }, 'c'],
      Chosen: { 'Fn::If': ['IsA', { Ref: 'AWS::NoValue' }, 'kept'] },
    };
    expect(resolve(value, ctx)).toStrictEqual({ Keep: 1, List: ['a', 'c'] });
    expect(resolve({ Ref: 'AWS::NoValue' }, ctx)).toBeUndefined();
  });

  test('Fn::If, Fn::Join, Fn::Select, Fn::Split, Fn::GetAZs, Fn::FindInMap, Fn::Base64, Fn::Cidr', () => {
    expect(resolve({ 'Fn::If': ['IsA', 'yes', 'no'] }, ctx)).toBe('yes');
    expect(resolve({ 'Fn::If': ['IsB', 'yes', 'no'] }, ctx)).toBe('no');
    expect(() => resolve({ 'Fn::If': ['Nope', 1, 2] }, ctx)).toThrow('Unknown condition Nope');
    expect(resolve({ 'Fn::Join': ['-', ['a', { Ref: 'Mode' }, 3]] }, ctx)).toBe('a-a-3');
    expect(resolve({ 'Fn::Join': [',', { Ref: 'Azs' }] }, ctx)).toBe('x,y');
    expect(resolve({ 'Fn::Select': [1, { 'Fn::GetAZs': '' }] }, ctx)).toBe('eu-west-1b');
    expect(resolve({ 'Fn::Select': ['0', { 'Fn::Split': ['/', 'a/b'] }] }, ctx)).toBe('a');
    expect(() => resolve({ 'Fn::Select': [5, ['a']] }, ctx)).toThrow('out of range');
    expect(resolve({ 'Fn::FindInMap': ['Sizes', { Ref: 'AWS::Region' }, 'Small'] }, ctx)).toBe('t3.small');
    expect(() => resolve({ 'Fn::FindInMap': ['Sizes', 'us-east-1', 'Small'] }, ctx)).toThrow('no Sizes');
    expect(resolve({ 'Fn::Base64': 'hello' }, ctx)).toBe('aGVsbG8=');
    expect(resolve({ 'Fn::Cidr': ['10.192.0.0/16', 3, 8] }, ctx)).toStrictEqual([
      '10.192.0.0/24',
      '10.192.1.0/24',
      '10.192.2.0/24',
    ]);
    expect(() => resolve({ 'Fn::Cidr': ['10.0.0.0/24', 2, 8] }, ctx)).toThrow('no room');
    expect(resolve({ 'Fn::Length': [1, 2] }, ctx)).toBe(2);
    expect(resolve({ 'Fn::ToJsonString': { a: { Ref: 'Mode' } } }, ctx)).toBe('{"a":"a"}');
  });

  test('condition functions, including {Condition: X}, and IAM Condition blocks left alone', () => {
    expect(resolve({ 'Fn::And': [{ Condition: 'IsA' }, { 'Fn::Equals': [1, '1'] }] }, ctx)).toBe(true);
    expect(resolve({ 'Fn::Or': [{ Condition: 'IsB' }, { 'Fn::Not': [{ Condition: 'IsA' }] }] }, ctx)).toBe(false);
    expect(() => resolve({ 'Fn::Not': ['x'] }, ctx)).toThrow('needs a condition');
    const statement = { Effect: 'Allow', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    expect(resolve(statement, ctx)).toStrictEqual(statement);
  });

  test('unknown intrinsic functions are errors, not silently kept', () => {
    expect(() => resolve({ 'Fn::Nope': 1 }, ctx)).toThrow('Unsupported intrinsic function Fn::Nope');
  });
});

describe('parameters and rules', () => {
  test('parameterValues applies defaults and splits list parameters', () => {
    expect(parameterValues(template, { Mode: 'b', Azs: ['p', 'q'] })).toStrictEqual({
      Mode: 'b',
      Name: '',
      Azs: ['p', 'q'],
    });
  });

  test('failedRules reports failing assertions of rules whose condition holds', () => {
    const withRules = parseTemplate(`
Parameters:
  Mode: { Type: String, Default: a }
  Arn: { Type: String, Default: '' }
Rules:
  ArnWithB:
    RuleCondition: !Equals [!Ref Mode, b]
    Assertions:
      - Assert: !Not [!Equals [!Ref Arn, '']]
        AssertDescription: Arn is required with b
  ModeKnown:
    Assertions:
      - Assert: !Contains [[a, b], !Ref Mode]
Resources:
  R: { Type: AWS::S3::Bucket }
`);
    expect(failedRules(withRules, {}, pseudo)).toStrictEqual([]);
    expect(failedRules(withRules, { Mode: 'b' }, pseudo)).toStrictEqual(['Arn is required with b']);
    expect(failedRules(withRules, { Mode: 'b', Arn: 'x' }, pseudo)).toStrictEqual([]);
    expect(failedRules(withRules, { Mode: 'c' }, pseudo)).toStrictEqual(['Rule ModeKnown failed']);
  });
});
