/**
 * The bundled action with deploy-environment: the third stack (AWS::MWAA::Environment) planned,
 * deployed through the fake MWAA with its progress, and its failures explained by MWAA's own
 * LastUpdate.Error.
 */
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { logsKeyStatement } from '../support/logs-key-statement.js';
import {
  environmentInputs,
  rootStatement,
  startEnvironmentFake,
} from '../support/environment-e2e.js';
import { runAction } from '../support/runner/run-action.js';

describe('deploy-environment against the fake AWS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startEnvironmentFake();
  });
  afterEach(async () => aws.close());

  it('creates the environment after the two stacks, with its progress, and hands out its outputs', async () => {
    const run = await runAction({ inputs: environmentInputs(), env: aws.env() });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    const stack = aws.stack('analytics-mwaa-environment');
    expect(stack?.status).toBe('CREATE_COMPLETE');
    // Wired to the other stacks' outputs.
    expect(stack?.parameters.PrivateSubnet1).toBe(run.outputs['private-subnet-ids']?.split(',')[0]);
    expect(stack?.parameters.ExecutionRoleArn).toBe(run.outputs['execution-role-arn']);
    expect(stack?.parameters.SourceBucketArn).toBe(run.outputs['bucket-arn']);
    expect(stack?.parameters.KmsKeyArn).toBe('');
    // The environment's own status while CloudFormation waited.
    expect(run.stdout).toMatch(/MWAA environment analytics: CREATING \(\d+ min\)/);
    expect(run.stdout).toContain(
      'MWAA environment analytics is AVAILABLE; its last update succeeded.',
    );
    expect(aws.mwaa.environments.get('analytics')?.status).toBe('AVAILABLE');
    expect(run.outputs['environment-arn']).toBe(
      'arn:aws:airflow:us-east-1:123456789012:environment/analytics',
    );
    expect(run.outputs['webserver-url']).toMatch(/\.airflow\.amazonaws\.com$/);
    expect(run.outputs['log-group-arns']?.split(',')).toHaveLength(5);
    // The product read MWAA over its own signer, without the api. host prefix.
    expect(aws.calls.some((c) => c.service === 'mwaa' && c.action === 'GetEnvironment')).toBe(true);
  });

  it("shows MWAA's root cause when a key policy lacks the CloudWatch Logs statement", async () => {
    const keyArn = aws.seedKey({
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::123456789012:root' },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      },
    });
    // The pre-check would stop this deploy (fake-environment-prechecks.test.ts); allowed here, as
    // for a policy the check reads wrongly, MWAA itself fails the environment.
    const run = await runAction({
      inputs: environmentInputs({
        'key-mode': 'customer-managed',
        'kms-key': keyArn,
        'allow-failed-prechecks': 'kms-key-policy',
      }),
      env: aws.env(),
    });
    expect(run.code).toBe(1);
    // The environment's own progress through the rollback's deletion, which CloudFormation waits
    // for (DELETING, ~20 minutes in AWS) before ROLLBACK_COMPLETE. (CREATE_FAILED lasts only
    // until CloudFormation's handler notices it, too briefly for a poll to be sure to see it.)
    expect(run.stdout).toMatch(
      /MWAA environment analytics: CREATING \(\d+ min\)[\s\S]*MWAA environment analytics: DELETING \(\d+ min\); last update FAILED: INCORRECT_CONFIGURATION[\s\S]*ROLLBACK_COMPLETE/,
    );
    expect(run.stdout).toMatch(/Stack analytics-mwaa-environment ended in ROLLBACK_COMPLETE/);
    expect(run.stdout).toMatch(
      /MWAA environment analytics was deleted by the rollback; its last update FAILED: INCORRECT_CONFIGURATION: You may need to check the execution role permissions policy/,
    );
    expect(aws.mwaa.environments.has('analytics')).toBe(false);
  });

  it('creates with a key the stack makes: the four grants and encrypted log groups pass verify', async () => {
    const run = await runAction({
      inputs: environmentInputs({ 'key-mode': 'customer-managed' }),
      env: aws.env(),
    });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    const keyArn = run.outputs['kms-key-arn'];
    expect(aws.stack('analytics-mwaa-environment')?.parameters.KmsKeyArn).toBe(keyArn);
    expect(aws.grants.grants.filter((g) => g.KeyId === keyArn)).toHaveLength(4);
    // The checks ran: ListGrants on the key, DescribeLogGroups, GetEnvironment.
    expect(aws.calls.some((c) => c.action === 'ListGrants')).toBe(true);
    expect(aws.calls.some((c) => c.service === 'logs' && c.action === 'DescribeLogGroups')).toBe(
      true,
    );
    expect(run.stdout).not.toMatch(/✗/);
  });

  it('fails verify naming the grant someone removed by hand', async () => {
    const keyArn = aws.seedKey({
      policy: { Version: '2012-10-17', Statement: [logsKeyStatement(), rootStatement()] },
    });
    const first = await runAction({
      inputs: environmentInputs({ 'key-mode': 'customer-managed', 'kms-key': keyArn }),
      env: aws.env(),
    });
    expect(first.stdout).not.toMatch(/::error::/);
    expect(first.code).toBe(0);
    expect(aws.grants.remove((g) => g.Name === 'mwaa-grant-for-cfn-mgmt-analytics')).toBe(1);
    const verify = await runAction({
      inputs: environmentInputs({
        mode: 'verify',
        'key-mode': 'customer-managed',
        'kms-key': keyArn,
      }),
      env: aws.env(),
    });
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain(
      `grant mwaa-grant-for-cfn-mgmt-analytics is missing from ${keyArn}`,
    );
    // Verify mode hands out the environment's outputs too.
    expect(verify.outputs['environment-arn']).toBe(
      'arn:aws:airflow:us-east-1:123456789012:environment/analytics',
    );
  });

  it('renews the role session across a wait longer than the session', async () => {
    // Sessions of 1.5 s (the fake's knob), an environment that takes 6 s to create.
    const slow = await startFakeAws({
      changeSetReadyMs: 30,
      resourceMs: 10,
      sts: { sessionMs: 1_500 },
      mwaa: { createMs: 6_000 },
    });
    try {
      const run = await runAction({ inputs: environmentInputs(), env: slow.env() });
      expect(run.stdout).not.toMatch(/::error::/);
      expect(run.code).toBe(0);
      expect(slow.sts.assumed.length).toBeGreaterThanOrEqual(3);
      expect(run.stdout).toContain('Renewed the session of role');
      // No call was ever signed with an expired session.
      expect(slow.calls.filter((c) => /ExpiredToken/.test(c.errorCode ?? ''))).toEqual([]);
      // Each renewal asked the runner for a fresh OIDC token.
      expect(slow.calls.filter((c) => c.service === 'oidc').length).toBe(slow.sts.assumed.length);
    } finally {
      await slow.close();
    }
  });

  it('fails an update MWAA rolled back, with its LastUpdate.Error, though the environment reads AVAILABLE', async () => {
    expect((await runAction({ inputs: environmentInputs(), env: aws.env() })).code).toBe(0);
    aws.failEnvironment({
      operation: 'update',
      errorCode: 'INCORRECT_CONFIGURATION',
      errorMessage: 'The worker could not install requirements.txt.',
      times: 1,
    });
    const run = await runAction({
      inputs: environmentInputs({ 'max-workers': '4' }),
      env: aws.env(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/MWAA environment analytics: UPDATING \(\d+ min\)/);
    expect(run.stdout).toMatch(
      /Stack analytics-mwaa-environment ended in UPDATE_ROLLBACK_COMPLETE[\s\S]*MWAA environment analytics is AVAILABLE; its last update FAILED: INCORRECT_CONFIGURATION: The worker could not install requirements\.txt\./,
    );
    expect(aws.mwaa.environments.get('analytics')?.status).toBe('AVAILABLE');
    // The plan flagged the restart before it ran.
    expect(run.stdout).toMatch(/restarts its schedulers, workers and web server/);
  });
});
