/**
 * Scripted GitHub failures, with the statuses, headers and bodies GitHub answers them with.
 * A rule is checked before the request is handled, so a faulted call changes nothing, as a
 * rejected call to GitHub changes nothing.
 */
import type { RouteName } from './types.js';
import { githubError } from './wire.js';
import type { WireResponse } from './wire.js';

export type GitHubFaultKind =
  /** 403 as a fork PR's read-only GITHUB_TOKEN gets on a write. */
  | 'integration-forbidden'
  | 'not-found'
  | 'unprocessable'
  | 'server-error'
  | 'bad-gateway'
  /** 403 with `retry-after`, GitHub's usual secondary rate limit answer. */
  | 'secondary-rate-limit'
  /** 429 with `retry-after`. */
  | 'too-many-requests';

export interface GitHubFaultRule {
  /** Which endpoint; absent: any. */
  readonly route?: RouteName;
  readonly kind: GitHubFaultKind;
  /** Let this many matching calls through first. Default 0. */
  readonly skip?: number;
  /** Stop after firing this many times. Default: never stop. */
  readonly times?: number;
  /** Seconds in `retry-after` for the rate limits (default 1); null leaves the header out. */
  readonly retryAfter?: number | null;
}

const SECONDARY_RATE_LIMIT =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
  'If you reach out to GitHub Support for help, please include the request ID 0000:FAKE.';

/** The answer GitHub gives for a fault of this kind. */
export function faultResponse(rule: GitHubFaultRule): WireResponse {
  const retryAfter: Record<string, string> =
    rule.retryAfter === null ? {} : { 'retry-after': String(rule.retryAfter ?? 1) };
  switch (rule.kind) {
    case 'integration-forbidden':
      return githubError(403, 'Resource not accessible by integration');
    case 'not-found':
      return githubError(404, 'Not Found');
    case 'unprocessable':
      return githubError(422, 'Validation Failed', {
        errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data' }],
      });
    case 'server-error':
      return githubError(500, 'Server Error');
    case 'bad-gateway':
      // GitHub's edge answers 502 with an HTML page, not JSON.
      return {
        status: 502,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      };
    case 'secondary-rate-limit':
      return withHeaders(githubError(403, SECONDARY_RATE_LIMIT), retryAfter);
    case 'too-many-requests':
      return withHeaders(githubError(429, SECONDARY_RATE_LIMIT), retryAfter);
  }
}

function withHeaders(response: WireResponse, headers: Record<string, string>): WireResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}

interface LiveRule {
  readonly rule: GitHubFaultRule;
  seen: number;
  fired: number;
}

/** The active rules, in the order added; the first that fires wins. */
export class FaultBook {
  private rules: LiveRule[] = [];

  add(rule: GitHubFaultRule): () => void {
    const live = { rule, seen: 0, fired: 0 };
    this.rules.push(live);
    return () => {
      this.rules = this.rules.filter((r) => r !== live);
    };
  }

  clear(): void {
    this.rules = [];
  }

  /** The response of the first rule that fires for this call, if any. */
  check(route: RouteName): WireResponse | undefined {
    for (const live of this.rules) {
      const { rule } = live;
      if (rule.route !== undefined && rule.route !== route) continue;
      if (rule.times !== undefined && live.fired >= rule.times) continue;
      live.seen++;
      if (live.seen <= (rule.skip ?? 0)) continue;
      live.fired++;
      return faultResponse(rule);
    }
    return undefined;
  }
}
