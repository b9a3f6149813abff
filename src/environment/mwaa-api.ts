/**
 * The read-only MWAA calls the product makes (GetEnvironment, and InvokeRestApi for Airflow's
 * import errors), over the signed-request helper: CloudFormation creates, updates and deletes
 * the environment; this only watches and checks it.
 */
import { ServiceError, serviceEndpoint, signedJson } from '../aws/signed-request.js';
import type { CredentialSource } from '../aws/signed-request.js';

/** The fields of `GetEnvironment`'s `Environment` the product reads. */
export interface MwaaEnvironment {
  readonly Name: string;
  readonly Arn?: string;
  /** CREATING, CREATE_FAILED, AVAILABLE, UPDATING, UPDATE_FAILED, ROLLING_BACK, DELETING, ... */
  readonly Status?: string;
  readonly ExecutionRoleArn?: string;
  readonly ServiceRoleArn?: string;
  readonly SourceBucketArn?: string;
  readonly KmsKey?: string;
  readonly WebserverUrl?: string;
  readonly AirflowVersion?: string;
  readonly EnvironmentClass?: string;
  readonly NetworkConfiguration?: {
    readonly SubnetIds?: readonly string[];
    readonly SecurityGroupIds?: readonly string[];
  };
  readonly LoggingConfiguration?: Readonly<
    Record<
      string,
      {
        readonly Enabled?: boolean;
        readonly LogLevel?: string;
        readonly CloudWatchLogGroupArn?: string;
      }
    >
  >;
  readonly LastUpdate?: {
    /** SUCCESS, PENDING or FAILED. */
    readonly Status?: string;
    /** Epoch seconds, as MWAA's REST-JSON answers timestamps. */
    readonly CreatedAt?: number;
    readonly Error?: { readonly ErrorCode?: string; readonly ErrorMessage?: string };
    readonly Source?: string;
  };
}

/** Reads environments; `undefined` when the environment does not exist. */
export interface MwaaReader {
  getEnvironment(name: string): Promise<MwaaEnvironment | undefined>;
}

/** What an MWAA reader needs: Region, credentials (a client's provider) and the environment variables. */
export interface MwaaReaderOptions {
  readonly region: string;
  readonly credentials: CredentialSource;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
}

/**
 * MWAA's API over SigV4 (signing name `airflow`). GetEnvironment carries the host prefix `api.`
 * (api.airflow.REGION.amazonaws.com); with an endpoint override it is left out.
 */
export function mwaaReader(options: MwaaReaderOptions): MwaaReader {
  const service = {
    region: options.region,
    signingName: 'airflow',
    endpoint: serviceEndpoint(
      options.env,
      { envName: 'MWAA', host: 'airflow', hostPrefix: 'api.' },
      options.region,
    ),
    credentials: options.credentials,
    fetch: options.fetch,
  };
  return {
    async getEnvironment(name) {
      try {
        const answer = await signedJson(service, {
          method: 'GET',
          path: `/environments/${encodeURIComponent(name)}`,
        });
        return answer['Environment'] as MwaaEnvironment | undefined;
      } catch (error) {
        if (error instanceof ServiceError && error.code === 'ResourceNotFoundException') {
          return undefined;
        }
        throw error;
      }
    },
  };
}

/**
 * MWAA's InvokeRestApi: one call of the environment's Airflow REST API. `body` is Airflow's
 * answer (RestApiResponse), `status` its HTTP status (RestApiStatusCode). Errors are
 * {@link ServiceError}s named by MWAA's code (AccessDeniedException, ValidationException, ...).
 */
export type InvokeRestApi = (request: {
  readonly name: string;
  readonly method: 'GET';
  readonly path: string;
  readonly queryParameters?: Readonly<Record<string, string | number>>;
}) => Promise<{ readonly status: number; readonly body: unknown }>;

/**
 * InvokeRestApi over SigV4 (signing name `airflow`): `POST /restapi/{Name}` with `{Method, Path,
 * QueryParameters}` (MWAA API reference, InvokeRestApi). It carries the host prefix `env.`
 * (env.airflow.REGION.amazonaws.com, where CreateCliToken and CreateWebLoginToken also go);
 * with an endpoint override the prefix is left out, as for GetEnvironment's `api.`.
 */
export function mwaaRestApi(options: MwaaReaderOptions): InvokeRestApi {
  const service = {
    region: options.region,
    signingName: 'airflow',
    endpoint: serviceEndpoint(
      options.env,
      { envName: 'MWAA', host: 'airflow', hostPrefix: 'env.' },
      options.region,
    ),
    credentials: options.credentials,
    fetch: options.fetch,
  };
  return async (request) => {
    const answer = await signedJson(service, {
      method: 'POST',
      path: `/restapi/${encodeURIComponent(request.name)}`,
      body: {
        Method: request.method,
        Path: request.path,
        ...(request.queryParameters && { QueryParameters: request.queryParameters }),
      },
    });
    return { status: Number(answer['RestApiStatusCode'] ?? 0), body: answer['RestApiResponse'] };
  };
}

/** `CODE: message` of the last update's error, or undefined when it has none. */
export function lastUpdateError(environment: MwaaEnvironment | undefined): string | undefined {
  const error = environment?.LastUpdate?.Error;
  if (!error || (!error.ErrorCode && !error.ErrorMessage)) return undefined;
  return `${error.ErrorCode ?? 'error'}: ${error.ErrorMessage ?? '(no message)'}`;
}
