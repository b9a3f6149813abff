/**
 * The engine deploying an environment whose create fails, on the instant clock with MWAA's real
 * durations: CloudFormation's rollback waits ~20 minutes for MWAA to delete the environment, and
 * the engine's wait, its progress lines and the root cause (MWAA's LastUpdate.Error) hold across it.
 */
import { REALISTIC_MWAA_MS } from '../../support/fake-aws/index.js';
import { deployEnvironment, failingCreateInputs, waitedSeconds } from './environment-harness.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({
    mwaa: {
      createMs: REALISTIC_MWAA_MS.create,
      updateMs: REALISTIC_MWAA_MS.update,
      deleteMs: REALISTIC_MWAA_MS.delete,
    },
  });
});
afterEach(() => h.aws.close());

it('a failed create: the wait lasts through MWAA deleting the environment, and names its cause', async () => {
  // The pre-check would stop this deploy; allowed, MWAA fails the environment 25 minutes in.
  const { error, minutes } = await deployEnvironment(h, failingCreateInputs(h));
  // CloudFormation's outcome, with MWAA's root cause beside it.
  expect(error).toMatch(/Stack demo-mwaa-environment ended in ROLLBACK_COMPLETE/);
  expect(error).toMatch(
    /MWAA environment demo was deleted by the rollback; its last update FAILED: INCORRECT_CONFIGURATION: /,
  );
  // Creating (~25 min) and then deleting (~20 min) were both waited for.
  expect(minutes).toBeGreaterThanOrEqual(
    (REALISTIC_MWAA_MS.create + REALISTIC_MWAA_MS.delete) / 60_000,
  );
  expect(h.aws.mwaa.environments.has('demo')).toBe(false);
  // The progress lines: the environment's own status, minutes counting, through the deletion.
  const progress = h.log.lines.filter((l) => l.startsWith('MWAA environment demo:'));
  expect(progress.some((l) => /^MWAA environment demo: CREATING \(\d+ min\)$/.test(l))).toBe(true);
  const deleting = progress.find((l) => / DELETING /.test(l));
  expect(deleting).toMatch(
    /^MWAA environment demo: DELETING \((2\d|3\d) min\); last update FAILED: INCORRECT_CONFIGURATION/,
  );
  // Once MWAA has deleted it, the environment reads as deleted, not as "not created yet".
  expect(progress.at(-1)).toMatch(/^MWAA environment demo: DELETED \(\d+ min\)$/);
  // CloudFormation's status lines kept coming while it rolled back.
  expect(h.log.lines.some((l) => /ROLLBACK_IN_PROGRESS/.test(l))).toBe(true);
});

it('a wait shorter than the rollback says what is still going on, its cause and what to do', async () => {
  const { error, minutes } = await deployEnvironment(h, {
    ...failingCreateInputs(h),
    'environment-timeout-minutes': '30',
  });
  // Ended by the environment stack's own budget, not timeout-minutes (60).
  expect(minutes).toBeGreaterThanOrEqual(30);
  // The whole deploy: the other two stacks, then 30 minutes on the environment stack.
  expect(minutes).toBeLessThan(45);
  // The instant clock adds up the sleeps of the stack wait and the environment watcher, so the
  // wait ends a little after 30 minutes of its time.
  expect(waitedSeconds(error)).toBeGreaterThanOrEqual(1800);
  expect(waitedSeconds(error)).toBeLessThan(2400);
  expect(error.split('\n')).toEqual([
    expect.stringMatching(
      /^Error: Timed out after \d+ s waiting for stack demo-mwaa-environment\. Stack demo-mwaa-environment is still ROLLBACK_IN_PROGRESS: the operation is still running in AWS \(see the stack's events in the CloudFormation console\); the next run waits for it to finish, or raise environment-timeout-minutes to wait longer\.$/,
    ),
    expect.stringMatching(
      /^MWAA environment demo is DELETING; its last update FAILED: INCORRECT_CONFIGURATION: You may need/,
    ),
  ]);
});
