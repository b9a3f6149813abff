/**
 * The sticky plan comment: one comment per environment on a pull request, found again by its
 * hidden marker and updated in place, so a pull request shows the latest plan once rather than
 * a new comment per push.
 */
import type { CommentPolicy } from '../settings/types.js';
import { MAX_COMMENT_CHARS } from './comment-api.js';
import type { IssueComment } from './comment-api.js';
import { composeComment, noChangesBody } from './comment-body.js';
import { explainCommentFailure } from './comment-errors.js';
import { findOurComment } from './comment-find.js';
import type { FoundComment } from './comment-find.js';
import { formatMarker } from './comment-marker.js';
import { withCommentRetries } from './comment-retry.js';
import type { CommentCallOptions, CommentOutcome } from './comment-types.js';

export { parseMarker, formatMarker, MARKER_VERSION } from './comment-marker.js';
export type { Marker } from './comment-marker.js';
export type { CommentsApi, CommentPages, IssueComment } from './comment-api.js';
export { GitHubHttpError, MAX_COMMENT_CHARS } from './comment-api.js';
export { octokitCommentsApi } from './comment-octokit.js';
export { findReviewedPlanComment, markApplied } from './comment-applied.js';
export type { ReviewedPlanComment, MarkAppliedOptions } from './comment-applied.js';
export type { CommentRetryOptions } from './comment-retry.js';
export type { CommentAction, CommentCallOptions, CommentOutcome } from './comment-types.js';

export interface UpsertPlanCommentOptions extends CommentCallOptions {
  /** The rendered plan (markdown), without the marker. */
  readonly body: string;
  readonly policy: CommentPolicy;
  readonly hasChanges: boolean;
  /** Extra marker fields, e.g. `{ fingerprint: 'ab12', status: 'planned' }`. */
  readonly markerFields?: Readonly<Record<string, string>>;
  /**
   * What `on-change` does to an existing comment once a plan has no changes.
   * `collapse` (the default) rewrites it to a short "no changes any more": deleting it would
   * make the plan reviewers saw vanish without a word, break links to it from the review
   * discussion, and lose the edit history that shows what changed.
   */
  readonly stale?: 'collapse' | 'delete';
  /** Link to this run, for the collapsed comment. */
  readonly runUrl?: string;
}

/**
 * Creates, updates, collapses or deletes this environment's plan comment as the policy says:
 * - `never`: no call at all;
 * - `on-change` without changes: no comment if there is none, else the stale one is collapsed
 *   (or deleted, see `stale`);
 * - otherwise the comment is updated in place, or created.
 * Never throws: the plan succeeded whatever happens to its comment. A failure is logged as a
 * warning (with the reason and the fix) and returned as `failed`.
 */
export async function upsertPlanComment(
  options: UpsertPlanCommentOptions,
): Promise<CommentOutcome> {
  if (options.policy === 'never') return { action: 'skipped' };
  const { api, log } = options;
  try {
    const marker = formatMarker(options.environment, options.markerFields);
    const existing = await findOurComment(options);
    if (options.policy === 'on-change' && !options.hasChanges) {
      if (!existing) return { action: 'skipped' };
      if (options.stale === 'delete') {
        await withCommentRetries(
          'delete the stale plan comment',
          () => api.remove(existing.id),
          options,
        );
        log.info(
          `Deleted the plan comment for ${options.environment}: the plan has no changes any more.`,
        );
        return { action: 'deleted', id: existing.id };
      }
      const collapsed = composeComment(marker, noChangesBody(options.environment, options.runUrl));
      return await write(existing, collapsed.body, 'collapsed', options);
    }
    const composed = composeComment(marker, options.body);
    const warning = composed.truncated
      ? `The plan comment for ${options.environment} was cut to GitHub's limit of ` +
        `${MAX_COMMENT_CHARS.toLocaleString('en-US')} characters; the full plan is in the job summary.`
      : undefined;
    if (warning) log.warning(warning);
    const outcome = existing
      ? await write(existing, composed.body, 'updated', options)
      : await create(composed.body, options);
    return warning ? { ...outcome, warning } : outcome;
  } catch (error) {
    const warning = explainCommentFailure(error, { where: api.label, fromFork: options.fromFork });
    log.warning(warning);
    return { action: 'failed', warning };
  }
}

/** Rewrites a comment, unless it already says exactly this (no edit, no notification). */
async function write(
  existing: FoundComment,
  body: string,
  action: 'updated' | 'collapsed',
  options: UpsertPlanCommentOptions,
): Promise<CommentOutcome> {
  if (existing.body === body) return { action: 'skipped', id: existing.id, url: existing.url };
  const updated = await withCommentRetries(
    'update the plan comment',
    () => options.api.update(existing.id, body),
    options,
  );
  options.log.info(`Plan comment ${action}: ${updated.url ?? existing.url ?? updated.id}`);
  return { action, id: updated.id, url: updated.url ?? existing.url };
}

/**
 * Posts a new comment. A POST that failed with a 5xx may still have been stored, so before
 * posting again the comments are read once more, and a comment that turned up is updated instead
 * of posting a duplicate.
 */
async function create(body: string, options: UpsertPlanCommentOptions): Promise<CommentOutcome> {
  let attempt = 0;
  const created: IssueComment = await withCommentRetries(
    'create the plan comment',
    async () => {
      if (attempt++ > 0) {
        const late = await findOurComment({ ...options, retry: { ...options.retry, attempts: 1 } });
        if (late) return options.api.update(late.id, body);
      }
      return options.api.create(body);
    },
    options,
  );
  options.log.info(`Plan comment created: ${created.url ?? created.id}`);
  return { action: 'created', id: created.id, url: created.url };
}
