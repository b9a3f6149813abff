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
import type { SdkError } from '@smithy/types';
import {
  configuredEndpoint,
  createSignedSender,
  dnsSuffix,
  serviceError,
} from '../signed-reader.js';
import type { ReaderAnswer, ReaderOptions } from '../signed-reader.js';
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

export type Ec2ReaderOptions = ReaderOptions;

/** The endpoint the SDK would use: the environment's override, else the Region's. */
export function ec2Endpoint(region: string, env: Ec2ReaderOptions['env']): URL {
  return configuredEndpoint('EC2', env) ?? new URL(`https://ec2.${region}.${dnsSuffix(region)}`);
}

/** An EC2 error as the SDK throws it: the error code in `name`, HTTP status in `$metadata`. */
function ec2Error(status: number, body: XmlObject | undefined, requestId?: string): SdkError {
  const errorNode = (body?.Response as XmlObject | undefined)?.Errors as XmlObject | undefined;
  const first = errorNode?.Error;
  const detail = (Array.isArray(first) ? first[0] : first) as XmlObject | undefined;
  const code = typeof detail?.Code === 'string' ? detail.Code : undefined;
  const message = typeof detail?.Message === 'string' ? detail.Message : undefined;
  return serviceError(status, code, message, requestId);
}

/** Creates the reader; nothing is sent until the first `send`. */
export function createEc2Reader(options: Ec2ReaderOptions): Ec2Sender {
  const url = ec2Endpoint(options.region, options.env);
  const send = createSignedSender(options, { signingName: 'ec2' });

  function withRetries(action: string, params: QueryParams): Promise<XmlObject> {
    const body = new URLSearchParams({ Action: action, Version: API_VERSION, ...params });
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    return send({ method: 'POST', url, headers, body: body.toString() }, (answer: ReaderAnswer) => {
      const parsed = answer.text.trim() === '' ? undefined : (parseXML(answer.text) as XmlObject);
      if (answer.status < 200 || answer.status >= 300) {
        throw ec2Error(answer.status, parsed, answer.headers['x-amzn-requestid']);
      }
      const root = parsed?.[`${action}Response`];
      if (typeof root !== 'object' || root === null) throw ec2Error(answer.status, undefined);
      return root as XmlObject;
    });
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
