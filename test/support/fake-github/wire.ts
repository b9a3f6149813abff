/** GitHub's response shapes: JSON bodies, its error JSON and its rate-limit headers. */

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const DOCS = 'https://docs.github.com/rest';

/** A JSON answer with the headers GitHub puts on every REST response. */
export function json(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
): WireResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      ...headers,
    },
    body: status === 204 ? '' : JSON.stringify(data),
  };
}

/** GitHub's error JSON: `{ message, documentation_url, status }`, plus `errors` for 422s. */
export function githubError(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
): WireResponse {
  return json(status, { message, ...extra, documentation_url: DOCS, status: String(status) });
}
