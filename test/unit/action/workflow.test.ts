/**
 * src/action/workflow.ts writes what `@actions/core` writes for the same calls: the same bytes
 * on stdout (escaping included), the same GITHUB_OUTPUT records (but for the random delimiter)
 * and the same job summary; the runner parses these, so they are compared with the real thing.
 */
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as own from '../../../src/action/workflow.js';

type Api = Pick<
  typeof own,
  'debug' | 'info' | 'warning' | 'error' | 'setSecret' | 'setOutput' | 'setFailed' | 'group'
>;

const TRICKY = 'a%b\r\nc::d,e:f\n::error::x';

/** What `calls` printed and wrote to GITHUB_OUTPUT / GITHUB_STEP_SUMMARY. */
async function capture(calls: (api: Api) => Promise<void>, api: Api) {
  const dir = mkdtempSync(join(tmpdir(), 'workflow-'));
  const output = join(dir, 'output');
  writeFileSync(output, '');
  const saved = { output: process.env.GITHUB_OUTPUT, exitCode: process.exitCode };
  process.env.GITHUB_OUTPUT = output;
  const printed: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => {
    printed.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await calls(api);
  } finally {
    process.stdout.write = write;
    process.env.GITHUB_OUTPUT = saved.output;
  }
  const exitCode = process.exitCode;
  process.exitCode = saved.exitCode;
  const outputs = readFileSync(output, 'utf8').replace(/ghadelimiter_[0-9a-f-]{36}/g, 'DELIM');
  return { printed: printed.join(''), outputs, exitCode };
}

describe('workflow commands', () => {
  it('print and write what @actions/core does', async () => {
    const script = async (api: Api) => {
      api.debug(TRICKY);
      api.info(TRICKY);
      api.warning(TRICKY);
      api.error(TRICKY);
      api.setSecret('s3cr%t\nline');
      api.setOutput('plan-fingerprint', `sha256:${TRICKY}`);
      api.setOutput('empty', '');
      await api.group(`Plan ${TRICKY}`, async () => api.info('inside'));
      api.setFailed(TRICKY);
    };
    const theirs = await capture(script, core);
    const mine = await capture(script, own);
    expect(mine).toEqual(theirs);
    expect(mine.exitCode).toBe(1);
    expect(mine.outputs).toContain('plan-fingerprint<<DELIM');
  });

  it('reads inputs as @actions/core does (INPUT_<NAME>, spaces as _, trimmed)', () => {
    process.env['INPUT_ROLE-TO-ASSUME'] = '  arn:aws:iam::1:role/x \n';
    process.env['INPUT_WITH_SPACE'] = 'v';
    try {
      for (const name of ['role-to-assume', 'with space', 'missing']) {
        expect(own.getInput(name)).toBe(core.getInput(name));
      }
      expect(own.getInput('role-to-assume')).toBe('arn:aws:iam::1:role/x');
    } finally {
      delete process.env['INPUT_ROLE-TO-ASSUME'];
      delete process.env['INPUT_WITH_SPACE'];
    }
  });

  it('appends to the job summary as core.summary.addRaw(text, true).write() does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'summary-'));
    const saved = process.env.GITHUB_STEP_SUMMARY;
    try {
      for (const [name, write] of [
        [
          'theirs',
          (t: string) =>
            core.summary
              .addRaw(t, true)
              .write()
              .then(() => undefined),
        ],
        ['mine', own.appendSummary],
      ] as const) {
        const file = join(dir, name);
        writeFileSync(file, 'before\n');
        process.env.GITHUB_STEP_SUMMARY = file;
        await write('## Plan');
        await write('| a |');
      }
      expect(readFileSync(join(dir, 'mine'), 'utf8')).toBe(
        readFileSync(join(dir, 'theirs'), 'utf8'),
      );
      process.env.GITHUB_STEP_SUMMARY = join(dir, 'absent', 'file');
      await expect(own.appendSummary('x')).rejects.toThrow(/Unable to access summary file/);
    } finally {
      process.env.GITHUB_STEP_SUMMARY = saved;
    }
  });
});
