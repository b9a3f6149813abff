import {
  DEFAULT_POLL_POLICY,
  PollTimeoutError,
  nextPollDelay,
  pollUntil,
} from '../../../src/shared/poll.js';
import { instantClock } from '../../../src/shared/clock.js';

describe('nextPollDelay', () => {
  it('never waits longer than max(the ramp, 9.8% of the time waited), whatever the jitter', () => {
    const { firstDelayMs, minDelayMs, maxDelayMs, fraction } = DEFAULT_POLL_POLICY;
    for (const elapsed of [0, 50, 300, 1_000, 10_000, 60_000, 600_000, 1_800_000]) {
      for (const r of [0, 0.5, 0.999]) {
        const delay = nextPollDelay(elapsed, DEFAULT_POLL_POLICY, () => r);
        const ramp = Math.min(minDelayMs, Math.max(firstDelayMs, elapsed));
        const bound = Math.min(maxDelayMs, Math.max(ramp, elapsed * fraction));
        expect(delay).toBeLessThanOrEqual(bound);
        expect(delay).toBeGreaterThanOrEqual(bound * 0.75 - 1);
      }
    }
  });

  it('starts at the first delay, doubles to the floor, grows with the time waited, up to the cap', () => {
    const at = (ms: number) => nextPollDelay(ms, DEFAULT_POLL_POLICY, () => 1);
    // The first poll soon, then the delays double to the floor, then grow with the wait.
    expect(at(0)).toBe(100);
    expect(at(200)).toBe(200);
    expect(at(400)).toBe(400);
    expect(at(800)).toBe(700);
    expect(at(5_000)).toBe(700);
    expect(at(100_000)).toBe(9_800);
    expect(at(10_000_000)).toBe(150_000);
  });
});

describe('pollUntil', () => {
  it('returns the first defined result and sleeps between checks', async () => {
    const clock = instantClock();
    let calls = 0;
    const value = await pollUntil(async () => (++calls === 4 ? 'done' : undefined), {
      clock,
      timeoutMs: 60_000,
      what: 'x',
    });
    expect(value).toBe('done');
    expect(clock.slept).toHaveLength(3);
  });

  it('stays under 100 polls (200 calls with the events) for a 30-minute wait', async () => {
    const clock = instantClock();
    let calls = 0;
    await pollUntil(async () => (++calls, clock.now() >= 30 * 60_000 ? true : undefined), {
      clock,
      timeoutMs: 3_600_000,
      what: 'x',
      // The jitter's worst case: every delay as short as it can be.
      random: () => 0,
    });
    expect(calls).toBeLessThan(100);
  });

  it('times out naming what it waited for', async () => {
    const clock = instantClock();
    await expect(
      pollUntil(async () => undefined, { clock, timeoutMs: 10_000, what: 'stack s' }),
    ).rejects.toThrow(PollTimeoutError);
    expect(clock.now()).toBe(10_000);
  });
});
