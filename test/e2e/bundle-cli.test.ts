/**
 * One bundle, two entry points: the command line (cli/index.js) imports the bundle the action
 * runs (index.js), so dist/ holds one copy of the AWS SDK. Run as a user runs them: the command
 * line works from the bundle, and importing the bundle does not run the action.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { BUNDLE, runnerNode } from '../support/runner/run-action.js';
import { VERSION } from '../../src/version.js';

const CLI = join(dirname(BUNDLE), 'cli', 'index.js');

function cli(args: string[]) {
  const run = spawnSync(runnerNode(), [CLI, ...args], {
    encoding: 'utf8',
    // No runner variables: the command line must not need them, nor act as the action.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the command line from the bundle', () => {
  it('plans offline, as the README first command does, without running the action', () => {
    const run = cli(['plan', '--offline']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^## MWAA plan: mwaa-demo/);
    // The action would have printed workflow commands and refused the missing inputs.
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/::error::|Missing input/);
    expect(run.stderr).not.toMatch(/NodeVersionSupportWarning/);
  });

  it('answers --version and a bad flag as the library CLI does', () => {
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${VERSION}\n` });
    const bad = cli(['plan', '--enviroment-name', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Did you mean '--environment-name'?");
  });

  it('lists each input with its action.yml description in a command help', () => {
    const help = cli(['plan', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('IPv4 CIDR of the VPC');
  });
});
