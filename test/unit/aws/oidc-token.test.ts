import { OidcTokenError, requestOidcToken } from '../../../src/aws/oidc-token.js';
import { instantClock } from '../../../src/shared/clock.js';

const env = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/oidc?api-version=2.0',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
};

function fakeFetch(answers: (() => Response | Promise<Response>)[]) {
  const seen: { url: string; auth: string | null }[] = [];
  const fetch = (async (url: URL | string, init?: RequestInit) => {
    seen.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next();
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status });

describe('requestOidcToken', () => {
  it('asks for the audience with the request token and returns the JWT', async () => {
    const { fetch, seen } = fakeFetch([json({ value: 'jwt' })]);
    const token = await requestOidcToken({
      audience: 'sts.amazonaws.com',
      env,
      clock: instantClock(),
      fetch,
    });
    expect(token).toBe('jwt');
    expect(seen[0]?.url).toBe(
      'https://token.example/oidc?api-version=2.0&audience=sts.amazonaws.com',
    );
    expect(seen[0]?.auth).toBe('Bearer request-token');
  });

  it('says to grant id-token: write when the runner variables are missing', async () => {
    await expect(
      requestOidcToken({ audience: 'a', env: {}, clock: instantClock() }),
    ).rejects.toThrow(/permissions: id-token: write/);
  });

  it('retries 5xx answers and network errors, then succeeds', async () => {
    const clock = instantClock();
    const { fetch } = fakeFetch([
      json({}, 503),
      () => Promise.reject(new TypeError('fetch failed')),
      json({ value: 'jwt' }),
    ]);
    const retries: string[] = [];
    const token = await requestOidcToken({
      audience: 'a',
      env,
      clock,
      fetch,
      onRetry: (m) => retries.push(m),
    });
    expect(token).toBe('jwt');
    expect(retries).toHaveLength(2);
    expect(clock.slept).toHaveLength(2);
  });

  it('does not retry a 4xx answer', async () => {
    const { fetch, seen } = fakeFetch([json({}, 403), json({ value: 'jwt' })]);
    await expect(
      requestOidcToken({ audience: 'a', env, clock: instantClock(), fetch }),
    ).rejects.toThrow(OidcTokenError);
    expect(seen).toHaveLength(1);
  });

  it('gives up after repeated 5xx with a clear error', async () => {
    const { fetch } = fakeFetch(Array.from({ length: 5 }, () => json({}, 500)));
    await expect(
      requestOidcToken({ audience: 'a', env, clock: instantClock(), fetch }),
    ).rejects.toThrow(
      /Could not get an OIDC token from GitHub: the token service answered HTTP 500/,
    );
  });
});
