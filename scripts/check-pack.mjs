#!/usr/bin/env node
/**
 * What `npm pack` would publish, checked (run after `npm run build`):
 *   - the LICENSE, README and CHANGELOG are in it;
 *   - every source map's `sources` point at files that are in it too (a map into a folder that
 *     is not shipped only makes debuggers and bundlers warn);
 *   - every lib/ module has its declaration, and nothing from test/, dist/ or .tmp/ slipped in.
 * Exits 1 listing every problem.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(
  execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
const files = new Set(pack.files.map((f) => normalize(f.path)));
const problems = [];

for (const required of ['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'action.yml']) {
  if (!files.has(required)) problems.push(`${required} is not in the package`);
}
if (![...files].some((f) => f.startsWith('lib/'))) {
  problems.push('lib/ is empty: run `npm run build` first');
}
for (const file of files) {
  if (/^(test|dist|\.tmp|bench)\//.test(file)) problems.push(`${file} should not be published`);
  if (/^lib\/.*\.js$/.test(file) && !files.has(file.replace(/\.js$/, '.d.ts'))) {
    problems.push(`${file} has no declaration file`);
  }
  if (!file.endsWith('.map')) continue;
  const map = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
  for (const source of map.sources ?? []) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), map.sourceRoot ?? '', source));
    if (!files.has(normalize(target))) problems.push(`${file} points at ${target}, not published`);
  }
}

if (problems.length > 0) {
  process.stderr.write(`npm pack would publish a broken package:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
process.stdout.write(
  `${pack.filename}: ${pack.entryCount} files, ${(pack.unpackedSize / 1024).toFixed(0)} KiB unpacked; LICENSE present, every source map resolves.\n`,
);
