/**
 * A client for the EC2 Query protocol that makes only the read-only calls of
 * `./commands.ts`, in place of `@aws-sdk/client-ec2`. Why: that SDK client carries the schemas of
 * all of EC2's operations; loading it under Node 24 took a process from 71 to 138 MiB and
 * 429 ms, and kept a deploy's peak RSS near 190 MiB for five Describe calls (BENCHMARKS.md).
 *
 * It keeps what matters of the SDK client: the same credentials (the provider of the
 * CloudFormation client, so the same chain and cache), SigV4 signing (`@smithy/signature-v4`,
 * which the SDK uses), the same HTTP handler, adaptive retries on throttling and transient
 * errors (`@smithy/core`'s strategy, as `retryMode: 'adaptive'`), the endpoint override by
 * AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), the
 * product's user agent, errors shaped like the SDK's (code in `name`), and it follows NextToken.
 * Not kept: FIPS and dual-stack endpoints, endpoints from the shared config file, clock-skew
 * correction.
 */
import { parseXML } from '@aws-sdk/xml-builder';
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
import type { Ec2Command, QueryParams } from './commands.js';
import type { XmlObject } from './xml.js';

/** The API version every EC2 Query call names. */
const API_VERSION = '2016-11-15';
/** A bound on NextToken pages, in case an endpoint keeps answering with one. */
const MAX_PAGES = 100;

/** What `send` takes: a command of `./commands.ts`; tests hand in plain objects. */
export interface Ec2Sender {
  send<I extends object, O extends object>(command: Ec2Command<I, O>): Promise<O>;
}

export interface Ec2ReaderOptions {
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

/** The endpoint the SDK would use: the environment's override, else the Region's. */
export function ec2Endpoint(region: string, env: Ec2ReaderOptions['env']): URL {
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true';
  const configured = ignore ? undefined : env.AWS_ENDPOINT_URL_EC2 || env.AWS_ENDPOINT_URL;
  if (configured) return new URL(configured);
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return new URL(`https://ec2.${region}.${suffix}`);
}

/** An EC2 error as the SDK throws it: the error code in `name`, HTTP status in `$metadata`. */
function serviceError(status: number, body: XmlObject | undefined, requestId?: string): SdkError {
  const errorNode = (body?.Response as XmlObject | undefined)?.Errors as XmlObject | undefined;
  const first = errorNode?.Error;
  const detail = (Array.isArray(first) ? first[0] : first) as XmlObject | undefined;
  const code = typeof detail?.Code === 'string' ? detail.Code : `Http${status}`;
  const message = typeof detail?.Message === 'string' ? detail.Message : `HTTP ${status}`;
  const error = new Error(message) as SdkError & { $fault: string };
  error.name = code;
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

/** Creates the reader; nothing is sent until the first `send`. */
export function createEc2Reader(options: Ec2ReaderOptions): Ec2Sender {
  const endpoint = ec2Endpoint(options.region, options.env);
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 'ec2',
    sha256: options.sha256,
  });
  const retry = new AdaptiveRetryStrategy(() => Promise.resolve(options.maxAttempts));
  const sleep = options.sleep ?? sleepFor;

  async function once(action: string, params: QueryParams): Promise<XmlObject> {
    const body = new URLSearchParams({ Action: action, Version: API_VERSION, ...params });
    const request = new HttpRequest({
      method: 'POST',
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: endpoint.port === '' ? undefined : Number(endpoint.port),
      path: endpoint.pathname,
      headers: {
        host: endpoint.host,
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'user-agent': options.userAgent,
        'x-amz-user-agent': options.userAgent,
      },
      body: body.toString(),
    });
    const signed = (await signer.sign(request)) as HttpRequest;
    const { response } = await options.requestHandler.handle(signed);
    const text = await readBody(response.body);
    const parsed = text.trim() === '' ? undefined : (parseXML(text) as XmlObject);
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw serviceError(response.statusCode, parsed, response.headers['x-amzn-requestid']);
    }
    const root = parsed?.[`${action}Response`];
    if (typeof root !== 'object' || root === null) {
      throw serviceError(response.statusCode, undefined);
    }
    return root as XmlObject;
  }

  async function withRetries(action: string, params: QueryParams): Promise<XmlObject> {
    let token = (await retry.acquireInitialRetryToken('ec2')) as StandardRetryToken;
    for (;;) {
      try {
        const result = await once(action, params);
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
  }

  return {
    async send<I extends object, O extends object>(command: Ec2Command<I, O>): Promise<O> {
      const params = command.params();
      let result = command.parse(await withRetries(command.action, params));
      const nextToken = () => (result as { NextToken?: string }).NextToken;
      // Follow NextToken unless the caller asked for one page (MaxResults or its own token).
      const onePage = 'MaxResults' in params || 'NextToken' in params;
      for (let page = 1; !onePage && command.merge && nextToken() && page < MAX_PAGES; page++) {
        const next = { ...params, NextToken: nextToken() ?? '' };
        result = command.merge(result, command.parse(await withRetries(command.action, next)));
      }
      return result;
    },
  };
}
