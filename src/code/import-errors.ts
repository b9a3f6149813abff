/**
 * "Did Airflow accept the DAGs?" After a deploy that uploaded DAG files, wait a bounded time for
 * the scheduler to pick them up (MWAA syncs the bucket about every 30 seconds, then Airflow parses
 * the files), then read Airflow's import errors through MWAA's InvokeRestApi (`GET /importErrors`,
 * every page) and report each with its file. A new error in a file this deploy changed fails the
 * step, or warns, by policy. An environment whose Airflow offers no REST access through MWAA, or
 * a role that may not call it, gets one line and the deploy goes on.
 *
 * The MWAA call enters through {@link InvokeRestApi}, so the engine's signed MWAA client (or a
 * test's fake) plugs in without this module knowing the transport.
 */
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

/** MWAA InvokeRestApi: POST /restapi/{Name} with {Method, Path, QueryParameters, Body}. */
export type InvokeRestApi = (request: {
  readonly name: string;
  readonly method: 'GET';
  readonly path: string;
  readonly queryParameters?: Readonly<Record<string, string | number>>;
}) => Promise<{ readonly status: number; readonly body: unknown }>;

/** An error InvokeRestApi answered with its code (the SDK error's `name`). */
export class RestApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RestApiCallError';
  }
}

export interface ImportError {
  /** Relative to the DAG folder when the file is under it (MWAA: /usr/local/airflow/dags/). */
  readonly file: string;
  readonly timestamp?: string;
  /** The first line of the stack trace that says what went wrong (the last non-empty one). */
  readonly message: string;
  /** The file was uploaded by this deploy. */
  readonly changedByDeploy: boolean;
}

export type ImportErrorReport =
  | { readonly kind: 'checked'; readonly errors: readonly ImportError[]; readonly failed: boolean }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Where MWAA unpacks the DAG prefix on its containers. */
const MWAA_DAGS = '/usr/local/airflow/dags/';
const PAGE = 100;

/** Codes meaning "no REST access here": say so and go on. */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  AccessDeniedException: 'the role may not call airflow:InvokeRestApi on this environment',
  ValidationException: "the environment's Airflow version has no REST API access through MWAA",
  ResourceNotFoundException: 'the environment does not exist (yet)',
};

export async function checkImportErrors(input: {
  readonly invoke: InvokeRestApi;
  readonly environmentName: string;
  /** DAG files (relative to the DAG folder) this deploy uploaded. */
  readonly changedFiles: readonly string[];
  /** How long to let MWAA sync and Airflow parse before asking (bounded by the caller's input). */
  readonly waitMs: number;
  /** Fail on a new error in a changed file (true), or only warn. */
  readonly failOnError: boolean;
  readonly clock: Clock;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}): Promise<ImportErrorReport> {
  const { log } = input;
  if (input.changedFiles.length === 0) return { kind: 'checked', errors: [], failed: false };
  log.info(
    `Waiting ${Math.round(input.waitMs / 1000)} s for MWAA to sync the DAG files and Airflow to parse them.`,
  );
  await input.clock.sleep(input.waitMs, input.signal);
  let raw: Record<string, unknown>[];
  try {
    raw = await readAll(input.invoke, input.environmentName);
  } catch (error) {
    if (error instanceof RestApiCallError && UNAVAILABLE[error.code]) {
      const reason = `Import errors not checked: ${UNAVAILABLE[error.code]} (${error.code}).`;
      log.info(reason);
      return { kind: 'unavailable', reason };
    }
    throw error;
  }
  const changed = new Set(input.changedFiles);
  const errors = raw.map((e): ImportError => {
    const filename = String(e['filename'] ?? '');
    const file = filename.startsWith(MWAA_DAGS) ? filename.slice(MWAA_DAGS.length) : filename;
    const trace = String(e['stack_trace'] ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    return {
      file,
      ...(typeof e['timestamp'] === 'string' && { timestamp: e['timestamp'] }),
      message: trace.at(-1) ?? 'no stack trace',
      changedByDeploy: changed.has(file),
    };
  });
  const ours = errors.filter((e) => e.changedByDeploy);
  for (const e of errors) {
    const line = `Airflow import error in ${e.file}: ${e.message}`;
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

/** A POST to the MWAA API (SigV4-signed, `env.` host prefix against AWS), answered raw. */
export type MwaaPost = (
  path: string,
  body: string,
) => Promise<{ status: number; headers: Readonly<Record<string, string>>; body: string }>;

/**
 * InvokeRestApi over MWAA's restJson1 wire format: `POST /restapi/{Name}` with a JSON body;
 * success is `{RestApiStatusCode, RestApiResponse}`; an error names its type in the
 * `x-amzn-errortype` header (or `__type`), e.g. RestApiClientException for Airflow's 4xx.
 */
export function invokeRestApiOver(post: MwaaPost): InvokeRestApi {
  return async (request) => {
    const answer = await post(
      `/restapi/${encodeURIComponent(request.name)}`,
      JSON.stringify({
        Method: request.method,
        Path: request.path,
        ...(request.queryParameters && { QueryParameters: request.queryParameters }),
      }),
    );
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(answer.body || '{}') as Record<string, unknown>;
    } catch {
      // Not JSON: the status and the error type header still say what happened.
    }
    if (answer.status >= 300) {
      const type = (answer.headers['x-amzn-errortype'] ?? String(json['__type'] ?? 'Unknown'))
        .split(':')[0]!
        .split('#')
        .at(-1)!;
      const message = String(json['message'] ?? json['Message'] ?? `HTTP ${answer.status}`);
      throw new RestApiCallError(type, `InvokeRestApi failed: ${type}: ${message}`);
    }
    return { status: Number(json['RestApiStatusCode'] ?? 0), body: json['RestApiResponse'] };
  };
}
