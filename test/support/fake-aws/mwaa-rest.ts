/**
 * The fake MWAA's REST-JSON routes, in two parts:
 * - the environments (mwaa.ts holds them), served by the fake AWS server: GET /environments
 *   (ListEnvironments), and GET, PUT (CreateEnvironment), PATCH (UpdateEnvironment), DELETE
 *   /environments/{Name}, answered as the API reference describes;
 * - InvokeRestApi on its own loopback server (startFakeMwaaRest), for the import-errors check.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeMwaa } from './mwaa.js';
import { MWAA_LOG_TYPES, newIdentity } from './physical-ids.js';
import { AwsError } from './wire.js';

/** GetEnvironment's `Environment`, REST-JSON (dates in epoch seconds). */
export function describeEnvironment(mwaa: FakeMwaa, name: string): Record<string, unknown> {
  const e = mwaa.environments.get(name);
  if (!e) throw new AwsError('ResourceNotFoundException', `Environment ${name} not found.`, 404);
  const p = e.properties;
  const logging = (p['LoggingConfiguration'] ?? {}) as Record<string, Record<string, unknown>>;
  const LoggingConfiguration = Object.fromEntries(
    MWAA_LOG_TYPES.map(([type]) => [
      type,
      {
        Enabled: logging[type]?.['Enabled'] === true || logging[type]?.['Enabled'] === 'true',
        LogLevel: logging[type]?.['LogLevel'] ?? 'INFO',
        ...(e.logGroups[type] ? { CloudWatchLogGroupArn: e.logGroups[type] } : {}),
      },
    ]),
  );
  return {
    Name: e.name,
    Arn: e.arn,
    Status: e.status,
    CreatedAt: e.createdAt.getTime() / 1000,
    ExecutionRoleArn: p['ExecutionRoleArn'],
    ServiceRoleArn: `arn:aws:iam::${mwaa.cfn.options.accountId}:role/aws-service-role/airflow.amazonaws.com/AWSServiceRoleForAmazonMWAA`,
    SourceBucketArn: p['SourceBucketArn'],
    DagS3Path: p['DagS3Path'],
    KmsKey: p['KmsKey'],
    AirflowVersion: p['AirflowVersion'] ?? '2.10.3',
    EnvironmentClass: p['EnvironmentClass'] ?? 'mw1.small',
    WebserverAccessMode: p['WebserverAccessMode'] ?? 'PRIVATE_ONLY',
    WebserverUrl: e.webserverUrl,
    NetworkConfiguration: p['NetworkConfiguration'],
    LoggingConfiguration,
    LastUpdate: e.lastUpdate,
    Tags: {},
  };
}

/**
 * The REST routes: GET /environments (ListEnvironments), GET, PUT (CreateEnvironment), PATCH
 * (UpdateEnvironment) and DELETE /environments/{Name}. A direct create or update is planned
 * and started as CloudFormation's are; an update of an environment that is not AVAILABLE is
 * refused with ValidationException.
 */
export function handleMwaa(
  mwaa: FakeMwaa,
  method: string,
  path: string,
  body: Record<string, unknown> = {},
): unknown {
  const match = /^\/environments(?:\/([^/]+))?$/.exec(path);
  if (!match)
    throw new AwsError('UnknownOperationException', `No MWAA operation at ${method} ${path}`, 404);
  const name = match[1] ? decodeURIComponent(match[1]) : undefined;
  if (method === 'GET' && !name) return { Environments: [...mwaa.environments.keys()] };
  if (!name) throw new AwsError('ValidationException', `${method} needs an environment name`);
  const existing = mwaa.environments.get(name);
  const now = mwaa.cfn.now();
  switch (method) {
    case 'GET':
      return { Environment: describeEnvironment(mwaa, name) };
    case 'PUT': {
      if (existing)
        throw new AwsError('ValidationException', `Environment ${name} already exists.`);
      const properties = { ...body, Name: name };
      const attributes = attributesFor(mwaa, name);
      mwaa.begin('create', name, properties, attributes, mwaa.plan('create', properties), now);
      return { Arn: attributes['Arn'] };
    }
    case 'PATCH': {
      if (!existing)
        throw new AwsError('ResourceNotFoundException', `Environment ${name} not found.`, 404);
      if (existing.status !== 'AVAILABLE') {
        throw new AwsError(
          'ValidationException',
          `Environment ${name} is ${existing.status}; it cannot be updated now.`,
        );
      }
      const properties = { ...existing.properties, ...body, Name: name };
      mwaa.begin(
        'update',
        name,
        properties,
        attributesFor(mwaa, name),
        mwaa.plan('update', properties),
        now,
      );
      return { Arn: existing.arn };
    }
    case 'DELETE': {
      if (!existing)
        throw new AwsError('ResourceNotFoundException', `Environment ${name} not found.`, 404);
      mwaa.begin('delete', name, existing.properties, {}, mwaa.plan('delete', {}), now);
      return {};
    }
    default:
      throw new AwsError(
        'UnknownOperationException',
        `No MWAA operation at ${method} ${path}`,
        405,
      );
  }
}

/** The Arn, WebserverUrl and log group ARNs an environment of this name gets. */
function attributesFor(mwaa: FakeMwaa, name: string): Record<string, string> {
  const existing = mwaa.environments.get(name);
  if (existing) {
    return {
      Arn: existing.arn,
      WebserverUrl: existing.webserverUrl,
      ...Object.fromEntries(
        Object.entries(existing.logGroups).map(([t, arn]) => [
          `LoggingConfiguration.${t}.CloudWatchLogGroupArn`,
          arn,
        ]),
      ),
    };
  }
  const ctx = { ...mwaa.cfn.idContext({ name: 'direct' }) };
  return newIdentity('AWS::MWAA::Environment', { Name: name }, ctx, 'Environment').attributes;
}

/*
 * A small fake of MWAA's InvokeRestApi (its own loopback server), for the import-errors check:
 * `POST /restapi/{Name}` in restJson1 with `{Method, Path, QueryParameters}`. From the MWAA API
 * reference: success is `{RestApiStatusCode, RestApiResponse}`; errors carry their type in
 * `x-amzn-errortype`: ResourceNotFoundException (404, no such environment), AccessDeniedException
 * (403), ValidationException (400, e.g. an Airflow version without REST access through MWAA),
 * RestApiClientException (400, Airflow answered 4xx, with RestApiStatusCode). Airflow's
 * `GET /importErrors` answers `{import_errors: [{import_error_id, timestamp, filename,
 * stack_trace}], total_entries}` and pages by `limit` (default 100) and `offset`.
 */

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
