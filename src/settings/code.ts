/**
 * The release-time code inputs: the DAG folder, requirements.txt, the plugins (a zip or a folder)
 * and the startup script, all paths inside the workspace. Here only their form is checked (no
 * `..` escape, no absolute path elsewhere, no control characters); what is on disk (exists, folder
 * or file, links that leave the workspace) is checked by src/code/ before any AWS call writes.
 */
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path';
import type { InputName } from './defaults.js';
import { fail, ok, quote } from './problems.js';
import type { Parsed, ProblemCollector } from './problems.js';
import { parseEnum, parseInteger } from './scalars.js';

/** How many DAG objects one deploy may delete: a share of those under the prefix, or a count. */
export type DeletionLimit =
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'count'; readonly value: number };

/**
 * What a new Airflow import error in a DAG file the deploy changed does: fail the step, warn,
 * or `off` (no check at all).
 */
export type ImportErrorsPolicy = 'fail' | 'warn' | 'off';
export const IMPORT_ERRORS_POLICIES: readonly ImportErrorsPolicy[] = ['fail', 'warn', 'off'];
/**
 * import-errors-wait-seconds: 0 (ask at once) to 600. MWAA syncs the bucket to its containers
 * about every 30 s and Airflow's scheduler then parses the new files (min_file_process_interval,
 * 30 s by default), so the default (90 s) covers a sync, a parse and a margin.
 */
export const IMPORT_ERRORS_WAIT_SECONDS = { min: 0, max: 600 } as const;

/** The code inputs that point at files, by input name. */
export const CODE_PATH_INPUTS = [
  'dags-path',
  'requirements-path',
  'startup-script-path',
  'plugins-path',
] as const satisfies readonly InputName[];
export type CodePathInput = (typeof CODE_PATH_INPUTS)[number];

export interface CodeSettings {
  /** The absolute folder every path is resolved in (GITHUB_WORKSPACE, or the working directory). */
  readonly workspace: string;
  /** Each given path, as written (relative to the workspace, or absolute inside it). */
  readonly paths: Readonly<Partial<Record<CodePathInput, string>>>;
  /** The DAG prefix in the bucket: no leading `/`, one trailing `/` (e.g. `dags/`). */
  readonly dagPrefix: string;
  /** Deleting more DAG objects than this at once is refused. */
  readonly dagDeletionLimit: DeletionLimit;
  /** After a deploy that changed DAG files: what a new Airflow import error in one does. */
  readonly importErrors: ImportErrorsPolicy;
  /** How long to let MWAA sync and Airflow parse the DAG files before asking for errors. */
  readonly importErrorsWaitSeconds: number;
}

/**
 * Reads the code inputs; undefined when no path input is set (nothing changes from before).
 * `env` gives GITHUB_WORKSPACE; without it the working directory is the workspace.
 */
export function readCode(
  read: (name: InputName) => string,
  env: Readonly<Record<string, string | undefined>>,
  problems: ProblemCollector,
): CodeSettings | undefined {
  const workspace = resolve(env['GITHUB_WORKSPACE']?.trim() || process.cwd());
  const paths: Partial<Record<CodePathInput, string>> = {};
  for (const input of CODE_PATH_INPUTS) {
    const value = read(input);
    if (value === '') continue;
    const parsed = problems.take(input, parseWorkspacePath(value, workspace));
    if (parsed !== undefined) paths[input] = parsed;
  }
  const dagPrefix = problems.take('dag-s3-path', parseDagPrefix(read('dag-s3-path')));
  const limit = problems.take('dag-deletion-limit', parseDeletionLimit(read('dag-deletion-limit')));
  const importErrors = problems.take(
    'import-errors',
    parseEnum(read('import-errors'), IMPORT_ERRORS_POLICIES),
  );
  const waitSeconds = problems.take(
    'import-errors-wait-seconds',
    parseInteger(
      read('import-errors-wait-seconds'),
      IMPORT_ERRORS_WAIT_SECONDS.min,
      IMPORT_ERRORS_WAIT_SECONDS.max,
      'seconds',
    ),
  );
  const given = CODE_PATH_INPUTS.some((input) => read(input) !== '');
  if (
    !given ||
    dagPrefix === undefined ||
    limit === undefined ||
    importErrors === undefined ||
    waitSeconds === undefined
  ) {
    return undefined;
  }
  return {
    workspace,
    paths,
    dagPrefix,
    dagDeletionLimit: limit,
    importErrors,
    importErrorsWaitSeconds: waitSeconds,
  };
}

