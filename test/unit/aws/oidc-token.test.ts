/**
 * The OIDC token as the action gets it: @actions/core's getIDToken (the real one, reading the
 * runner's variables from process.env) against a local token service that answers as GitHub's
 * does (`{ value: JWT }` for a GET with the request token as bearer and `audience` in the query),
 * wrapped by requestOidcToken's explanations and retries.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getIDToken } from '@actions/core';
import { OidcTokenError, requestOidcToken } from '../../../src/aws/oidc-token.js';
import { instantClock } from '../../../src/shared/clock.js';

type Answer = 'reset' | number;

/** A token service answering each request with the next scripted answer (200 when none is left). */
async function tokenService(answers: Answer[]) {
  const seen: { url: string; auth: string | undefined }[] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', auth: req.headers.authorization });
    const answer = answers.shift() ?? 200;
    if (answer === 'reset') return void req.socket.destroy();
    res.writeHead(answer, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer === 200 ? { value: 'jwt' } : { message: 'no' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  return {
    env,
    seen,
    close: async () => {
      for (const key of Object.keys(env)) delete process.env[key];
      Object.assign(process.env, saved);
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('requestOidcToken over core.getIDToken', () => {
  it('asks for the audience with the request token and returns the JWT', async () => {
    const service = await tokenService([]);
    try {
      const token = await requestOidcToken('sts.amazonaws.com', getIDToken, {
        env: service.env,
        clock: instantClock(),
      });
      expect(token).toBe('jwt');
      expect(service.seen).toEqual([
        { url: '/token?api-version=2.0&audience=sts.amazonaws.com', auth: 'Bearer request-token' },
      ]);
    } finally {
      await service.close();
    }
  });

  it('says to grant id-token: write when the runner variables are missing, asking nothing', async () => {
    let asked = 0;
    const source = async () => {
      asked++;
      return 'jwt';
    };
    await expect(requestOidcToken('a', source, { env: {}, clock: instantClock() })).rejects.toThrow(
      /^Could not get an OIDC token from GitHub: .*permissions: id-token: write/,
    );
    expect(asked).toBe(0);
  });

  it('without a runner token source (the CLI), says to use the ambient credentials', async () => {
    const env = {
      ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x/?a=1',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
    };
    await expect(requestOidcToken('a', undefined, { env, clock: instantClock() })).rejects.toThrow(
      /leave role-to-assume empty and use AWS credentials/,
    );
  });

  it('retries what core does not (a reset connection, a 500, a 429), on the injected clock', async () => {
    const service = await tokenService(['reset', 500, 429]);
    const clock = instantClock();
    const retries: string[] = [];
    try {
      const token = await requestOidcToken('a', getIDToken, {
        env: service.env,
        clock,
        onRetry: (m) => retries.push(m),
      });
      expect(token).toBe('jwt');
      expect(service.seen).toHaveLength(4);
      expect(retries).toHaveLength(3);
      expect(clock.slept).toHaveLength(3);
    } finally {
      await service.close();
    }
  });

  it('does not retry a 403, and says which permission to check', async () => {
    const service = await tokenService([403]);
    try {
      const failed = requestOidcToken('a', getIDToken, { env: service.env, clock: instantClock() });
      await expect(failed).rejects.toThrow(OidcTokenError);
      await expect(failed).rejects.toThrow(/Error Code : 403.*permissions: id-token: write/);
      expect(service.seen).toHaveLength(1);
    } finally {
      await service.close();
    }
  });

  it('gives up after repeated 500s with one clear line', async () => {
    const service = await tokenService([500, 500, 500, 500, 500]);
    try {
      await expect(
        requestOidcToken('a', getIDToken, { env: service.env, clock: instantClock() }),
      ).rejects.toThrow(
        /^Could not get an OIDC token from GitHub: Failed to get ID Token\. Error Code : 500/,
      );
      expect(service.seen).toHaveLength(5);
    } finally {
      await service.close();
    }
  });
});
