/**
 * A plain in-memory CommentsApi for the comment logic's tests: pages of 100 oldest first, like
 * GitHub (a failed page is asked for again by the next call, as Octokit's paginate iterator does), a record of every call, and scripted failures per operation.
 */
import { GitHubHttpError } from '../../../src/publish/comment-api.js';
import type { CommentsApi, IssueComment } from '../../../src/publish/comment-api.js';

type Operation = 'list' | 'create' | 'update' | 'remove';

export interface MemoryCommentsApi extends CommentsApi {
  readonly comments: IssueComment[];
  /** Every call, e.g. `list 3`, `create`, `update 12`, `remove 12`. */
  readonly calls: string[];
  /** Makes the next `times` calls of an operation throw this error (before any change). */
  failNext(operation: Operation, error: unknown, times?: number): void;
  /** Adds comments as people other than us would. */
  seed(bodies: readonly string[], author?: string): IssueComment[];
}

export function memoryCommentsApi(options: { author?: string } = {}): MemoryCommentsApi {
  const author = options.author ?? 'github-actions[bot]';
  const comments: IssueComment[] = [];
  const calls: string[] = [];
  const failures: { operation: Operation; error: unknown; left: number }[] = [];
  let nextId = 1;

  const add = (body: string, by: string): IssueComment => {
    const comment = { id: nextId, body, author: by, url: `https://github.test/c/${nextId}` };
    nextId++;
    comments.push(comment);
    return comment;
  };
  const maybeFail = (operation: Operation): void => {
    const failure = failures.find((f) => f.operation === operation && f.left > 0);
    if (failure) {
      failure.left--;
      throw failure.error;
    }
  };
  const find = (id: number): number => {
    const index = comments.findIndex((c) => c.id === id);
    if (index < 0) throw new GitHubHttpError(404, 'Not Found');
    return index;
  };

  return {
    label: 'octo/infra#7',
    comments,
    calls,
    failNext: (operation, error, times = 1) => failures.push({ operation, error, left: times }),
    seed: (bodies, by = 'someone-else') => bodies.map((body) => add(body, by)),
    pages() {
      let page = 1;
      let done = false;
      return {
        async next() {
          if (done) return undefined;
          calls.push(`list ${page}`);
          maybeFail('list');
          const slice = comments.slice((page - 1) * 100, page * 100);
          done = page * 100 >= comments.length;
          page++;
          return slice.map((c) => ({ ...c }));
        },
      };
    },
    async create(body) {
      calls.push('create');
      maybeFail('create');
      return { ...add(body, author) };
    },
    async update(id, body) {
      calls.push(`update ${id}`);
      maybeFail('update');
      const index = find(id);
      const updated = { ...comments[index]!, body };
      comments[index] = updated;
      return { ...updated };
    },
    async remove(id) {
      calls.push(`remove ${id}`);
      maybeFail('remove');
      comments.splice(find(id), 1);
    },
  };
}
