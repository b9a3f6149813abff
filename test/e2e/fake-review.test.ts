/**
 * The plan as reviewers see it, end to end: the bundled action against the fake AWS and the
 * fake GitHub. The sticky comment, the destructive-change policy, fork PRs, and a deploy bound
 * to the plan that was reviewed.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMarker } from '../../src/publish/comment.js';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { startFakeGitHub } from '../support/fake-github/index.js';
import type { FakeGitHub } from '../support/fake-github/index.js';
import { runAction } from '../support/runner/run-action.js';

const HEAD = 'a'.repeat(40);
const MERGE = 'b'.repeat(40);
const TOKEN = 'ghs_faketoken0123456789';

async function eventFile(payload: unknown): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'mwaa-event-')), 'event.json');
  await writeFile(path, JSON.stringify(payload));
  return path;
}

const prEvent = (fork = false) => ({
  pull_request: {
    number: 7,
    head: { sha: HEAD, ref: 'feature', repo: { full_name: fork ? 'someone/infra' : 'octo/infra' } },
    base: { ref: 'main', repo: { full_name: 'octo/infra' } },
  },
});

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

describe('the PR comment, the policy and the reviewed-plan binding', () => {
  let aws: FakeAws;
  let gh: FakeGitHub;
  beforeEach(async () => {
    aws = await startFakeAws({ changeSetReadyMs: 20, resourceMs: 5 });
    gh = await startFakeGitHub({
      pulls: [{ owner: 'octo', repo: 'infra', number: 7, headSha: HEAD }],
    });
  });
  afterEach(async () => {
    await aws.close();
    await gh.close();
  });

  async function planOnPr(extra: Record<string, string> = {}, fork = false) {
    const env = {
      ...aws.env(),
      ...gh.env(),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: await eventFile(prEvent(fork)),
    };
    return runAction({ inputs: inputs('plan', extra), env });
  }

  /** Pull request 7 merged as MERGE; the environment of the push run that deploys it. */
  function mergePullRequest() {
    gh.addPullRequest({
      owner: 'octo',
      repo: 'infra',
      number: 7,
      headSha: HEAD,
      mergeCommitSha: MERGE,
      mergedAt: '2026-11-25T00:00:00Z',
    });
    return { ...aws.env(), ...gh.env(), GITHUB_EVENT_NAME: 'push', GITHUB_SHA: MERGE };
  }

  it('posts one sticky comment with the fingerprint, and updates it in place', async () => {
    const first = await planOnPr();
    expect(first.stdout).not.toMatch(/::error::/);
    expect(first.code).toBe(0);
    const comments = gh.comments('octo', 'infra', 7);
    expect(comments).toHaveLength(1);
    const marker = parseMarker(comments[0]?.body ?? '');
    expect(marker?.environment).toBe('orders');
    expect(marker?.fields.fingerprint).toBe(first.outputs['plan-fingerprint']);
    expect(first.outputs['comment-url']).toContain('/pull/7#issuecomment-');
    expect(comments[0]?.body).toContain('orders-vpc');
    // A new environment: the execution role's statements (seed 002), read from the template,
    // in the security table a reviewer reads.
    const body = comments[0]?.body ?? '';
    const security = body.slice(body.indexOf('### Security-relevant changes'));
    const table = security.slice(0, security.indexOf('\n\n', security.indexOf('| :-: |')));
    expect(table).toMatch(/ExecutionRole .*airflow:PublishMetrics/);
    expect(table).toMatch(/ExecutionRole .*sqs:ChangeMessageVisibility.*sqs:ReceiveMessage/);
    expect(table).toMatch(/ExecutionRole .*kms:Decrypt.*kms:ViaService/);
    expect(table).toMatch(/SecurityGroupSelfIngress .*ingress rule/);
    // The token never shows, in the comment or anywhere else.
    expect(comments[0]?.body).not.toContain(TOKEN);
    expect(
      first.everything
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(TOKEN);

    const second = await planOnPr();
    expect(second.code).toBe(0);
    expect(gh.comments('octo', 'infra', 7)).toHaveLength(1);
    expect(second.outputs['plan-fingerprint']).toBe(first.outputs['plan-fingerprint']);
  });

  it('finds its comment on the third page of 250 and updates it, through a secondary rate limit', async () => {
    gh.seedComments(
      'octo',
      'infra',
      7,
      Array.from({ length: 210 }, (_, i) => `comment ${i}`),
    );
    expect((await planOnPr()).code).toBe(0);
    gh.seedComments(
      'octo',
      'infra',
      7,
      Array.from({ length: 40 }, (_, i) => `later ${i}`),
    );
    const ours = () =>
      gh.comments('octo', 'infra', 7).filter((c) => c.body.startsWith('<!-- mwaa-deploy'));
    expect(ours()).toHaveLength(1);
    gh.addFault({ route: 'update-comment', kind: 'secondary-rate-limit', times: 1, retryAfter: 1 });
    const again = await planOnPr({ 'bucket-name': 'orders-dags' });
    expect(again.stdout).not.toMatch(/::error::/);
    expect(again.code).toBe(0);
    expect(ours()).toHaveLength(1);
    const lists = gh.calls.filter((c) => c.route === 'list-comments' && c.method === 'GET');
    expect(lists.some((c) => c.query.page === '3')).toBe(true);
    expect(gh.calls.filter((c) => c.route === 'update-comment').map((c) => c.status)).toEqual([
      403, 200,
    ]);
  });

  it('fails a destructive plan after posting its comment, unless allowed', async () => {
    expect(
      (await runAction({ inputs: inputs('deploy', { comment: 'never' }), env: aws.env() })).code,
    ).toBe(0);
    const destructive = await planOnPr({ 'bucket-name': 'orders-dags-renamed' });
    expect(destructive.code).toBe(1);
    expect(destructive.stdout).toMatch(/::error::The plan is destructive/);
    expect(destructive.stdout).toContain('Bucket');
    expect(gh.comments('octo', 'infra', 7)).toHaveLength(1);
    expect(destructive.outputs.destructive).toBe('true');

    const allowed = await planOnPr({
      'bucket-name': 'orders-dags-renamed',
      'allow-destructive': 'Bucket',
    });
    expect(allowed.stdout).not.toMatch(/::error::/);
    expect(allowed.code).toBe(0);
  });

  it('keeps a fork PR plan green when the token cannot comment', async () => {
    gh.addFault({ route: 'create-comment', kind: 'integration-forbidden' });
    const run = await planOnPr({}, true);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::warning::.*fork/i);
    expect(run.summary).toContain('orders-vpc');
  });

  it('deploys the reviewed plan and marks the comment applied; refuses a plan that changed', async () => {
    const plan = await planOnPr();
    expect(plan.code).toBe(0);
    const pushEnv = mergePullRequest();

    const changed = await runAction({
      inputs: inputs('deploy', {
        'require-reviewed-plan': 'true',
        'vpc-cidr': '10.193.0.0/16',
        'public-subnet-1-cidr': '10.193.10.0/24',
        'public-subnet-2-cidr': '10.193.11.0/24',
        'private-subnet-1-cidr': '10.193.20.0/24',
        'private-subnet-2-cidr': '10.193.21.0/24',
      }),
      env: pushEnv,
    });
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('The plan changed since review');
    expect(changed.stdout).toContain('orders-vpc: its parameters changed');
    expect(aws.calls.filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
    expect(aws.stack('orders-vpc')).toBeUndefined();

    const deploy = await runAction({
      inputs: inputs('deploy', { 'require-reviewed-plan': 'true' }),
      env: pushEnv,
    });
    expect(deploy.stdout).not.toMatch(/::error::/);
    expect(deploy.code).toBe(0);
    expect(deploy.stdout).toContain('matches the one reviewed on pull request #7');
    const marker = parseMarker(gh.comments('octo', 'infra', 7)[0]?.body ?? '');
    expect(marker?.fields.status).toBe('applied');
  });

  it('refuses a comment that carries the plan’s marker but shows something else', async () => {
    const plan = await planOnPr();
    expect(plan.code).toBe(0);
    // A workflow of the same repository posts as github-actions[bot] too: it copies the marker
    // (the fingerprint) under text that hides the changes.
    const genuine = gh.comments('octo', 'infra', 7)[0]?.body ?? '';
    const markerLine = genuine.split('\n')[0] ?? '';
    gh.seedComments(
      'octo',
      'infra',
      7,
      [`${markerLine}\n## MWAA plan: orders\n\n✅ **No changes**\n`],
      'github-actions[bot]',
    );
    const pushEnv = mergePullRequest();
    const deploy = await runAction({
      inputs: inputs('deploy', { 'require-reviewed-plan': 'true' }),
      env: pushEnv,
    });
    expect(deploy.code).toBe(1);
    expect(deploy.stdout).toContain('does not show this plan');
    expect(aws.calls.filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
  });

  it('needs no reviewed plan for a deploy that changes nothing', async () => {
    expect(
      (await runAction({ inputs: inputs('deploy', { comment: 'never' }), env: aws.env() })).code,
    ).toBe(0);
    const run = await runAction({
      inputs: inputs('deploy', { 'require-reviewed-plan': 'true' }),
      env: { ...aws.env(), ...gh.env(), GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'd'.repeat(40) },
    });
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(run.outputs['has-changes']).toBe('false');
  });

  it('refuses to deploy when the commit has no reviewed plan', async () => {
    const run = await runAction({
      inputs: inputs('deploy', { 'require-reviewed-plan': 'true' }),
      env: { ...aws.env(), ...gh.env(), GITHUB_EVENT_NAME: 'push', GITHUB_SHA: 'c'.repeat(40) },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('belongs to no pull request');
    expect(aws.calls.filter((c) => c.action === 'ExecuteChangeSet')).toEqual([]);
  });
});
