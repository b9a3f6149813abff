/**
 * `npm run bench:code`: the release-time code benchmark (bench/scenarios/code-sync.ts), written
 * into BENCHMARKS.md between its markers; the rest of the file (`npm run bench`) is left as it is.
 * Compiled by bench/tsconfig.json into .tmp/bench/ and run as .tmp/bench/bench/code-sync.js.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { withCodeSection } from './lib/code-section.js';
import { codeSyncBench, codeSyncSection } from './scenarios/code-sync.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const rows = [];
for (const encryption of ['AES256', 'aws:kms'] as const) {
  process.stderr.write(`code sync, ${encryption}\n`);
  rows.push(await codeSyncBench({ files: 2_000, encryption }));
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const target = join(ROOT, 'BENCHMARKS.md');
const text = withCodeSection(readFileSync(target, 'utf8'), codeSyncSection(rows, machine));
const config = (await prettier.resolveConfig(target)) ?? {};
writeFileSync(target, await prettier.format(text, { ...config, filepath: target }));
process.stderr.write(`wrote ${target}\n${JSON.stringify(rows, null, 2)}\n`);
