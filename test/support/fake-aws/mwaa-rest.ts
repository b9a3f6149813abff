/**
 * The fake MWAA's REST-JSON routes, served by the fake AWS server: GET /environments
 * (ListEnvironments), and GET, PUT (CreateEnvironment), PATCH (UpdateEnvironment), DELETE
 * /environments/{Name}, answered as the API reference describes; and POST /restapi/{Name}
 * (InvokeRestApi, mwaa-invoke.ts), for the import-errors check.
 */
import type { FakeMwaa } from './mwaa.js';
import { invokeRestApi } from './mwaa-invoke.js';
import type { ObjectStore } from './s3-objects.js';
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
 * (UpdateEnvironment) and DELETE /environments/{Name}, POST /restapi/{Name} (InvokeRestApi).
 * A direct create or update is planned and started as CloudFormation's are; an update of an
 * environment that is not AVAILABLE is refused with ValidationException.
 */
export function handleMwaa(
  mwaa: FakeMwaa,
  objects: ObjectStore,
  method: string,
  path: string,
  body: Record<string, unknown> = {},
): unknown {
  const rest = /^\/restapi\/([^/]+)$/.exec(path);
  if (rest && method === 'POST') {
    return invokeRestApi(mwaa, objects, decodeURIComponent(rest[1]!), body);
  }
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
