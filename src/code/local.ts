/**
 * The release-time code as it is in the workspace: every DAG file hashed (bodies are not kept;
 * they are read again when uploaded), requirements.txt, the plugins zip (made from a folder when
 * a folder is given) and the startup script. Every input is checked and every problem reported
 * at once, before anything touches AWS.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CodePathInput, CodeSettings } from '../settings/code.js';
import { quote, SettingsError } from '../settings/problems.js';
import type { Problem } from '../settings/problems.js';
import { requirementsProblems, startupScriptProblems } from './checks.js';
import { listFolder, PathProblem, realWorkspace, resolveInput } from './workspace.js';
import { deterministicZip, NotAZipError, readZipEntries } from './zip.js';
import type { ZipEntry } from './zip.js';

/** What the bucket compares a file by: its size, SHA-256 (base64, as S3 writes it) and MD5 (hex). */
export interface Digest {
  readonly size: number;
  readonly sha256: string;
  readonly md5: string;
}

/** One DAG file: its path under the DAG folder (`/`-separated) and where to read it. */
export interface LocalDagFile extends Digest {
  readonly rel: string;
  readonly real: string;
}

/** A file uploaded whole from memory. */
export interface LocalBlob extends Digest {
  readonly bytes: Uint8Array;
}

export interface LocalCode {
  readonly dags?: { readonly folder: string; readonly files: readonly LocalDagFile[] };
  readonly requirements?: LocalBlob;
  readonly plugins?: LocalBlob & {
    readonly source: 'zip' | 'folder';
    readonly entries: readonly ZipEntry[];
  };
  readonly startupScript?: LocalBlob;
}

export function digest(bytes: Uint8Array): Digest {
  return {
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('base64'),
    md5: createHash('md5').update(bytes).digest('hex'),
  };
}

/** S3 keys are at most 1,024 bytes of UTF-8. */
const MAX_KEY_BYTES = 1024;

/**
 * Reads and checks the code inputs.
 * @throws SettingsError listing every problem, each naming its input.
 */
export async function readLocalCode(code: CodeSettings): Promise<LocalCode> {
  const problems: Problem[] = [];
  const realRoot = await realWorkspace(code.workspace);
  const attempt = async <T>(input: CodePathInput, fn: (given: string) => Promise<T>) => {
    const given = code.paths[input];
    if (given === undefined) return undefined;
    try {
      return await fn(given);
    } catch (error) {
      if (!(error instanceof PathProblem)) throw error;
      problems.push({ input: error.input, message: error.message });
      return undefined;
    }
  };
  const file = async (input: CodePathInput, given: string, check?: (b: Uint8Array) => string[]) => {
    const real = await resolveInput(input, given, code.workspace, realRoot, 'file');
    const bytes = await readFile(real);
    const found = check?.(bytes) ?? [];
    if (found.length > 0) {
      for (const detail of found) problems.push(invalid(input, `${quote(given)}: ${detail}`));
      return undefined;
    }
    return { bytes, ...digest(bytes) };
  };

  const dags = await attempt('dags-path', async (given) => {
    const folder = await resolveInput('dags-path', given, code.workspace, realRoot, 'folder');
    const files: LocalDagFile[] = [];
    for (const f of await listFolder('dags-path', folder, realRoot)) {
      if (Buffer.byteLength(code.dagPrefix + f.rel) > MAX_KEY_BYTES) {
        throw new PathProblem('dags-path', `${quote(f.rel)} makes an S3 key over 1,024 bytes`);
      }
      files.push({ rel: f.rel, real: f.real, ...digest(await readFile(f.real)) });
    }
    return { folder, files };
  });
  const requirements = await attempt('requirements-path', (given) =>
    file('requirements-path', given, requirementsProblems),
  );
  const startupScript = await attempt('startup-script-path', (given) =>
    file('startup-script-path', given, startupScriptProblems),
  );
  const plugins = await attempt('plugins-path', (given) => readPlugins(given, code, realRoot));
  if (problems.length > 0) throw new SettingsError(problems);
  return {
    ...(dags && { dags }),
    ...(requirements && { requirements }),
    ...(plugins && { plugins }),
    ...(startupScript && { startupScript }),
  };
}

/** A `.zip` file as it is (checked to be a zip), or a folder zipped deterministically. */
async function readPlugins(given: string, code: CodeSettings, realRoot: string) {
  const input = 'plugins-path';
  let real: string;
  try {
    real = await resolveInput(input, given, code.workspace, realRoot, 'folder');
  } catch (error) {
    if (!(error instanceof PathProblem) || !/is a file/.test(error.message)) throw error;
    real = await resolveInput(input, given, code.workspace, realRoot, 'file');
    const bytes = new Uint8Array(await readFile(real));
    try {
      const entries = await readZipEntries(async (s, n) => bytes.subarray(s, s + n), bytes.length);
      return { bytes, ...digest(bytes), source: 'zip' as const, entries };
    } catch (e) {
      if (!(e instanceof NotAZipError)) throw e;
      throw new PathProblem(
        input,
        `${quote(given)} is not a zip (${e.message}); give a .zip file, or the plugins folder to have it zipped`,
      );
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const f of await listFolder(input, real, realRoot)) {
    files.set(f.rel, new Uint8Array(await readFile(f.real)));
  }
  const bytes = deterministicZip(files);
  const entries = await readZipEntries(async (s, n) => bytes.subarray(s, s + n), bytes.length);
  return { bytes, ...digest(bytes), source: 'folder' as const, entries };
}

function invalid(input: string, detail: string): Problem {
  return { input, message: `Invalid input '${input}': ${detail}.` };
}
