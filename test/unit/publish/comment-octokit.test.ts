/**
 * The Octokit-backed CommentsApi and the comment logic over real HTTP, against the loopback fake
 * GitHub: what Octokit sends (paths, per_page, page, auth) and how GitHub's answers come back.
 */
import { getOctokit } from '@actions/github';
import { formatMarker, upsertPlanComment } from '../../../src/publish/comment.js';
import { octokitCommentsApi } from '../../../src/publish/comment-octokit.js';
import { fetchPullRequest } from '../../../src/publish/github-context.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import { startFakeGitHub } from '../../support/fake-github/index.js';
import type { FakeGitHub } from '../../support/fake-github/index.js';

const PR = { owner: 'octo', repo: 'infra', number: 7 };
let gh: FakeGitHub;

beforeEach(async () => {
  gh = await startFakeGitHub({
    pulls: [PR, { ...PR, number: 8, headRepo: 'someone/infra', headSha: 'f'.repeat(40) }],
    tokens: {
      writer: { login: 'github-actions[bot]' },
      'fork-token': { login: 'github-actions[bot]', readOnly: true },
    },
  });
});
afterEach(() => gh.close());

function api(token = 'writer', number = PR.number) {
  return octokitCommentsApi(getOctokit(token, { baseUrl: gh.url }), PR.owner, PR.repo, number);
}

function upsertOptions(commentsApi = api()) {
  return {
    api: commentsApi,
    environment: 'prod',
    body: '### Plan',
    policy: 'always' as const,
    hasChanges: true,
    log: memoryLogger(),
    clock: instantClock(),
    retry: { random: () => 0 },
  };
}

