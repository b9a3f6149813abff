/** The destructive-change policy: what violates, and what the allow list lets through. */
import { analyzePlan } from '../../../src/plan/analysis.js';
import {
  describeViolations,
  evaluateDestructivePolicy,
} from '../../../src/plan/analysis-policy.js';
import { makePlan, modify, prereqStack, remove, vpcStack } from '../render/factories.js';
import { destructive, keyModeSwitch, propertyUpdate } from '../render/scenarios.js';

const on = (allow: string[] = []) => ({ failOnDestructive: true, allow });
const ids = (r: { violations: readonly { logicalId: string }[] }) =>
  r.violations.map((v) => v.logicalId);

test('stateful removals and replacements violate, routine ones do not', () => {
  const r = evaluateDestructivePolicy(analyzePlan(destructive()), on());
  expect(ids(r)).toEqual(['Bucket', 'Key']);
  expect(r.allowed).toEqual([]);
});

test('allowed by logical ID or by resource type', () => {
  const a = analyzePlan(destructive());
  expect(ids(evaluateDestructivePolicy(a, on(['Bucket'])))).toEqual(['Key']);
  expect(ids(evaluateDestructivePolicy(a, on(['AWS::KMS::Key', ' Bucket '])))).toEqual([]);
  expect(
    evaluateDestructivePolicy(a, on(['AWS::KMS::Key'])).allowed.map((v) => v.logicalId),
  ).toEqual(['Key']);
});

test('a key-mode switch violates unless KeyMode is allowed', () => {
  const a = analyzePlan(keyModeSwitch());
  const r = evaluateDestructivePolicy(a, on());
  expect(r.violations).toEqual([
    {
      stack: 'analytics-prerequisites',
      logicalId: 'KeyMode',
      type: 'AWS::CloudFormation::Parameter',
      reason: 'key-mode-switch',
      stateful: true,
      before: 'aws-owned',
      after: 'customer-managed-new',
    },
  ]);
  expect(evaluateDestructivePolicy(a, on(['KeyMode'])).violations).toEqual([]);
});

test('a subnet or VPC replaced violates', () => {
  const plan = makePlan([
    vpcStack({
      changes: [modify('PrivateSubnet1', 'AWS::EC2::Subnet', { replacement: 'Conditional' })],
    }),
    prereqStack({ changes: [remove('SecurityGroup', 'AWS::EC2::SecurityGroup')] }),
  ]);
  expect(ids(evaluateDestructivePolicy(analyzePlan(plan), on()))).toEqual(['PrivateSubnet1']);
  expect(ids(evaluateDestructivePolicy(analyzePlan(plan), on(['AWS::EC2::Subnet'])))).toEqual([]);
});

test('off: nothing violates', () => {
  const r = evaluateDestructivePolicy(analyzePlan(destructive()), {
    failOnDestructive: false,
    allow: [],
  });
  expect(r).toEqual({ violations: [], allowed: [] });
});

test('a plan without destructive changes passes', () => {
  expect(evaluateDestructivePolicy(analyzePlan(propertyUpdate()), on()).violations).toEqual([]);
});

test('violations are described with how to allow them', () => {
  const text = describeViolations(
    evaluateDestructivePolicy(analyzePlan(keyModeSwitch()), on()).violations,
  );
  expect(text).toBe(
    '- analytics-prerequisites: key mode aws-owned → customer-managed-new (allow with "KeyMode")',
  );
  const more = describeViolations(
    evaluateDestructivePolicy(analyzePlan(destructive()), on()).violations,
  );
  expect(more.split('\n')).toEqual([
    '- analytics-prerequisites: Bucket (AWS::S3::Bucket) replaced (allow with "Bucket" or "AWS::S3::Bucket")',
    '- analytics-prerequisites: Key (AWS::KMS::Key) removed (allow with "Key" or "AWS::KMS::Key")',
  ]);
});
