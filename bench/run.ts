/**
 * `npm run bench`: measured runs of the bundled action against the fake AWS with a latency
 * model, the poll model for long waits, cold start, bundle size and memory, and rendering of
 * synthetic plans; writes BENCHMARKS.md (or, with --quick, .tmp/BENCHMARKS.quick.md).
 *
 * Compiled by bench/tsconfig.json into .tmp/bench/ and run from there as
 * .tmp/bench/bench/run.js, so the repository root is three folders up.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { DEFAULT_POLL_POLICY } from '../src/shared/poll.js';
import { describeMachine, resolveRunnerNode } from './lib/machine.js';
import { keepCodeSection } from './lib/code-section.js';
import { notesFor } from './notes.js';
import { renderReport } from './report.js';
import type { Results } from './report.js';
import { actionBench } from './scenarios/action-runs.js';
import { bundleProfile } from './scenarios/bundle-profile.js';
import { bundleSizes, coldStart } from './scenarios/cold-start.js';
import { instantBench } from './scenarios/instant-runs.js';
import { instantTable } from './report-instant.js';
import { pollModel, policyWhatIf } from './scenarios/poll-model.js';
import { validatePollModel } from './scenarios/poll-validation.js';
import { renderBench } from './scenarios/render.js';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(OUT, '../..');
/** The bundle measured: dist/index.js, or another build of the sources (BENCH_BUNDLE). */
const BUNDLE = resolve(ROOT, process.env.BENCH_BUNDLE ?? join('dist', 'index.js'));
const quick = process.argv.includes('--quick');
const instantOnly = process.argv.includes('--instant-only');
const log = (line: string) => process.stderr.write(`${line}\n`);

if (!existsSync(BUNDLE)) {
  log(`${BUNDLE} is missing: run 'npm run package' first.`);
  process.exit(1);
}
// The render factories read ../../../templates from where they are compiled.
if (!existsSync(join(OUT, 'templates'))) {
  mkdirSync(OUT, { recursive: true });
  symlinkSync(join(ROOT, 'templates'), join(OUT, 'templates'), 'dir');
}
// The moto launcher is Python: tsc does not copy it next to the compiled moto helpers.
const LAUNCHER = join('test', 'support', 'moto', 'launcher.py');
if (existsSync(join(OUT, dirname(LAUNCHER))))
  copyFileSync(join(ROOT, LAUNCHER), join(OUT, LAUNCHER));

/**
 * The compiled benchmark is removed once it has run: `npm run lint` (ESLint does not read
 * .gitignore) would otherwise lint the generated JavaScript under .tmp/bench. The results
 * (results.json) stay.
 */
function removeBuild(): void {
  for (const dir of ['bench', 'src', 'test', 'templates', '.tsbuildinfo'])
    rmSync(join(OUT, dir), { recursive: true, force: true });
}

