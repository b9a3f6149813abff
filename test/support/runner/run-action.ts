/**
 * Runs the bundled action (built from the sources, see BUNDLE) the way the Actions runner does: a fresh Node process
 * (Node 24 when NODE24_BIN is set, as .ci/run does), inputs as INPUT_<NAME> variables, outputs
 * and job summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * The bundle under test: built from the current sources into .tmp/test-bundle/ by jest's global
 * setup (scripts/test-bundle.mjs); MWAA_DEPLOY_TEST_BUNDLE=dist runs the committed dist/ instead.
 */
export const BUNDLE =
  process.env.MWAA_DEPLOY_TEST_BUNDLE === 'dist'
    ? join(ROOT, 'dist', 'index.js')
    : join(ROOT, '.tmp', 'test-bundle', 'index.js');

/** The Node binary the runner would use: Node 24 when CI provides it. */
export function runnerNode(): string {
  return process.env.NODE24_BIN || process.execPath;
}

export interface ActionRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  /** The plan file's JSON, when one was written. */
  readonly plan?: unknown;
  /** Everything the run wrote, for secret scans. */
  readonly everything: string;
  readonly runnerTemp: string;
}

export interface RunActionOptions {
  readonly inputs: Readonly<Record<string, string>>;
  /** Extra environment (AWS endpoint, OIDC variables, credentials). */
  readonly env?: Readonly<Record<string, string>>;
  /** Send this signal after the given milliseconds (job cancellation). */
  readonly killAfter?: { ms: number; signal: NodeJS.Signals };
  /** Wait for this text on stdout before starting the killAfter timer. */
  readonly killWhen?: string;
  readonly timeoutMs?: number;
}

/** Parses the GITHUB_OUTPUT file: `name<<DELIM` heredocs (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

/**
 * A runner's environment for one run in `temp`: the files behind GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY (created empty), RUNNER_TEMP, the run's identity, and the inputs as
 * INPUT_<NAME> variables (upper-cased, hyphens kept: INPUT_ROLE-TO-ASSUME).
 */
export async function runnerEnvironment(
  temp: string,
  inputs: Readonly<Record<string, string>>,
  extra: Readonly<Record<string, string>> = {},
): Promise<{
  env: Record<string, string>;
  outputFile: string;
  summaryFile: string;
  runnerTemp: string;
}> {
  const outputFile = join(temp, 'output');
  const summaryFile = join(temp, 'summary');
  const runnerTemp = join(temp, 'runner-temp');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: temp,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REPOSITORY: 'octo/infra',
    GITHUB_SHA: 'f'.repeat(40),
    AWS_SUPPRESS_NODE_VERSION_WARNING: '1',
    ...extra,
  };
  for (const [name, value] of Object.entries(inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return { env, outputFile, summaryFile, runnerTemp };
}

/** Runs the bundle once and collects what it produced. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const temp = await mkdtemp(join(tmpdir(), 'mwaa-deploy-run-'));
  const { env, outputFile, summaryFile, runnerTemp } = await runnerEnvironment(
    temp,
    options.inputs,
    options.env,
  );
  const child = spawn(runnerNode(), [BUNDLE], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killTimer: NodeJS.Timeout | undefined;
  const armKill = () => {
    if (options.killAfter && !killTimer) {
      const { ms, signal } = options.killAfter;
      killTimer = setTimeout(() => child.kill(signal), ms);
    }
  };
  if (options.killAfter && !options.killWhen) armKill();
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (options.killWhen && stdout.includes(options.killWhen)) armKill();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
    child.on('close', (c, s) => done([c, s])),
  );
  clearTimeout(timeout);
  if (killTimer) clearTimeout(killTimer);
  const outputText = await readFile(outputFile, 'utf8');
  const summary = await readFile(summaryFile, 'utf8');
  let planText = '';
  try {
    const { readdir } = await import('node:fs/promises');
    for (const f of await readdir(runnerTemp))
      planText += await readFile(join(runnerTemp, f), 'utf8');
  } catch {
    // No plan file written.
  }
  await rm(temp, { recursive: true, force: true });
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(outputText),
    summary,
    plan: planText ? JSON.parse(planText) : undefined,
    everything: [stdout, stderr, outputText, summary, planText].join('\n'),
    runnerTemp,
  };
}
