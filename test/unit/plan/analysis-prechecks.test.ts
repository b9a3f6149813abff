/**
 * The "will it create?" part of the plan's policy: a failed pre-check stops the plan whatever
 * fail-on-destructive says, and allow-failed-prechecks lets through only the checks that can
 * read a setup wrongly.
 */
import { policyViolation } from '../../../src/engine/policy.js';
import {
  describePrecheckViolations,
  evaluatePrechecks,
} from '../../../src/plan/analysis-prechecks.js';
import { inputsFrom, loadSettings, SettingsError } from '../../../src/settings/index.js';
import { failedPrechecks } from '../render/scenarios-prechecks.js';
import { destructive } from '../render/scenarios.js';
import { readTemplates } from '../../../src/stacks/index.js';

let templates: Awaited<ReturnType<typeof readTemplates>>;
beforeAll(async () => {
  templates = await readTemplates(settings({ 'deploy-environment': 'true' }));
});

const settings = (extra: Record<string, string> = {}) =>
  loadSettings(
    inputsFrom({ 'environment-name': 'analytics', 'aws-region': 'eu-west-1', ...extra }),
    {},
  );

test('every failed pre-check violates; the allow list lets through the allowable ones only', () => {
  const plan = failedPrechecks();
  expect(evaluatePrechecks(plan, []).violations.map((v) => v.id)).toEqual([
    'kms-key-policy',
    'private-subnets',
  ]);
  const allowed = evaluatePrechecks(plan, ['kms-key-policy', 'private-subnets']);
  expect(allowed.violations.map((v) => v.id)).toEqual(['private-subnets']);
  expect(allowed.allowed.map((v) => [v.stack, v.id])).toEqual([
    ['analytics-mwaa-environment', 'kms-key-policy'],
  ]);
});

test('the message names the stack, the finding with its fix, and the way past an allowable check', () => {
  const text = describePrecheckViolations(evaluatePrechecks(failedPrechecks(), []).violations);
  expect(text).toMatch(/^The MWAA environment would fail 20 to 40 minutes into its creation/);
  expect(text).toContain(
    '- analytics-mwaa-environment: KMS key policy lets CloudWatch Logs use the key: no. the key policy of arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab has no statement allowing logs.eu-west-1.amazonaws.com',
  );
  // The statement to add is part of the message, and the way past it for a check that can be wrong.
  expect(text).toContain('"Sid": "Allow logs access"');
  expect(text).toContain('add "kms-key-policy" to allow-failed-prechecks');
  // A fact has no way past it.
  expect(text).toMatch(/eu-west-1a; MWAA needs two AZs\n/);
});

test('the gate refuses the plan even with fail-on-destructive off, and lists destructive changes too', () => {
  const plan = failedPrechecks();
  const off = policyViolation(plan, settings({ 'fail-on-destructive': 'false' }), templates);
  expect(off).toMatch(/^The MWAA environment would fail/);
  expect(off).not.toMatch(/destructive/);
  const both = policyViolation(
    { ...plan, stacks: [...plan.stacks, ...destructive().stacks] },
    settings(),
    templates,
  );
  expect(both).toMatch(/^The MWAA environment would fail[\s\S]*\nThe plan is destructive/);
});

test('allowed by name, the allowable check no longer stops the plan; a fact still does', () => {
  const plan = failedPrechecks();
  const onlyKey = {
    ...plan,
    stacks: plan.stacks.map((s) => ({
      ...s,
      ...(s.failedPrechecks && {
        failedPrechecks: s.failedPrechecks.filter((p) => p.id === 'kms-key-policy'),
      }),
    })),
  };
  expect(
    policyViolation(onlyKey, settings({ 'allow-failed-prechecks': 'kms-key-policy' }), templates),
  ).toBeUndefined();
  expect(
    policyViolation(plan, settings({ 'allow-failed-prechecks': 'kms-key-policy' }), templates),
  ).toMatch(/Two private subnets[^\n]*: no\./);
});

test('allow-failed-prechecks refuses a fact check and an unknown name, naming the input', () => {
  let problems: string[] = [];
  try {
    settings({ 'allow-failed-prechecks': 'bucket-versioning, kms-key-polcy' });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    problems = error.problems.map((p) => p.message);
  }
  expect(problems).toHaveLength(2);
  expect(problems[0]).toContain(
    "Invalid input 'allow-failed-prechecks': 'bucket-versioning' cannot be allowed: it reads a fact about the resource",
  );
  expect(problems[1]).toContain(
    "'kms-key-polcy' is not a pre-check that can be allowed; use kms-key-policy, private-routing, security-group",
  );
  expect(
    settings({ 'allow-failed-prechecks': 'security-group\nprivate-routing' }).allowFailedPrechecks,
  ).toEqual(['security-group', 'private-routing']);
});