async function main(): Promise<void> {
  const started = Date.now();
  const runner = resolveRunnerNode(ROOT);
  const machine = describeMachine(ROOT, runner, BUNDLE);
  log(`mwaa-deploy benchmarks${quick ? ' (quick)' : ''}: action under ${machine.runnerNode}`);
  if (machine.dirty.length > 0)
    log(`note: uncommitted changes under src/, dist/ or templates/: ${machine.dirty.join(', ')}`);

  log('instant backends: first deploy, no-change deploy, plan');
  const instant = await instantBench({
    root: ROOT,
    node: runner.path,
    bundle: BUNDLE,
    runs: quick ? 1 : 3,
    log,
  });
  if (instantOnly) {
    process.stdout.write(`\n${instantTable(instant)}\n`);
    return;
  }

  log('cold start');
  const runs = quick ? 3 : 7;
  const cold = [await coldStart({ root: ROOT, node: runner.path, bundle: BUNDLE, runs })];
  if (machine.runnerNode !== process.version) {
    log(`cold start under ${process.version}, for comparison`);
    cold.push(await coldStart({ root: ROOT, node: process.execPath, bundle: BUNDLE, runs }));
  }

  log('start-up profile of the bundle');
  const profile = await bundleProfile({
    node: runner.path,
    bundle: BUNDLE,
    cwd: ROOT,
    runs: quick ? 1 : 3,
  });

  log('rendering');
  const render = renderBench([10, 100, 1_000, 5_000], quick);

  log('plan and deploy against the fake AWS');
  const scenarios = await actionBench({
    root: ROOT,
    node: runner.path,
    bundle: BUNDLE,
    quick,
    log,
  });

  log('poll model');
  const minute = 60_000;
  const poll = await pollModel([10_000, minute, 5 * minute, 30 * minute], quick ? 100 : 1000);
  const scaled = scenarios.find((s) => s.id === 'deploy-scaled');
  const validation = scaled ? await validatePollModel(scaled, quick ? 100 : 1000) : [];
  const variants = await policyWhatIf(
    [
      {
        label: `current: ${DEFAULT_POLL_POLICY.firstDelayMs / 1000} s doubling to ${DEFAULT_POLL_POLICY.minDelayMs / 1000} s, then ${DEFAULT_POLL_POLICY.fraction * 100}%, cap ${DEFAULT_POLL_POLICY.maxDelayMs / 1000} s`,
        policy: DEFAULT_POLL_POLICY,
      },
      {
        label: 'previous: from 0.5 s, then 9.8%, cap 150 s',
        policy: { ...DEFAULT_POLL_POLICY, firstDelayMs: 500, minDelayMs: 500 },
      },
      {
        label: '0.1 s doubling to 0.5 s, then 9.8%, cap 150 s',
        policy: { ...DEFAULT_POLL_POLICY, minDelayMs: 500 },
      },
      {
        label: '0.1 s doubling to 1 s, then 9.8%, cap 150 s',
        policy: { ...DEFAULT_POLL_POLICY, minDelayMs: 1000 },
      },
      {
        label: '0.1 s doubling to 0.7 s, then 9.8%, no cap',
        policy: { ...DEFAULT_POLL_POLICY, maxDelayMs: Infinity },
      },
    ],
    [10_000, minute, 5 * minute, 30 * minute],
    quick ? 50 : 300,
  );

  const results: Results = {
    machine,
    quick,
    durationMs: Date.now() - started,
    loadAtEnd: loadavg()[0] ?? Number.NaN,
    instant,
    coldStart: cold,
    bundles: bundleSizes(ROOT, BUNDLE),
    profile,
    scenarios,
    pollModel: poll,
    validation,
    variants,
    render,
  };
  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, mapsAsObjects, 2));
  await writeReport(results);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** BENCHMARKS.md (or the quick one), formatted as `npm run format` would, so format:check passes. */
async function writeReport(results: Results): Promise<void> {
  const target = results.quick
    ? join(ROOT, '.tmp', 'BENCHMARKS.quick.md')
    : join(ROOT, 'BENCHMARKS.md');
  const config = (await prettier.resolveConfig(target)) ?? {};
  const markdown = await prettier.format(renderReport(results, notesFor(results)), {
    ...config,
    filepath: target,
  });
  // The release-time code section is written by `npm run bench:code`; keep it.
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  writeFileSync(target, keepCodeSection(previous, markdown));
  log(`wrote ${target}`);
}

/** --report-only: the report again from .tmp/bench/results.json, without measuring. */
async function reportOnly(): Promise<void> {
  const text = readFileSync(join(OUT, 'results.json'), 'utf8');
  await writeReport(
    JSON.parse(text, (key, value: unknown) =>
      key === 'byKind' ? new Map(Object.entries(value as Record<string, number>)) : value,
    ) as Results,
  );
}

try {
  await (process.argv.includes('--report-only') ? reportOnly() : main());
} finally {
  removeBuild();
}

function mapsAsObjects(key: string, value: unknown): unknown {
  if (key === 'params') return undefined;
  return value instanceof Map ? Object.fromEntries(value) : value;
}
