import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** How many folders up from a module the package's root may be. */
const MAX_LEVELS = 5;

/**
 * The first `<dir>/<relativePath>` that exists, from `startDir` upwards, and the paths tried.
 * The code runs from src/<stage> (tests), lib/<stage> (npm package), dist/ and dist/cli/
 * (bundles); each has the package's own files (templates/, action.yml) a few levels up. A loop
 * over existsSync, not a fixed `../..`, also keeps ncc from copying the files into the bundle.
 */
export function findPackageFile(
  relativePath: string,
  startDir: string,
): { readonly path?: string; readonly tried: readonly string[] } {
  const tried: string[] = [];
  let dir = startDir;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const candidate = join(dir, relativePath);
    if (existsSync(candidate)) return { path: candidate, tried };
    tried.push(candidate);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return { tried };
}
