/**
 * The runner's OIDC token, asked for by the action's `getIDToken` (src/action/id-token.ts, which
 * builds the URL, authorises the request and masks the token exactly as `core.getIDToken` does,
 * errors and their wording included) and made dependable here. What that request lacks, and
 * this adds:
 *  - a message that says the fix when the job lacks `permissions: id-token: write` (the two
 *    ACTIONS_ID_TOKEN_REQUEST_* variables are then missing; getIDToken only names the variable);
 *  - retries of a connection reset, a 500 or a 429 (getIDToken, like @actions/http-client,
 *    retries only 502, 503 and 504), with backoff on the injected clock; a 4xx other than 429
 *    fails at once.
 * Without a runner (the CLI, a library caller) there is no token to ask for, and the error says
 * to use the ambient AWS credentials instead.
 */
import type { Clock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { retry } from '../shared/retry.js';

/** Raised when the runner cannot give an OIDC token; the message carries the fix. */
export class OidcTokenError extends Error {}

/** Returns a JWT for an audience: the action's `getIDToken` (src/action/id-token.ts). */
export type IdTokenSource = (audience: string) => Promise<string>;

export interface OidcTokenOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  readonly onRetry?: (message: string) => void;
}

const PREFIX = 'Could not get an OIDC token from GitHub';

/** The HTTP status getIDToken put in its message (`Error Code : 403`, as core's), if any. */
function statusIn(error: unknown): number | undefined {
  const match = /Error Code\s*:\s*(\d{3})/.exec(errorMessage(error));
  return match ? Number(match[1]) : undefined;
}

/** A connection failure (no status), a 5xx or a 429: worth another try. */
function transient(error: unknown): boolean {
  const status = statusIn(error);
  return status === undefined || status >= 500 || status === 429;
}

/** getIDToken's multi-line message (core's wording), on one line. */
function oneLine(error: unknown): string {
  return errorMessage(error)
    .replace(/^Error message:\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Asks `source` for a token with this audience, after checking that the job may have one.
 * @throws OidcTokenError saying what to change.
 */
export async function requestOidcToken(
  audience: string,
  source: IdTokenSource | undefined,
  options: OidcTokenOptions,
): Promise<string> {
  if (!options.env.ACTIONS_ID_TOKEN_REQUEST_URL || !options.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new OidcTokenError(
      `${PREFIX}: ACTIONS_ID_TOKEN_REQUEST_URL and ` +
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set. Give the job `permissions: id-token: write` ' +
        '(and `contents: read`). Pull requests from forks never get OIDC tokens.',
    );
  }
  if (source === undefined) {
    throw new OidcTokenError(
      `${PREFIX}: role-to-assume exchanges the Actions runner's OIDC token, which only the action asks for. ` +
        'Outside the action, leave role-to-assume empty and use AWS credentials (environment, profile, SSO).',
    );
  }
  try {
    return await retry(() => source(audience), {
      attempts: 5,
      baseDelayMs: 1000,
      maxDelayMs: 10_000,
      clock: options.clock,
      retryable: transient,
      onRetry: (error, attempt, delay) =>
        options.onRetry?.(
          `OIDC token attempt ${attempt} failed (${oneLine(error)}); retrying in ${delay} ms`,
        ),
    });
  } catch (error) {
    const status = statusIn(error);
    const hint =
      status !== undefined && status < 500 && status !== 429
        ? ' Check that the job has `permissions: id-token: write`.'
        : '';
    throw new OidcTokenError(`${PREFIX}: ${oneLine(error)}.${hint}`, { cause: error });
  }
}
