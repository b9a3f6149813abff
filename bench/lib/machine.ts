/** The machine, the runtimes and the code a benchmark run measured. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';

export interface Machine {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly benchNode: string;
  readonly runnerNode: string;
  readonly runnerNodePath: string;
  /** Why the runner's Node is not Node 24, when it is not. */
  readonly runnerNodeNote?: string;
  readonly commit: string;
  /** Uncommitted changes under src/ or dist/ when the benchmark ran. */
  readonly dirty: readonly string[];
  /** The bundle measured, relative to the repository (dist/index.js unless BENCH_BUNDLE). */
  readonly bundle: string;
  readonly bundleSha256: string;
  /** 1-minute load average when the benchmark started (other processes compete for the CPU). */
  readonly loadAtStart: number;
}

function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1];
    if (model) return model.trim();
  } catch {
    // Not Linux: os.cpus() below.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

function git(root: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/**
 * The Node the runner gives the action (`runs.using: node24`): NODE24_BIN, else the one
 * scripts/node24.sh prints (installing it into .tmp/node24 once), else this Node, with a note.
 */
export function resolveRunnerNode(root: string): { path: string; note?: string } {
  if (process.env.NODE24_BIN) return { path: process.env.NODE24_BIN };
  try {
    const path = execFileSync(join(root, 'scripts', 'node24.sh'), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    if (path) return { path };
  } catch (error) {
    return {
      path: process.execPath,
      note: `scripts/node24.sh failed (${(error as Error).message.split('\n')[0]}); measured with ${process.version} instead`,
    };
  }
  return { path: process.execPath, note: `no Node 24 found; measured with ${process.version}` };
}

export function nodeVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(
  root: string,
  runner: { path: string; note?: string },
  bundlePath: string,
): Machine {
  const bundle = readFileSync(bundlePath);
  const dirty = git(root, ['status', '--porcelain', '--', 'src', 'dist', 'templates'])
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    cpu: cpuModel(),
    cores: os.availableParallelism?.() ?? os.cpus().length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    benchNode: process.version,
    runnerNode: nodeVersion(runner.path),
    runnerNodePath: runner.path,
    ...(runner.note ? { runnerNodeNote: runner.note } : {}),
    commit: git(root, ['rev-parse', '--short=12', 'HEAD']) || 'unknown',
    dirty,
    bundle: relative(root, bundlePath),
    bundleSha256: createHash('sha256').update(bundle).digest('hex').slice(0, 16),
    loadAtStart: os.loadavg()[0] ?? Number.NaN,
  };
}
