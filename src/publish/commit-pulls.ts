import type { GitHubClient } from './comment-octokit.js';

/**
 * The pull request a commit came from: for a deploy on push or release, the merged PR whose
 * plan was reviewed. GitHub lists the PRs associated with a commit; the merged one wins, then
 * the most recently updated.
 */
export async function pullRequestForCommit(
  client: GitHubClient,
  owner: string,
  repo: string,
  sha: string,
): Promise<number | undefined> {
  const response = await client.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const pulls = response.data as {
    number: number;
    merged_at?: string | null;
    updated_at?: string;
  }[];
  const sorted = [...pulls].sort(
    (a, b) =>
      Number(Boolean(b.merged_at)) - Number(Boolean(a.merged_at)) ||
      String(b.updated_at ?? '').localeCompare(String(a.updated_at ?? '')),
  );
  return sorted[0]?.number;
}
