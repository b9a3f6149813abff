/**
 * MWAA's InvokeRestApi in the fake MWAA (`POST /restapi/{Name}`, signed for `airflow`, sent to
 * the `env.` host prefix, which the product leaves out for an endpoint override as it does
 * `api.` for GetEnvironment), and the one Airflow endpoint behind it the product calls:
 * `GET /importErrors`.
 *
 * Behaviours modelled, with their sources:
 * - Request `{Method, Path, QueryParameters, Body}`; success `{RestApiStatusCode,
 *   RestApiResponse}`; errors AccessDeniedException (403), ResourceNotFoundException (404),
 *   ValidationException (400), RestApiClientException (400, Airflow answered 4xx) (MWAA API
 *   reference, InvokeRestApi).
 * - REST access through MWAA needs Apache Airflow v2.4.3 or later ("Using the Apache Airflow
 *   REST API", MWAA user guide): an older environment answers ValidationException. The message
 *   text is ours (not confirmed against the service).
 * - An environment that is not AVAILABLE has no webserver to answer: ValidationException here
 *   (an assumption: the reference does not say which error MWAA gives).
 * - The caller's permission (airflow:InvokeRestApi on the environment's Airflow role ARN) is not
 *   modelled by this fake; a test scripts AccessDeniedException with a fault on
 *   `mwaa`/`InvokeRestApi` (status 403).
 * - Airflow's `GET /importErrors` answers `{import_errors: [{import_error_id, timestamp,
 *   filename, stack_trace}], total_entries}`, paged by `limit` (default 100) and `offset`
 *   (Airflow stable REST API reference, ImportErrorCollection). `filename` is the path on
 *   MWAA's containers, under /usr/local/airflow/dags/ (MWAA user guide, "DAG folder").
 *
 * TEST DEVICE, not MWAA behaviour: the fake scheduler reports an import error for each DAG file
 * in the environment's bucket (SourceBucketArn, under DagS3Path) whose latest version holds a
 * line `raise ImportError...`, once `dagScanMs` have passed since that version was uploaded: as
 * MWAA syncs the bucket (about every 30 seconds) and the scheduler then fails to parse the file.
 * The error's timestamp is when the fake scheduler parsed it (upload + dagScanMs), as Airflow
 * stamps an import error each time a parse fails.
 */
import type { FakeMwaa } from './mwaa.js';
import type { ObjectStore } from './s3-objects.js';
import { AwsError } from './wire.js';

/** Where MWAA puts the DAG prefix's files on its containers. */
export const MWAA_DAG_FOLDER = '/usr/local/airflow/dags/';
/** The marker line a test writes into a DAG file to make the fake scheduler fail on it. */
export const IMPORT_ERROR_MARKER = /^\s*raise ImportError\b.*$/m;

/** InvokeRestApi for environment `name` with the request's body. */
export function invokeRestApi(
  mwaa: FakeMwaa,
  objects: ObjectStore,
  name: string,
  body: Record<string, unknown>,
): unknown {
  const env = mwaa.environments.get(name);
  if (!env) throw new AwsError('ResourceNotFoundException', `Environment ${name} not found.`, 404);
  const version = String(env.properties['AirflowVersion'] ?? '2.10.3');
  if (olderThan(version, [2, 4, 3])) {
    throw new AwsError(
      'ValidationException',
      `InvokeRestApi is supported for Apache Airflow v2.4.3 and later; environment ${name} runs ${version}.`,
    );
  }
  if (env.status !== 'AVAILABLE') {
    throw new AwsError('ValidationException', `Environment ${name} is ${env.status}.`);
  }
  if (body['Method'] !== 'GET' || body['Path'] !== '/importErrors') {
    // Only the endpoint the product calls; anything else is Airflow's 404.
    throw new AwsError('RestApiClientException', 'Airflow answered 404 Not Found.', 400);
  }
  const errors = scheduledImportErrors(mwaa, objects, name);
  const q = (body['QueryParameters'] ?? {}) as Record<string, unknown>;
  const limit = Number(q['limit'] ?? 100);
  const offset = Number(q['offset'] ?? 0);
  return {
    RestApiStatusCode: 200,
    RestApiResponse: {
      import_errors: errors.slice(offset, offset + limit),
      total_entries: errors.length,
    },
  };
}

/** What the fake scheduler has reported so far for this environment (see the TEST DEVICE note). */
export function scheduledImportErrors(
  mwaa: FakeMwaa,
  objects: ObjectStore,
  name: string,
): { import_error_id: number; timestamp: string; filename: string; stack_trace: string }[] {
  const env = mwaa.environments.get(name);
  const bucket = String(env?.properties['SourceBucketArn'] ?? '').replace(/^arn:[^:]+:s3:::/, '');
  const prefix = `${String(env?.properties['DagS3Path'] ?? 'dags').replace(/^\/+|\/+$/g, '')}/`;
  const now = mwaa.cfn.now();
  return objects
    .keys(bucket)
    .filter((key) => key.startsWith(prefix) && key.endsWith('.py'))
    .sort()
    .flatMap((key) => {
      const latest = objects.latest(bucket, key);
      if (!latest || latest.deleteMarker) return [];
      const parsedAt = latest.lastModified.getTime() + mwaa.dagScanMs;
      const line = IMPORT_ERROR_MARKER.exec(latest.body?.toString('utf8') ?? '')?.[0].trim();
      if (!line || parsedAt > now) return [];
      const filename = `${MWAA_DAG_FOLDER}${key.slice(prefix.length)}`;
      return [{ filename, line, parsedAt }];
    })
    .map((e, i) => ({
      import_error_id: i + 1,
      timestamp: new Date(e.parsedAt).toISOString(),
      filename: e.filename,
      stack_trace: `Traceback (most recent call last):\n  File "${e.filename}", line 1, in <module>\n    ${e.line}\nImportError: ${e.line.replace(/^raise ImportError\(?['"]?|['"]?\)?$/g, '') || 'raised by the DAG file'}\n`,
    }));
}

function olderThan(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < minimum.length; i++) {
    const a = parts[i] ?? 0;
    const b = minimum[i]!;
    if (a !== b) return a < b;
  }
  return false;
}
