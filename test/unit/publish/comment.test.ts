import { GitHubHttpError, MAX_COMMENT_CHARS } from '../../../src/publish/comment-api.js';
import { formatMarker, parseMarker, upsertPlanComment } from '../../../src/publish/comment.js';
import type { UpsertPlanCommentOptions } from '../../../src/publish/comment.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import { memoryCommentsApi } from './memory-comments-api.js';
import type { MemoryCommentsApi } from './memory-comments-api.js';

const PROD = formatMarker('prod');

function setup(api: MemoryCommentsApi = memoryCommentsApi()) {
  const clock = instantClock();
  const log = memoryLogger();
  const upsert = (options: Partial<UpsertPlanCommentOptions> = {}) =>
    upsertPlanComment({
      api,
      environment: 'prod',
      body: '### Plan\n\n2 to change',
      policy: 'on-change',
      hasChanges: true,
      markerFields: { fingerprint: 'abc123', status: 'planned' },
      log,
      clock,
      retry: { random: () => 0 },
      ...options,
    });
  return { api, clock, log, upsert };
}

const writes = (api: MemoryCommentsApi) => api.calls.filter((c) => !c.startsWith('list'));

describe('upsertPlanComment: finding our comment', () => {
  it('finds our comment on page 3 of 250 comments and updates it in place', async () => {
    const { api, upsert } = setup();
    api.seed(Array.from({ length: 220 }, (_, i) => `chatter ${i}`));
    const [ours] = api.seed([`${PROD}\nold plan`], 'github-actions[bot]');
    api.seed(Array.from({ length: 29 }, (_, i) => `more chatter ${i}`));

    const outcome = await upsert();

    expect(api.comments).toHaveLength(250);
    expect(api.calls).toEqual(['list 1', 'list 2', 'list 3', `update ${ours!.id}`]);
    expect(outcome).toMatchObject({ action: 'updated', id: ours!.id, url: ours!.url });
    const body = api.comments.find((c) => c.id === ours!.id)!.body;
    expect(body).toBe(
      '<!-- mwaa-deploy:v1 environment=prod fingerprint=abc123 status=planned -->\n### Plan\n\n2 to change',
    );
  });

  it('creates a comment when there is none, marker first', async () => {
    const { api, upsert } = setup();
    api.seed(['LGTM']);
    const outcome = await upsert();
    expect(outcome.action).toBe('created');
    expect(writes(api)).toEqual(['create']);
    const created = api.comments.at(-1)!;
    expect(outcome.id).toBe(created.id);
    expect(parseMarker(created.body)).toEqual({
      version: 1,
      environment: 'prod',
      fields: { fingerprint: 'abc123', status: 'planned' },
    });
  });

  it("ignores another environment's comment and one that quotes the marker mid-body", async () => {
    const { api, upsert } = setup();
    api.seed([`${formatMarker('staging')}\nstaging plan`], 'github-actions[bot]');
    api.seed([`Why does the bot write ${PROD} at the top?`, `> quoted\n${PROD}\nplan`]);
    const outcome = await upsert();
    expect(outcome.action).toBe('created');
    expect(writes(api)).toEqual(['create']);
    expect(api.comments[0]!.body).toBe(`${formatMarker('staging')}\nstaging plan`);
  });

  it('ignores a comment whose marker is of an unknown major version', async () => {
    const { api, upsert } = setup();
    api.seed(['<!-- mwaa-deploy:v2 environment=prod -->\nfuture format'], 'github-actions[bot]');
    expect((await upsert()).action).toBe('created');
    expect(api.comments[0]!.body).toContain('future format');
  });

  it('updates the newest when earlier runs left duplicates', async () => {
    const { api, upsert } = setup();
    const [older, newer] = api.seed([`${PROD}\none`, `${PROD}\ntwo`], 'github-actions[bot]');
    const outcome = await upsert();
    expect(outcome.id).toBe(newer!.id);
    expect(api.comments.find((c) => c.id === older!.id)!.body).toBe(`${PROD}\none`);
  });

  it('with authors set, skips a lookalike comment by someone else', async () => {
    const { api, upsert } = setup();
    api.seed([`${PROD}\nforged`], 'mallory');
    const outcome = await upsert({ authors: ['github-actions[bot]'] });
    expect(outcome.action).toBe('created');
    expect(api.comments[0]!.body).toBe(`${PROD}\nforged`);
  });

  it('leaves an identical comment alone (no edit, no notification)', async () => {
    const { api, upsert } = setup();
    await upsert();
    const outcome = await upsert();
    expect(outcome.action).toBe('skipped');
    expect(outcome.id).toBe(api.comments[0]!.id);
    expect(writes(api)).toEqual(['create']);
  });
});

