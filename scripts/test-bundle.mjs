/**
 * Jest global setup: build the bundle the end-to-end tests run from the current sources (the
 * action, and the command line's shim in cli/), into .tmp/test-bundle/ (not dist/, which is
 * committed and checked separately by .ci/run).
 * Without this, a change to src/ would be tested against the last committed bundle.
 *
 * The build is skipped when nothing it depends on changed since the last one (a hash of src/,
 * package.json, package-lock.json and tsconfig.json), so repeated `npm test` runs stay fast.
 * MWAA_DEPLOY_TEST_BUNDLE=dist runs the tests against the committed dist/ instead.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asciiBundle } from './ascii-bundle.mjs';
import { writeCliShim } from './cli-shim.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TEST_BUNDLE_DIR = join(ROOT, '.tmp', 'test-bundle');

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

function sourceHash() {
  const hash = createHash('sha256');
  const inputs = [...files(join(ROOT, 'src'))];
  for (const name of [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'scripts/cli-shim.mjs',
    'scripts/ascii-bundle.mjs',
  ])
    inputs.push(join(ROOT, name));
  for (const path of inputs) {
    hash.update(relative(ROOT, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export default function buildTestBundle() {
  if (process.env.MWAA_DEPLOY_TEST_BUNDLE === 'dist') return;
  const stamp = join(TEST_BUNDLE_DIR, '.source-hash');
  const hash = sourceHash();
  if (
    existsSync(stamp) &&
    existsSync(join(TEST_BUNDLE_DIR, 'index.js')) &&
    existsSync(join(TEST_BUNDLE_DIR, 'cli', 'index.js')) &&
    readFileSync(stamp, 'utf8') === hash
  ) {
    return;
  }
  mkdirSync(TEST_BUNDLE_DIR, { recursive: true });
  process.stderr.write(
    '\nBuilding the action bundle the end-to-end tests run (.tmp/test-bundle/)...\n',
  );
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
      'build',
      'src/bundle.ts',
      '-o',
      TEST_BUNDLE_DIR,
      '--target',
      'es2022',
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // ASCII-only sources and the command line of the same bundle, as `npm run package` makes dist/.
  asciiBundle(TEST_BUNDLE_DIR);
  writeCliShim(TEST_BUNDLE_DIR);
  writeFileSync(stamp, hash);
}
