/**
 * The plan comment after the plan: deploy reads it back (which plan was reviewed) and marks it
 * applied, so the pull request records which run applied what, and when.
 */
import { appliedLine, composeComment } from './comment-body.js';
import { explainCommentFailure } from './comment-errors.js';
import { findOurComment } from './comment-find.js';
import { formatMarker, stripMarker } from './comment-marker.js';
import { withCommentRetries } from './comment-retry.js';
import type { CommentCallOptions, CommentOutcome } from './comment-types.js';

/** The plan comment of an environment, as a reviewed-plan check needs it. */
export interface ReviewedPlanComment {
  readonly id: number;
  readonly url?: string;
  /** Who wrote it: check it when the fields decide anything (anyone can copy a marker). */
  readonly author?: string;
  readonly updatedAt?: string;
  /** The marker's fields (fingerprint, status, ...), environment excluded. */
  readonly fields: Readonly<Record<string, string>>;
  /** The whole comment, marker included: what reviewers saw. */
  readonly body?: string;
}

/**
 * This environment's plan comment on the pull request with its marker fields, or undefined when
 * there is none. Unlike upsert it throws (a CommentCallError saying what failed) when the
 * comments cannot be read: whether that blocks a deploy is the caller's decision.
 */
export async function findReviewedPlanComment(
  options: Omit<CommentCallOptions, 'fromFork'>,
): Promise<ReviewedPlanComment | undefined> {
  const found = await findOurComment(options);
  if (!found) return undefined;
  return {
    id: found.id,
    url: found.url,
    author: found.author,
    updatedAt: found.updatedAt,
    fields: found.marker.fields,
    body: found.body,
  };
}

export interface MarkAppliedOptions extends CommentCallOptions {
  /** The run that applied the plan, linked from the comment. */
  readonly runUrl?: string;
}

/**
 * Sets the marker's status to `applied` (other fields kept) and appends "Applied in <run> at
 * <time>". Skipped when there is no comment or this run is already recorded. Never throws: the
 * deploy succeeded whatever happens to the comment.
 */
export async function markApplied(options: MarkAppliedOptions): Promise<CommentOutcome> {
  const { api, log } = options;
  try {
    const found = await findOurComment(options);
    if (!found) {
      log.info(`No plan comment for ${options.environment} to mark as applied.`);
      return { action: 'skipped' };
    }
    const line = appliedLine(options.runUrl, options.clock.now());
    const rest = stripMarker(found.body);
    if (
      options.runUrl &&
      found.marker.fields.status === 'applied' &&
      rest.includes(`(${options.runUrl})`)
    ) {
      return { action: 'skipped', id: found.id, url: found.url };
    }
    const marker = formatMarker(options.environment, { ...found.marker.fields, status: 'applied' });
    const { body } = composeComment(marker, rest.trimEnd(), `\n\n${line}`);
    const updated = await withCommentRetries(
      'mark the plan comment applied',
      () => api.update(found.id, body),
      options,
    );
    log.info(`Plan comment marked applied: ${updated.url ?? found.url ?? found.id}`);
    return { action: 'updated', id: updated.id, url: updated.url ?? found.url };
  } catch (error) {
    const warning = explainCommentFailure(error, {
      where: api.label,
      fromFork: options.fromFork,
      afterwards: 'The deploy itself succeeded.',
    });
    log.warning(warning);
    return { action: 'failed', warning };
  }
}
