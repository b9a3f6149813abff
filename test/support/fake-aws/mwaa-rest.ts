/**
 * A small fake of MWAA's InvokeRestApi (its own loopback server), for the import-errors check:
 * `POST /restapi/{Name}` in restJson1 with `{Method, Path, QueryParameters}`. From the MWAA API
 * reference: success is `{RestApiStatusCode, RestApiResponse}`; errors carry their type in
 * `x-amzn-errortype`: ResourceNotFoundException (404, no such environment), AccessDeniedException
 * (403), ValidationException (400, e.g. an Airflow version without REST access through MWAA),
 * RestApiClientException (400, Airflow answered 4xx, with RestApiStatusCode). Airflow's
 * `GET /importErrors` answers `{import_errors: [{import_error_id, timestamp, filename,
 * stack_trace}], total_entries}` and pages by `limit` (default 100) and `offset`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeImportError {
  readonly filename: string;
  readonly stack_trace: string;
  readonly timestamp?: string;
}

export interface FakeMwaaEnvironment {
  /** What InvokeRestApi does for this environment. */
  rest: 'ok' | 'denied' | 'unsupported';
  importErrors: FakeImportError[];
}

export interface FakeMwaaRest {
  readonly url: string;
  readonly environments: Map<string, FakeMwaaEnvironment>;
  /** Every request body, oldest first. */
  readonly requests: { name: string; body: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startFakeMwaaRest(): Promise<FakeMwaaRest> {
  const environments = new Map<string, FakeMwaaEnvironment>();
  const requests: FakeMwaaRest['requests'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown, type?: string) => {
        res.writeHead(status, {
          'content-type': 'application/json',
          ...(type && { 'x-amzn-errortype': type }),
        });
        res.end(JSON.stringify(body));
      };
      const match = /^\/restapi\/([^/]+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match)
        return answer(404, { message: 'Not found' }, 'UnknownOperationException');
      const name = decodeURIComponent(match[1]!);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
        string,
        unknown
      >;
      requests.push({ name, body });
      const env = environments.get(name);
      if (!env)
        return answer(
          404,
          { message: `Environment ${name} not found` },
          'ResourceNotFoundException',
        );
      if (env.rest === 'denied')
        return answer(403, { Message: 'Access denied' }, 'AccessDeniedException');
      if (env.rest === 'unsupported') {
        return answer(
          400,
          { message: 'InvokeRestApi is not supported for this Airflow version' },
          'ValidationException',
        );
      }
      if (body['Method'] !== 'GET' || body['Path'] !== '/importErrors') {
        return answer(
          400,
          {
            RestApiStatusCode: 404,
            RestApiResponse: { title: 'Not Found' },
            message: 'Airflow answered 404',
          },
          'RestApiClientException',
        );
      }
      const q = (body['QueryParameters'] ?? {}) as Record<string, unknown>;
      const limit = Number(q['limit'] ?? 100);
      const offset = Number(q['offset'] ?? 0);
      const page = env.importErrors.slice(offset, offset + limit).map((e, i) => ({
        import_error_id: offset + i + 1,
        timestamp: e.timestamp ?? new Date().toISOString(),
        filename: e.filename,
        stack_trace: e.stack_trace,
      }));
      answer(200, {
        RestApiStatusCode: 200,
        RestApiResponse: { import_errors: page, total_entries: env.importErrors.length },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    environments,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
