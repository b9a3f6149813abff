import { findReviewedPlanComment, markApplied } from '../../../src/publish/comment-applied.js';
import { GitHubHttpError } from '../../../src/publish/comment-api.js';
import { formatMarker, parseMarker } from '../../../src/publish/comment-marker.js';
import { CommentCallError } from '../../../src/publish/comment-retry.js';
import { instantClock } from '../../../src/shared/clock.js';
import { memoryLogger } from '../../../src/shared/logger.js';
import { memoryCommentsApi } from './memory-comments-api.js';

const RUN = 'https://github.com/octo/infra/actions/runs/42';
const AT = Date.UTC(2025, 2, 4, 5, 6, 7);

function setup() {
  const api = memoryCommentsApi();
  const base = { api, environment: 'prod', log: memoryLogger(), clock: instantClock(AT) };
  return { api, base };
}

describe('findReviewedPlanComment', () => {
  it("returns the environment's comment with its marker fields and author", async () => {
    const { api, base } = setup();
    api.seed([`${formatMarker('staging', { fingerprint: 'bbb' })}\nx`], 'github-actions[bot]');
    const [ours] = api.seed(
      [`${formatMarker('prod', { fingerprint: 'aaa', status: 'planned' })}\nplan`],
      'github-actions[bot]',
    );
    expect(await findReviewedPlanComment(base)).toEqual({
      id: ours!.id,
      url: ours!.url,
      author: 'github-actions[bot]',
      updatedAt: undefined,
      fields: { fingerprint: 'aaa', status: 'planned' },
      body: `${formatMarker('prod', { fingerprint: 'aaa', status: 'planned' })}\nplan`,
    });
  });

  it('returns undefined when there is none, and honours authors', async () => {
    const { api, base } = setup();
    expect(await findReviewedPlanComment(base)).toBeUndefined();
    api.seed([`${formatMarker('prod', { fingerprint: 'forged' })}\n`], 'mallory');
    expect(
      await findReviewedPlanComment({ ...base, authors: ['github-actions[bot]'] }),
    ).toBeUndefined();
    expect((await findReviewedPlanComment(base))?.fields.fingerprint).toBe('forged');
  });

  it('throws what failed when the comments cannot be read', async () => {
    const { api, base } = setup();
    api.failNext('list', new GitHubHttpError(404, 'Not Found'));
    await expect(findReviewedPlanComment(base)).rejects.toThrow(CommentCallError);
  });
});

describe('markApplied', () => {
  it('sets status=applied, keeps the other fields and appends the run and time', async () => {
    const { api, base } = setup();
    const marker = formatMarker('prod', { fingerprint: 'aaa', status: 'planned' });
    api.seed([`${marker}\n### Plan\n\n1 to add\n`], 'github-actions[bot]');
    const outcome = await markApplied({ ...base, runUrl: RUN });
    expect(outcome.action).toBe('updated');
    const body = api.comments[0]!.body;
    expect(parseMarker(body)?.fields).toEqual({ fingerprint: 'aaa', status: 'applied' });
    expect(body).toBe(
      `${formatMarker('prod', { fingerprint: 'aaa', status: 'applied' })}\n### Plan\n\n1 to add\n\n` +
        `**Applied** in [this run](${RUN}) at 2025-03-04 05:06 UTC.`,
    );
  });

  it('does not record the same run twice', async () => {
    const { api, base } = setup();
    api.seed([`${formatMarker('prod', { status: 'planned' })}\nplan`], 'github-actions[bot]');
    await markApplied({ ...base, runUrl: RUN });
    const again = await markApplied({ ...base, runUrl: RUN });
    expect(again.action).toBe('skipped');
    expect(api.calls.filter((c) => c.startsWith('update'))).toHaveLength(1);
  });

  it('skips when there is no comment, and turns a failure into a warning', async () => {
    const { api, base } = setup();
    expect((await markApplied({ ...base, runUrl: RUN })).action).toBe('skipped');
    api.seed([`${formatMarker('prod')}\nplan`], 'github-actions[bot]');
    api.failNext('update', new GitHubHttpError(403, 'Resource not accessible by integration'));
    const outcome = await markApplied({ ...base, runUrl: RUN });
    expect(outcome.action).toBe('failed');
    expect(outcome.warning).toContain('pull-requests: write');
    expect(outcome.warning).toContain('The deploy itself succeeded.');
  });
});