describe('upsertPlanComment: policies', () => {
  it('never makes no call at all', async () => {
    const { api, upsert } = setup();
    api.seed([`${PROD}\nold`], 'github-actions[bot]');
    expect(await upsert({ policy: 'never' })).toEqual({ action: 'skipped' });
    expect(api.calls).toEqual([]);
  });

  it('on-change without changes and without a comment writes nothing', async () => {
    const { api, upsert } = setup();
    expect(await upsert({ hasChanges: false })).toEqual({ action: 'skipped' });
    expect(writes(api)).toEqual([]);
  });

  it('on-change without changes collapses a stale comment, keeping the new marker fields', async () => {
    const { api, upsert } = setup();
    const [stale] = api.seed([`${PROD}\n### Plan\n\n5 to change`], 'github-actions[bot]');
    const outcome = await upsert({
      hasChanges: false,
      markerFields: { fingerprint: 'def456', status: 'planned' },
      runUrl: 'https://github.com/octo/infra/actions/runs/9',
    });
    expect(outcome).toMatchObject({ action: 'collapsed', id: stale!.id });
    const body = api.comments[0]!.body;
    expect(parseMarker(body)?.fields).toEqual({ fingerprint: 'def456', status: 'planned' });
    expect(body).toContain('no changes any more');
    expect(body).toContain('https://github.com/octo/infra/actions/runs/9');
    expect(body).not.toContain('5 to change');
  });

  it('on-change without changes deletes the stale comment when asked to', async () => {
    const { api, upsert } = setup();
    const [stale] = api.seed([`${PROD}\nold plan`], 'github-actions[bot]');
    const outcome = await upsert({ hasChanges: false, stale: 'delete' });
    expect(outcome).toEqual({ action: 'deleted', id: stale!.id });
    expect(api.comments).toEqual([]);
  });

  it('always posts a plan without changes too', async () => {
    const { api, upsert } = setup();
    const outcome = await upsert({ policy: 'always', hasChanges: false, body: 'No changes.' });
    expect(outcome.action).toBe('created');
    expect(api.comments[0]!.body).toContain('No changes.');
  });
});

