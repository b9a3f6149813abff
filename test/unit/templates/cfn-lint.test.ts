/**
 * The shipped templates pass cfn-lint (the reference CloudFormation validator) with no error,
 * no warning and no informational message. Skipped, with a message, where cfn-lint is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_FILES, findBuiltInTemplate } from '../../../src/templates/index.js';
import type { BuiltInTemplateName } from '../../../src/templates/index.js';

const hasCfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasCfnLint) {
  console.warn('cfn-lint is not on PATH (pip install cfn-lint): the template lint tests are skipped.');
}

/** Runs cfn-lint with informational checks included; returns its exit code and output. */
function lint(...files: string[]): { status: number | null; output: string } {
  const run = spawnSync(
    'cfn-lint',
    ['--format', 'parseable', '--include-checks', 'I', '--', ...files],
    { encoding: 'utf8' },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}`.trim() };
}

const describeLint = hasCfnLint ? describe : describe.skip;

describeLint('cfn-lint', () => {
  test.each(Object.keys(TEMPLATE_FILES) as BuiltInTemplateName[])(
    'templates/%s.yaml: no errors, warnings or informational messages',
    (name) => {
      expect(lint(findBuiltInTemplate(name))).toStrictEqual({ status: 0, output: '' });
    },
  );

  test('would report a broken template (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-lint-'));
    try {
      const broken = readFileSync(findBuiltInTemplate('mwaa-prerequisites'), 'utf8').replace(
        'KeyUsage: ENCRYPT_DECRYPT',
        'KeyUsage: ENCRYPT_ONLY',
      );
      const file = join(dir, 'broken.yaml');
      writeFileSync(file, broken);
      const result = lint(file);
      expect(result.status).not.toBe(0);
      expect(result.output).toContain('ENCRYPT_ONLY');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