describe('octokitCommentsApi against the fake GitHub', () => {
  it('reads every page of 250 comments, 100 at a time, following the Link header', async () => {
    gh.seedComments(
      'octo',
      'infra',
      7,
      Array.from({ length: 250 }, (_, i) => `c${i}`),
    );
    const comments = api();
    const iterator = comments.pages();
    const pages = [await iterator.next(), await iterator.next(), await iterator.next()];
    expect(await iterator.next()).toBeUndefined();
    expect(pages.map((p) => p?.length)).toEqual([100, 100, 50]);
    expect(pages[2]!.at(-1)).toMatchObject({ body: 'c249', author: 'someone-else' });
    expect(gh.calls.map((c) => c.query)).toEqual([
      // The first page is the plain route; later ones are the Link header's rel="next" URLs.
      { per_page: '100' },
      { per_page: '100', page: '2' },
      { per_page: '100', page: '3' },
    ]);
    expect(gh.calls.every((c) => c.scheme === 'token')).toBe(true);
  });

  it('creates, updates and deletes, with GitHub ids and html_url', async () => {
    const comments = api();
    const created = await comments.create('first');
    expect(created).toMatchObject({ body: 'first', author: 'github-actions[bot]' });
    expect(created.id).toBeGreaterThan(2 ** 31);
    expect(created.url).toBe(`https://github.com/octo/infra/pull/7#issuecomment-${created.id}`);
    expect((await comments.update(created.id, 'second')).body).toBe('second');
    expect(gh.comments('octo', 'infra', 7).map((c) => c.body)).toEqual(['second']);
    await comments.remove(created.id);
    expect(gh.comments('octo', 'infra', 7)).toEqual([]);
    expect(gh.calls.map((c) => `${c.method} ${c.route} ${c.status}`)).toEqual([
      'POST create-comment 201',
      'PATCH update-comment 200',
      'DELETE delete-comment 204',
    ]);
  });

  it('throws HTTP errors with status and headers the retry logic reads', async () => {
    gh.addFault({ route: 'create-comment', kind: 'secondary-rate-limit', retryAfter: 7 });
    const error: unknown = await api()
      .create('x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, response: { headers: { 'retry-after': '7' } } });
  });
});

describe('upsertPlanComment over HTTP', () => {
  it('finds its comment on page 3 and updates it in place', async () => {
    gh.seedComments(
      'octo',
      'infra',
      7,
      Array.from({ length: 230 }, (_, i) => `c${i}`),
    );
    const [ours] = gh.seedComments(
      'octo',
      'infra',
      7,
      [`${formatMarker('prod')}\nold`],
      'github-actions[bot]',
    );
    gh.seedComments('octo', 'infra', 7, ['after']);
    const outcome = await upsertPlanComment(upsertOptions());
    expect(outcome).toMatchObject({ action: 'updated', id: ours!.id });
    expect(gh.comments('octo', 'infra', 7).find((c) => c.id === ours!.id)?.body).toBe(
      `${formatMarker('prod')}\n### Plan`,
    );
    expect(gh.calls.map((c) => c.route)).toEqual([
      'list-comments',
      'list-comments',
      'list-comments',
      'update-comment',
    ]);
  });

  it('a fork PR token answers 403: failed with the fork warning, nothing written', async () => {
    const outcome = await upsertPlanComment({
      ...upsertOptions(api('fork-token', 8)),
      fromFork: true,
    });
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('403 "Resource not accessible by integration');
    expect(outcome.warning).toContain('fork');
    expect(gh.comments('octo', 'infra', 8)).toEqual([]);
  });

  it('waits out a secondary rate limit (retry-after: 1) then posts', async () => {
    gh.addFault({ route: 'create-comment', kind: 'too-many-requests', times: 1 });
    const options = upsertOptions();
    const outcome = await upsertPlanComment(options);
    expect(outcome.action).toBe('created');
    expect(options.clock.slept[0]).toBe(1_000);
    expect(gh.comments('octo', 'infra', 7)).toHaveLength(1);
  });

  it('retries a 502 HTML page from the edge', async () => {
    gh.addFault({ route: 'list-comments', kind: 'bad-gateway', times: 2 });
    const options = upsertOptions();
    const outcome = await upsertPlanComment(options);
    expect(outcome.action).toBe('created');
    expect(gh.calls.map((c) => c.status)).toEqual([502, 502, 200, 201]);
    expect(options.log.lines[0]).toMatch(/^GitHub answered 502 \(an HTML error page\)/);
  });

  it('a 404 pull request is a warning', async () => {
    const outcome = await upsertPlanComment(upsertOptions(api('writer', 99)));
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('404');
  });
});

describe('the fake GitHub itself', () => {
  it('requires a token, and accepts Bearer too', async () => {
    const noAuth = await fetch(`${gh.url}/repos/octo/infra/issues/7/comments`);
    expect(noAuth.status).toBe(401);
    const bearer = await fetch(`${gh.url}/repos/octo/infra/issues/7/comments`, {
      headers: { authorization: 'Bearer writer' },
    });
    expect(bearer.status).toBe(200);
    const unknown = await fetch(`${gh.url}/repos/octo/infra/issues/7/comments`, {
      headers: { authorization: 'token nope' },
    });
    expect(await unknown.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('refuses a body over 65,536 characters with GitHub 422 shape, and accepts one at it', async () => {
    const comments = api();
    await expect(comments.create('x'.repeat(65_536))).resolves.toMatchObject({
      id: expect.any(Number),
    });
    const error: unknown = await comments.create('x'.repeat(65_537)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [{ resource: 'IssueComment', field: 'body', code: 'custom' }],
        },
      },
    });
  });

  it('sends Link headers like GitHub: none on a single page, prev/first on later pages', async () => {
    gh.seedComments('octo', 'infra', 7, ['a', 'b', 'c']);
    const one = await fetch(`${gh.url}/repos/octo/infra/issues/7/comments`, {
      headers: { authorization: 'token writer' },
    });
    expect(one.headers.get('link')).toBeNull();
    const last = await fetch(`${gh.url}/repos/octo/infra/issues/7/comments?per_page=1&page=3`, {
      headers: { authorization: 'token writer' },
    });
    const link = last.headers.get('link') ?? '';
    expect(link).toContain('per_page=1&page=2>; rel="prev"');
    expect(link).toContain('rel="first"');
    expect(link).not.toContain('rel="next"');
  });

  it('serves the pull request: head sha, refs and fork', async () => {
    const octokit = getOctokit('writer', { baseUrl: gh.url });
    expect(await fetchPullRequest(octokit, 'octo', 'infra', 8)).toEqual({
      number: 8,
      headSha: 'f'.repeat(40),
      headRef: 'feature',
      baseRef: 'main',
      fromFork: true,
      state: 'open',
    });
  });
});