describe('upsertPlanComment: errors never throw', () => {
  const integration = () => new GitHubHttpError(403, 'Resource not accessible by integration');

  it('403 on a fork pull request: failed, with a warning that says it is expected', async () => {
    const { api, log, upsert } = setup();
    api.failNext('create', integration());
    const outcome = await upsert({ fromFork: true });
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('fork');
    expect(outcome.warning).toContain('expected');
    expect(outcome.warning).toContain('job summary');
    expect(outcome.warning).toContain('octo/infra#7');
    expect(log.lines).toContain(`warning: ${outcome.warning}`);
    expect(writes(api)).toEqual(['create']);
  });

  it('403 "Resource not accessible by integration" elsewhere names the permission to grant', async () => {
    const { upsert, api } = setup();
    api.failNext('create', integration());
    const outcome = await upsert();
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('permissions: pull-requests: write');
    expect(outcome.warning).toContain('Resource not accessible by integration');
  });

  it('404 says the pull request was not found or the token cannot see it', async () => {
    const { upsert, api } = setup();
    api.failNext('list', new GitHubHttpError(404, 'Not Found'));
    const outcome = await upsert();
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toMatch(/not found, or the token cannot see it/);
    expect(api.calls).toEqual(['list 1']);
  });

  it('422 is not retried and the warning names the 65,536-character limit', async () => {
    const { api, clock, upsert } = setup();
    api.failNext('create', new GitHubHttpError(422, 'Validation Failed'), 5);
    const outcome = await upsert();
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('65,536 characters');
    expect(writes(api)).toEqual(['create']);
    expect(clock.slept).toEqual([]);
  });

  it('retries a secondary rate limit after retry-after, then succeeds', async () => {
    const { api, clock, upsert } = setup();
    api.failNext(
      'update',
      new GitHubHttpError(403, 'You have exceeded a secondary rate limit.', { 'retry-after': '3' }),
    );
    const [ours] = api.seed([`${PROD}\nold`], 'github-actions[bot]');
    const outcome = await upsert();
    expect(outcome.action).toBe('updated');
    expect(writes(api)).toEqual([`update ${ours!.id}`, `update ${ours!.id}`]);
    expect(clock.slept).toEqual([3_000]);
  });

  it('retries a 429 and jitters the wait upwards only', async () => {
    const { api, clock, upsert } = setup();
    api.failNext('list', new GitHubHttpError(429, 'Too Many Requests', { 'retry-after': '2' }));
    const outcome = await upsert({ retry: { random: () => 1 } });
    expect(outcome.action).toBe('created');
    expect(clock.slept).toEqual([3_000]);
  });

  it('waits until x-ratelimit-reset when the remaining quota is 0', async () => {
    const { api, clock, upsert } = setup();
    api.failNext(
      'list',
      new GitHubHttpError(403, 'API rate limit exceeded', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '20',
      }),
    );
    expect((await upsert()).action).toBe('created');
    expect(clock.slept).toEqual([21_000]);
  });

  it('gives up at once when a rate limit asks for a longer wait than allowed', async () => {
    const { api, clock, upsert } = setup();
    // 90 s: within the total budget (120 s), beyond the longest single wait (60 s).
    api.failNext('list', new GitHubHttpError(429, 'Too Many Requests', { 'retry-after': '90' }));
    const outcome = await upsert();
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('rate limit');
    expect(clock.slept).toEqual([]);
  });

  it('retries 5xx with backoff, then succeeds', async () => {
    const { api, clock, upsert } = setup();
    api.failNext('list', new GitHubHttpError(502, 'Bad Gateway'), 2);
    const outcome = await upsert();
    expect(outcome.action).toBe('created');
    expect(api.calls.filter((c) => c === 'list 1')).toHaveLength(3);
    expect(clock.slept).toEqual([500, 1_000]);
  });

  it('warns after 5xx that does not stop, with the attempts made', async () => {
    const { api, clock, upsert } = setup();
    api.failNext('list', new GitHubHttpError(500, 'Server Error'), 10);
    const outcome = await upsert();
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('after 4 attempts');
    expect(outcome.warning).toContain('re-run');
    expect(clock.slept).toHaveLength(3);
  });

  it('does not post a duplicate when a failed POST was stored after all', async () => {
    const { api, upsert } = setup();
    const realCreate = api.create.bind(api);
    let first = true;
    api.create = async (body) => {
      const created = await realCreate(body);
      if (first) {
        first = false;
        throw new GitHubHttpError(502, 'Bad Gateway');
      }
      return created;
    };
    const outcome = await upsert();
    expect(outcome.action).toBe('created');
    expect(api.comments).toHaveLength(1);
    expect(api.calls.filter((c) => c === 'create')).toHaveLength(1);
  });

  it('a thrown non-HTTP error becomes a warning too', async () => {
    const { api, upsert } = setup();
    api.failNext('list', 'a string, not an Error');
    const outcome = await upsert();
    expect(outcome).toMatchObject({ action: 'failed' });
    expect(outcome.warning).toContain('a string, not an Error');
  });
});

describe('upsertPlanComment: body size', () => {
  it('cuts a body over the limit at a line, closes the code fence and warns', async () => {
    const { api, upsert } = setup();
    const long = [
      '```diff',
      ...Array.from({ length: 5_000 }, (_, i) => `+ line ${i} of the plan`),
    ].join('\n');
    const outcome = await upsert({ body: long });
    expect(outcome.action).toBe('created');
    expect(outcome.warning).toContain('65,536');
    const body = api.comments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body.length).toBeGreaterThan(MAX_COMMENT_CHARS - 500);
    expect(body).toMatch(/\+ line \d+ of the plan\n```\n\n\*\*This plan is longer/);
    expect(parseMarker(body)?.environment).toBe('prod');
  });
});
