/**
 * The three KMS reads verification makes (DescribeKey, GetKeyPolicy, ListGrants), in place of
 * `@aws-sdk/client-kms` (./signed-reader.ts says why). KMS speaks awsJson1_1: a signed POST of
 * the input as JSON, the operation in `X-Amz-Target: TrentService.<Action>`, the answer JSON
 * with timestamps as epoch seconds (read as Dates, as the SDK does), an error's code in
 * `__type` or the `x-amzn-errortype` header. The class names are the SDK's, so code and tests
 * dispatching on them keep working.
 */
import type {
  DescribeKeyRequest,
  DescribeKeyResponse,
  GetKeyPolicyRequest,
  GetKeyPolicyResponse,
  ListGrantsRequest,
  ListGrantsResponse,
} from '@aws-sdk/client-kms';
import {
  configuredEndpoint,
  createSignedSender,
  dnsSuffix,
  serviceError,
} from './signed-reader.js';
import type { ReaderOptions } from './signed-reader.js';

type Json = Record<string, unknown>;

/** One KMS call: its action and how to read its answer. */
export abstract class KmsReadCommand<Input extends object, Output> {
  abstract readonly action: string;
  constructor(readonly input: Input) {}
  parse(body: Json): Output {
    return body as Output;
  }
}

/** Epoch seconds as a Date, as the SDK reads awsJson timestamps. */
function dated<T extends Json>(value: T | undefined, keys: readonly string[]): T | undefined {
  if (value === undefined) return undefined;
  const out: Json = { ...value };
  for (const key of keys) if (typeof out[key] === 'number') out[key] = new Date(out[key] * 1000);
  return out as T;
}

export class DescribeKeyCommand extends KmsReadCommand<DescribeKeyRequest, DescribeKeyResponse> {
  readonly action = 'DescribeKey';
  override parse(body: Json): DescribeKeyResponse {
    const dates = ['CreationDate', 'DeletionDate', 'ValidTo'];
    const metadata = dated(body.KeyMetadata as Json | undefined, dates);
    return (metadata ? { ...body, KeyMetadata: metadata } : body) as DescribeKeyResponse;
  }
}

export class GetKeyPolicyCommand extends KmsReadCommand<GetKeyPolicyRequest, GetKeyPolicyResponse> {
  readonly action = 'GetKeyPolicy';
}

export class ListGrantsCommand extends KmsReadCommand<ListGrantsRequest, ListGrantsResponse> {
  readonly action = 'ListGrants';
  override parse(body: Json): ListGrantsResponse {
    const grants = body.Grants as Json[] | undefined;
    if (grants === undefined) return body as ListGrantsResponse;
    return { ...body, Grants: grants.map((g) => dated(g, ['CreationDate'])) } as ListGrantsResponse;
  }
}

/** What `send` takes: a command of this module; tests hand in plain objects. */
export interface KmsReader {
  send<I extends object, O>(command: KmsReadCommand<I, O>): Promise<O>;
}

/** The error code of `x-amzn-errortype` or `__type`, without namespace or suffix. */
function errorCode(header: string | undefined, body: Json): string | undefined {
  const raw = header ?? (typeof body.__type === 'string' ? body.__type : undefined);
  return raw?.split(':')[0]?.split('#').pop() || undefined;
}

/** Creates the reader; nothing is sent until the first `send`. */
export function createKmsReader(options: ReaderOptions): KmsReader {
  const url =
    configuredEndpoint('KMS', options.env) ??
    new URL(`https://kms.${options.region}.${dnsSuffix(options.region)}`);
  const send = createSignedSender(options, { signingName: 'kms' });
  return {
    send<I extends object, O>(command: KmsReadCommand<I, O>): Promise<O> {
      const headers = {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `TrentService.${command.action}`,
      };
      const body = JSON.stringify(command.input);
      return send({ method: 'POST', url, headers, body }, (answer) => {
        let json: Json = {};
        try {
          json = answer.text.trim() === '' ? {} : (JSON.parse(answer.text) as Json);
        } catch {
          // not JSON (a proxy's page): reported by status below
        }
        if (answer.status < 200 || answer.status >= 300) {
          const code = errorCode(answer.headers['x-amzn-errortype'], json);
          const message = json.message ?? json.Message;
          const requestId = answer.headers['x-amzn-requestid'];
          throw serviceError(answer.status, code, message as string | undefined, requestId);
        }
        return command.parse(json);
      });
    },
  };
}
