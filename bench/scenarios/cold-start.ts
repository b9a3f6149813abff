/**
 * Start-up of the bundled action under the runner's Node: from spawn to the first request the
 * fake receives (the runner's OIDC token endpoint) and to the first AWS call (STS), against a
 * bare `node -e 0` and the bundle loading and stopping at its input check; the bundle's size;
 * peak memory of the same processes.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startFakeAws } from '../../test/support/fake-aws/index.js';
import { nodeVersion } from '../lib/machine.js';
import { median } from '../lib/stats.js';
import { runTimed } from '../lib/spawn-action.js';

const USAGE_PRELOAD = new URL('../lib/usage-at-exit.js', import.meta.url).href;

export interface StartupRow {
  readonly what: string;
  /** Median and range (ms) from spawn. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export interface ColdStart {
  /** The binary (relative to the repository when inside it) and its version. */
  readonly node: string;
  readonly version: string;
  readonly rows: readonly StartupRow[];
  readonly memory: readonly { what: string; maxRssKiB: number }[];
}

export interface BundleSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

function row(what: string, values: number[]): StartupRow {
  return {
    what,
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/** Spawns a process and resolves with its exit time (and peak RSS if preloaded). */
async function timeProcess(
  node: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  memory: boolean,
): Promise<{ ms: number; maxRssKiB?: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'mwaa-bench-proc-'));
  const usageFile = join(dir, 'usage.json');
  const start = Date.now();
  const child = spawn(node, memory ? ['--import', USAGE_PRELOAD, ...args] : args, {
    env: { ...env, ...(memory ? { BENCH_USAGE_FILE: usageFile } : {}) },
    cwd,
    stdio: 'ignore',
  });
  const end = await new Promise<number>((done) => child.on('exit', () => done(Date.now())));
  let maxRssKiB: number | undefined;
  if (memory) {
    maxRssKiB = (JSON.parse(await readFile(usageFile, 'utf8')) as { maxRssKiB: number }).maxRssKiB;
  }
  await rm(dir, { recursive: true, force: true });
  return { ms: end - start, ...(maxRssKiB !== undefined ? { maxRssKiB } : {}) };
}

export async function coldStart(options: {
  readonly root: string;
  readonly node: string;
  readonly bundle: string;
  readonly runs: number;
}): Promise<ColdStart> {
  const { root, node, bundle, runs } = options;
  const bare = { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/dev/null' };
  const baseline: number[] = [];
  const loadOnly: number[] = [];
  const firstRequest: number[] = [];
  const firstAws: number[] = [];
  const firstCfn: number[] = [];
  // One warm-up of each, so the file cache is the same for every measured run.
  await timeProcess(node, ['-e', '0'], bare, root, false);
  await timeProcess(node, [bundle], bare, root, false);
  for (let i = 0; i < runs; i++) {
    baseline.push((await timeProcess(node, ['-e', '0'], bare, root, false)).ms);
    loadOnly.push((await timeProcess(node, [bundle], bare, root, false)).ms);
  }
  const aws = await startFakeAws({ changeSetReadyMs: 50, resourceMs: 5 });
  try {
    for (let i = 0; i < runs; i++) {
      const from = aws.calls.length;
      const run = await runTimed({
        node,
        bundle,
        cwd: root,
        env: aws.env(),
        inputs: {
          mode: 'plan',
          'environment-name': 'analytics',
          'aws-region': 'us-east-1',
          'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa-deploy-bench',
          comment: 'never',
        },
      });
      if (run.code !== 0) throw new Error(`The plan run failed:\n${run.stdout.slice(-2000)}`);
      const calls = aws.calls.slice(from);
      const at = (p: (c: (typeof calls)[number]) => boolean) =>
        (calls.find(p)?.time.getTime() ?? Number.NaN) - run.spawnedAt;
      firstRequest.push(at(() => true));
      firstAws.push(at((c) => c.service !== 'oidc'));
      firstCfn.push(at((c) => c.service === 'cloudformation'));
    }
  } finally {
    await aws.close();
  }
  const memory = [
    {
      what: '`node -e 0` (the runtime alone)',
      maxRssKiB: (await timeProcess(node, ['-e', '0'], bare, root, true)).maxRssKiB ?? Number.NaN,
    },
    {
      what: 'the bundle, loaded and stopped at the input check',
      maxRssKiB: (await timeProcess(node, [bundle], bare, root, true)).maxRssKiB ?? Number.NaN,
    },
  ];
  return {
    node: relative(root, node).startsWith('..') ? node : relative(root, node),
    version: nodeVersion(node),
    rows: [
      row('`node -e 0`: runtime start and exit', baseline),
      row('bundle loaded, inputs refused, exited (no AWS call)', loadOnly),
      row('first request (OIDC token from the runner)', firstRequest),
      row('first AWS call (STS AssumeRoleWithWebIdentity)', firstAws),
      row('first CloudFormation call', firstCfn),
    ],
    memory,
  };
}

/**
 * The action's bundle: its entry and every chunk beside it (the parts loaded only when a mode
 * needs them), then the CLI's bundle when there is one.
 */
export function bundleSizes(root: string, bundle: string): BundleSize[] {
  const dir = dirname(bundle);
  const files = [
    bundle,
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.js') && join(dir, f) !== bundle)
      .sort()
      .map((f) => join(dir, f)),
    join(root, 'dist', 'cli', 'index.js'),
  ].filter((f) => existsSync(f));
  return files.map((path) => ({
    file: relative(root, path),
    bytes: statSync(path).size,
    gzipBytes: gzipSync(readFileSync(path), { level: 9 }).length,
  }));
}
