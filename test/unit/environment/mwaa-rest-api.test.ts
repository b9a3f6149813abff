/**
 * Where and how InvokeRestApi is sent: against AWS to the `env.` host prefix (MWAA's Airflow
 * environment endpoint, env.airflow.REGION.amazonaws.com, where CreateCliToken and
 * CreateWebLoginToken go too; GetEnvironment goes to `api.`), with an endpoint override to the
 * override itself; `POST /restapi/{Name}` signed for `airflow`, the request in MWAA's JSON shape.
 */
import { describe, expect, it } from '@jest/globals';
import { mwaaReader, mwaaRestApi } from '../../../src/environment/mwaa-api.js';

function recordingFetch(answer: unknown) {
  const sent: { url: string; method: string; headers: Headers; body: string }[] = [];
  const fetch = (async (url: URL | string, init: RequestInit = {}) => {
    sent.push({
      url: String(url),
      method: String(init.method),
      headers: new Headers(init.headers),
      body: String(init.body ?? ''),
    });
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { sent, fetch };
}

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

describe('MWAA InvokeRestApi transport', () => {
  it('goes to env.airflow.REGION against AWS, and GetEnvironment to api.airflow.REGION', async () => {
    const rest = recordingFetch({ RestApiStatusCode: 200, RestApiResponse: { total_entries: 0 } });
    const invoke = mwaaRestApi({ region: 'eu-west-1', credentials, env: {}, fetch: rest.fetch });
    const answer = await invoke({
      name: 'analytics',
      method: 'GET',
      path: '/importErrors',
      queryParameters: { limit: 100, offset: 0 },
    });
    expect(answer).toEqual({ status: 200, body: { total_entries: 0 } });
    const [call] = rest.sent;
    expect(call?.url).toBe('https://env.airflow.eu-west-1.amazonaws.com/restapi/analytics');
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('authorization')).toMatch(/\/eu-west-1\/airflow\/aws4_request/);
    expect(JSON.parse(call?.body ?? '')).toEqual({
      Method: 'GET',
      Path: '/importErrors',
      QueryParameters: { limit: 100, offset: 0 },
    });

    const get = recordingFetch({ Environment: { Name: 'analytics' } });
    await mwaaReader({
      region: 'eu-west-1',
      credentials,
      env: {},
      fetch: get.fetch,
    }).getEnvironment('analytics');
    expect(get.sent[0]?.url).toBe(
      'https://api.airflow.eu-west-1.amazonaws.com/environments/analytics',
    );
  });

  it('leaves the host prefix out with an endpoint override (a loopback fake has no env.127.0.0.1)', async () => {
    const rest = recordingFetch({ RestApiStatusCode: 200, RestApiResponse: {} });
    const invoke = mwaaRestApi({
      region: 'us-east-1',
      credentials,
      env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566/' },
      fetch: rest.fetch,
    });
    await invoke({ name: 'my_env', method: 'GET', path: '/importErrors' });
    expect(rest.sent[0]?.url).toBe('http://127.0.0.1:4566/restapi/my_env');
    expect(JSON.parse(rest.sent[0]?.body ?? '')).toEqual({ Method: 'GET', Path: '/importErrors' });
  });
});
