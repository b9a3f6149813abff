import { describeFingerprintChange, planFingerprint } from '../../../src/plan/fingerprint.js';
import type { Plan, StackPlan } from '../../../src/plan/model.js';

function stack(role: 'vpc' | 'prerequisites', over: Partial<StackPlan> = {}): StackPlan {
  return {
    role,
    stackName: `env-${role}`,
    status: 'CREATE_COMPLETE',
    action: 'update',
    source: 'change-set',
    templateSource: 'built-in',
    parameters: [{ key: 'EnvironmentName', before: 'env', after: 'env' }],
    changes: [
      {
        action: 'Modify',
        logicalId: 'Bucket',
        physicalId: 'bucket-1',
        type: 'AWS::S3::Bucket',
        replacement: 'False',
        scope: ['Properties'],
        details: [{ attribute: 'Properties', name: 'Tags', before: 'a', after: 'b' }],
      },
    ],
    warnings: [],
    ...over,
  };
}

function plan(stacks: StackPlan[], createdAt = '2026-01-01T00:00:00Z'): Plan {
  return {
    version: 1,
    environmentName: 'env',
    region: 'eu-west-1',
    accountId: '123456789012',
    createdAt,
    keyMode: 'aws-owned',
    stacks,
    warnings: [],
  };
}

const templates = { vpc: 'vpc body', prerequisites: 'prereq body' };

describe('planFingerprint', () => {
  it('is the same for two plans of the same thing made at different times', () => {
    const a = planFingerprint(plan([stack('vpc'), stack('prerequisites')]), templates);
    const b = planFingerprint(
      plan([stack('vpc'), stack('prerequisites')], '2027-05-05T00:00:00Z'),
      templates,
    );
    expect(a).toEqual(b);
    expect(a.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [
      'a template',
      (p: Plan) => p,
      { ...templates, vpc: 'vpc body 2' },
      'env-vpc: its template changed',
    ],
    [
      'a parameter',
      (p: Plan) =>
        plan([
          stack('vpc', { parameters: [{ key: 'EnvironmentName', before: 'env', after: 'x' }] }),
          p.stacks[1]!,
        ]),
      templates,
      'env-vpc: its parameters changed',
    ],
    [
      'the stack state',
      (p: Plan) =>
        plan([p.stacks[0]!, stack('prerequisites', { status: 'UPDATE_ROLLBACK_COMPLETE' })]),
      templates,
      'env-prerequisites: the stack changed in AWS',
    ],
    [
      'a change detail',
      (p: Plan) =>
        plan([
          p.stacks[0]!,
          stack('prerequisites', {
            changes: [{ ...stack('vpc').changes[0]!, replacement: 'True' }],
          }),
        ]),
      templates,
      'env-prerequisites: CloudFormation now plans different changes',
    ],
  ])('changes when %s changes, and says what', (_what, mutate, tpl, words) => {
    const base = plan([stack('vpc'), stack('prerequisites')]);
    const a = planFingerprint(base, templates);
    const b = planFingerprint(mutate(base), tpl);
    expect(b.value).not.toBe(a.value);
    const names = { vpc: 'env-vpc', prerequisites: 'env-prerequisites' };
    expect(describeFingerprintChange(a.parts, b.parts, names)).toEqual([words]);
  });
});
