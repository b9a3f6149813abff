/**
 * Finds this environment's plan comment among all of a pull request's comments. Every page is
 * read: busy pull requests have hundreds of comments, and an action that reads only the first
 * page posts a duplicate once its comment scrolls past it.
 */
import type { IssueComment } from './comment-api.js';
import { MARKER_VERSION, parseMarker } from './comment-marker.js';
import type { Marker } from './comment-marker.js';
import { withCommentRetries } from './comment-retry.js';
import type { CommentCallOptions } from './comment-types.js';

/** A comment of ours, with its marker read back. */
export interface FoundComment extends IssueComment {
  readonly marker: Marker;
}

export type FindCommentOptions = Omit<CommentCallOptions, 'fromFork'>;

/** A bound against a server whose Link header never ends: 100,000 comments. */
const MAX_PAGES = 1_000;

/**
 * The newest comment whose body starts with our marker, at this marker version, for this
 * environment; undefined when there is none. Throws CommentCallError when GitHub fails for good.
 */
export async function findOurComment(
  options: FindCommentOptions,
): Promise<FoundComment | undefined> {
  const { api, environment, authors } = options;
  let found: FoundComment | undefined;
  let matches = 0;
  const pages = api.pages();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const comments = await withCommentRetries(
      `list the comments (page ${page})`,
      () => pages.next(),
      options,
    );
    if (comments === undefined) break;
    for (const comment of comments) {
      const marker = parseMarker(comment.body);
      if (marker?.version !== MARKER_VERSION || marker.environment !== environment) continue;
      if (authors && !(comment.author !== undefined && authors.includes(comment.author))) continue;
      // Comments come oldest first: the last match is the newest.
      found = { ...comment, marker };
      matches++;
    }
    if (page === MAX_PAGES) options.log.warning(`Stopped reading comments after ${page} pages.`);
  }
  if (matches > 1) {
    options.log.debug(
      `${matches} plan comments for environment ${environment}; using the newest (${found?.id}).`,
    );
  }
  return found;
}
