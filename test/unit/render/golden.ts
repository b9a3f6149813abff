/**
 * Golden files: the expected output committed under golden/. `UPDATE_GOLDEN=1 npm test`
 * rewrites them (review the diff before committing); otherwise any difference fails.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('./golden/', import.meta.url));

export function expectGolden(name: string, actual: string): void {
  const path = `${DIR}${name}.golden`;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`No golden file ${path}: run with UPDATE_GOLDEN=1 to write it.`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
