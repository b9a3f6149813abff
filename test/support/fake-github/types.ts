/** Shapes shared by the fake GitHub's modules and its tests. */

/** The endpoints the fake serves. */
export type RouteName =
  | 'commit-pulls'
  | 'list-comments'
  | 'create-comment'
  | 'update-comment'
  | 'delete-comment'
  | 'get-pull';

/** A pull request the fake knows; comments can only be written on known ones. */
export interface FakePullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly headSha?: string;
  readonly headRef?: string;
  readonly baseRef?: string;
  /** `owner/repo` of the head branch; differs from the base for a fork. Default: the base. */
  readonly headRepo?: string;
  readonly state?: 'open' | 'closed';
  /** The commit a merge made on the base branch; GitHub lists the PR for it too. */
  readonly mergeCommitSha?: string;
  readonly mergedAt?: string;
}

/** What a token may do, and who it acts as. */
export interface TokenGrant {
  readonly login: string;
  /** Like a fork PR's GITHUB_TOKEN: reads work, writes answer 403. */
  readonly readOnly?: boolean;
}

export interface StoredComment {
  readonly id: number;
  readonly owner: string;
  readonly repo: string;
  readonly issue: number;
  body: string;
  readonly login: string;
  readonly createdAt: string;
  updatedAt: string;
}

/** One request as the fake saw it. */
export interface GitHubCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly route?: RouteName;
  /** `token` or `bearer`: the Authorization scheme used. */
  readonly scheme?: string;
  /** The parsed JSON body of a write. */
  readonly body?: unknown;
  status: number;
}

export interface FakeGitHubOptions {
  readonly pulls?: readonly FakePullRequest[];
  /** Accepted tokens; absent: any token is accepted, acting as `github-actions[bot]`. */
  readonly tokens?: Readonly<Record<string, TokenGrant>>;
  /** Web address used in html_url. Default https://github.com. */
  readonly serverUrl?: string;
  /** Timestamps; default Date.now. */
  readonly now?: () => number;
}
