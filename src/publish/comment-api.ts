/**
 * The few calls the sticky comment makes, bound to one pull request. The logic depends on this
 * interface only: tests pass a plain in-memory fake, the action passes octokitCommentsApi().
 *
 * Errors: implementations throw something with `status` (the HTTP status) and, when a response
 * came back, `response.headers`, the shape of Octokit's RequestError. GitHubHttpError below is
 * that shape for fakes.
 */

import { COMMENT_LIMIT } from '../render/markdown.js';

/** An issue comment, reduced to what the logic reads. */
export interface IssueComment {
  readonly id: number;
  readonly body: string;
  /** The comment's web address (html_url). */
  readonly url?: string;
  /** Login of the author, e.g. `github-actions[bot]`. */
  readonly author?: string;
  readonly updatedAt?: string;
}

/**
 * A pull request's comments, a page at a time, oldest first. `next()` is one request; after it
 * throws, calling it again asks for the same page again (the caller's retries rely on that).
 */
export interface CommentPages {
  /** The next page, or undefined when every page was read. */
  next(): Promise<readonly IssueComment[] | undefined>;
}

export interface CommentsApi {
  /** Where the comments are, for messages, e.g. `octo/repo#12`. */
  readonly label?: string;
  /** Every comment, 100 to a page, following GitHub's `Link: rel="next"`. */
  pages(): CommentPages;
  create(body: string): Promise<IssueComment>;
  update(id: number, body: string): Promise<IssueComment>;
  remove(id: number): Promise<void>;
}

/** Comments per page: GitHub's maximum. */
export const COMMENTS_PER_PAGE = 100;

/**
 * GitHub's limit on a comment body, in characters; a longer one is answered 422. The renderer
 * defines it (it cuts the plan to fit); the comment calls use the same number.
 */
export const MAX_COMMENT_CHARS = COMMENT_LIMIT;

/** An HTTP error in Octokit's RequestError shape, for fake CommentsApi implementations. */
export class GitHubHttpError extends Error {
  override readonly name = 'HttpError';
  readonly response: { readonly headers: Readonly<Record<string, string>> };

  constructor(
    readonly status: number,
    message: string,
    headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.response = { headers };
  }
}

/** The HTTP status of an error thrown by a CommentsApi; undefined if it is not an HTTP error. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** A response header of an error thrown by a CommentsApi (lower-case name). */
export function headerOf(error: unknown, name: string): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response
    ?.headers;
  const value = headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}
