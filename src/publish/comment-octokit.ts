/**
 * CommentsApi on a real Octokit, e.g. `getOctokit(token, { baseUrl: context.apiUrl })` from
 * @actions/github. Only types are imported here, so the library loads no client on import.
 *
 * Retries are ours (comment-retry.ts). @actions/github 9 adds no retry or throttling plugin; a
 * caller that builds its client with @octokit/plugin-retry has it switched off per request below
 * (`request.retries: 0`), and one that adds @octokit/plugin-throttling should construct it with
 * `throttle: { enabled: false }`, or every rate limit is waited out twice.
 */
import type { getOctokit } from '@actions/github';
import { COMMENTS_PER_PAGE } from './comment-api.js';
import type { CommentsApi, IssueComment } from './comment-api.js';

/** The part of an Octokit client the comments use. */
export type GitHubClient = Pick<ReturnType<typeof getOctokit>, 'request'>;

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
    async list(page) {
      const response = await octokit.request(
        'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        { ...where, issue_number: issueNumber, per_page: COMMENTS_PER_PAGE, page },
      );
      return {
        comments: response.data.map(toComment),
        hasNext: hasNextPage(response.headers.link),
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

/** Whether GitHub's Link header (RFC 8288) offers a next page. */
export function hasNextPage(link: string | undefined): boolean {
  for (const match of (link ?? '').matchAll(/rel="([^"]*)"/g)) {
    if ((match[1] ?? '').split(/\s+/).includes('next')) return true;
  }
  return false;
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
