/** The fake's data: pull requests and their comments, in creation order. */
import type { FakePullRequest, StoredComment } from './types.js';

/** GitHub matches owner and repository names without regard to case. */
export function issueKey(owner: string, repo: string, number: number): string {
  return `${owner}/${repo}#${number}`.toLowerCase();
}

export class GitHubState {
  readonly pulls = new Map<string, FakePullRequest>();
  private comments: StoredComment[] = [];
  // Real comment IDs are past 2^31; starting there catches code that assumes 32-bit ones.
  private nextId = 2_500_000_001;

  constructor(private readonly now: () => number) {}

  addPull(pull: FakePullRequest): void {
    this.pulls.set(issueKey(pull.owner, pull.repo, pull.number), pull);
  }

  pull(owner: string, repo: string, number: number): FakePullRequest | undefined {
    return this.pulls.get(issueKey(owner, repo, number));
  }

  /** The comments of one pull request, oldest first. */
  commentsOf(owner: string, repo: string, number: number): StoredComment[] {
    const key = issueKey(owner, repo, number);
    return this.comments.filter((c) => issueKey(c.owner, c.repo, c.issue) === key);
  }

  comment(owner: string, repo: string, id: number): StoredComment | undefined {
    return this.comments.find(
      (c) =>
        c.id === id && `${c.owner}/${c.repo}`.toLowerCase() === `${owner}/${repo}`.toLowerCase(),
    );
  }

  addComment(
    owner: string,
    repo: string,
    issue: number,
    body: string,
    login: string,
  ): StoredComment {
    const at = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const comment = {
      id: this.nextId++,
      owner,
      repo,
      issue,
      body,
      login,
      createdAt: at,
      updatedAt: at,
    };
    this.comments.push(comment);
    return comment;
  }

  updateComment(comment: StoredComment, body: string): void {
    comment.body = body;
    comment.updatedAt = new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  removeComment(id: number): void {
    this.comments = this.comments.filter((c) => c.id !== id);
  }
}
