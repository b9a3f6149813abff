/**
 * A loopback fake of the GitHub REST endpoints the plan comment uses (issue comments and the
 * pull request), answering as GitHub does: pagination with Link headers, the 65,536-character
 * limit as a 422, token authentication, read-only tokens (a fork PR's GITHUB_TOKEN) and scripted
 * faults (403 permission, 404, 422, 5xx, secondary rate limits). A real Octokit, or the bundled
 * action with GITHUB_API_URL, talks to it over HTTP.
 *
 *   const gh = await startFakeGitHub({ pulls: [{ owner: 'octo', repo: 'infra', number: 7 }] });
 *   const octokit = getOctokit('t0ken', { baseUrl: gh.url });
 *   gh.addFault({ route: 'create-comment', kind: 'secondary-rate-limit', times: 1 });
 *   ...
 *   await gh.close();
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultBook } from './faults.js';
import type { GitHubFaultRule } from './faults.js';
import { handle, routeOf } from './routes.js';
import { GitHubState } from './state.js';
import type {
  FakeGitHubOptions,
  FakePullRequest,
  GitHubCall,
  StoredComment,
  TokenGrant,
} from './types.js';
import { githubError } from './wire.js';
import type { WireResponse } from './wire.js';

export type { GitHubFaultKind, GitHubFaultRule } from './faults.js';
export type * from './types.js';
export { MAX_BODY_CHARS } from './routes.js';

export interface FakeGitHub {
  /** Base URL, for Octokit's baseUrl or GITHUB_API_URL. */
  readonly url: string;
  /** Every request answered, oldest first. */
  readonly calls: GitHubCall[];
  /** Environment for a child process (the bundled action). */
  env(): Record<string, string>;
  addPullRequest(pull: FakePullRequest): void;
  /** A copy of a pull request's comments, oldest first. */
  comments(owner: string, repo: string, number: number): StoredComment[];
  /** Adds comments (by `login`, default someone else) as if people had written them. */
  seedComments(
    owner: string,
    repo: string,
    number: number,
    bodies: readonly string[],
    login?: string,
  ): StoredComment[];
  /** Adds a fault; returns a function that removes it. */
  addFault(rule: GitHubFaultRule): () => void;
  clearFaults(): void;
  close(): Promise<void>;
}

const DEFAULT_LOGIN = 'github-actions[bot]';

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state = new GitHubState(options.now ?? Date.now);
  for (const pull of options.pulls ?? []) state.addPull(pull);
  const faults = new FaultBook();
  const calls: GitHubCall[] = [];
  const serverUrl = options.serverUrl ?? 'https://github.com';
  let url = '';

  const answer = async (req: IncomingMessage): Promise<WireResponse> => {
    const parsed = new URL(req.url ?? '/', url);
    const text = await readBody(req);
    const body = parseJson(text);
    const auth = /^(token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const routed = routeOf(req.method ?? 'GET', parsed.pathname);
    const call: GitHubCall = {
      method: req.method ?? 'GET',
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      route: routed?.route,
      scheme: auth?.[1]?.toLowerCase(),
      body,
      status: 0,
    };
    calls.push(call);
    const response = respond();
    call.status = response.status;
    return response;

    function respond(): WireResponse {
      if (!auth) return githubError(401, 'Requires authentication');
      const grant: TokenGrant | undefined = options.tokens
        ? options.tokens[auth[2] ?? '']
        : { login: DEFAULT_LOGIN };
      if (!grant) return githubError(401, 'Bad credentials');
      if (!routed) return githubError(404, 'Not Found');
      if (body === UNPARSABLE) return githubError(400, 'Problems parsing JSON');
      const fault = faults.check(routed.route);
      if (fault) return fault;
      if (grant.readOnly && req.method !== 'GET') {
        return githubError(403, 'Resource not accessible by integration');
      }
      return handle(state, {
        routed,
        query: parsed.searchParams,
        body,
        baseUrl: url,
        login: grant.login,
        serverUrl,
      });
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    answer(req)
      .then((response) => {
        res.writeHead(response.status, {
          ...response.headers,
          'content-length': Buffer.byteLength(response.body),
        });
        res.end(response.body);
      })
      .catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // A fake a test forgot to close must not keep the process (or Jest) alive.
  server.unref();
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    env: () => ({ GITHUB_API_URL: url }),
    addPullRequest: (pull) => state.addPull(pull),
    comments: (owner, repo, number) => state.commentsOf(owner, repo, number).map((c) => ({ ...c })),
    seedComments: (owner, repo, number, bodies, login = 'someone-else') =>
      bodies.map((body) => state.addComment(owner, repo, number, body, login)),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const UNPARSABLE = Symbol('unparsable');

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return UNPARSABLE;
  }
}
