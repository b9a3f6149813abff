/**
 * CommentsApi on a real Octokit, e.g. `getOctokit(token, { baseUrl: context.apiUrl })` from
 * @actions/github. Only types are imported here, so the library loads no client on import.
 * Listing goes through `octokit.paginate.iterator`, which follows GitHub's `Link: rel="next"`.
 *
 * Retries are ours (comment-retry.ts says why not @octokit/plugin-retry and
 * @octokit/plugin-throttling). @actions/github 9 adds neither plugin; a caller that builds its
 * client with plugin-retry has it switched off per request below (`request.retries: 0`; the
 * paginate iterator passes no request options, so not on listing), and one that adds
 * plugin-throttling should construct it with `throttle: { enabled: false }`, or every rate limit
 * is waited out twice.
 */
import type { getOctokit } from '@actions/github';
import { COMMENTS_PER_PAGE } from './comment-api.js';
import type { CommentsApi, IssueComment } from './comment-api.js';

/** The part of an Octokit client the comments use. */
export type GitHubClient = Pick<ReturnType<typeof getOctokit>, 'request' | 'paginate'>;

/** Per-request options: no plugin retries under ours. */
const NO_PLUGIN_RETRIES = { retries: 0 };

interface RawComment {
  // The OpenAPI schema allows bigint; real comment IDs are far below 2^53.
  readonly id: number | bigint;
  readonly body?: string | null;
  readonly html_url: string;
  readonly user?: { readonly login: string } | null;
  readonly updated_at?: string;
}

/** The comments of one pull request (an issue, to the REST API) through Octokit. */
export function octokitCommentsApi(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  issueNumber: number,
): CommentsApi {
  const where = { owner, repo, request: NO_PLUGIN_RETRIES };
  return {
    label: `${owner}/${repo}#${issueNumber}`,
    pages() {
      const pages = octokit.paginate.iterator(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { owner, repo, issue_number: issueNumber, per_page: COMMENTS_PER_PAGE },
      );
      const iterator = pages[Symbol.asyncIterator]();
      return {
        async next() {
          const page = await iterator.next();
          return page.done ? undefined : page.value.data.map(toComment);
        },
      };
    },
    async create(body) {
      const response = await octokit.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { ...where, issue_number: issueNumber, body },
      );
      return toComment(response.data);
    },
    async update(id, body) {
      const response = await octokit.request(
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        { ...where, comment_id: id, body },
      );
      return toComment(response.data);
    },
    async remove(id) {
      await octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...where,
        comment_id: id,
      });
    },
  };
}

function toComment(raw: RawComment): IssueComment {
  return {
    id: Number(raw.id),
    body: raw.body ?? '',
    url: raw.html_url,
    author: raw.user?.login,
    updatedAt: raw.updated_at,
  };
}
