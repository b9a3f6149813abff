/**
 * Drift through the bundled action against the fake CloudFormation (whose drift detection
 * follows the API reference, see test/support/fake-aws/drift.ts): a statement added to the
 * execution role by hand shows in the plan's comment and the deploy's log; reverting it needs
 * allowance; detection that is not permitted or too slow is one line, and the run goes on.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { startFakeGitHub } from '../support/fake-github/index.js';
import type { FakeGitHub } from '../support/fake-github/index.js';
import { runAction } from '../support/runner/run-action.js';

const TOKEN = 'ghs_faketoken0123456789';
const HAND_MADE = { Effect: 'Allow', Action: 's3:DeleteBucket', Resource: '*' };

function inputs(mode: string, extra: Record<string, string> = {}) {
  return {
    mode,
    'environment-name': 'orders',
    'aws-region': 'us-east-1',
    'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa',
    'github-token': TOKEN,
    comment: 'always',
    ...extra,
  };
}

/** Adds a statement to the role's inline policy, as someone in the console would. */
function driftTheRole(aws: FakeAws): void {
  aws.patchResource('orders-mwaa-prerequisites', 'ExecutionRole', (p) => {
    const policies = p['Policies'] as { PolicyDocument: { Statement: unknown[] } }[];
    policies[0]?.PolicyDocument.Statement.push(HAND_MADE);
    return p;
  });
}

describe('drift, end to end', () => {
  let aws: FakeAws;
  let gh: FakeGitHub;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5, driftDetectionMs: 200 });
    gh = await startFakeGitHub({
      pulls: [{ owner: 'octo', repo: 'infra', number: 7, headSha: 'a'.repeat(40) }],
    });
  });
  afterEach(async () => {
    await aws.close();
    await gh.close();
  });

  async function planOnPr(extra: Record<string, string> = {}) {
    const path = join(await mkdtemp(join(tmpdir(), 'mwaa-event-')), 'event.json');
    await writeFile(
      path,
      JSON.stringify({
        pull_request: {
          number: 7,
          head: { sha: 'a'.repeat(40), ref: 'f', repo: { full_name: 'octo/infra' } },
          base: { ref: 'main', repo: { full_name: 'octo/infra' } },
        },
      }),
    );
    const env = {
      ...aws.env(),
      ...gh.env(),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
    };
    return runAction({ inputs: inputs('plan', extra), env });
  }

  it('shows drift on the role in the plan, and gates the deploy that would revert it', async () => {
    expect((await runAction({ inputs: inputs('deploy'), env: aws.env() })).code).toBe(0);
    driftTheRole(aws);

    // Nothing changes in the role: the drift is shown, nothing reverts it, the plan passes.
    const plan = await planOnPr();
    expect(plan.stdout).not.toMatch(/::error::/);
    expect(plan.code).toBe(0);
    const body = gh.comments('octo', 'infra', 7)[0]?.body ?? '';
    expect(body).toContain('### Changed outside CloudFormation (drift)');
    expect(body).toMatch(
      /🔐 ExecutionRole \(AWS::IAM::Role\) \| orders-mwaa-prerequisites \| \/Policies\/0\/PolicyDocument\/Statement\/\d+ \| \*\(none\)\* \| .*s3:DeleteBucket/,
    );
    expect(plan.summary).toContain('Changed outside CloudFormation');
    expect(aws.calls.some((c) => c.action === 'DescribeStackResourceDrifts')).toBe(true);

    // A deploy that updates the role would revert the statement: it needs allowance.
    const template = join(await mkdtemp(join(tmpdir(), 'mwaa-template-')), 'prerequisites.yaml');
    const seed = await readFile(
      join(process.cwd(), 'templates', 'mwaa-prerequisites.yaml'),
      'utf8',
    );
    const anchor = '      Policies:\n        - PolicyName: mwaa-execution';
    expect(seed).toContain(anchor);
    await writeFile(template, seed.replace(anchor, `      MaxSessionDuration: 7200\n${anchor}`));
    const change = { 'prerequisites-template': template };
    const refused = await runAction({ inputs: inputs('deploy', change), env: aws.env() });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toMatch(
      /::warning::Stack orders-mwaa-prerequisites: 1 resource\(s\) changed outside CloudFormation \(ExecutionRole\)/,
    );
    expect(refused.stdout).toMatch(
      /ExecutionRole \(AWS::IAM::Role\) was changed outside CloudFormation .*allow with "Drift"/,
    );
    expect(aws.calls.some((c) => c.action === 'ExecuteChangeSet')).toBe(true); // the first deploy only
    const executes = aws.calls.filter((c) => c.action === 'ExecuteChangeSet').length;
    expect(executes).toBe(2);

    const allowed = await runAction({
      inputs: inputs('deploy', { ...change, 'allow-destructive': 'Drift' }),
      env: aws.env(),
    });
    expect(allowed.stdout).not.toMatch(/::error::/);
    expect(allowed.code).toBe(0);
  }, 120_000);

  it('says in one line when drift detection is not permitted or too slow, and goes on', async () => {
    expect((await runAction({ inputs: inputs('deploy'), env: aws.env() })).code).toBe(0);
    aws.addFault({
      service: 'cloudformation',
      action: 'DetectStackDrift',
      kind: 'error',
      code: 'AccessDenied',
      message: 'User is not authorized to perform: cloudformation:DetectStackDrift',
      times: 1,
    });
    const denied = await planOnPr();
    expect(denied.code).toBe(0);
    expect(denied.stdout).toMatch(
      /::warning::Stack orders-\S+: drift detection is not permitted for this role/,
    );
    expect(gh.comments('octo', 'infra', 7)[0]?.body).toMatch(
      /\*\*Drift not checked:\*\*\n- orders-\S+: drift detection is not permitted/,
    );

    await aws.close();
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5, driftDetectionMs: 60_000 });
    expect(
      (
        await runAction({
          inputs: inputs('deploy', { 'drift-timeout-seconds': '0' }),
          env: aws.env(),
        })
      ).code,
    ).toBe(0);
    expect(aws.calls.some((c) => c.action === 'DetectStackDrift')).toBe(false);
    const slow = await planOnPr({ 'drift-timeout-seconds': '1' });
    expect(slow.code).toBe(0);
    expect(slow.stdout).toContain('drift detection did not finish within 1 s');
  }, 120_000);

  it('an endpoint that answers drift calls with a 500 (moto) costs two attempts per stack, then one line', async () => {
    expect((await runAction({ inputs: inputs('deploy'), env: aws.env() })).code).toBe(0);
    aws.addFault({
      service: 'cloudformation',
      action: 'DetectStackDrift',
      kind: 'not-implemented',
    });
    const plan = await planOnPr();
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(
      /::warning::Stack orders-\S+: drift detection failed: CloudFormation answered DetectStackDrift with HTTP 500 \(no AWS error code\) 2 times; the plan goes on without it\./,
    );
    const stacks = new Set(
      aws.calls.filter((c) => c.action === 'DetectStackDrift').map((c) => c.params['StackName']),
    );
    expect(stacks.size).toBe(2);
    expect(aws.calls.filter((c) => c.action === 'DetectStackDrift')).toHaveLength(2 * stacks.size);
  }, 120_000);
});
