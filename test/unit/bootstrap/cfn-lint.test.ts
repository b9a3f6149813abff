/**
 * templates/github-oidc-roles.yaml passes cfn-lint with no error, warning or informational
 * message. cfn-lint also knows every IAM action name (W3037), so a misspelt permission fails
 * here. Skipped, with a message, where cfn-lint is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACCESS_TEMPLATE_PATH,
  accessTemplateText,
} from '../../support/bootstrap/access-template.js';

const hasCfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasCfnLint) {
  console.warn(
    'cfn-lint is not on PATH (pip install cfn-lint): the access template lint tests are skipped.',
  );
}

function lint(file: string): { status: number | null; output: string } {
  const run = spawnSync(
    'cfn-lint',
    ['--format', 'parseable', '--include-checks', 'I', '--', file],
    {
      encoding: 'utf8',
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

function lintVariant(edit: (text: string) => string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-access-'));
  try {
    const text = accessTemplateText();
    const changed = edit(text);
    expect(changed).not.toBe(text);
    const file = join(dir, 'access.yaml');
    writeFileSync(file, changed);
    return lint(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeLint = hasCfnLint ? describe : describe.skip;

describeLint('cfn-lint on templates/github-oidc-roles.yaml', () => {
  it('reports no error, warning or informational message', () => {
    expect(lint(fileURLToPath(ACCESS_TEMPLATE_PATH))).toStrictEqual({ status: 0, output: '' });
  });

  it('would report a misspelt IAM action (the check can fail)', () => {
    const result = lintVariant((t) =>
      t.replace('- ec2:DescribeVpcAttribute\n', '- ec2:DescribeVpcAttributes\n'),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('W3037');
  });
});
