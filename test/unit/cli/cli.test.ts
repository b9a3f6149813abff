import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main.js';
import { INPUT_NAMES } from '../../../src/settings/index.js';
import { startFakeAws } from '../../support/fake-aws/index.js';

async function cli(argv: string[], env: Record<string, string> = {}, outputDir?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env,
    ...(outputDir ? { outputDir } : {}),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('the mwaa-deploy command line', () => {
  it('prints help with every input as a flag, and per-command help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    for (const name of INPUT_NAMES.filter((n) => n !== 'mode'))
      expect(help.stdout).toContain(`--${name} <value>`);
    const planHelp = await cli(['plan', '--help']);
    expect(planHelp.stdout).toMatch(/^Usage: mwaa-deploy plan/);
    expect(planHelp.stdout).toContain('--offline');
    expect((await cli(['render', '-h'])).stdout).toContain('--plan-file');
  });

  it('exits 2 on a bad command line or bad inputs, naming the problem', async () => {
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['destroy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'destroy'");
    const bad = await cli([
      'plan',
      '--offline',
      '--kms-key',
      'alias/x',
      '--key-mode',
      'customer-managed',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Invalid input 'kms-key'");
    expect((await cli(['plan', '--no-such-flag'])).code).toBe(2);
  });

  it('plans offline as the PR comment would show it, writes it to files, and renders it back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mwaa-cli-'));
    const run = await cli(
      ['plan', '--offline', '--environment-name', 'analytics', '--key-mode', 'customer-managed'],
      {},
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('## MWAA plan: analytics');
    expect(run.stdout).toMatch(/\| analytics-mwaa-prerequisites \| MISSING \| create .*\| 7 \|/);
    expect(await readFile(join(dir, 'plan-analytics.md'), 'utf8')).toBe(run.stdout);
    const planFile = join(dir, 'plan-analytics.json');
    const text = await cli(['render', '--plan-file', planFile]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('analytics-vpc');
    expect(text.stdout).not.toContain('| --- |');
    const json = await cli(['render', '--plan-file', planFile, '--format', 'json']);
    expect(JSON.parse(json.stdout).environmentName).toBe('analytics');
  });

  it('refuses a file that is not a plan', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'mwaa-cli-')), 'x.json');
    await writeFile(path, '{"hello": 1}');
    const run = await cli(['render', '--plan-file', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a version 1 mwaa-deploy plan');
  });

  it('plans against AWS with the ambient credentials, progress on stderr and JSON on stdout', async () => {
    const aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 2 });
    try {
      const env = {
        AWS_ENDPOINT_URL: aws.url,
        AWS_ACCESS_KEY_ID: 'AKIAFAKE',
        AWS_SECRET_ACCESS_KEY: 'fake',
        AWS_SUPPRESS_NODE_VERSION_WARNING: '1',
      };
      // The SDK reads its credential chain and endpoint from the process environment.
      const saved = { ...process.env };
      Object.assign(process.env, env);
      const run = await cli(
        ['plan', '--environment-name', 'cli-env', '--aws-region', 'us-east-1', '--json'],
        env,
      ).finally(() => {
        for (const key of Object.keys(env)) delete process.env[key];
        Object.assign(process.env, saved);
      });
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result.plan.stacks.map((s: { stackName: string }) => s.stackName)).toEqual([
        'cli-env-vpc',
        'cli-env-mwaa-prerequisites',
      ]);
      expect(aws.stack('cli-env-vpc')).toBeUndefined();
    } finally {
      await aws.close();
    }
  });
});
