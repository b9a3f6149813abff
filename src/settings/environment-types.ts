/** The settings of the optional third stack: the MWAA environment itself (`deploy-environment`). */

/** MWAA's environment classes (the API model's `EnvironmentClass`). */
export const ENVIRONMENT_CLASSES = [
  'mw1.micro',
  'mw1.small',
  'mw1.medium',
  'mw1.large',
  'mw1.xlarge',
  'mw1.2xlarge',
] as const;
export type EnvironmentClass = (typeof ENVIRONMENT_CLASSES)[number];

export const WEBSERVER_ACCESS_MODES = ['PRIVATE_ONLY', 'PUBLIC_ONLY'] as const;
export type WebserverAccessMode = (typeof WEBSERVER_ACCESS_MODES)[number];

/** MWAA's `LoggingLevel` values, and DISABLED for a log type turned off. */
export const LOG_LEVELS = ['DISABLED', 'CRITICAL', 'ERROR', 'WARNING', 'INFO', 'DEBUG'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The five log types of `LoggingConfiguration`, by the names the `log-levels` input uses. */
export const LOG_TYPES = ['dag-processing', 'scheduler', 'task', 'webserver', 'worker'] as const;
export type LogType = (typeof LOG_TYPES)[number];

/** The environment stack's settings; only present when `deploy-environment` is true. */
export interface EnvironmentSettings {
  /** Apache Airflow version, e.g. `2.10.3`; undefined takes MWAA's default. */
  readonly airflowVersion?: string;
  readonly environmentClass: EnvironmentClass;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  readonly schedulers: number;
  readonly webserverAccessMode: WebserverAccessMode;
  /** The DAG folder in the bucket, relative (`dags`). */
  readonly dagS3Path: string;
  readonly logLevels: Readonly<Record<LogType, LogLevel>>;
  /** `DAY:HH:MM` (UTC); undefined lets MWAA choose. */
  readonly weeklyMaintenanceWindowStart?: string;
  /** Airflow configuration overrides (`core.dag_concurrency: '16'`), in the input's order. */
  readonly airflowConfigurationOptions: Readonly<Record<string, string>>;
}
