/**
 * The runner's OIDC token, fetched as `@actions/core` 3.x's `getIDToken` fetches it (same URL,
 * headers, retries, redirects, error messages and masking) without loading `@actions/core`.
 * Why: `@actions/core` brings `@actions/http-client` and undici, about 1 MB of bundle; under
 * Node 24 loading them raised a deploy's peak RSS by about 7 MiB for this one GET
 * (BENCHMARKS.md). The request goes through node:http/https, which the SDK clients load anyway.
 *
 * What `@actions/http-client` does and this keeps: a GET of ACTIONS_ID_TOKEN_REQUEST_URL with
 * `&audience=` appended, `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`,
 * `Accept: application/json` and `User-Agent: actions/oidc-client`; up to 10 retries of a 502,
 * 503 or 504 with a backoff of 5 ms × 2^n (n at most 10); up to 50 redirects (no HTTPS to HTTP
 * downgrade, the bearer dropped for another host); a 404 read as no token; an error status
 * reported with the body's `message`. Not kept: its proxy support (HTTPS_PROXY), which the SDK
 * clients making every other call do not have either; Node 24's NODE_USE_ENV_PROXY covers both.
 */
import type { IncomingMessage } from 'node:http';
import { debug, setSecret } from './workflow.js';

const RETRY_CODES = [502, 503, 504];
const MAX_RETRIES = 10;
const MAX_REDIRECTS = 50;
const REDIRECT_CODES = [300, 301, 302, 303, 307, 308];

interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  readonly body: string;
}

async function get(url: URL, headers: Record<string, string>): Promise<Answer> {
  const { request } =
    url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** One GET with http-client's redirects. */
async function getFollowing(start: URL, headers: Record<string, string>): Promise<Answer> {
  let url = start;
  let answer = await get(url, headers);
  for (let left = MAX_REDIRECTS; REDIRECT_CODES.includes(answer.status) && left > 0; left--) {
    if (!answer.location) break;
    const next = new URL(answer.location, url);
    if (url.protocol === 'https:' && next.protocol !== 'https:') {
      throw new Error(
        'Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.',
      );
    }
    if (next.hostname !== url.hostname) delete headers.authorization;
    url = next;
    answer = await get(url, headers);
  }
  return answer;
}

/** `getJson`'s error for a status above 299: the body's `message`, else the body, else a default. */
function statusError(answer: Answer): Error & { statusCode: number } {
  let message = `Failed request: (${answer.status})`;
  try {
    const parsed = JSON.parse(answer.body) as { message?: unknown } | null;
    if (parsed && typeof parsed === 'object' && parsed.message) message = String(parsed.message);
    else if (answer.body.length > 0) message = answer.body;
  } catch {
    if (answer.body.length > 0) message = answer.body;
  }
  return Object.assign(new Error(message), { statusCode: answer.status });
}

async function fetchToken(url: URL, requestToken: string): Promise<string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'user-agent': 'actions/oidc-client',
    authorization: `Bearer ${requestToken}`,
  };
  let answer = await getFollowing(url, headers);
  for (let retry = 1; RETRY_CODES.includes(answer.status) && retry <= MAX_RETRIES; retry++) {
    await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** Math.min(10, retry)));
    answer = await getFollowing(url, { ...headers });
  }
  if (answer.status === 404) return '';
  if (answer.status > 299) throw statusError(answer);
  const value = answer.body === '' ? undefined : (JSON.parse(answer.body) as { value?: unknown });
  return typeof value?.value === 'string' ? value.value : '';
}

/** The runner's OIDC token for `audience`, masked in the log; errors worded as core's. */
export async function getIDToken(audience?: string): Promise<string> {
  try {
    let url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    if (!url) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
    const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestToken) throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
    if (audience) url = `${url}&audience=${encodeURIComponent(audience)}`;
    debug(`ID token url is ${url}`);
    let token: string;
    try {
      token = await fetchToken(new URL(url), requestToken);
    } catch (error) {
      const e = error as { statusCode?: number; message?: string };
      throw new Error(
        `Failed to get ID Token. \n 
        Error Code : ${e.statusCode}\n 
        Error Message: ${e.message}`,
        { cause: error },
      );
    }
    if (!token) throw new Error('Response json body do not have ID Token field');
    setSecret(token);
    return token;
  } catch (error) {
    throw new Error(`Error message: ${(error as Error).message}`, { cause: error });
  }
}
