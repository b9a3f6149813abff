/**
 * The environment inputs (`deploy-environment` and what people set on an MWAA environment),
 * checked against MWAA's documented values before any AWS call: an environment that fails on a
 * bad value fails 20 minutes into its creation, so every such value is refused here.
 */
import type { InputName } from './defaults.js';
import {
  ENVIRONMENT_CLASSES,
  LOG_LEVELS,
  LOG_TYPES,
  WEBSERVER_ACCESS_MODES,
} from './environment-types.js';
import type { EnvironmentSettings, LogLevel, LogType } from './environment-types.js';
import { fail, ok, quote } from './problems.js';
import type { Parsed, ProblemCollector } from './problems.js';
import { parseDagPrefix } from './code.js';
import { parseBoolean, parseEnum, parseInteger } from './scalars.js';
import { parseKeyValues } from './tags.js';

/**
 * Workers: the API model's minimum is 1 and it sets no maximum (MinWorkers, MaxWorkers). The
 * limit is a service quota, "Workers per environment", 25 by default and adjustable (MWAA user
 * guide, quotas), so more than 25 can be right; 120 is a bound against typos.
 */
const WORKERS = { min: 1, max: 120 } as const;
/** Schedulers: 2 to 5, except mw1.micro which runs exactly 1 (the API reference). */
const SCHEDULERS = { min: 2, max: 5 } as const;

/** The console's defaults: task logs at INFO, the others at WARNING. */
const DEFAULT_LOG_LEVELS: Readonly<Record<LogType, LogLevel>> = {
  'dag-processing': 'WARNING',
  scheduler: 'WARNING',
  task: 'INFO',
  webserver: 'WARNING',
  worker: 'WARNING',
};

/** Versions MWAA no longer creates environments with (retired by MWAA's version support policy). */
const RETIRED_AIRFLOW = new Set(['1.10.12', '2.0.2', '2.2.2']);

/** The API model's `ConfigKey` and `ConfigValue` patterns. */
const CONFIG_KEY = /^[a-z]+([a-z0-9._]*[a-z0-9_]+)?$/;
const CONFIG_VALUE = /^[ -~]+$/;

/** Reads `deploy-environment`; the environment inputs are read only when it is true. */
export function readDeployEnvironment(
  read: (name: InputName) => string,
  problems: ProblemCollector,
): boolean {
  return problems.take('deploy-environment', parseBoolean(read('deploy-environment'))) ?? false;
}

/**
 * Reads every environment input; undefined when any was invalid (each problem recorded,
 * naming its input and the fix).
 */
export function readEnvironment(
  read: (name: InputName) => string,
  problems: ProblemCollector,
): EnvironmentSettings | undefined {
  const before = problems.problems.length;
  const version = read('airflow-version');
  const airflowVersion =
    version === '' ? '' : problems.take('airflow-version', parseAirflowVersion(version));
  const environmentClass = problems.take(
    'environment-class',
    parseEnum(read('environment-class'), ENVIRONMENT_CLASSES),
  );
  const micro = environmentClass === 'mw1.micro';
  const minWorkers = readWorkers('min-workers', read('min-workers'), micro, problems);
  const maxWorkers = readWorkers(
    'max-workers',
    read('max-workers') || (micro ? '1' : '10'),
    micro,
    problems,
  );
  if (minWorkers !== undefined && maxWorkers !== undefined && maxWorkers < minWorkers) {
    problems.invalid(
      'max-workers',
      `'${maxWorkers}' is below min-workers ${minWorkers}; set max-workers to at least min-workers`,
    );
  }
  const schedulers = readSchedulers(read('schedulers'), environmentClass, problems);
  const webserverAccessMode = problems.take(
    'webserver-access-mode',
    parseEnum(read('webserver-access-mode'), WEBSERVER_ACCESS_MODES),
  );
  // dag-s3-path is one input shared with the code sync, checked (and reported) by readCode.
  const dag = parseDagPrefix(read('dag-s3-path'));
  const dagS3Path = dag.ok ? dag.value.replace(/\/$/, '') : undefined;
  const logLevels = problems.take('log-levels', parseLogLevels(read('log-levels')));
  const window = read('weekly-maintenance-window-start');
  const weeklyMaintenanceWindowStart =
    window === '' ? '' : problems.take('weekly-maintenance-window-start', parseWindow(window));
  const airflowConfigurationOptions = problems.take(
    'airflow-configuration-options',
    parseConfigurationOptions(read('airflow-configuration-options')),
  );
  if (problems.problems.length > before || dagS3Path === undefined) return undefined;
  return {
    ...(airflowVersion ? { airflowVersion } : {}),
    environmentClass: environmentClass!,
    minWorkers: minWorkers!,
    maxWorkers: maxWorkers!,
    schedulers: schedulers!,
    webserverAccessMode: webserverAccessMode!,
    dagS3Path: dagS3Path!,
    logLevels: logLevels!,
    ...(weeklyMaintenanceWindowStart ? { weeklyMaintenanceWindowStart } : {}),
    airflowConfigurationOptions: airflowConfigurationOptions!,
  };
}

