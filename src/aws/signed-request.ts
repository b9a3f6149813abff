/**
 * A few signed JSON calls without a generated SDK client: MWAA's GetEnvironment (REST-JSON) and
 * CloudWatch Logs' DescribeLogGroups (awsJson1_1). @aws-sdk/client-mwaa is only served here at
 * 3.523.0, which would bring a second @smithy copy into the bundle; the SigV4 signer the other
 * clients already bundle signs these two calls just as well (see the commit for the measurements).
 */
import { createHash, createHmac } from 'node:crypto';
import type { BinaryLike, Hash, Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import { VERSION } from '../version.js';
import { configuredEndpoint, dnsSuffix } from './signed-reader.js';

/** Credentials, or the provider a configured SDK client holds (it refreshes them). */
export type CredentialSource = AwsCredentialIdentity | (() => Promise<AwsCredentialIdentity>);

/** What a service needs to be called: who signs, for which Region and service, where to send. */
export interface SignedService {
  readonly region: string;
  /** The SigV4 signing name: `airflow` for MWAA, `logs` for CloudWatch Logs. */
  readonly signingName: string;
  /** Base URL, e.g. `https://api.airflow.eu-west-1.amazonaws.com`. */
  readonly endpoint: string;
  readonly credentials: CredentialSource;
  /** fetch, injectable for tests. */
  readonly fetch?: typeof fetch;
}

/** An error answered by the service, with its error code as `name` (like the SDK's errors). */
export class ServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = code;
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): BinaryLike {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** SHA-256 for the signer, from node:crypto (the signer asks for a constructor). */
class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/**
 * The service's endpoint: the override the SDK would read (./signed-reader.ts's
 * `configuredEndpoint`, shared with the EC2, S3, IAM and KMS readers), else the public one. With an override the host prefix (MWAA's `api.`) is left
 * out, as the SDK's `disableHostPrefix` does: a loopback fake has no `api.127.0.0.1`.
 */
export function serviceEndpoint(
  env: Readonly<Record<string, string | undefined>>,
  service: { readonly envName: string; readonly host: string; readonly hostPrefix?: string },
  region: string,
): string {
  const override = configuredEndpoint(service.envName, env);
  if (override) return override.href.replace(/\/+$/, '');
  return `https://${service.hostPrefix ?? ''}${service.host}.${region}.${dnsSuffix(region)}`;
}

/** Sends one signed request with a JSON body (or none) and returns the parsed JSON answer. */
export async function signedJson(
  service: SignedService,
  request: {
    readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    readonly path: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: unknown;
  },
): Promise<Record<string, unknown>> {
  const url = new URL(service.endpoint + request.path);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const credentials =
    typeof service.credentials === 'function' ? await service.credentials() : service.credentials;
  const signer = new SignatureV4({
    credentials,
    region: service.region,
    service: service.signingName,
    sha256: NodeSha256,
  });
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    query: {},
    headers: {
      host: url.host,
      'user-agent': `mwaa-deploy/${VERSION}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...request.headers,
    },
    body,
  });
  const response = await (service.fetch ?? fetch)(url, {
    method: request.method,
    headers: signed.headers,
    body,
  });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    // A proxy's HTML error page: reported by status below.
  }
  if (!response.ok) {
    const type = response.headers.get('x-amzn-errortype') ?? String(json['__type'] ?? '');
    const code = type.split(':')[0]?.split('#').pop() || `HTTP${response.status}`;
    const message = String(json['message'] ?? json['Message'] ?? `HTTP ${response.status}`);
    throw new ServiceError(code, message, response.status);
  }
  return json;
}
