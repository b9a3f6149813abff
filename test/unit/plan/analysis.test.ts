/** analyzePlan: destructive changes, retention, key-mode switch, network, security changes. */
import {
  analyzePlan,
  destructiveReason,
  isDestructive,
  planIsDestructive,
  STATEFUL_TYPES,
} from '../../../src/plan/analysis.js';
import { canonicalJson } from '../../../src/plan/analysis-security.js';
import {
  add,
  context,
  makePlan,
  modify,
  param,
  prereqStack,
  remove,
  RETAIN,
  roleProperties,
  vpcStack,
} from '../render/factories.js';
import {
  destructive,
  iamChange,
  keyModeSwitch,
  noChanges,
  securityGroupChange,
} from '../render/scenarios.js';

describe('destructive changes', () => {
  test.each([
    [add('A', 'T'), undefined],
    [modify('A', 'T'), undefined],
    [modify('A', 'T', { replacement: 'True' }), 'replace'],
    [modify('A', 'T', { replacement: 'Conditional' }), 'conditional-replace'],
    [remove('A', 'T'), 'remove'],
  ])('%# is %s', (change, reason) => {
    expect(destructiveReason(change)).toBe(reason);
    expect(isDestructive(change)).toBe(reason !== undefined);
  });

  test('the destructive scenario: stateful or not, retained from the contexts', () => {
    const a = analyzePlan(destructive());
    expect(a.destructive).toEqual([
      {
        stack: 'analytics-vpc',
        logicalId: 'DefaultPrivateRoute1',
        type: 'AWS::EC2::Route',
        reason: 'conditional-replace',
        stateful: false,
      },
      {
        stack: 'analytics-prerequisites',
        logicalId: 'Bucket',
        type: 'AWS::S3::Bucket',
        reason: 'replace',
        stateful: true,
        retained: true,
      },
      {
        stack: 'analytics-prerequisites',
        logicalId: 'Key',
        type: 'AWS::KMS::Key',
        reason: 'remove',
        stateful: true,
        retained: true,
      },
      {
        stack: 'analytics-prerequisites',
        logicalId: 'KeyAlias',
        type: 'AWS::KMS::Alias',
        reason: 'remove',
        stateful: false,
      },
    ]);
    expect(planIsDestructive(destructive())).toBe(true);
    expect(a.hasChanges).toBe(true);
    expect(a.changeCount).toBe(4);
  });

  test('retention comes from the contexts first, then from the lists given', () => {
    const plan = makePlan([
      prereqStack({
        changes: [
          remove('Kept', 'AWS::S3::Bucket'),
          remove('Deleted', 'AWS::S3::Bucket', {
            before: context({}, { DeletionPolicy: 'Delete' }),
          }),
          modify('Swapped', 'AWS::S3::Bucket', { replacement: 'True' }),
          remove('Unknown', 'AWS::S3::Bucket'),
          // A Retain in the context wins over a list that does not name it.
          modify('Ctx', 'AWS::S3::Bucket', { replacement: 'True', after: context({}, RETAIN) }),
        ],
      }),
    ]);
    const a = analyzePlan(plan, {
      retained: {
        'analytics-prerequisites': { onDelete: ['Kept', 'Deleted'], onReplace: ['Swapped'] },
      },
    });
    expect(Object.fromEntries(a.destructive.map((d) => [d.logicalId, d.retained]))).toEqual({
      Kept: true,
      Deleted: false,
      Swapped: true,
      Unknown: undefined,
      Ctx: true,
    });
  });

  test('stateful types: the built-in ones and the caller’s', () => {
    expect(STATEFUL_TYPES.has('AWS::S3::Bucket')).toBe(true);
    expect(STATEFUL_TYPES.has('AWS::KMS::Key')).toBe(true);
    const plan = makePlan([vpcStack({ changes: [remove('Q', 'AWS::SQS::Queue')] })]);
    expect(analyzePlan(plan).destructive[0]?.stateful).toBe(false);
    expect(analyzePlan(plan, { statefulTypes: ['AWS::SQS::Queue'] }).destructive[0]?.stateful).toBe(
      true,
    );
  });

  test('no changes: nothing to report', () => {
    const a = analyzePlan(noChanges());
    expect(a).toEqual({
      hasChanges: false,
      changeCount: 0,
      destructive: [],
      networkReplacement: [],
      securityChanges: [],
      drift: [],
    });
    expect(planIsDestructive(noChanges())).toBe(false);
  });
});

describe('key-mode switch', () => {
  test('found when the prerequisite stack’s KeyMode changes', () => {
    expect(analyzePlan(keyModeSwitch()).keyModeSwitch).toEqual({
      stack: 'analytics-prerequisites',
      before: 'aws-owned',
      after: 'customer-managed-new',
    });
  });

  test.each([
    ['a new stack', param('KeyMode', undefined, 'aws-owned')],
    ['the same mode', param('KeyMode', 'aws-owned', 'aws-owned')],
    ['a mode known after deploy', param('KeyMode', 'aws-owned', undefined, 'later')],
  ])('not for %s', (_, p) => {
    const plan = makePlan([prereqStack({ parameters: [p] })]);
    expect(analyzePlan(plan).keyModeSwitch).toBeUndefined();
  });

  test('not for a parameter of the VPC stack', () => {
    const plan = makePlan([vpcStack({ parameters: [param('KeyMode', 'a', 'b')] })]);
    expect(analyzePlan(plan).keyModeSwitch).toBeUndefined();
  });
});

