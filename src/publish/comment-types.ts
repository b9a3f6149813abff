/** Types shared by the comment operations (upsert, mark applied, find). */
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { CommentsApi } from './comment-api.js';
import type { CommentRetryOptions } from './comment-retry.js';

/** What happened to the comment. */
export type CommentAction = 'created' | 'updated' | 'deleted' | 'collapsed' | 'skipped' | 'failed';

export interface CommentOutcome {
  readonly action: CommentAction;
  readonly id?: number;
  /** The comment's web address, when there is a comment. */
  readonly url?: string;
  /** Why the comment failed, or was cut to fit; already logged as a warning. */
  readonly warning?: string;
}

/** Options shared by every comment operation. */
export interface CommentCallOptions {
  readonly api: CommentsApi;
  /** The environment's name; one comment per environment per pull request. */
  readonly environment: string;
  /** Whether the pull request comes from a fork: a 403 is then expected, and said so. */
  readonly fromFork?: boolean;
  /**
   * Only comments by these logins are ours (e.g. `github-actions[bot]`). Anyone can write a
   * comment that starts with the marker; set this when the marker's fields decide anything.
   */
  readonly authors?: readonly string[];
  readonly log: Logger;
  readonly clock: Clock;
  readonly retry?: Partial<CommentRetryOptions>;
}
