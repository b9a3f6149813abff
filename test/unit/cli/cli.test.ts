import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inputsOf } from '../../../src/cli/commands.js';
import { main } from '../../../src/cli/main.js';
import { INPUT_NAMES } from '../../../src/settings/index.js';
import { VERSION } from '../../../src/version.js';
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
  it('prints per-command help with the inputs that command uses and their meaning', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mwaa-deploy <command>/);
    const planHelp = await cli(['plan', '--help']);
    expect(planHelp.stdout).toMatch(/^Usage: mwaa-deploy plan/);
    expect(planHelp.stdout).toContain('--offline');
    expect(planHelp.stdout).toContain('--environment-name <value>  (required)');
    expect(planHelp.stdout).toContain('--vpc-cidr <value>  (default: 10.192.0.0/16)');
    // The description comes from action.yml, as in the README's table.
    expect(planHelp.stdout).toContain('IPv4 CIDR of the VPC');
    const verifyHelp = (await cli(['verify', '--help'])).stdout;
    // verify checks the deployed stacks: no template parameter, drift detection or code sync.
    for (const unused of [
      '--comment',
      '--github-token',
      '--vpc-cidr',
      '--tags',
      '--offline',
      '--permissions-boundary',
      '--drift-timeout-seconds',
      '--dags-path',
      '--dag-deletion-limit',
    ]) {
      expect(verifyHelp).not.toContain(unused);
    }
    expect(verifyHelp).toContain('--key-mode <value>');
    // The environment stack's wait budget: plan waits for a busy stack, deploy for its operation.
    expect(planHelp.stdout).toContain('--environment-timeout-minutes <value>  (default: 120)');
    expect(verifyHelp).not.toContain('--environment-timeout-minutes');
    for (const name of INPUT_NAMES.filter((n) => n !== 'mode')) {
      expect(planHelp.stdout.includes(`--${name} `)).toBe(inputsOf('plan').includes(name));
    }
    expect((await cli(['render', '-h'])).stdout).toContain('--plan-file');
    expect(await cli(['help', 'deploy'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Usage: mwaa-deploy deploy/),
    });
    expect((await cli(['help'])).stdout).toBe(help.stdout);
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('exits 2 on a bad command line or bad inputs, naming the problem and pointing to help', async () => {
    expect((await cli([])).code).toBe(2);
    const unknown = await cli(['destroy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command 'destroy'");
    expect((await cli(['veryfy'])).stderr).toContain("Did you mean 'verify'?");
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
    expect(bad.stderr).toContain("Run 'mwaa-deploy plan --help'");
    expect(await cli(['plan', '--enviroment-name', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "Unknown option '--enviroment-name'. Did you mean '--environment-name'?\n" +
        "Run 'mwaa-deploy plan --help' for the options.\n",
    });
    expect((await cli(['plan', '--no-such-flag'])).stderr).toMatch(
      /^Unknown option '--no-such-flag'\.\nRun 'mwaa-deploy plan --help'/,
    );
    const unused = await cli(['verify', '--environment-name', 'a', '--comment', 'always']);
    expect(unused.code).toBe(2);
    expect(unused.stderr).toContain('--comment only applies to the GitHub Action');
    // The command line has no runner whose OIDC token it could exchange for a role.
    const role = await cli(['plan', '--role-to-assume', 'arn:aws:iam::123456789012:role/x']);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(
      /^--role-to-assume only applies to the GitHub Action \(the command line uses the AWS credentials of your environment, profile or SSO/,
    );
    expect((await cli(['plan', '--help'])).stdout).not.toMatch(/--role-|--audience/);
    const cidr = await cli(['verify', '--vpc-cidr', '10.0.0.0/16']);
    expect(cidr.stderr).toContain(
      "--vpc-cidr does nothing in 'verify' (it is used by plan, deploy)",
    );
    expect((await cli(['deploy', '--offline'])).stderr).toContain(
      "--offline does not apply to 'deploy'",
    );
    const noValue = await cli(['plan', '--environment-name']);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('--environment-name');
    expect(noValue.stderr).toContain("Run 'mwaa-deploy plan --help'");
  });

  it('exits 2 when a template file is missing, before any AWS call', async () => {
    const run = await cli(['plan', '--offline', '--vpc-template', 'no/such/vpc.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Invalid input 'vpc-template': could not read the template");
  });

  it('writes the offline plan into a new folder only the user may read, and says where', async () => {
    const run = await cli(['plan', '--offline']);
    expect(run.code).toBe(0);
    const path = /Plan written to (\S+)\.md/.exec(run.stderr)?.[1];
    expect(path).toBeDefined();
    const dir = dirname(path ?? '');
    expect(dir).not.toBe(join(tmpdir(), 'mwaa-deploy'));
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    await rm(dir, { recursive: true, force: true });
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
    // The action's plan-file name, the one the README's render example reads.
    expect(await readFile(join(dir, 'mwaa-deploy-plan-analytics.md'), 'utf8')).toBe(run.stdout);
    const planFile = join(dir, 'mwaa-deploy-plan-analytics.json');
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
    expect(run.stderr).toContain("Run 'mwaa-deploy render --help'");
    const missing = await cli(['render', '--plan-file', join(dirname(path), 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Run 'mwaa-deploy render --help'");
  });

  it('plans against AWS with the ambient credentials, progress on stderr and JSON on stdout', async () => {
    const aws = await startFakeAws({ changeSetReadyMs: 10, resourceMs: 2 });
    try {
      const env = {
        AWS_ENDPOINT_URL: aws.url,
        AWS_ACCESS_KEY_ID: 'AKIAFAKE',
        AWS_SECRET_ACCESS_KEY: 'fake',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
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
      // `render` reads what `plan --json` printed, as the README and render --help say.
      const printed = join(await mkdtemp(join(tmpdir(), 'mwaa-cli-')), 'plan.json');
      await writeFile(printed, run.stdout);
      const rendered = await cli(['render', '--plan-file', printed]);
      expect(rendered.code).toBe(0);
      expect(rendered.stdout).toContain('MWAA plan: cli-env');
    } finally {
      await aws.close();
    }
  });
});
