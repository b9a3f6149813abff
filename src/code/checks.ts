/**
 * What the local files must be before anything is uploaded. Each check answers with the detail of
 * an `Invalid input` problem (the caller names the input), so a bad file stops the run before any
 * AWS call writes.
 */
import { quote } from '../settings/problems.js';

/**
 * Our ceiling for requirements.txt. MWAA documents no byte limit; a requirements file is a list of
 * packages MWAA installs with pip at every start within its startup time, and a file over 1 MiB
 * is a wrong path (a wheel, a lock file of another tool), not a list of requirements.
 */
export const REQUIREMENTS_MAX_BYTES = 1024 * 1024;

/**
 * MWAA's advice for plugins.zip (user guide, "Custom plugins directory and size limits"): under
 * 1 GB, since a larger one may not install within the startup time. Over it: a warning.
 */
export const PLUGINS_ADVISED_MAX_BYTES = 1_000_000_000;

/** On MWAA, plugins.zip is unpacked here, so a requirement may name a wheel under it. */
const MWAA_LOCAL_ROOT = '/usr/local/airflow/';

/** Options that take a file or URL (pip's requirements-file format). */
const FILE_OPTIONS = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s*=?\s*)(.*)$/;

/**
 * requirements.txt as MWAA can install it: UTF-8 text, not too large, and no reference to another
 * local file (`-r other.txt`, `-c ./constraints.txt`, `-e .`, `./dist/x.whl`): only requirements.txt
 * reaches the bucket, so such a line fails on MWAA long after the deploy. URLs and paths under
 * /usr/local/airflow/ (where plugins.zip is unpacked) are fine.
 */
export function requirementsProblems(bytes: Uint8Array): string[] {
  if (bytes.byteLength > REQUIREMENTS_MAX_BYTES) {
    return [
      `the file is ${bytes.byteLength} bytes, over the ${REQUIREMENTS_MAX_BYTES} bytes a requirements file can sensibly be; check that the path names requirements.txt`,
    ];
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    return ['the file is not UTF-8 text (or holds NUL bytes); pip reads requirements.txt as text'];
  }
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const option = FILE_OPTIONS.exec(line);
    const target = option ? (option[2] ?? '').replace(/^["']|["']$/g, '') : line;
    const local = option
      ? !/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !target.startsWith(MWAA_LOCAL_ROOT)
      : /^(\.{1,2}\/|file:(?!\/\/\/usr\/local\/airflow\/))/.test(target);
    if (line !== '' && local) {
      problems.push(
        `line ${i + 1} ${quote(raw.trim())} refers to a local file, which is not uploaded with requirements.txt; use a URL, a package name, or a wheel in plugins.zip (${MWAA_LOCAL_ROOT}plugins/...)`,
      );
    }
  });
  return problems;
}

/** The startup script: text MWAA's shell can run. */
export function startupScriptProblems(bytes: Uint8Array): string[] {
  if (decodeText(bytes) === undefined) {
    return ['the file is not UTF-8 text (or holds NUL bytes); MWAA runs it with a shell'];
  }
  return [];
}

/** UTF-8 text without NUL bytes, or undefined. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
