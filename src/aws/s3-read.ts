/**
 * The three S3 bucket reads verification makes (versioning, public access block, location), in
 * place of `@aws-sdk/client-s3` (./signed-reader.ts says why). S3's REST-XML protocol: a signed
 * `GET` of the bucket with the subresource as the query (`?versioning`), the answer an XML
 * document whose root holds the members. Virtual-hosted addressing
 * (`<bucket>.s3.<region>.amazonaws.com`) as the SDK uses, path-style (`<endpoint>/<bucket>`)
 * with a custom endpoint (as the clients are configured, `forcePathStyle`) or a bucket name DNS
 * cannot carry. Errors as the SDK throws them: `<Error><Code>` in `name`, status in `$metadata`.
 * The class names are the SDK's, so code and tests dispatching on them keep working. Code sync
 * (object reads and writes, src/code/) still uses the SDK client.
 */
import { parseXML } from '@aws-sdk/xml-builder';
import type {
  GetBucketLocationOutput,
  GetBucketLocationRequest,
  GetBucketVersioningOutput,
  GetBucketVersioningRequest,
  GetPublicAccessBlockOutput,
  GetPublicAccessBlockRequest,
} from '@aws-sdk/client-s3';
import type { XmlObject } from './ec2/xml.js';
import { bool, defined, text } from './ec2/xml.js';
import {
  configuredEndpoint,
  createSignedSender,
  dnsSuffix,
  serviceError,
} from './signed-reader.js';
import type { ReaderOptions } from './signed-reader.js';

/** One bucket subresource read: the query that names it and how to read the document. */
export abstract class S3ReadCommand<Input extends { Bucket: string | undefined }, Output> {
  abstract readonly subresource: string;
  constructor(readonly input: Input) {}
  /** Reads the answer's root element (its members, `#text` for a root with only text). */
  abstract parse(root: XmlObject): Output;
}

export class GetBucketVersioningCommand extends S3ReadCommand<
  GetBucketVersioningRequest,
  GetBucketVersioningOutput
> {
  readonly subresource = 'versioning';
  parse(root: XmlObject): GetBucketVersioningOutput {
    return defined({
      Status: text(root, 'Status') as GetBucketVersioningOutput['Status'],
      MFADelete: text(root, 'MfaDelete') as GetBucketVersioningOutput['MFADelete'],
    });
  }
}

export class GetPublicAccessBlockCommand extends S3ReadCommand<
  GetPublicAccessBlockRequest,
  GetPublicAccessBlockOutput
> {
  readonly subresource = 'publicAccessBlock';
  parse(root: XmlObject): GetPublicAccessBlockOutput {
    return {
      PublicAccessBlockConfiguration: defined({
        BlockPublicAcls: bool(root, 'BlockPublicAcls'),
        IgnorePublicAcls: bool(root, 'IgnorePublicAcls'),
        BlockPublicPolicy: bool(root, 'BlockPublicPolicy'),
        RestrictPublicBuckets: bool(root, 'RestrictPublicBuckets'),
      }),
    };
  }
}

export class GetBucketLocationCommand extends S3ReadCommand<
  GetBucketLocationRequest,
  GetBucketLocationOutput
> {
  readonly subresource = 'location';
  /** `<LocationConstraint>eu-west-1</LocationConstraint>`; empty for us-east-1. */
  parse(root: XmlObject): GetBucketLocationOutput {
    const value = text(root, '#text');
    return value
      ? { LocationConstraint: value as GetBucketLocationOutput['LocationConstraint'] }
      : {};
  }
}

/** What `send` takes: a command of this module; tests hand in plain objects. */
export interface S3Reader {
  send<I extends { Bucket: string | undefined }, O>(command: S3ReadCommand<I, O>): Promise<O>;
}

/** A bucket name virtual hosting can carry: lower-case DNS labels, no dots (TLS wildcards). */
const VIRTUAL_HOSTABLE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** The URL of a bucket's subresource, addressed as the SDK addresses it. */
export function s3Url(
  region: string,
  env: ReaderOptions['env'],
  bucket: string,
  subresource: string,
): URL {
  const configured = configuredEndpoint('S3', env);
  const base = configured ?? new URL(`https://s3.${region}.${dnsSuffix(region)}`);
  const url = new URL(base.href);
  if (configured || !VIRTUAL_HOSTABLE.test(bucket)) {
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(bucket)}`;
  } else {
    url.hostname = `${bucket}.${url.hostname}`;
  }
  url.search = subresource;
  return url;
}

function s3Error(status: number, body: string, requestId: string | undefined) {
  let detail: XmlObject | undefined;
  try {
    detail = body.trim() === '' ? undefined : ((parseXML(body) as XmlObject).Error as XmlObject);
  } catch {
    detail = undefined; // not XML (a proxy's page): reported by status
  }
  const code = text(detail, 'Code') ?? (status === 404 ? 'NotFound' : undefined);
  return serviceError(status, code, text(detail, 'Message'), requestId);
}

/** Creates the reader; nothing is sent until the first `send`. */
export function createS3Reader(options: ReaderOptions): S3Reader {
  const send = createSignedSender(options, { signingName: 's3', uriEscapePath: false });
  return {
    send<I extends { Bucket: string | undefined }, O>(command: S3ReadCommand<I, O>): Promise<O> {
      const bucket = command.input.Bucket ?? '';
      const url = s3Url(options.region, options.env, bucket, command.subresource);
      return send({ method: 'GET', url }, (answer) => {
        if (answer.status < 200 || answer.status >= 300) {
          throw s3Error(answer.status, answer.text, answer.headers['x-amz-request-id']);
        }
        // The document's one root element; parseXML gives a root with only text as a string.
        const root = Object.values(parseXML(answer.text) as XmlObject)[0];
        if (typeof root === 'string') return command.parse(root === '' ? {} : { '#text': root });
        return command.parse((root ?? {}) as XmlObject);
      });
    },
  };
}
