/**
 * The environment stage's read-only services, built only when `deploy-environment` is on or a
 * deploy syncs DAG files (the import-errors check reads the environment named by
 * `environment-name`), so any other run loads and calls nothing of MWAA or CloudWatch Logs.
 */
import type { CredentialSource } from '../aws/signed-request.js';
import { logsReader } from './logs-api.js';
import type { VerifyClients } from '../verify/types.js';
import type { LogsReader } from './logs-api.js';
import { mwaaReader, mwaaRestApi } from './mwaa-api.js';
import type { InvokeRestApi, MwaaReader } from './mwaa-api.js';

/** MWAA and CloudWatch Logs, read-only, for the deployment Region and credentials. */
export interface EnvironmentReaders {
  readonly mwaa: MwaaReader;
  readonly logs: LogsReader;
  /** Airflow's REST API through MWAA (the import-errors check after a DAG deploy). */
  readonly rest?: InvokeRestApi;
  /** The read-only EC2, S3, IAM and KMS clients, for the pre-checks of a plan. */
  readonly read?: VerifyClients;
}

/**
 * Readers signed with `credentials`: pass a configured SDK client's provider
 * (`client.config.credentials`) so they share its credentials, refreshed or not.
 */
export function environmentReaders(options: {
  readonly region: string;
  readonly credentials: CredentialSource;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: typeof fetch;
  readonly read?: VerifyClients;
}): EnvironmentReaders {
  return {
    mwaa: mwaaReader(options),
    logs: logsReader(options),
    rest: mwaaRestApi(options),
    ...(options.read && { read: options.read }),
  };
}
