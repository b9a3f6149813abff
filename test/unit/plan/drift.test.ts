/**
 * Drift in the plan: the analysis marks security resources and those the plan updates, the
 * policy asks allowance only for drift a deploy reverts on a security resource, and both
 * renderers show it; detection itself (src/drift/detect.ts) against the fake CloudFormation.
 */
import { detectStackDrift } from '../../../src/drift/detect.js';
import { analyzePlan } from '../../../src/plan/analysis.js';
import {
  describeViolations,
  evaluateDestructivePolicy,
} from '../../../src/plan/analysis-policy.js';
import type { StackDrift } from '../../../src/plan/model.js';
import { renderForComment, renderPlanText } from '../../../src/render/index.js';
import { instantClock, systemClock } from '../../../src/shared/clock.js';
import { loadBuiltInTemplate } from '../../../src/templates/index.js';
import { cfnClient } from '../../support/fake-aws/clients.js';
import { startFakeAws } from '../../support/fake-aws/index.js';
import { makePlan, modify, prereqStack, vpcStack } from '../render/factories.js';

const DRIFT: StackDrift = {
  status: 'checked',
  drifted: [
    {
      logicalId: 'ExecutionRole',
      type: 'AWS::IAM::Role',
      status: 'MODIFIED',
      differences: [
        {
          path: '/Policies/0/PolicyDocument/Statement/9',
          actual: '{"Effect":"Allow","Action":"s3:*","Resource":"*"}',
          kind: 'ADD',
        },
      ],
    },
    { logicalId: 'Bucket', type: 'AWS::S3::Bucket', status: 'DELETED', differences: [] },
  ],
};

function planWithDrift(updatesRole: boolean) {
  return makePlan([
    vpcStack({
      action: 'none',
      changes: [],
      drift: { status: 'unavailable', reason: 'drift detection is not permitted for this role' },
    }),
    prereqStack({
      action: updatesRole ? 'update' : 'none',
      changes: updatesRole ? [modify('ExecutionRole', 'AWS::IAM::Role')] : [],
      drift: DRIFT,
    }),
  ]);
}

const on = (allow: string[] = []) => ({ failOnDestructive: true, allow });

