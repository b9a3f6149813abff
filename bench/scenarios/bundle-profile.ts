/**
 * What dist/index.js and its chunks are made of and where start-up time goes. Each file (ncc/
 * webpack) is an ES module holding numbered CommonJS modules; each is classified by what it contains (an
 * AWS SDK client, the action's own code, undici, the SDK's runtime). Then the bundle is loaded
 * under a CPU profile (no inputs: it loads, refuses the inputs and exits, before any AWS call)
 * and each sample is charged to the SDK client whose module is on its stack, or else to the
 * module (or V8/Node activity) it was in. Heuristic, but it shows the hot spots.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { median } from '../lib/stats.js';

export interface Category {
  readonly name: string;
  readonly bytes: number;
  readonly modules: number;
  /** Median CPU time charged to it while loading, ms. */
  readonly loadMs: number;
}

export interface BundleProfile {
  readonly runs: number;
  /** Total sampled time of a load, median, ms. */
  readonly totalMs: number;
  /** V8 compiling the bundle (compileSourceTextModule), median, ms. */
  readonly compileMs: number;
  readonly categories: readonly Category[];
  /** Node start-up, garbage collection and the rest, median ms. */
  readonly other: readonly { readonly name: string; readonly loadMs: number }[];
}

interface Module {
  readonly start: number;
  readonly category: string;
  readonly bytes: number;
}

function classify(text: string): string {
  const client = /createAggregatedClient\(commands, (\w+)/.exec(text)?.[1];
  if (client) return `AWS SDK client: ${client}`;
  if (/CONCATENATED MODULE: \.\/src\//.test(text))
    return 'the action (src/) with @actions/*, Octokit, js-yaml (concatenated)';
  if (/undici/i.test(text)) return 'undici (HTTP client of @actions/*)';
  if (/smithy|aws-sdk|@aws|AWS_/i.test(text)) return 'AWS SDK core and Smithy runtime';
  return 'other CommonJS modules';
}

/** The bundle's modules, in file order, by their `/***\/ <id>:` headers. */
export function bundleModules(source: string): Module[] {
  const lines = source.split('\n');
  const modules: Module[] = [];
  let start = -1;
  let chunk: string[] = [];
  const flush = () => {
    if (start < 0) return;
    const text = chunk.join('\n');
    modules.push({ start, category: classify(text), bytes: Buffer.byteLength(text) + 1 });
  };
  lines.forEach((line, i) => {
    if (/^\/\*\*\*\/ \d+:$/.test(line)) {
      flush();
      start = i;
      chunk = [];
    }
    if (start >= 0) chunk.push(line);
  });
  flush();
  return modules;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

function moduleAt(modules: readonly Module[], line: number): Module | undefined {
  let lo = 0;
  let hi = modules.length - 1;
  let found: Module | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (modules[mid]!.start <= line) {
      found = modules[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Charges each sample of one profile; returns ms by category. */
function charge(profile: CpuProfile, files: ReadonlyMap<string, readonly Module[]>) {
  const modulesOf = (url: string) => files.get(url.split('/').pop() ?? '');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number): string => {
    const leaf = byId.get(id)!.callFrame;
    // An SDK client on the stack takes the sample (its module's evaluation calls shared code).
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame;
      const modules = modulesOf(f.url);
      if (!modules) continue;
      const c = moduleAt(modules, f.lineNumber)?.category;
      if (c?.startsWith('AWS SDK client')) return c;
    }
    if (leaf.functionName === 'compileSourceTextModule') return 'compile';
    const modules = modulesOf(leaf.url);
    if (modules) return moduleAt(modules, leaf.lineNumber)?.category ?? 'bundle runtime (webpack)';
    if (leaf.functionName === '(garbage collector)') return 'garbage collection';
    if (leaf.url.startsWith('node:')) return 'Node internals (start-up, module loader, fs)';
    return 'native and unattributed (read, decode, program)';
  };
  const ms = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = label(id);
    ms.set(key, (ms.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return ms;
}

async function profileOnce(node: string, bundle: string, cwd: string): Promise<CpuProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'mwaa-bench-prof-'));
  try {
    const child = spawn(
      node,
      ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', bundle],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/dev/null' },
        stdio: 'ignore',
      },
    );
    await new Promise((done) => child.on('exit', done));
    const [file] = await readdir(dir);
    if (!file) throw new Error('no CPU profile written');
    return JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function bundleProfile(options: {
  readonly node: string;
  readonly bundle: string;
  readonly cwd: string;
  readonly runs: number;
}): Promise<BundleProfile> {
  // The entry and the chunks beside it (loaded by dynamic imports when a mode needs them).
  const dir = dirname(options.bundle);
  const names = (await readdir(dir)).filter((f) => f.endsWith('.js'));
  const files = new Map<string, Module[]>();
  for (const name of names) files.set(name, bundleModules(await readFile(join(dir, name), 'utf8')));
  const bytes = new Map<string, { bytes: number; modules: number }>();
  for (const m of [...files.values()].flat()) {
    const e = bytes.get(m.category) ?? { bytes: 0, modules: 0 };
    bytes.set(m.category, { bytes: e.bytes + m.bytes, modules: e.modules + 1 });
  }
  const runs: Map<string, number>[] = [];
  const totals: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const profile = await profileOnce(options.node, options.bundle, options.cwd);
    runs.push(charge(profile, files));
    totals.push(profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000);
  }
  const medianOf = (key: string) => median(runs.map((r) => r.get(key) ?? 0));
  const keys = new Set(runs.flatMap((r) => [...r.keys()]));
  const categories = [...bytes]
    .map(([category, b]) => ({ name: category, ...b, loadMs: medianOf(category) }))
    .sort((a, b) => b.bytes - a.bytes);
  const other = [...keys]
    .filter((k) => k !== 'compile' && !bytes.has(k))
    .map((k) => ({ name: k, loadMs: medianOf(k) }))
    .sort((a, b) => b.loadMs - a.loadMs);
  return {
    runs: options.runs,
    totalMs: median(totals),
    compileMs: medianOf('compile'),
    categories,
    other,
  };
}