/** `X.Y.Z` (or `X.Y`), not a version MWAA has retired. */
export function parseAirflowVersion(text: string): Parsed<string> {
  if (!/^\d+\.\d+(\.\d+)?$/.test(text)) {
    return fail(
      `${quote(text)} is not an Apache Airflow version; write it like 2.10.3, or leave it empty for MWAA's default`,
    );
  }
  if (RETIRED_AIRFLOW.has(text)) {
    return fail(
      `${quote(text)} is a version MWAA no longer creates environments with; choose a supported one, e.g. 2.10.3`,
    );
  }
  return ok(text);
}

/**
 * `min-workers` or `max-workers`. mw1.micro runs one combined worker and scheduler and "does not
 * support auto-scaling" (MWAA user guide, environment classes): both must be 1 there.
 */
function readWorkers(
  input: 'min-workers' | 'max-workers',
  text: string,
  micro: boolean,
  problems: ProblemCollector,
): number | undefined {
  const workers = problems.take(input, parseInteger(text, WORKERS.min, WORKERS.max, 'workers'));
  if (micro && workers !== undefined && workers !== 1) {
    problems.invalid(
      input,
      `${quote(text)} is not possible with environment-class mw1.micro, which runs exactly 1 worker and does not scale; set ${input}: 1${input === 'max-workers' ? ' or leave it empty' : ''}`,
    );
    return undefined;
  }
  return workers;
}

function readSchedulers(
  text: string,
  environmentClass: string | undefined,
  problems: ProblemCollector,
): number | undefined {
  const micro = environmentClass === 'mw1.micro';
  if (text === '') return micro ? 1 : 2;
  if (micro) {
    if (text === '1') return 1;
    problems.invalid(
      'schedulers',
      `${quote(text)} is not possible with environment-class mw1.micro, which runs exactly 1 scheduler; set schedulers: 1 or leave it empty`,
    );
    return undefined;
  }
  return problems.take(
    'schedulers',
    parseInteger(text, SCHEDULERS.min, SCHEDULERS.max, 'schedulers'),
  );
}

/** `DAY:HH:MM` in UTC; MWAA takes the minutes 00 or 30 (its console offers half hours). */
export function parseWindow(text: string): Parsed<string> {
  if (/^(MON|TUE|WED|THU|FRI|SAT|SUN):([01]\d|2[0-3]):(00|30)$/.test(text)) return ok(text);
  return fail(
    `${quote(text)} is not DAY:HH:MM (UTC, the day as MON..SUN, minutes 00 or 30), e.g. SUN:03:30`,
  );
}

/** `type=LEVEL` lines or a mapping; unnamed types keep the console's defaults. */
export function parseLogLevels(text: string): Parsed<Readonly<Record<LogType, LogLevel>>> {
  const pairs = parseKeyValues(text);
  if (!pairs.ok) return pairs;
  const levels: Record<LogType, LogLevel> = { ...DEFAULT_LOG_LEVELS };
  const details: string[] = [];
  for (const { key, value } of pairs.value) {
    const type = LOG_TYPES.find((t) => t === key);
    if (type === undefined) {
      details.push(`${quote(key)} is not a log type; use ${LOG_TYPES.join(', ')}`);
      continue;
    }
    const level = parseEnum(value.toUpperCase(), LOG_LEVELS);
    if (!level.ok) details.push(`${type}: ${level.details.join('; ')}`);
    else levels[type] = level.value;
  }
  return details.length > 0 ? fail(...details) : ok(levels);
}

/** A mapping of Airflow options (`core.default_timezone: utc`), keys and values as MWAA's API takes them. */
export function parseConfigurationOptions(text: string): Parsed<Readonly<Record<string, string>>> {
  const pairs = parseKeyValues(text);
  if (!pairs.ok) return pairs;
  const options: Record<string, string> = {};
  const details: string[] = [];
  for (const { key, value } of pairs.value) {
    if (!CONFIG_KEY.test(key) || key.length > 64 || !key.includes('.')) {
      details.push(
        `${quote(key)} is not an Airflow option; write section.option in lowercase, e.g. core.default_timezone`,
      );
    } else if (!CONFIG_VALUE.test(value) || value.length > 65_536) {
      details.push(`the value of ${key} must be 1 to 65536 printable ASCII characters`);
    } else options[key] = value;
  }
  return details.length > 0 ? fail(...details) : ok(options);
}
