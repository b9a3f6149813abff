/**
 * The awsQuery wire format: form-encoded requests in, XML out. Written by hand (no XML library)
 * because the fake only ever writes XML, and the SDK's own parser is what checks it.
 */
import { randomUUID } from 'node:crypto';

/** An error the fake answers with, in the protocol of the service that raised it. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
    readonly type: 'Sender' | 'Receiver' = status >= 500 ? 'Receiver' : 'Sender',
  ) {
    super(message);
  }
}

/** A ValidationError, CloudFormation's catch-all for refused requests. */
export function validation(message: string): AwsError {
  return new AwsError('ValidationError', message);
}

type Tree = { [key: string]: Tree | string };

/**
 * Decodes an awsQuery body into nested values: `Parameters.member.1.ParameterKey=K` becomes
 * `{ Parameters: [{ ParameterKey: 'K' }] }`, `Capabilities.member.1=X` becomes
 * `{ Capabilities: ['X'] }`, and an empty list (`Capabilities=`) becomes `''`.
 */
export function parseQuery(body: string): Record<string, unknown> {
  const root: Tree = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const parts = key.split('.');
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      node = typeof next === 'object' ? next : (node[part] = {});
    });
  }
  return unflatten(root) as Record<string, unknown>;
}

function unflatten(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  // Lists are `member.N`; maps are `entry.N.key/value`.
  if (keys.length === 1 && (keys[0] === 'member' || keys[0] === 'entry')) {
    const items = node[keys[0]!];
    if (typeof items === 'object') {
      const sorted = Object.keys(items).sort((a, b) => Number(a) - Number(b));
      const values = sorted.map((k) => unflatten(items[k]!));
      if (keys[0] === 'member') return values;
      return Object.fromEntries(
        values.map((e) => [(e as Record<string, string>).key, (e as Record<string, string>).value]),
      );
    }
  }
  return Object.fromEntries(keys.map((k) => [k, unflatten(node[k]!)]));
}

/** A list parameter: `''` (empty list on the wire) and absent both give []. */
export function listParam<T = unknown>(params: Record<string, unknown>, name: string): T[] {
  const value = params[name];
  return Array.isArray(value) ? (value as T[]) : [];
}

export function stringParam(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

export function boolParam(params: Record<string, unknown>, name: string): boolean | undefined {
  const value = stringParam(params, name);
  return value === undefined ? undefined : value === 'true';
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Serialises a value as awsQuery XML: lists as `<member>` items, dates as ISO 8601. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => `<member>${toXml(item)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export interface WireResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Text, or bytes (S3 object bodies). */
  readonly body: string | Buffer;
}

/** `<{Action}Response><{Action}Result>…</{Action}Result><ResponseMetadata>…` as AWS writes it. */
export function queryResponse(action: string, namespace: string, result: unknown): WireResponse {
  const requestId = randomUUID();
  const body =
    `<${action}Response xmlns="${namespace}"><${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

export function queryError(error: AwsError, namespace: string): WireResponse {
  const requestId = randomUUID();
  const body =
    `<ErrorResponse xmlns="${namespace}"><Error><Type>${error.type}</Type>` +
    `<Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  };
}

/** Opaque pagination: the token is the offset, encoded so callers cannot rely on its form. */
export function page<T>(
  items: readonly T[],
  size: number,
  token: string | undefined,
): [T[], string | undefined] {
  const start = token
    ? Number(Buffer.from(token, 'base64url').toString().replace('offset:', ''))
    : 0;
  if (!Number.isInteger(start) || start < 0 || start > items.length) {
    throw validation('Invalid NextToken');
  }
  const end = start + size;
  const next = end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : undefined;
  return [items.slice(start, end), next];
}
