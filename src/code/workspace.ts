/**
 * Paths of the code inputs on disk: resolved inside the workspace only. A path is followed through
 * its links (realpath) and must still be inside the workspace, so neither `..` nor a link can make
 * the action upload a file from elsewhere on the runner (a credentials file, another checkout).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { quote } from '../settings/problems.js';

/** A problem with one input's path, as the settings' problems are worded. */
export class PathProblem extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Invalid input '${input}': ${detail}.`);
    this.name = 'PathProblem';
  }
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The real workspace folder (links resolved), to compare real paths with. */
export async function realWorkspace(workspace: string): Promise<string> {
  return realpath(workspace);
}

/**
 * Resolves an input's path to its real path inside the workspace and checks its kind.
 * @throws PathProblem naming the input: missing, outside the workspace, or the wrong kind.
 */
export async function resolveInput(
  input: string,
  given: string,
  workspace: string,
  realRoot: string,
  kind: 'file' | 'folder',
): Promise<string> {
  const path = resolve(workspace, given);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new PathProblem(
      input,
      `${quote(given)} does not exist in the workspace (${workspace}); check the path, and that the repository is checked out (actions/checkout) before this step`,
    );
  }
  if (!inside(realRoot, real)) {
    throw new PathProblem(
      input,
      `${quote(given)} is a link that leads outside the workspace; give a path whose files are inside the repository`,
    );
  }
  const info = await stat(real);
  if (kind === 'folder' && !info.isDirectory()) {
    throw new PathProblem(
      input,
      `${quote(given)} is a file; give the folder of DAG files, e.g. dags`,
    );
  }
  if (kind === 'file' && !info.isFile()) {
    throw new PathProblem(input, `${quote(given)} is not a file; give the path of the file itself`);
  }
  return real;
}

/** Folders never uploaded: Python's byte-code caches, written when CI imports the DAGs. */
const SKIPPED_FOLDERS = new Set(['__pycache__']);

/**
 * Every file under a folder, as (path relative to it with `/`, real path), sorted by the relative
 * path. Links are followed while they stay inside the workspace; a link that leaves it is an
 * error naming the input; a folder reached twice through links is read once.
 */
export async function listFolder(
  input: string,
  folder: string,
  realRoot: string,
): Promise<{ rel: string; real: string }[]> {
  const found: { rel: string; real: string }[] = [];
  const seen = new Set<string>([folder]);
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const path = join(dir, name);
      const rel = prefix === '' ? name : `${prefix}/${name}`;
      let real = path;
      let info = await lstat(path);
      if (info.isSymbolicLink()) {
        try {
          real = await realpath(path);
        } catch {
          throw new PathProblem(
            input,
            `${quote(rel)} is a broken link; remove it or fix its target`,
          );
        }
        if (!inside(realRoot, real)) {
          throw new PathProblem(
            input,
            `${quote(rel)} is a link that leads outside the workspace; replace it with the file itself`,
          );
        }
        info = await stat(real);
      }
      if (info.isDirectory()) {
        if (SKIPPED_FOLDERS.has(name) || seen.has(real)) continue;
        seen.add(real);
        await walk(real, rel);
      } else if (info.isFile()) {
        found.push({ rel, real });
      }
    }
  };
  await walk(folder, '');
  return found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