// Controls, line separators and bidirectional overrides: legal in some file names, but they
// could disguise a path in the plan and the log.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A path that stays inside the workspace once `..` segments are resolved. */
export function parseWorkspacePath(text: string, workspace: string): Parsed<string> {
  if (UNSAFE.test(text)) {
    return fail(
      `${quote(text)} contains control, line-separator or bidirectional characters; give a path inside the workspace`,
    );
  }
  const inside = relative(workspace, resolve(workspace, text));
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return fail(
      `${quote(text)} leads outside the workspace (${workspace}); give a path inside the repository, e.g. dags`,
    );
  }
  return ok(isAbsolute(text) ? text : normalize(text));
}

/** MWAA's DagS3Path: at most 1024 characters (API reference, RelativePath). */
const DAG_PATH_MAX_CHARS = 1024;
/** S3 object keys: at most 1024 bytes of UTF-8 (S3 user guide, "Naming objects"). */
const S3_KEY_MAX_BYTES = 1024;
/** Room kept after the prefix for a file name (`x.py` at the least). */
const MIN_NAME_BYTES = 4;

/**
 * The environment's DAG folder in the bucket (MWAA's DagS3Path, e.g. `dags`), as a key prefix.
 * The bucket's root is refused: deletions there would reach requirements.txt and every other key.
 */
export function parseDagPrefix(text: string): Parsed<string> {
  if (/^s3:\/\//i.test(text)) {
    return fail(
      `${quote(text)} must be a folder relative to the bucket, e.g. dags (not an s3:// URL)`,
    );
  }
  const trimmed = text.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') {
    return fail(
      `${quote(text)} is the bucket's root; DAGs need a folder of their own, e.g. dags (DAG objects no longer in the folder are deleted under it)`,
    );
  }
  const segments = trimmed.split('/');
  if (
    segments.some((s) => s === '' || s === '.' || s === '..' || UNSAFE.test(s) || s.includes('\\'))
  ) {
    return fail(
      `${quote(text)} is not a folder path in the bucket; use names separated by '/', e.g. dags or airflow/dags`,
    );
  }
  // MWAA's DagS3Path (API reference: RelativePath, 1 to 1024 characters, pattern `.*`, which
  // excludes line breaks, refused above) is a key prefix: S3 keys are at most 1024 bytes of
  // UTF-8, and the prefix must leave room for the DAG files' names after its '/'. That bound is
  // the tighter one (a character is at least a byte), so it covers MWAA's.
  const bytes = Buffer.byteLength(`${trimmed}/`, 'utf8');
  if (bytes > S3_KEY_MAX_BYTES - MIN_NAME_BYTES) {
    return fail(
      `${quote(text)} is ${bytes} bytes as a key prefix; S3 keys are at most ${S3_KEY_MAX_BYTES} bytes (UTF-8) and MWAA's DagS3Path at most ${DAG_PATH_MAX_CHARS} characters, and the DAG files' names must fit after it: use a shorter folder, e.g. dags`,
    );
  }
  return ok(`${trimmed}/`);
}

/** `50%` (a share of the DAG objects under the prefix) or `20` (a number of objects). */
export function parseDeletionLimit(text: string): Parsed<DeletionLimit> {
  const percent = /^(\d{1,3})%$/.exec(text);
  if (percent) {
    const value = Number(percent[1]);
    if (value <= 100) return ok({ kind: 'percent', value });
  }
  if (/^(0|[1-9]\d{0,8})$/.test(text)) return ok({ kind: 'count', value: Number(text) });
  return fail(
    `${quote(text)} is neither a percentage from 0% to 100% nor a whole number of objects; e.g. 50% (the default) or 100% to allow any deletion`,
  );
}
