/** The outputs a change set changes, computed from the templates (issue 9, item 1). */
import { outputChanges } from '../../../src/plan/plan-outputs.js';
import type { ResourceChange } from '../../../src/plan/model.js';
import { parseTemplate } from '../../../src/templates/index.js';

const pseudo = { region: 'us-east-1', accountId: '123456789012', stackName: 's' };
const template = (outputs: string) =>
  parseTemplate(`Parameters:
  Cidr: { Type: String }
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: !Ref Cidr } }
  Group: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: g } }
Outputs:
${outputs}`);
const change = (
  logicalId: string,
  action: 'Add' | 'Modify',
  replacement?: 'True',
): ResourceChange => ({
  action,
  logicalId,
  type: 'AWS::EC2::VPC',
  replacement,
  scope: [],
  details: [],
});

const deployed = {
  template: template(`  VpcId: { Value: !Ref Vpc }
  Cidr: { Value: !Ref Cidr }
  Old: { Value: gone }`),
  parameters: { Cidr: '10.0.0.0/16' },
  pseudo,
  outputs: { VpcId: 'vpc-1', Cidr: '10.0.0.0/16', Old: 'gone' },
};

it('shows values it can know, keeps what does not change, and removes what is gone', () => {
  const next = {
    template: template(`  VpcId: { Value: !Ref Vpc }
  Cidr: { Value: !Ref Cidr }
  Same: { Value: !Ref Vpc }`),
    parameters: { Cidr: '10.1.0.0/16' },
    pseudo,
  };
  expect(outputChanges(next, deployed, [])).toEqual([
    { key: 'Cidr', change: 'modify', before: '10.0.0.0/16', after: '10.1.0.0/16' },
    { key: 'Same', change: 'add', after: 'vpc-1' },
    { key: 'Old', change: 'remove', before: 'gone' },
  ]);
});

it('says "known after deploy" for a value of a replaced or new resource', () => {
  const next = {
    template: template(`  VpcId: { Value: !Ref Vpc }
  GroupId: { Value: !GetAtt Group.GroupId }
  Cidr: { Value: !Ref Cidr }
  Old: { Value: gone }`),
    parameters: { Cidr: '10.0.0.0/16' },
    pseudo,
  };
  expect(
    outputChanges(next, deployed, [change('Vpc', 'Modify', 'True'), change('Group', 'Add')]),
  ).toEqual([
    { key: 'VpcId', change: 'modify', before: 'vpc-1', knownAfterDeploy: true },
    { key: 'GroupId', change: 'add', knownAfterDeploy: true },
  ]);
});

it('for a new stack, every output is added', () => {
  const next = {
    template: template(`  Cidr: { Value: !Ref Cidr }`),
    parameters: { Cidr: '10.0.0.0/16' },
    pseudo,
  };
  expect(outputChanges(next, undefined, [])).toEqual([
    { key: 'Cidr', change: 'add', after: '10.0.0.0/16' },
  ]);
});
