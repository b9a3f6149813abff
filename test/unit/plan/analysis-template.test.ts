/** Facts read from templates: links between resources, retained resources, NoEcho parameters. */
import { readFileSync } from 'node:fs';
import {
  resourceLinks,
  retainedResources,
  templateFacts,
} from '../../../src/plan/analysis-template.js';

const builtIn = (name: string) =>
  readFileSync(new URL(`../../../templates/${name}`, import.meta.url), 'utf8');

test('the prerequisite template: Ref, GetAtt and Sub references', () => {
  const links = resourceLinks(builtIn('mwaa-prerequisites.yaml'));
  expect(links).toEqual({
    Key: [],
    KeyAlias: ['Key'],
    Bucket: ['Key'],
    BucketPolicy: ['Bucket'],
    ExecutionRole: ['Bucket', 'Key'],
    SecurityGroup: [],
    SecurityGroupSelfIngress: ['SecurityGroup'],
  });
});

test('the VPC template: DependsOn counts as a link, parameters do not', () => {
  const links = resourceLinks(builtIn('vpc.yaml'));
  expect(links['NatGateway1EIP']).toEqual(['InternetGatewayAttachment']);
  expect(links['NatGateway1']).toEqual(['NatGateway1EIP', 'PublicSubnet1']);
  expect(links['DefaultPublicRoute']).toEqual([
    'InternetGateway',
    'InternetGatewayAttachment',
    'PublicRouteTable',
  ]);
  expect(links['VPC']).toEqual([]);
});

test('Sub: variables of its own map, ${!literals} and pseudo parameters are not resources', () => {
  const template = [
    'Resources:',
    '  A:',
    '    Type: T',
    '  B:',
    '    Type: T',
    '    Properties:',
    '      X: !Sub "${A.Arn}/${!B} ${AWS::Region}"',
    '      Y: !Sub ["${A}-${Local}", { Local: !Ref C }]',
    '  C:',
    '    Type: T',
    '    Properties:',
    '      Self: !Ref C',
    '      Z: { "Fn::GetAtt": "A.Arn" }',
  ].join('\n');
  expect(resourceLinks(template)).toEqual({ A: [], B: ['A', 'C'], C: ['A'] });
});

test('retained resources and NoEcho parameters', () => {
  expect(retainedResources(builtIn('mwaa-prerequisites.yaml'))).toEqual({
    onDelete: ['Key', 'Bucket'],
    onReplace: ['Key', 'Bucket'],
  });
  const facts = templateFacts(
    [
      'Parameters:',
      '  P: { Type: String, NoEcho: true }',
      '  Q: { Type: String }',
      'Resources:',
      '  R: { Type: T, DeletionPolicy: RetainExceptOnCreate }',
    ].join('\n'),
  );
  expect(facts.noEcho).toEqual(['P']);
  expect(facts.retained).toEqual({ onDelete: ['R'], onReplace: [] });
});