test('network replacement: a VPC or subnet removed or replaced', () => {
  const plan = makePlan([
    vpcStack({
      changes: [
        modify('VPC', 'AWS::EC2::VPC', { replacement: 'True' }),
        remove('PrivateSubnet2', 'AWS::EC2::Subnet'),
        modify('PrivateSubnet1', 'AWS::EC2::Subnet'),
        modify('Route', 'AWS::EC2::Route', { replacement: 'True' }),
      ],
    }),
  ]);
  expect(analyzePlan(plan).networkReplacement.map((d) => `${d.logicalId}:${d.reason}`)).toEqual([
    'VPC:replace',
    'PrivateSubnet2:remove',
  ]);
});

describe('security changes', () => {
  test('IAM statements compared one by one; a moved statement is no change', () => {
    const s = analyzePlan(iamChange()).securityChanges;
    expect(
      s.map((c) => `${c.change} ${c.kind} ${c.where ?? ''} ${canonicalJson(c.value)}`),
    ).toEqual([
      'removed trust-statement  {"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["airflow-env.amazonaws.com","airflow.amazonaws.com"]}}',
      'removed iam-statement mwaa-execution {"Action":"cloudwatch:PutMetricData","Effect":"Allow","Resource":"*"}',
      'added trust-statement  {"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":["airflow-env.amazonaws.com","airflow.amazonaws.com","ec2.amazonaws.com"]}}',
      'added iam-statement mwaa-execution {"Action":"s3:PutObject","Effect":"Allow","Resource":"arn:aws:s3:::analytics-dags/*"}',
    ]);
  });

  test('order of actions, one-item lists and "true" against true are no change', () => {
    const before = roleProperties([
      { Effect: 'Allow', Action: ['a', 'b'], Resource: ['r'], Condition: { Bool: { x: true } } },
    ]);
    const after = roleProperties([
      { Resource: 'r', Action: ['b', 'a'], Effect: 'Allow', Condition: { Bool: { x: 'true' } } },
    ]);
    const plan = makePlan([
      prereqStack({
        changes: [
          modify('Role', 'AWS::IAM::Role', { before: context(before), after: context(after) }),
        ],
      }),
    ]);
    expect(analyzePlan(plan).securityChanges).toEqual([]);
  });

  test('a policy given as a JSON string is read', () => {
    const doc = {
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: '*' }],
    };
    const plan = makePlan([
      prereqStack({
        changes: [
          add('Key', 'AWS::KMS::Key', { after: context({ KeyPolicy: JSON.stringify(doc) }) }),
        ],
      }),
    ]);
    const [c] = analyzePlan(plan).securityChanges;
    expect(c).toMatchObject({ kind: 'key-policy-statement', change: 'added', broad: true });
  });

  test('security group rules, inline and as resources', () => {
    const s = analyzePlan(securityGroupChange()).securityChanges;
    expect(s.map((c) => `${c.logicalId} ${c.change} ${c.kind} broad=${c.broad}`)).toEqual([
      'SecurityGroup removed egress-rule broad=false',
      'SecurityGroup added egress-rule broad=false',
      'WebIngress added ingress-rule broad=true',
      'SecurityGroupSelfIngress removed ingress-rule broad=false',
    ]);
  });

  test('without values: the properties that changed, or the resource as a whole', () => {
    const plan = makePlan([
      prereqStack({
        changes: [
          modify('Role', 'AWS::IAM::Role', {
            details: [
              { attribute: 'Properties', name: 'Policies', requiresRecreation: 'Never' },
              { attribute: 'Properties', name: 'Description', requiresRecreation: 'Never' },
            ],
          }),
          add('Group', 'AWS::EC2::SecurityGroup'),
          remove('Policy', 'AWS::S3::BucketPolicy'),
          modify('Bucket', 'AWS::S3::Bucket', {
            details: [{ attribute: 'Properties', name: 'Policies' }],
          }),
        ],
      }),
    ]);
    expect(
      analyzePlan(plan).securityChanges.map(
        (c) => `${c.logicalId} ${c.change} ${c.kind} ${c.where ?? '-'} ${c.value === undefined}`,
      ),
    ).toEqual([
      'Role changed iam-statement Policies true',
      'Group added ingress-rule - true',
      'Policy removed resource-policy-statement - true',
    ]);
  });

  test('managed policies attached and detached', () => {
    const plan = makePlan([
      prereqStack({
        changes: [
          modify('Role', 'AWS::IAM::Role', {
            before: context({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/A'] }),
            after: context({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/B'] }),
          }),
        ],
      }),
    ]);
    expect(analyzePlan(plan).securityChanges.map((c) => `${c.change} ${String(c.value)}`)).toEqual([
      'removed arn:aws:iam::aws:policy/A',
      'added arn:aws:iam::aws:policy/B',
    ]);
  });
});
