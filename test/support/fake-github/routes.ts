/**
 * The REST endpoints the plan comment uses, answered as GitHub answers them: issue comments
 * listed oldest first with `per_page` (default 30, at most 100), `page` and a Link header;
 * bodies over 65,536 characters refused with 422; DELETE answered 204.
 */
import type { GitHubState } from './state.js';
import type { FakePullRequest, RouteName, StoredComment } from './types.js';
import { githubError, json } from './wire.js';
import type { WireResponse } from './wire.js';

export const MAX_BODY_CHARS = 65_536;

/** A request routed to one of the endpoints, with its path parameters. */
export interface Routed {
  readonly route: RouteName;
  readonly owner: string;
  readonly repo: string;
  /** The issue/pull number or the comment ID. */
  readonly id: number;
  /** The commit SHA, for commit routes. */
  readonly sha?: string;
}

const ROUTES: readonly { method: string; pattern: RegExp; route: RouteName }[] = [
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    route: 'list-comments',
  },
  {
    method: 'POST',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/,
    route: 'create-comment',
  },
  {
    method: 'PATCH',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    route: 'update-comment',
  },
  {
    method: 'DELETE',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/,
    route: 'delete-comment',
  },
  { method: 'GET', pattern: /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/, route: 'get-pull' },
  {
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/commits\/([0-9a-f]{7,40})\/pulls$/,
    route: 'commit-pulls',
  },
];

export function routeOf(method: string, path: string): Routed | undefined {
  for (const r of ROUTES) {
    const match = r.method === method ? r.pattern.exec(path) : null;
    if (match) {
      return {
        route: r.route,
        owner: decodeURIComponent(match[1] ?? ''),
        repo: decodeURIComponent(match[2] ?? ''),
        id: r.route === 'commit-pulls' ? 0 : Number(match[3]),
        ...(r.route === 'commit-pulls' ? { sha: match[3] } : {}),
      };
    }
  }
  return undefined;
}

export interface RequestInfo {
  readonly routed: Routed;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The base URL the client used, for Link headers. */
  readonly baseUrl: string;
  readonly login: string;
  readonly serverUrl: string;
}

export function handle(state: GitHubState, request: RequestInfo): WireResponse {
  const { routed } = request;
  switch (routed.route) {
    case 'list-comments':
      return listComments(state, request);
    case 'create-comment': {
      if (!state.pull(routed.owner, routed.repo, routed.id)) return notFound();
      const body = bodyOf(request.body);
      if (typeof body !== 'string') return body;
      const comment = state.addComment(routed.owner, routed.repo, routed.id, body, request.login);
      return json(201, commentJson(comment, request), {
        location: `${request.baseUrl}/repos/${routed.owner}/${routed.repo}/issues/comments/${comment.id}`,
      });
    }
    case 'update-comment': {
      const comment = state.comment(routed.owner, routed.repo, routed.id);
      if (!comment) return notFound();
      const body = bodyOf(request.body);
      if (typeof body !== 'string') return body;
      state.updateComment(comment, body);
      return json(200, commentJson(comment, request));
    }
    case 'delete-comment': {
      if (!state.comment(routed.owner, routed.repo, routed.id)) return notFound();
      state.removeComment(routed.id);
      return json(204, undefined);
    }
    case 'commit-pulls': {
      // GitHub lists the PRs whose head is the commit, or whose merge made it.
      const pulls = [...state.pulls.values()].filter(
        (p) =>
          p.owner === routed.owner &&
          p.repo === routed.repo &&
          (p.headSha === routed.sha || p.mergeCommitSha === routed.sha),
      );
      return json(
        200,
        pulls.map((p) => ({ ...pullJson(p, request), merged_at: p.mergedAt ?? null })),
      );
    }
    case 'get-pull': {
      const pull = state.pull(routed.owner, routed.repo, routed.id);
      return pull ? json(200, pullJson(pull, request)) : notFound();
    }
  }
}

function notFound(): WireResponse {
  return githubError(404, 'Not Found');
}

function listComments(state: GitHubState, request: RequestInfo): WireResponse {
  const { owner, repo, id } = request.routed;
  if (!state.pull(owner, repo, id)) return notFound();
  const perPage = clamp(request.query.get('per_page'), 30, 1, 100);
  const page = clamp(request.query.get('page'), 1, 1, Number.MAX_SAFE_INTEGER);
  const all = state.commentsOf(owner, repo, id);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const items = all.slice((page - 1) * perPage, page * perPage);
  const pageUrl = (n: number) =>
    `${request.baseUrl}/repos/${owner}/${repo}/issues/${id}/comments?per_page=${perPage}&page=${n}`;
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage)
    links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  // GitHub sends no Link header when everything fits on one page.
  const headers: Record<string, string> = links.length > 0 ? { link: links.join(', ') } : {};
  return json(
    200,
    items.map((c) => commentJson(c, request)),
    headers,
  );
}

/** The comment body of a write, or GitHub's 422 when it is missing or too long. */
function bodyOf(payload: unknown): string | WireResponse {
  const body = (payload as { body?: unknown } | null)?.body;
  if (typeof body !== 'string') {
    return githubError(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
  }
  // GitHub counts characters (code points), not UTF-16 units.
  if ([...body].length > MAX_BODY_CHARS) {
    return githubError(422, 'Validation Failed', {
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
        },
      ],
    });
  }
  return body;
}

function commentJson(comment: StoredComment, request: RequestInfo): Record<string, unknown> {
  const { owner, repo, issue, id } = comment;
  return {
    id,
    node_id: `IC_fake${id}`,
    url: `${request.baseUrl}/repos/${owner}/${repo}/issues/comments/${id}`,
    html_url: `${request.serverUrl}/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
    issue_url: `${request.baseUrl}/repos/${owner}/${repo}/issues/${issue}`,
    body: comment.body,
    user: {
      login: comment.login,
      id: comment.login.length,
      type: comment.login.endsWith('[bot]') ? 'Bot' : 'User',
    },
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: 'NONE',
  };
}

function pullJson(pull: FakePullRequest, request: RequestInfo): Record<string, unknown> {
  const base = `${pull.owner}/${pull.repo}`;
  return {
    number: pull.number,
    state: pull.state ?? 'open',
    html_url: `${request.serverUrl}/${base}/pull/${pull.number}`,
    head: {
      sha: pull.headSha ?? '0'.repeat(40),
      ref: pull.headRef ?? 'feature',
      repo: { full_name: pull.headRepo ?? base },
    },
    base: { sha: '1'.repeat(40), ref: pull.baseRef ?? 'main', repo: { full_name: base } },
  };
}

function clamp(value: string | null, fallback: number, min: number, max: number): number {
  const n = value === null ? fallback : Number.parseInt(value, 10);
  return Number.isNaN(n) ? fallback : Math.min(max, Math.max(min, n));
}
