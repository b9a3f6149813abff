/**
 * The action's own getIDToken against @actions/core's (the real one), on the same scripted token
 * service: the same requests (URL with the audience, bearer, Accept, User-Agent), the same
 * token or the same error message, the same retries and redirects, and the token masked.
 */
import { jest } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIDToken as coreGetIDToken } from '@actions/core';
import { getIDToken } from '../../../src/action/id-token.js';

/** 'redirect' answers 302 to the same service's /moved; a number answers that status. */
type Answer = number | 'redirect';

interface Seen {
  url: string;
  auth: string | undefined;
  accept: string | undefined;
  agent: string | undefined;
}

async function tokenService(answers: Answer[]) {
  const seen: Seen[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    seen.push({
      url: req.url ?? '',
      auth: req.headers.authorization,
      accept: req.headers.accept,
      agent: req.headers['user-agent'],
    });
    const answer = answers.shift() ?? 200;
    if (answer === 'redirect') {
      // Absolute, as GitHub sends it: core cannot follow a relative Location.
      res.writeHead(302, { location: `http://127.0.0.1:${port}/moved?api-version=2.0&audience=x` });
      return void res.end();
    }
    res.writeHead(answer, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer === 200 ? { value: 'jwt-value' } : { message: `no ${answer}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return { seen, port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Runs one implementation against a fresh service; returns what it gave and what it printed. */
async function outcome(
  get: (audience?: string) => Promise<string>,
  answers: Answer[],
  env: Record<string, string | undefined> = {},
) {
  const service = await tokenService([...answers]);
  const saved = { ...process.env };
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${service.port}/token?api-version=2.0`;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'request-token';
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const printed: string[] = [];
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (printed.push(String(chunk)), true));
  try {
    const result = await get('sts.amazonaws.com').then(
      (token) => ({ token }),
      (error: Error) => ({ error: error.message }),
    );
    const text = printed.join('').replaceAll(`:${service.port}/`, ':PORT/');
    return { result, seen: service.seen, printed: text };
  } finally {
    write.mockRestore();
    process.env = saved;
    await service.close();
  }
}

describe('getIDToken answers as @actions/core getIDToken does', () => {
  it.each<[string, Answer[]]>([
    ['a token', [200]],
    ['a 403 with a message', [403]],
    ['a 404 (no token)', [404]],
    ['a 500 (not retried)', [500]],
    ['a 502 then a token (retried)', [502, 503, 200]],
    ['a redirect', ['redirect', 200]],
  ])('%s', async (_, answers) => {
    const own = await outcome(getIDToken, answers);
    const core = await outcome(coreGetIDToken, answers);
    expect(own.result).toEqual(core.result);
    expect(own.seen).toEqual(core.seen);
    expect(own.seen[0]).toEqual({
      url: '/token?api-version=2.0&audience=sts.amazonaws.com',
      auth: 'Bearer request-token',
      accept: 'application/json',
      agent: 'actions/oidc-client',
    });
    if ('token' in own.result) expect(own.printed).toContain('::add-mask::jwt-value');
    expect(own.printed).toBe(core.printed);
  });

  it('gives up after 10 retries of a 503, as core does', async () => {
    const answers = Array<Answer>(12).fill(503);
    const own = await outcome(getIDToken, answers);
    expect(own.seen).toHaveLength(11);
    expect(own.result).toEqual({
      error: expect.stringMatching(/Error Code : 503\n \s+Error Message: no 503$/),
    });
  }, 30_000);

  it.each(['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])(
    'without %s, the same error as core',
    async (name) => {
      const own = await outcome(getIDToken, [], { [name]: undefined });
      const core = await outcome(coreGetIDToken, [], { [name]: undefined });
      expect(own.result).toEqual(core.result);
      expect(own.result).toEqual({ error: `Error message: Unable to get ${name} env variable` });
    },
  );
});
