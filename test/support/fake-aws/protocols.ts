/**
 * The wire formats of the read-only services, beside awsQuery (wire.ts, which IAM shares with
 * CloudFormation): EC2's own query dialect (`SubnetId.1=…`, XML with `<item>` lists and
 * lowerCamel names), S3's REST-XML and KMS's awsJson1_1. Written by hand, like wire.ts: the
 * SDK's parsers, in the tests, are what check them.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { AwsError, escapeXml } from './wire.js';
import type { WireResponse } from './wire.js';

const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** EC2's XML: lists as `<item>`, booleans and numbers as text, dates ISO 8601, keys as given. */
export function ec2Xml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<item>${ec2Xml(item)}</item>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${ec2Xml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** `<{Action}Response xmlns=…><requestId>…</requestId>…</{Action}Response>`, as EC2 answers. */
export function ec2Response(action: string, body: unknown): WireResponse {
  const requestId = randomUUID();
  return {
    status: 200,
    headers: { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': requestId },
    body:
      `${XML_DECLARATION}\n<${action}Response xmlns="${EC2_NAMESPACE}">` +
      `<requestId>${requestId}</requestId>${ec2Xml(body)}</${action}Response>`,
  };
}

export function ec2Error(error: AwsError): WireResponse {
  const requestId = randomUUID();
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml;charset=UTF-8' },
    body:
      `${XML_DECLARATION}\n<Response><Errors><Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message></Error></Errors>` +
      `<RequestID>${requestId}</RequestID></Response>`,
  };
}

/** An EC2 list parameter: `SubnetId.1=a&SubnetId.2=b` (parsed as `{ 1: 'a', 2: 'b' }`). */
export function ec2List(params: Record<string, unknown>, name: string): string[] {
  return indexed(params[name]).filter((v): v is string => typeof v === 'string');
}

function indexed(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value as Record<string, unknown>)
    .filter(([k]) => /^\d+$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, v]) => v);
}

export interface Ec2Filter {
  readonly name: string;
  readonly values: readonly string[];
}

/** `Filter.1.Name=vpc-id&Filter.1.Value.1=vpc-…`. */
export function ec2Filters(params: Record<string, unknown>): Ec2Filter[] {
  return indexed(params['Filter']).map((f) => {
    const filter = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    return { name: String(filter['Name'] ?? ''), values: ec2List(filter, 'Value') };
  });
}

/** An S3 REST-XML answer: the document's root element carries S3's namespace. */
export function s3Response(root: string, inner: string | undefined): WireResponse {
  const element =
    inner === undefined || inner === ''
      ? `<${root} xmlns="${S3_NAMESPACE}"/>`
      : `<${root} xmlns="${S3_NAMESPACE}">${inner}</${root}>`;
  return { status: 200, headers: s3Headers(), body: `${XML_DECLARATION}\n${element}` };
}

export function s3Error(error: AwsError, bucket: string | undefined): WireResponse {
  const headers = s3Headers();
  const name = bucket ? `<BucketName>${escapeXml(bucket)}</BucketName>` : '';
  return {
    status: error.status,
    headers,
    body:
      `${XML_DECLARATION}\n<Error><Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message>${name}` +
      `<RequestId>${headers['x-amz-request-id']}</RequestId>` +
      `<HostId>${headers['x-amz-id-2']}</HostId></Error>`,
  };
}

function s3Headers(): Record<string, string> {
  return {
    'content-type': 'application/xml',
    'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-amz-id-2': randomBytes(24).toString('base64'),
  };
}

const JSON_TYPE = 'application/x-amz-json-1.1';

/** An awsJson1_1 answer (KMS); dates are already epoch seconds in `body`. */
export function jsonResponse(body: unknown): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(body),
  };
}

export function jsonError(error: AwsError): WireResponse {
  return {
    status: error.status,
    headers: {
      'content-type': JSON_TYPE,
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': error.code,
    },
    body: JSON.stringify({ __type: error.code, message: error.message }),
  };
}

/** The 400 a test meets when the fake lacks an action: it names the action, to add it. */
export function notImplemented(service: string, action: string, code = 'InvalidAction'): AwsError {
  return new AwsError(
    code,
    `The fake AWS does not implement ${service} ${action || '(no action given)'}; see test/support/fake-aws/`,
  );
}