describe('drift in the plan', () => {
  it('needs allowance only for a security resource the deploy would revert', () => {
    const quiet = analyzePlan(planWithDrift(false));
    expect(quiet.drift.map((d) => [d.logicalId, d.security, d.revertedByPlan])).toEqual([
      ['ExecutionRole', true, false],
      ['Bucket', false, false],
    ]);
    expect(evaluateDestructivePolicy(quiet, on()).violations).toEqual([]);

    const reverting = analyzePlan(planWithDrift(true));
    const r = evaluateDestructivePolicy(reverting, on());
    expect(r.violations.map((v) => [v.logicalId, v.reason])).toEqual([['ExecutionRole', 'drift']]);
    expect(describeViolations(r.violations)).toContain(
      'ExecutionRole (AWS::IAM::Role) was changed outside CloudFormation (/Policies/0/PolicyDocument/Statement/9); the deploy reverts it (allow with "Drift" or "ExecutionRole")',
    );
    expect(evaluateDestructivePolicy(reverting, on(['Drift'])).violations).toEqual([]);
    expect(evaluateDestructivePolicy(reverting, on(['ExecutionRole'])).violations).toEqual([]);
    expect(
      evaluateDestructivePolicy(reverting, { failOnDestructive: false, allow: [] }).violations,
    ).toEqual([]);
  });

  it('is shown in the comment and the log, with stacks not checked in one line', () => {
    const plan = planWithDrift(true);
    const md = renderForComment(plan, { mode: 'plan' });
    expect(md).toContain('### Changed outside CloudFormation (drift)');
    expect(md).toContain('This plan updates ExecutionRole (↺)');
    expect(md).toMatch(
      /\| ↺ 🔐 ExecutionRole \(AWS::IAM::Role\) \| analytics-prerequisites \| \/Policies\/0\/PolicyDocument\/Statement\/9 \| \*\(none\)\* \| \{&quot;Effect&quot;:&quot;Allow&quot;,&quot;Action&quot;:&quot;s3:&#42;&quot;/,
    );
    expect(md).toContain(
      '| Bucket (AWS::S3::Bucket) | analytics-prerequisites | *(deleted outside CloudFormation)* | | |',
    );
    expect(md).toMatch(
      /\*\*Drift not checked:\*\*\n- analytics-vpc: drift detection is not permitted for this role; the plan went on without it\./,
    );
    const text = renderPlanText(plan, { mode: 'plan' });
    expect(text).toContain('2 resources were changed outside CloudFormation');
    expect(text).toMatch(
      /ExecutionRole \(AWS::IAM::Role, analytics-prerequisites\) \[security\] \[reverted\] \/Policies\/0\/PolicyDocument\/Statement\/9: template \(none\), AWS/,
    );
    expect(text).toContain(
      'Note: analytics-vpc: drift detection is not permitted for this role; the plan went on without it.',
    );
  });

  it('drops a malformed drift from a plan file instead of failing to render', () => {
    const plan = makePlan([vpcStack({ drift: 'nonsense' as unknown as StackDrift })]);
    expect(() => renderForComment(plan, { mode: 'plan' })).not.toThrow();
  });
});

describe('detectStackDrift against the fake CloudFormation', () => {
  it('reads the drifted resources, and times out within the bound without failing', async () => {
    const aws = await startFakeAws({ driftDetectionMs: 300 });
    try {
      aws.seedStack({ name: 'net', templateBody: await loadBuiltInTemplate('vpc') });
      aws.patchResource('net', 'VPC', (p) => ({ ...p, EnableDnsSupport: false }));
      const cfn = cfnClient(aws);
      const found = await detectStackDrift(cfn, 'net', { clock: systemClock, timeoutMs: 10_000 });
      expect(found).toEqual({
        status: 'checked',
        drifted: [
          expect.objectContaining({
            logicalId: 'VPC',
            status: 'MODIFIED',
            differences: [
              { path: '/EnableDnsSupport', expected: 'true', actual: 'false', kind: 'NOT_EQUAL' },
            ],
          }),
        ],
      });
      const slow = await detectStackDrift(cfn, 'net', { clock: instantClock(), timeoutMs: 1_000 });
      expect(slow).toEqual({
        status: 'unavailable',
        reason: 'drift detection did not finish within 1 s (drift-timeout-seconds)',
      });
      aws.addFault({
        service: 'cloudformation',
        action: 'DetectStackDrift',
        kind: 'error',
        code: 'AccessDenied',
        times: 1,
      });
      const denied = await detectStackDrift(cfn, 'net', { clock: systemClock, timeoutMs: 1_000 });
      expect(denied.status === 'unavailable' && denied.reason).toMatch(
        /^drift detection is not permitted for this role/,
      );
    } finally {
      await aws.close();
    }
  });
});

describe('detectStackDrift when CloudFormation answers a drift call with a server error', () => {
  // The engine's clients retry up to 10 attempts, adaptively (src/aws/clients.ts); against moto,
  // which answers DetectStackDrift with a 500 page (fake-aws/faults.ts, not-implemented), that
  // made a plan wait ~16 s for information it then went without.
  it.each(['not-implemented', 'internal'] as const)(
    'a %s 500 every time: two attempts, then one line saying why drift was not checked',
    async (kind) => {
      const aws = await startFakeAws();
      try {
        aws.seedStack({ name: 'net', templateBody: await loadBuiltInTemplate('vpc') });
        aws.addFault({ service: 'cloudformation', action: 'DetectStackDrift', kind });
        const cfn = cfnClient(aws, { maxAttempts: 10, retryMode: 'adaptive' });
        const found = await detectStackDrift(cfn, 'net', { clock: systemClock, timeoutMs: 60_000 });
        expect(found).toEqual({
          status: 'unavailable',
          reason: expect.stringMatching(
            /^drift detection failed: CloudFormation answered DetectStackDrift with HTTP 500 \(.+\) 2 times$/,
          ),
        });
        expect(aws.calls.filter((c) => c.action === 'DetectStackDrift')).toHaveLength(2);
      } finally {
        await aws.close();
      }
    },
  );

  it.each([
    ['one 500', 'internal', 1, 'adaptive'],
    ['three throttles', 'throttle', 3, 'standard'],
  ] as const)(
    '%s, then an answer: retried as the client is configured, and the drift is read',
    async (_, kind, times, retryMode) => {
      const aws = await startFakeAws({ driftDetectionMs: 50 });
      try {
        aws.seedStack({ name: 'net', templateBody: await loadBuiltInTemplate('vpc') });
        aws.addFault({ service: 'cloudformation', action: 'DetectStackDrift', kind, times });
        const cfn = cfnClient(aws, { maxAttempts: 10, retryMode });
        const found = await detectStackDrift(cfn, 'net', { clock: systemClock, timeoutMs: 10_000 });
        expect(found).toEqual({ status: 'checked', drifted: [] });
        const calls = aws.calls.filter((c) => c.action === 'DetectStackDrift');
        expect(calls).toHaveLength(times + 1);
      } finally {
        await aws.close();
      }
    },
  );
});
