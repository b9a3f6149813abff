import { octokitCommentsApi } from '../publish/comment.js';
import type { CommentsApi } from '../publish/comment.js';
import type { GitHubClient } from '../publish/comment-octokit.js';
import type { GitHubContext } from '../publish/github-context.js';

/** What the action needs from GitHub for one pull request. */
export interface PullRequestAccess {
  readonly number: number;
  readonly api: CommentsApi;
  readonly fromFork?: boolean;
}

/**
 * An authenticated GitHub client against the run's API (GitHub Enterprise Server included),
 * made on the first call: `@actions/github` (Octokit, undici) is loaded only by a run that talks
 * to GitHub, not by every run that merely has a token.
 */
export function githubClient(token: string, context: GitHubContext): () => Promise<GitHubClient> {
  let client: Promise<GitHubClient> | undefined;
  return () =>
    (client ??= import('@actions/github').then((m) =>
      m.getOctokit(token, { baseUrl: context.apiUrl }),
    ));
}

/** The comments of a pull request. */
export function pullRequestAccess(
  client: GitHubClient,
  context: GitHubContext,
  number: number,
  fromFork?: boolean,
): PullRequestAccess {
  return { number, api: octokitCommentsApi(client, context.owner, context.repo, number), fromFork };
}

/**
 * Who writes our comments: the token's own login when GitHub tells (a personal token), else
 * the Actions bot (GITHUB_TOKEN cannot read /user). Only that author's markers are trusted:
 * anyone can paste a marker into a comment.
 */
export async function commentAuthors(client: GitHubClient): Promise<string[]> {
  try {
    const me = await client.request('GET /user');
    const login = (me.data as { login?: string }).login;
    if (login) return [login];
  } catch {
    // An installation token (GITHUB_TOKEN) answers 403 here.
  }
  return ['github-actions[bot]'];
}
