/**
 * The runner's OIDC token endpoint (what ACTIONS_ID_TOKEN_REQUEST_URL points at): a GET with
 * the request token as bearer and `audience` in the query answers `{ value: JWT }`. The JWT is
 * unsigned junk in a real JWT's shape, with GitHub's claims, so STS (the fake) can read its
 * audience and subject.
 */
import { randomBytes } from 'node:crypto';
import type { OidcOptions } from './types.js';

export const OIDC_PATH = '/oidc/token';
export const DEFAULT_REQUEST_TOKEN = 'fake-oidc-request-token';

export interface OidcAnswer {
  readonly status: number;
  readonly body: string;
  /** The audience asked for, for the call log. */
  readonly audience?: string;
}

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token shaped like GitHub's: `header.claims.signature`. */
export function mintToken(audience: string, subject: string, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const [owner, repo] = subject.replace(/^repo:/, '').split(/[/:]/);
  const claims = {
    iss: 'https://token.actions.githubusercontent.com',
    aud: audience,
    sub: subject,
    repository: `${owner}/${repo}`,
    repository_owner: owner,
    ref: 'refs/heads/main',
    iat,
    nbf: iat - 5,
    exp: iat + 300,
    jti: randomBytes(8).toString('hex'),
  };
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'fake' })}.${b64(claims)}.${randomBytes(32).toString('base64url')}`;
}

export function answerOidc(
  url: URL,
  authorization: string | undefined,
  options: OidcOptions,
  nowMs: number,
): OidcAnswer {
  const expected = `Bearer ${options.requestToken ?? DEFAULT_REQUEST_TOKEN}`;
  if (authorization !== expected) {
    return { status: 401, body: JSON.stringify({ message: 'Bad credentials' }) };
  }
  const subject = options.subject ?? 'repo:octo-org/octo-repo:ref:refs/heads/main';
  // Without `audience` GitHub uses the repository owner's URL.
  const audience =
    url.searchParams.get('audience') ?? `https://github.com/${subject.split(/[:/]/)[1]}`;
  const value = mintToken(audience, subject, nowMs);
  return { status: 200, body: JSON.stringify({ count: 1, value }), audience };
}
