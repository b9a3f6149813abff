/**
 * Turns a comment call that failed for good into one warning that says what happened, why, and
 * what to do. A comment is a convenience: the plan itself succeeded and is in the job summary,
 * so these are warnings, never step failures.
 */
import { errorMessage } from '../shared/errors.js';
import { MAX_COMMENT_CHARS } from './comment-api.js';
import { CommentCallError, shortMessage } from './comment-retry.js';

const SUMMARY_NOTE = 'The plan is still in the job summary.';

export interface FailureContext {
  /** Where the comment was going, e.g. `octo/repo#12`. */
  readonly where?: string;
  /** Whether the pull request comes from a fork (GITHUB_TOKEN is then read-only). */
  readonly fromFork?: boolean;
  /** What still stands despite the failure; by default that the plan is in the job summary. */
  readonly afterwards?: string;
}

/** The warning for a failed comment call (any error: a bug must not fail the step either). */
export function explainCommentFailure(error: unknown, context: FailureContext = {}): string {
  const afterwards = context.afterwards ?? SUMMARY_NOTE;
  if (!(error instanceof CommentCallError)) {
    return `Could not publish the plan comment${on(context)}: ${errorMessage(error)}. ${afterwards}`;
  }
  const head = `Could not ${error.operation}${on(context)}: GitHub answered ${describe(error)}.`;
  return `${head} ${advice(error, context)} ${afterwards}`;
}

function on(context: FailureContext): string {
  return context.where ? ` on ${context.where}` : '';
}

function describe(error: CommentCallError): string {
  const message = shortMessage(error.cause);
  const status = error.status === undefined ? '' : `${error.status} `;
  const tries = error.attempts > 1 ? ` (after ${error.attempts} attempts)` : '';
  return `${status}"${message}"${tries}`;
}

function advice(error: CommentCallError, context: FailureContext): string {
  if (error.rateLimited) {
    return (
      "GitHub's rate limit did not clear within the time this action waits for it. " +
      'Re-run the job later, or run fewer jobs that comment at the same time.'
    );
  }
  switch (error.status) {
    case 401:
      return 'The github-token was refused: it is invalid or has expired.';
    case 403:
      if (context.fromFork) {
        return (
          'This pull request comes from a fork, where GITHUB_TOKEN is read-only, so this is ' +
          'expected: the plan cannot be posted as a comment on fork pull requests.'
        );
      }
      return (
        'The token may not write pull-request comments: give the job ' +
        '`permissions: pull-requests: write` (or pass a github-token that may).'
      );
    case 404:
      return (
        'The pull request or repository was not found, or the token cannot see it: check that ' +
        'the run is for a pull request of this repository and that the job has ' +
        '`permissions: pull-requests: write`.'
      );
    case 422:
      return (
        `GitHub rejected the comment; a comment body is limited to ${MAX_COMMENT_CHARS.toLocaleString('en-US')} ` +
        'characters.'
      );
    default:
      return error.status !== undefined && error.status >= 500
        ? 'GitHub kept failing; re-run the job to post the comment.'
        : 'Check the github-token and the job permissions.';
  }
}
