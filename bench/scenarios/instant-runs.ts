/**
 * The action against backends that answer at once, so what is left is the action's own cost:
 * start-up, round trips, poll delays it adds, memory. Issue 13 compares these runs with the
 * official aws-cloudformation-github-deploy measured the same way (its bundle under Node 24,
 * against moto): a first deploy of both stacks, a deploy with nothing to change, and a plan of
 * both stacks, each with the wall time (spawn to exit), the peak RSS and the API calls.
 *
 * Two backends: the fake AWS of test/support/fake-aws with an instant latency model (change
 * sets ready and resources done at once), and, where python3 can import moto, the patched moto
 * of test/support/moto (as the table was measured).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAws } from '../../test/support/fake-aws/index.js';
import { motoMissingReason, startPatchedMoto } from '../../test/support/moto/patched.js';
import { MOTO_CREDENTIALS } from '../../test/support/moto/server.js';
import { runTimed } from '../lib/spawn-action.js';
import type { MemoryAtExit } from '../lib/spawn-action.js';
import { editedTemplates } from './action-runs.js';

/** One measured run: wall time, peak memory, CPU, and the AWS calls it made. */
export interface InstantRun {
  readonly wallMs: number;
  readonly maxRssKiB: number;
  readonly cpuMs: number;
  readonly calls: number;
  readonly memory?: MemoryAtExit;
}

export interface InstantScenario {
  readonly id: 'deploy-first' | 'deploy-no-change' | 'plan-existing';
  readonly title: string;
  readonly runs: readonly InstantRun[];
  /** Why the runs failed on this backend (a backend's divergence from AWS), else undefined. */
  readonly failure?: string;
}

export interface InstantBackend {
  readonly backend: 'fake AWS, instant model' | 'moto';
  /**
   * cold: every run starts with an empty compile cache (NODE_COMPILE_CACHE, a new folder), as on
   * a fresh hosted runner, and pays for writing it; warm: the runs share one folder, filled by a
   * first run that is not counted, as a later step of the same job or a self-hosted runner.
   */
  readonly cache: 'cold' | 'warm';
  /** Why the backend was not measured (moto missing), else undefined. */
  readonly skipped?: string;
  readonly scenarios: readonly InstantScenario[];
}

export interface InstantBenchOptions {
  readonly root: string;
  readonly node: string;
  readonly bundle: string;
  readonly runs: number;
  readonly log: (line: string) => void;
}

interface Backend {
  readonly env: Record<string, string>;
  /** Inputs that select the credentials (a role through OIDC, or none for static keys). */
  readonly credentials: Record<string, string>;
  /** AWS calls so far. */
  calls(): Promise<number>;
}

const TITLES: Record<InstantScenario['id'], string> = {
  'deploy-first': 'First deploy, both stacks (new environment)',
  'deploy-no-change': 'Deploy with nothing to change, both stacks',
  'plan-existing': 'Plan, existing environment, both stacks changed',
};

