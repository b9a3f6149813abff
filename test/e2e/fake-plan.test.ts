/**
 * The bundled action in plan mode, run as the runner runs it, against the fake CloudFormation,
 * STS and OIDC endpoints: the plan is made with change sets and nothing is left behind.
 */
import { readFile } from 'node:fs/promises';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { runAction } from '../support/runner/run-action.js';

const ROLE = 'arn:aws:iam::123456789012:role/mwaa-plan';
const template = (name: string) =>
  readFile(new URL(`../../templates/${name}.yaml`, import.meta.url), 'utf8');

/** The calls that change something in the account. */
const MUTATING = /^(Create|Delete|Execute|Update|Continue|Put|Tag|Untag|Set)/;

function inputs(env: string, extra: Record<string, string> = {}) {
  return {
    'environment-name': env,
    'aws-region': 'us-east-1',
    'role-to-assume': ROLE,
    comment: 'never',
    ...extra,
  };
}

describe('plan mode against the fake AWS', () => {
  let aws: FakeAws;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 30, resourceMs: 5 });
  });
  afterEach(async () => aws.close());

  it('with a role that may not delete stacks (the bootstrap plan role), leaves the empty review stack and says so in one info line', async () => {
    // IAM's refusal as CloudFormation's query API returns it (HTTP 403, code AccessDenied).
    aws.addFault({
      service: 'cloudformation',
      action: 'DeleteStack',
      kind: 'error',
      code: 'AccessDenied',
      message: 'User is not authorized to perform: cloudformation:DeleteStack',
      status: 403,
    });
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/::(error|warning)::/);
    expect(run.stdout).toMatch(
      /Stack analytics-vpc is left in REVIEW_IN_PROGRESS \(empty, no resources\): this role may not delete stacks/,
    );
    expect(aws.stack('analytics-vpc')?.status).toBe('REVIEW_IN_PROGRESS');
    // The next plan joins the review stack and plans it as new again.
    const again = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(again.code).toBe(0);
    expect(again.outputs['has-changes']).toBe('true');
  });

  it('plans a new environment through OIDC and leaves the account as it found it', async () => {
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.stderr + run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(run.outputs['has-changes']).toBe('true');
    const plan = run.plan as {
      stacks: { stackName: string; source: string; action: string; changes: unknown[] }[];
    };
    expect(plan.stacks.map((s) => [s.stackName, s.source, s.action])).toEqual([
      ['analytics-vpc', 'change-set', 'create'],
      ['analytics-mwaa-prerequisites', 'template', 'create'],
    ]);
    expect(plan.stacks[0]?.changes).toHaveLength(22);
    // The role was assumed with the runner's token, and every later call used its credentials.
    expect(aws.sts.assumed).toHaveLength(1);
    const cfnCalls = aws.calls.filter((c) => c.service === 'cloudformation');
    expect(new Set(cfnCalls.map((c) => c.accessKeyId))).toEqual(
      new Set([aws.sts.assumed[0]?.credentials.AccessKeyId]),
    );
    // Only its own change set and the review stack it created were touched, and both are gone:
    // the change set is deleted first, then the stack, once it is seen to hold nothing else.
    const mutations = cfnCalls.filter((c) => MUTATING.test(c.action)).map((c) => c.action);
    expect(mutations).toEqual(['CreateChangeSet', 'DeleteChangeSet', 'DeleteStack']);
    expect(aws.stack('analytics-vpc')).toBeUndefined();
    // Every credential and the token were masked, and appear nowhere else in what the run
    // wrote (the runner swallows ::add-mask:: lines).
    const visible = run.everything
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const secret of [
      aws.sts.assumed[0]?.credentials.SecretAccessKey,
      aws.sts.assumed[0]?.credentials.SessionToken,
      aws.sts.assumed[0]?.token,
    ]) {
      expect(secret).toBeTruthy();
      expect(run.stdout).toContain(`::add-mask::${secret}`);
      expect(visible).not.toContain(secret);
    }
  });

  it('plans both stacks with change sets when the VPC exists, and deletes them', async () => {
    aws.seedStack({
      name: 'analytics-vpc',
      templateBody: await template('vpc'),
      parameters: { EnvironmentName: 'analytics' },
    });
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.code).toBe(0);
    const plan = run.plan as { stacks: { source: string; action: string }[] };
    expect(plan.stacks.map((s) => [s.source, s.action])).toEqual([
      ['change-set', 'none'],
      ['change-set', 'create'],
    ]);
    const mutations = aws.calls.filter((c) => MUTATING.test(c.action)).map((c) => c.action);
    // Each change set is deleted; the review stack of the new prerequisite stack after its own.
    expect(mutations.sort()).toEqual([
      'CreateChangeSet',
      'CreateChangeSet',
      'DeleteChangeSet',
      'DeleteChangeSet',
      'DeleteStack',
    ]);
    expect(aws.stack('analytics-vpc')?.status).toBe('CREATE_COMPLETE');
    expect(aws.stack('analytics-mwaa-prerequisites')).toBeUndefined();
    expect(run.outputs['has-changes']).toBe('true');
    expect(run.summary).toContain('analytics-mwaa-prerequisites');
  });

  it('fails with the fix when the job lacks id-token: write', async () => {
    const env = {
      ...aws.env(),
      ACTIONS_ID_TOKEN_REQUEST_URL: '',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: '',
    };
    const run = await runAction({ inputs: inputs('analytics'), env });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('permissions: id-token: write');
    expect(aws.calls.filter((c) => c.service === 'cloudformation')).toEqual([]);
  });

  it('fails fast on AccessDenied with the trust-policy hint', async () => {
    aws.addFault({
      service: 'sts',
      action: 'AssumeRoleWithWebIdentity',
      kind: 'error',
      code: 'AccessDenied',
    });
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/trust policy/);
    expect(aws.calls.filter((c) => c.action === 'AssumeRoleWithWebIdentity')).toHaveLength(1);
  });

  it('retries IDPCommunicationError and a failing token endpoint, then plans', async () => {
    aws.addFault({
      service: 'sts',
      action: 'AssumeRoleWithWebIdentity',
      kind: 'error',
      code: 'IDPCommunicationError',
      times: 1,
    });
    aws.addFault({ service: 'oidc', action: 'GetIdToken', kind: 'internal', times: 1 });
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
  });

  it('says how out of UPDATE_ROLLBACK_FAILED, before planning anything', async () => {
    aws.seedStack({
      name: 'analytics-vpc',
      templateBody: await template('vpc'),
      status: 'UPDATE_ROLLBACK_FAILED',
    });
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('continue-update-rollback --stack-name analytics-vpc');
  });

  it('refuses a stack in ROLLBACK_COMPLETE unless asked to recreate it', async () => {
    aws.seedStack({
      name: 'analytics-vpc',
      templateBody: await template('vpc'),
      status: 'ROLLBACK_COMPLETE',
    });
    const refused = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('recreate-failed-stack: true');
    const planned = await runAction({
      inputs: inputs('analytics', { 'recreate-failed-stack': 'true' }),
      env: aws.env(),
    });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('deletes and recreates it');
    expect(aws.stack('analytics-vpc')?.status).toBe('ROLLBACK_COMPLETE');
  });

  it('waits for an operation already running on a stack, then plans', async () => {
    // The update settles once the action has seen it busy twice, whatever the machine's load
    // (a fixed delay on the wall clock can pass before a slow child process asks at all).
    await aws.close();
    let shift = 0;
    aws = await startFakeAws({
      changeSetReadyMs: 30,
      resourceMs: 5,
      now: () => Date.now() + shift,
    });
    const busyReads = () =>
      aws.calls.filter(
        (c) => c.action === 'DescribeStacks' && c.params.StackName === 'analytics-vpc',
      ).length;
    aws.seedStack({
      name: 'analytics-vpc',
      templateBody: await template('vpc'),
      parameters: { EnvironmentName: 'analytics' },
      status: 'UPDATE_IN_PROGRESS',
      settlesTo: { status: 'UPDATE_COMPLETE', afterMs: 600_000 },
    });
    const settle = setInterval(() => {
      if (busyReads() >= 2) shift = 600_000;
    }, 5);
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() }).finally(() =>
      clearInterval(settle),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is busy (UPDATE_IN_PROGRESS)');
  });

  it('reports a change set that fails for another reason than "no changes", and cleans up', async () => {
    aws.failChangeSet({ stackName: 'analytics-vpc', reason: 'Template error: something is off' });
    const run = await runAction({ inputs: inputs('analytics'), env: aws.env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Template error: something is off');
    expect(aws.stack('analytics-vpc')).toBeUndefined();
  });
});
