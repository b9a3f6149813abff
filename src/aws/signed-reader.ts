/**
 * What the small readers of ./ec2/, ./s3-read.ts, ./iam-read.ts and ./kms-read.ts share in place
 * of an SDK client: the endpoint the SDK would use, SigV4 signing (`@smithy/signature-v4`, which
 * the SDK uses), the SDK clients' HTTP handler, and adaptive retries of throttling and transient
 * errors (`@smithy/core`'s strategy, as `retryMode: 'adaptive'`). Each reader turns its
 * protocol's requests and answers into the SDK's shapes; an error it builds carries the code in
 * `name` and the status in `$metadata`, as the SDK's do, so this retries it as the SDK would.
 * Why not the SDK clients: each carries the schemas of all its service's operations; S3, IAM and
 * KMS together raised a deploy's peak RSS by ~14 MiB for seven read-only calls (BENCHMARKS.md).
 * Not kept: FIPS and dual-stack endpoints, endpoints from the shared config file, clock-skew
 * correction.
 */
import { HttpRequest } from '@smithy/core/protocols';
import {
  AdaptiveRetryStrategy,
  isServerError,
  isThrottlingError,
  isTransientError,
} from '@smithy/core/retry';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  ChecksumConstructor,
  HashConstructor,
  HttpResponse,
  RetryErrorType,
  SdkError,
  StandardRetryToken,
} from '@smithy/types';
import type { Readable } from 'node:stream';

/** What every reader is created with; the CloudFormation client's config provides most. */
export interface ReaderOptions {
  readonly region: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Sends a request; the SDK clients' `config.requestHandler` fits. */
  readonly requestHandler: { handle(request: HttpRequest): Promise<{ response: HttpResponse }> };
  readonly sha256: ChecksumConstructor | HashConstructor;
  readonly maxAttempts: number;
  /** Sent as User-Agent and x-amz-user-agent, e.g. `mwaa-deploy/1.2.3`. */
  readonly userAgent: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Waits between attempts; tests pass one that does not. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The endpoint override the SDK reads (`AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`). */
export function configuredEndpoint(envName: string, env: ReaderOptions['env']): URL | undefined {
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true';
  const configured = ignore
    ? undefined
    : env[`AWS_ENDPOINT_URL_${envName}`] || env.AWS_ENDPOINT_URL;
  return configured ? new URL(configured) : undefined;
}

/** The DNS suffix of a Region's partition. */
export function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** One request of a reader, before signing. */
export interface ReaderRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** An answer: status, headers (lower-case names) and the body as text. */
export interface ReaderAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly text: string;
}

/** An error as the SDK throws it: the code in `name`, the HTTP status in `$metadata`. */
export function serviceError(
  status: number,
  code: string | undefined,
  message: string | undefined,
  requestId?: string,
): SdkError {
  const error = new Error(message || `HTTP ${status}`) as SdkError & { $fault: string };
  error.name = code || `Http${status}`;
  error.$metadata = { httpStatusCode: status, requestId };
  error.$fault = status >= 500 ? 'server' : 'client';
  return error;
}

function errorType(error: SdkError): RetryErrorType | undefined {
  if (isThrottlingError(error)) return 'THROTTLING';
  if (isTransientError(error)) return 'TRANSIENT';
  if (isServerError(error)) return 'SERVER_ERROR';
  return undefined;
}

async function readBody(body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Signs as `signingName` in `signingRegion` (IAM signs in its partition's one Region). */
export interface SigningScope {
  readonly signingName: string;
  readonly signingRegion?: string;
  /** S3 signs the path as it is, the other services escape it again (as the SDK does). */
  readonly uriEscapePath?: boolean;
}

/**
 * A function that sends a request, signed, and returns the answer; `check` turns an answer into
 * the value or throws the service's error (built with {@link serviceError}). Errors the SDK
 * would retry are retried, up to `maxAttempts`, with the adaptive strategy's delays.
 */
export function createSignedSender(options: ReaderOptions, scope: SigningScope) {
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: scope.signingRegion ?? options.region,
    service: scope.signingName,
    sha256: options.sha256,
    uriEscapePath: scope.uriEscapePath ?? true,
  });
  const retry = new AdaptiveRetryStrategy(() => Promise.resolve(options.maxAttempts));
  const sleep = options.sleep ?? sleepFor;

  async function once<T>(request: ReaderRequest, check: (answer: ReaderAnswer) => T): Promise<T> {
    const { url } = request;
    const query: Record<string, string> = {};
    url.searchParams.forEach((value, key) => (query[key] = value));
    const unsigned = new HttpRequest({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: url.pathname,
      query,
      headers: {
        host: url.host,
        'user-agent': options.userAgent,
        'x-amz-user-agent': options.userAgent,
        ...request.headers,
      },
      ...(request.body !== undefined && { body: request.body }),
    });
    const signed = (await signer.sign(unsigned)) as HttpRequest;
    const { response } = await options.requestHandler.handle(signed);
    const text = await readBody(response.body);
    return check({ status: response.statusCode, headers: response.headers, text });
  }

  return async function send<T>(
    request: ReaderRequest,
    check: (answer: ReaderAnswer) => T,
  ): Promise<T> {
    let token = (await retry.acquireInitialRetryToken(scope.signingName)) as StandardRetryToken;
    for (;;) {
      try {
        const result = await once(request, check);
        retry.recordSuccess(token);
        return result;
      } catch (error) {
        const type = errorType(error as SdkError);
        if (type === undefined) throw error;
        try {
          token = (await retry.refreshRetryTokenForRetry(token, {
            errorType: type,
          })) as StandardRetryToken;
        } catch {
          throw error; // out of attempts or retry capacity: the last error, as the SDK does
        }
        await sleep(token.getRetryDelay());
      }
    }
  };
}