async function measureAll(
  backend: Backend,
  cache: InstantBackend['cache'],
  options: InstantBenchOptions,
) {
  const shared = await mkdtemp(join(tmpdir(), 'mwaa-bench-cache-'));
  const one = async (inputs: Record<string, string>): Promise<InstantRun> => {
    const before = await backend.calls();
    const cacheDir = cache === 'warm' ? shared : await mkdtemp(join(tmpdir(), 'mwaa-bench-cache-'));
    const run = await runTimed({
      node: options.node,
      bundle: options.bundle,
      cwd: options.root,
      inputs: { 'aws-region': 'us-east-1', comment: 'never', ...backend.credentials, ...inputs },
      env: { ...backend.env, NODE_COMPILE_CACHE: cacheDir },
      measureMemory: true,
    });
    if (cacheDir !== shared) await rm(cacheDir, { recursive: true, force: true });
    if (run.code !== 0) {
      const error = /^::error::(.*)$/m.exec(run.stdout)?.[1];
      throw new Error(error ?? `exit ${String(run.code)}: ${run.stderr.slice(-500)}`);
    }
    return {
      wallMs: run.exitedAt - run.spawnedAt,
      maxRssKiB: run.maxRssKiB ?? Number.NaN,
      cpuMs: run.cpuMs ?? Number.NaN,
      calls: (await backend.calls()) - before,
      ...(run.memory ? { memory: run.memory } : {}),
    };
  };
  const edited = await editedTemplates(options.root);
  // Fills the shared cache (warm) with a plan and a deploy; not counted.
  if (cache === 'warm') {
    await one({ mode: 'deploy', 'environment-name': 'warmup' });
    await one({ mode: 'plan', 'environment-name': 'warmup', ...edited });
  }
  const runs = { 'deploy-first': [], 'deploy-no-change': [], 'plan-existing': [] } as Record<
    InstantScenario['id'],
    InstantRun[]
  >;
  const failures = new Map<InstantScenario['id'], string>();
  // A failed run is reported, not fatal: moto diverges from AWS in places (its own section says where).
  const record = async (id: InstantScenario['id'], inputs: Record<string, string>) => {
    try {
      runs[id].push(await one(inputs));
    } catch (error) {
      failures.set(id, (error as Error).message);
      options.log(`    ${id} failed: ${(error as Error).message}`);
    }
  };
  for (let i = 1; i <= options.runs; i++) {
    const environment = `instant${i}`;
    options.log(`  first deploy, no-change deploy and plan, run ${i}/${options.runs}`);
    await record('deploy-first', { mode: 'deploy', 'environment-name': environment });
    await record('deploy-no-change', { mode: 'deploy', 'environment-name': environment });
    await record('plan-existing', { mode: 'plan', 'environment-name': environment, ...edited });
  }
  await rm(shared, { recursive: true, force: true });
  return (Object.keys(runs) as InstantScenario['id'][]).map((id) => {
    const failure = failures.get(id);
    return { id, title: TITLES[id], runs: runs[id], ...(failure ? { failure } : {}) };
  });
}

async function fakeBackend(
  cache: InstantBackend['cache'],
  options: InstantBenchOptions,
): Promise<InstantBackend> {
  const aws = await startFakeAws({ changeSetReadyMs: 0, resourceMs: 0 });
  try {
    const scenarios = await measureAll(
      {
        env: aws.env(),
        credentials: { 'role-to-assume': 'arn:aws:iam::123456789012:role/mwaa-deploy-bench' },
        calls: () => Promise.resolve(aws.calls.length),
      },
      cache,
      options,
    );
    return { backend: 'fake AWS, instant model', cache, scenarios };
  } finally {
    await aws.close();
  }
}

async function motoBackend(options: InstantBenchOptions): Promise<InstantBackend> {
  const missing = motoMissingReason();
  if (missing) return { backend: 'moto', cache: 'cold', skipped: missing, scenarios: [] };
  const moto = await startPatchedMoto();
  try {
    const scenarios = await measureAll(
      {
        env: {
          AWS_ENDPOINT_URL: moto.url,
          AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
        },
        credentials: {},
        calls: async () => (await moto.servicesCalled()).length,
      },
      'cold',
      options,
    );
    return { backend: 'moto', cache: 'cold', scenarios };
  } finally {
    await moto.stop();
  }
}

/** Both backends with a cold compile cache (the targets), then the fake with a warm one. */
export async function instantBench(options: InstantBenchOptions): Promise<InstantBackend[]> {
  options.log('  fake AWS, instant latency model, cold compile cache');
  const fake = await fakeBackend('cold', options);
  options.log('  moto, cold compile cache');
  const moto = await motoBackend(options);
  options.log('  fake AWS, instant latency model, warm compile cache');
  const warm = await fakeBackend('warm', options);
  return [fake, moto, warm];
}
