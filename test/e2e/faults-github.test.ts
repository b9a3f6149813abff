/**
 * GitHub failing while the plan comment is posted, end to end: the bundled action in plan mode
 * on a pull request, against the fake AWS and a fake GitHub that answers 404, 422, 5xx, an HTML
 * 502 page, and rate limits. A comment is a convenience: the plan step stays green, with one
 * warning that says what to do, or the comment is posted after a retry. The fork PR's 403 is in
 * fake-review.test.ts.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../support/fake-aws/index.js';
import type { FakeAws } from '../support/fake-aws/index.js';
import { startFakeGitHub } from '../support/fake-github/index.js';
import type { FakeGitHub, GitHubFaultRule } from '../support/fake-github/index.js';
import { runAction } from '../support/runner/run-action.js';
import type { ActionRun } from '../support/runner/run-action.js';
import { expectNoSecrets, expectPlanOnlyCleansUp, secretsOf } from '../unit/hostile/run-checks.js';

const HEAD = 'a'.repeat(40);
const TOKEN = 'ghs_faketoken0123456789';

describe('GitHub faults on the plan comment', () => {
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

  async function planWith(...faults: GitHubFaultRule[]): Promise<ActionRun> {
    for (const fault of faults) gh.addFault(fault);
    const event = join(await mkdtemp(join(tmpdir(), 'mwaa-event-')), 'event.json');
    await writeFile(
      event,
      JSON.stringify({
        pull_request: {
          number: 7,
          head: { sha: HEAD, ref: 'feature', repo: { full_name: 'octo/infra' } },
          base: { ref: 'main', repo: { full_name: 'octo/infra' } },
        },
      }),
    );
    const run = await runAction({
      inputs: {
        'environment-name': 'orders',
        'aws-region': 'us-east-1',
        'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa',
        'github-token': TOKEN,
        comment: 'always',
      },
      env: {
        ...aws.env(),
        ...gh.env(),
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
      },
    });
    // Whatever GitHub did, the plan itself is complete, published and cleaned up.
    expect(run.stdout).not.toMatch(/::error::/);
    expect(run.code).toBe(0);
    expect(run.outputs['has-changes']).toBe('true');
    expect(run.summary).toContain('orders-vpc');
    expectPlanOnlyCleansUp(aws);
    expectNoSecrets(run, secretsOf(aws, [TOKEN]));
    return run;
  }

  const warnings = (run: ActionRun) =>
    run.stdout.split('\n').filter((line) => line.startsWith('::warning::'));
  const comments = () => gh.comments('octo', 'infra', 7);

  it('404 on reading the comments: green, one warning naming the permission to check', async () => {
    const run = await planWith({ route: 'list-comments', kind: 'not-found' });
    expect(warnings(run)).toHaveLength(1);
    expect(warnings(run)[0]).toMatch(
      /Could not list the comments.*GitHub answered 404 "Not Found.*pull-requests: write.*job summary/,
    );
    expect(comments()).toEqual([]);
    expect(run.outputs['comment-url']).toBeUndefined();
    // Not retried: a 404 will not go away.
    expect(gh.calls.filter((c) => c.route === 'list-comments')).toHaveLength(1);
  });

  it('422 on creating the comment: green, one warning, not retried', async () => {
    const run = await planWith({ route: 'create-comment', kind: 'unprocessable' });
    expect(warnings(run)).toHaveLength(1);
    expect(warnings(run)[0]).toMatch(
      /GitHub answered 422 "Validation Failed.*rejected the comment/,
    );
    expect(comments()).toEqual([]);
    expect(gh.calls.filter((c) => c.route === 'create-comment')).toHaveLength(1);
  });

  it('5xx twice, then success: the comment is posted after retries, without a warning', async () => {
    const run = await planWith({ route: 'create-comment', kind: 'server-error', times: 2 });
    expect(warnings(run)).toEqual([]);
    expect(run.stdout).toMatch(/GitHub answered 500 .*retrying in/);
    expect(comments()).toHaveLength(1);
    expect(run.outputs['comment-url']).toContain('/pull/7#issuecomment-');
    expect(gh.calls.filter((c) => c.route === 'create-comment')).toHaveLength(3);
  });

  it('an HTML 502 page once: retried, and the page is not dumped into the log', async () => {
    const run = await planWith({ route: 'list-comments', kind: 'bad-gateway', times: 1 });
    expect(warnings(run)).toEqual([]);
    expect(run.stdout).toContain('GitHub answered 502 (an HTML error page)');
    expect(run.stdout).not.toContain('<html>');
    expect(comments()).toHaveLength(1);
  });

  it('secondary rate limit once: waits what retry-after says, then posts', async () => {
    const started = Date.now();
    const run = await planWith({
      route: 'create-comment',
      kind: 'secondary-rate-limit',
      times: 1,
      retryAfter: 1,
    });
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(warnings(run)).toEqual([]);
    expect(run.stdout).toMatch(/GitHub answered 403 \(You have exceeded a secondary rate limit/);
    expect(comments()).toHaveLength(1);
  });

  it('429 once: waits, then posts', async () => {
    const run = await planWith({
      route: 'list-comments',
      kind: 'too-many-requests',
      times: 1,
      retryAfter: 1,
    });
    expect(warnings(run)).toEqual([]);
    expect(comments()).toHaveLength(1);
  });

  it('a secondary rate limit asking for minutes: gives up at once with a warning, not blocking the job', async () => {
    const started = Date.now();
    const run = await planWith({
      route: 'create-comment',
      kind: 'secondary-rate-limit',
      retryAfter: 600,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(warnings(run)).toHaveLength(1);
    expect(warnings(run)[0]).toMatch(/rate limit did not clear/);
    expect(comments()).toEqual([]);
  });
});
