/**
 * "Did Airflow accept the DAGs?" After a deploy that changed DAG files, wait a bounded time for
 * the scheduler to pick them up (MWAA syncs the bucket about every 30 seconds, then Airflow parses
 * the files), then read Airflow's import errors through MWAA's InvokeRestApi (`GET /importErrors`,
 * every page) and report each with its file. A new error in a file this deploy changed fails the
 * step, or warns, by policy. An environment whose Airflow offers no REST access through MWAA, or
 * a role that may not call it, gets one line and the deploy goes on.
 *
 * The MWAA call enters through {@link InvokeRestApi}, so the engine's signed MWAA client (or a
 * test's fake) plugs in without this module knowing the transport.
 */
import type { InvokeRestApi } from '../environment/mwaa-api.js';
import type { Clock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { retry } from '../shared/retry.js';

export type { InvokeRestApi } from '../environment/mwaa-api.js';

export interface ImportError {
  /** Relative to the DAG folder when the file is under it (MWAA: /usr/local/airflow/dags/). */
  readonly file: string;
  readonly timestamp?: string;
  /** The line of the stack trace that says what went wrong (the last non-empty one). */
  readonly message: string;
  /**
   * The file was uploaded by this deploy and the error was recorded after the upload: an error
   * of the new content. An older error in a changed file is the old content's, not yet parsed
   * again (Airflow stamps an import error each time a parse fails).
   */
  readonly changedByDeploy: boolean;
}

export type ImportErrorReport =
  | { readonly kind: 'checked'; readonly errors: readonly ImportError[]; readonly failed: boolean }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Where MWAA unpacks the DAG prefix on its containers. */
const MWAA_DAGS = '/usr/local/airflow/dags/';
const PAGE = 100;

/** Codes meaning "no REST access here": say so and go on (MWAA API reference, InvokeRestApi). */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  AccessDeniedException: 'the role may not call airflow:InvokeRestApi on this environment',
  ValidationException:
    'MWAA refused the call (REST access needs Apache Airflow 2.4.3 or later and an AVAILABLE environment)',
  ResourceNotFoundException: 'the environment does not exist (yet)',
  RestApiClientException: 'Airflow refused the request',
};

/**
 * Worth another attempt: throttling, MWAA's 5xx, and Airflow's (RestApiServerException, e.g. the
 * call's 10-second timeout on a busy webserver: MWAA user guide, "Using the Apache Airflow REST
 * API"), and a network error (no code).
 */
function transient(error: unknown): boolean {
  const { code, status } = error as { code?: unknown; status?: unknown };
  if (typeof code !== 'string') return true;
  return (
    code === 'ThrottlingException' ||
    code === 'RestApiServerException' ||
    (typeof status === 'number' && status >= 500)
  );
}
const ATTEMPTS = 4;
const MAX_MESSAGE = 500;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export async function checkImportErrors(input: {
  readonly invoke: InvokeRestApi;
  readonly environmentName: string;
  /** DAG files (relative to the DAG folder) this deploy uploaded. */
  readonly changedFiles: readonly string[];
  /** When the upload started (epoch ms): errors recorded before it are the old content's. */
  readonly uploadedAt?: number;
  /** How long to let MWAA sync and Airflow parse before asking (bounded by the caller's input). */
  readonly waitMs: number;
  /** Fail on a new error in a changed file (true), or only warn. */
  readonly failOnError: boolean;
  readonly clock: Clock;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}): Promise<ImportErrorReport> {
  const { log } = input;
  log.info(
    `Waiting ${Math.round(input.waitMs / 1000)} s for MWAA to sync the DAG files and Airflow to parse them.`,
  );
  await input.clock.sleep(input.waitMs, input.signal);
  let raw: Record<string, unknown>[];
  try {
    const invoke: InvokeRestApi = (request) =>
      retry(() => input.invoke(request), {
        attempts: ATTEMPTS,
        baseDelayMs: 2_000,
        maxDelayMs: 10_000,
        retryable: transient,
        clock: input.clock,
        onRetry: (error, attempt) =>
          log.info(`InvokeRestApi failed (${errorMessage(error)}); retrying (${attempt}).`),
      });
    raw = await readAll(invoke, input.environmentName);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE[code]) {
      const reason = `Import errors not checked: ${UNAVAILABLE[code]} (${code}: ${errorMessage(error)}).`;
      log.info(reason);
      return { kind: 'unavailable', reason };
    }
    const what = `Could not read Airflow's import errors of ${input.environmentName} after ${ATTEMPTS} attempts: ${errorMessage(error)}`;
    // The deploy is done: only a policy that gates on the result fails for want of one.
    if (!input.failOnError) {
      const reason = `Import errors not checked: ${what}.`;
      log.warning(reason);
      return { kind: 'unavailable', reason };
    }
    throw new Error(
      `${what}. The deploy itself is complete; set import-errors: warn (or off) to go on without the check.`,
      {
        cause: error,
      },
    );
  }
  const changed = new Set(input.changedFiles);
  const errors = raw.map((e): ImportError => {
    const filename = String(e['filename'] ?? '');
    const file = filename.startsWith(MWAA_DAGS) ? filename.slice(MWAA_DAGS.length) : filename;
    const trace = String(e['stack_trace'] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const timestamp = typeof e['timestamp'] === 'string' ? e['timestamp'] : undefined;
    const at = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
    const recent = input.uploadedAt === undefined || Number.isNaN(at) || at >= input.uploadedAt;
    return {
      file,
      ...(timestamp !== undefined && { timestamp }),
      // A DAG file's own text can make this line anything: bounded for the log and summary.
      message: clip(trace.at(-1) ?? 'no stack trace', MAX_MESSAGE),
      changedByDeploy: changed.has(file) && recent,
    };
  });
  const ours = errors.filter((e) => e.changedByDeploy);
  for (const e of errors) {
    const stale = changed.has(e.file) && !e.changedByDeploy ? ' (recorded before this upload)' : '';
    const line = `Airflow import error in ${e.file}${stale}: ${e.message}`;
    if (e.changedByDeploy && input.failOnError) log.error(line);
    else log.warning(line);
  }
  if (errors.length === 0) log.info('Airflow reports no import errors.');
  return { kind: 'checked', errors, failed: input.failOnError && ours.length > 0 };
}

/** Every import error, page by page (limit/offset, until total_entries). */
async function readAll(invoke: InvokeRestApi, name: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const answer = await invoke({
      name,
      method: 'GET',
      path: '/importErrors',
      queryParameters: { limit: PAGE, offset },
    });
    const body = (answer.body ?? {}) as { import_errors?: unknown; total_entries?: unknown };
    const page = Array.isArray(body.import_errors)
      ? (body.import_errors as Record<string, unknown>[])
      : [];
    all.push(...page);
    const total = typeof body.total_entries === 'number' ? body.total_entries : all.length;
    if (page.length === 0 || all.length >= total) return all;
  }
}
