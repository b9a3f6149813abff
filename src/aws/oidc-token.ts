import type { Clock } from '../shared/clock.js';
import { retry } from '../shared/retry.js';

/** Raised when the runner cannot give an OIDC token; the message carries the fix. */
export class OidcTokenError extends Error {}

export interface OidcTokenOptions {
  readonly audience: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  /** fetch, injectable for tests. */
  readonly fetch?: typeof fetch;
  readonly onRetry?: (message: string) => void;
}

class TransientTokenError extends Error {}

/**
 * Asks the Actions runner's token service for a JWT with this audience: a GET of
 * ACTIONS_ID_TOKEN_REQUEST_URL with `audience` added, authorised by
 * ACTIONS_ID_TOKEN_REQUEST_TOKEN. Those variables only exist when the job grants
 * `permissions: id-token: write`, the most common mistake, so their absence says exactly that.
 * 5xx answers and network errors are retried with jittered backoff; 4xx are not.
 */
export async function requestOidcToken(options: OidcTokenOptions): Promise<string> {
  const url = options.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = options.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new OidcTokenError(
      'Could not get an OIDC token from GitHub: ACTIONS_ID_TOKEN_REQUEST_URL and ' +
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job `permissions: id-token: write` ' +
        '(and `contents: read`). Pull requests from forks never get OIDC tokens.',
    );
  }
  const target = new URL(url);
  target.searchParams.set('audience', options.audience);
  const doFetch = options.fetch ?? fetch;
  return retry(
    async () => {
      let response: Response;
      try {
        response = await doFetch(target, {
          headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
        });
      } catch (error) {
        throw new TransientTokenError(`the token request failed: ${(error as Error).message}`);
      }
      if (response.status >= 500 || response.status === 429) {
        throw new TransientTokenError(`the token service answered HTTP ${response.status}`);
      }
      if (!response.ok) {
        throw new OidcTokenError(
          `Could not get an OIDC token from GitHub: HTTP ${response.status}. Check that the job ` +
            'has `permissions: id-token: write`.',
        );
      }
      const body = (await response.json().catch(() => ({}))) as { value?: unknown };
      if (typeof body.value !== 'string' || body.value === '') {
        throw new OidcTokenError(
          'Could not get an OIDC token from GitHub: the answer had no token.',
        );
      }
      return body.value;
    },
    {
      attempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 10_000,
      clock: options.clock,
      retryable: (error) => error instanceof TransientTokenError,
      onRetry: (error, attempt, delay) =>
        options.onRetry?.(
          `OIDC token attempt ${attempt} failed (${(error as Error).message}); retrying in ${delay} ms`,
        ),
    },
  ).catch((error: unknown) => {
    if (error instanceof TransientTokenError) {
      throw new OidcTokenError(`Could not get an OIDC token from GitHub: ${error.message}.`);
    }
    throw error;
  });
}
