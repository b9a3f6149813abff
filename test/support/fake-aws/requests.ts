/**
 * Which service a request is for, which action, with which parameters, and how that service
 * writes answers and errors. By protocol: the OIDC GET by its path; KMS by `X-Amz-Target:
 * TrentService.*` (awsJson1_1); awsQuery and EC2 POSTs by their `Version` (CloudFormation
 * 2010-05-15, STS 2011-06-15, IAM 2010-05-08, EC2 2016-11-15); S3 REST by its signing scope, or
 * as any other request that is not a form POST.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { OIDC_PATH } from './oidc.js';
import {
  ec2Error,
  ec2Response,
  jsonError,
  jsonResponse,
  s3Error,
  s3Response,
} from './protocols.js';
import { s3Operation } from './s3.js';
import { OBJECT_OPERATIONS } from './s3-objects.js';
import type { S3Document } from './s3.js';
import type { ServiceName } from './types.js';
import { parseQuery, queryError, queryResponse } from './wire.js';
import type { AwsError, WireResponse } from './wire.js';

export interface Incoming {
  readonly service: ServiceName;
  readonly action: string;
  readonly params: Record<string, unknown>;
  /** The request's `Version`, for the error naming an unknown awsQuery operation. */
  readonly version?: string;
  readonly ok: (result: unknown) => WireResponse;
  readonly error: (error: AwsError) => WireResponse;
}

const QUERY_SERVICES: Readonly<Record<string, { service: ServiceName; namespace: string }>> = {
  '2010-05-15': {
    service: 'cloudformation',
    namespace: 'http://cloudformation.amazonaws.com/doc/2010-05-15/',
  },
  '2011-06-15': { service: 'sts', namespace: 'https://sts.amazonaws.com/doc/2011-06-15/' },
  '2010-05-08': { service: 'iam', namespace: 'https://iam.amazonaws.com/doc/2010-05-08/' },
};
const EC2_VERSION = '2016-11-15';
const KMS_TARGET = /^TrentService\.(\w+)$/;
const LOGS_TARGET = /^Logs_20140328\.(\w+)$/;

/** The SigV4 credential scope of the `Authorization` header (absent on unsigned calls). */
export function signingScope(
  req: IncomingMessage,
): { accessKeyId: string; service: string } | undefined {
  const match = /Credential=([^/]+)\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '');
  return match ? { accessKeyId: match[1]!, service: match[2]! } : undefined;
}

function parseJson(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body || '{}');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function identify(
  req: IncomingMessage,
  url: URL,
  body: string,
  raw: Buffer = Buffer.from(body),
): Incoming {
  const method = req.method ?? 'GET';
  if (method === 'GET' && url.pathname === OIDC_PATH) {
    const json = (e: AwsError): WireResponse => ({
      status: e.status,
      headers: {},
      body: JSON.stringify({ message: e.message }),
    });
    const params = { audience: url.searchParams.get('audience') ?? undefined };
    // The server builds the OIDC answer itself (oidc.ts), whole.
    const ok = (answer: unknown): WireResponse => answer as WireResponse;
    return { service: 'oidc', action: 'GetIdToken', params, ok, error: json };
  }
  // MWAA's REST-JSON API: signed for `airflow`, paths under /environments and /restapi.
  if (
    signingScope(req)?.service === 'airflow' ||
    url.pathname.startsWith('/environments') ||
    url.pathname.startsWith('/restapi/')
  ) {
    const ok = (result: unknown): WireResponse => ({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
      body: JSON.stringify(result),
    });
    const error = (e: AwsError): WireResponse => ({
      status: e.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': e.code },
      body: JSON.stringify({ message: e.message }),
    });
    const name = /^\/environments\/([^/]+)$/.exec(url.pathname)?.[1];
    const action =
      method === 'GET'
        ? name
          ? 'GetEnvironment'
          : 'ListEnvironments'
        : `${method} ${url.pathname}`;
    const actions: Record<string, string> = {
      PUT: 'CreateEnvironment',
      PATCH: 'UpdateEnvironment',
      DELETE: 'DeleteEnvironment',
    };
    const named = url.pathname.startsWith('/restapi/')
      ? 'InvokeRestApi'
      : (actions[method] ?? action);
    const params = { method, path: url.pathname, body: parseJson(body) };
    return { service: 'mwaa', action: named, params, ok, error };
  }
  const logsTarget = LOGS_TARGET.exec(String(req.headers['x-amz-target'] ?? ''));
  if (logsTarget) {
    const ok = (result: unknown): WireResponse => jsonResponse(result);
    return {
      service: 'logs',
      action: logsTarget[1]!,
      params: parseJson(body),
      ok,
      error: jsonError,
    };
  }
  const target = KMS_TARGET.exec(String(req.headers['x-amz-target'] ?? ''));
  if (target) {
    const ok = (result: unknown): WireResponse => jsonResponse(result);
    return { service: 'kms', action: target[1]!, params: parseJson(body), ok, error: jsonError };
  }
  const form = String(req.headers['content-type'] ?? '').startsWith(
    'application/x-www-form-urlencoded',
  );
  if (signingScope(req)?.service === 's3' || (method !== 'POST' && !form)) {
    const { action, bucket, key } = s3Operation(method, url);
    const ok = (result: unknown): WireResponse => {
      // Object operations (s3-objects.ts) answer whole: headers and bytes of their own.
      if (typeof result === 'object' && result !== null && 'status' in result) {
        return result as WireResponse;
      }
      const document = result as S3Document;
      return s3Response(document.root, document.inner);
    };
    const error = (e: AwsError): WireResponse => s3Error(e, bucket || undefined);
    const object = OBJECT_OPERATIONS.includes(action as (typeof OBJECT_OPERATIONS)[number])
      ? { Key: key ?? '', Query: url.searchParams, Headers: req.headers, Body: raw }
      : {};
    return { service: 's3', action, params: { Bucket: bucket, ...object }, ok, error };
  }
  const { Action, Version, ...params } = parseQuery(body);
  const action = String(Action ?? '');
  const version = String(Version ?? '');
  if (version === EC2_VERSION) {
    const ok = (result: unknown): WireResponse => ec2Response(action, result);
    return { service: 'ec2', action, params, version, ok, error: ec2Error };
  }
  const query = QUERY_SERVICES[version];
  // Unknown versions answer in CloudFormation's awsQuery, the fake's first protocol.
  const namespace = (query ?? QUERY_SERVICES['2010-05-15']!).namespace;
  return {
    service: query?.service ?? 'unknown',
    action,
    params,
    version,
    ok: (result) => queryResponse(action, namespace, result),
    error: (e) => queryError(e, namespace),
  };
}
