/**
 * Runs the bundled action (dist/index.js) as the runner does, like test/support/runner, but
 * timed: when the process was spawned and when it exited (on this process's clock, the same
 * one the fake AWS stamps its calls with), and optionally its peak memory.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseOutputFile, runnerEnvironment } from '../../test/support/runner/run-action.js';

const USAGE_PRELOAD = new URL('./usage-at-exit.js', import.meta.url);

export interface TimedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  /** Date.now() just before spawn and when the process exited. */
  readonly spawnedAt: number;
  readonly exitedAt: number;
  /** Peak resident set size and CPU time (user + system) of the action's process, when asked for. */
  readonly maxRssKiB?: number;
  readonly cpuMs?: number;
  /** Where the memory was at exit (see usage-at-exit.ts), KiB. */
  readonly memory?: MemoryAtExit;
}

/** What usage-at-exit.ts records about memory, KiB. */
export interface MemoryAtExit {
  readonly heapKiB: number;
  readonly newSpaceKiB: number;
  readonly oldSpaceKiB: number;
  readonly peakMallocKiB: number;
  readonly externalKiB: number;
}

export interface TimedRunOptions {
  readonly node: string;
  readonly bundle: string;
  readonly cwd: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  /** Record peak memory and CPU time with a preloaded module (adds a few ms of start-up). */
  readonly measureMemory?: boolean;
  readonly timeoutMs?: number;
}

export async function runTimed(options: TimedRunOptions): Promise<TimedRun> {
  const temp = await mkdtemp(join(tmpdir(), 'mwaa-deploy-bench-'));
  const usageFile = join(temp, 'usage.json');
  const { env, outputFile } = await runnerEnvironment(temp, options.inputs, {
    ...(options.measureMemory ? { BENCH_USAGE_FILE: usageFile } : {}),
    // A heap snapshot of each measured run, each overwriting the last (usage-at-exit.ts).
    ...(options.measureMemory && process.env.BENCH_HEAP_SNAPSHOT
      ? { BENCH_HEAP_SNAPSHOT: process.env.BENCH_HEAP_SNAPSHOT }
      : {}),
    ...options.env,
  });
  const args = options.measureMemory
    ? ['--import', USAGE_PRELOAD.href, options.bundle]
    : [options.bundle];
  const spawnedAt = Date.now();
  const child = spawn(options.node, args, {
    env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
  let exitedAt = 0;
  child.on('exit', () => (exitedAt = Date.now()));
  const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
  clearTimeout(timeout);
  const outputs = parseOutputFile(await readFile(outputFile, 'utf8'));
  let usage: { maxRssKiB: number; cpuMs: number; memory?: MemoryAtExit } | undefined;
  if (options.measureMemory) {
    try {
      usage = JSON.parse(await readFile(usageFile, 'utf8')) as typeof usage;
    } catch {
      // The process died before its exit handler ran.
    }
  }
  await rm(temp, { recursive: true, force: true });
  return {
    code,
    stdout,
    stderr,
    outputs,
    spawnedAt,
    exitedAt,
    ...(usage ? { maxRssKiB: usage.maxRssKiB, cpuMs: usage.cpuMs, memory: usage.memory } : {}),
  };
}
