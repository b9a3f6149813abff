import { describe, expect, it } from '@jest/globals';
import { refreshingCredentials } from '../../../src/aws/refreshing-credentials.js';
import { instantClock } from '../../../src/shared/clock.js';

/** A fake STS on the test's clock: each assume gives a session of `sessionMs`. */
function fakeAssume(clock: { now(): number }, sessionMs: number) {
  let count = 0;
  const assume = async () => {
    count += 1;
    return {
      accessKeyId: `AKIA${count}`,
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: new Date(clock.now() + sessionMs),
    };
  };
  return { assume, count: () => count };
}

describe('refreshingCredentials', () => {
  it('keeps a one-hour session until 5 minutes before it expires, then assumes again', async () => {
    const clock = instantClock(1_000_000);
    const sts = fakeAssume(clock, 3_600_000);
    const provider = refreshingCredentials({
      initial: await sts.assume(),
      assume: sts.assume,
      clock,
    });
    await clock.sleep(54 * 60_000);
    expect((await provider()).accessKeyId).toBe('AKIA1');
    await clock.sleep(60_000 + 1);
    expect((await provider()).accessKeyId).toBe('AKIA2');
    expect(sts.count()).toBe(2);
  });

  it('renews short sessions a third before their end, across a wait of many sessions', async () => {
    const clock = instantClock(0);
    const sts = fakeAssume(clock, 900_000);
    const renewed: (Date | undefined)[] = [];
    const provider = refreshingCredentials({
      initial: await sts.assume(),
      assume: sts.assume,
      clock,
      onRefresh: (e) => renewed.push(e),
    });
    // A 40-minute environment creation polled every 30 s: never an expired credential.
    for (let t = 0; t < 40 * 60_000; t += 30_000) {
      const c = await provider();
      expect(c.expiration!.getTime()).toBeGreaterThan(clock.now());
      await clock.sleep(30_000);
    }
    expect(sts.count()).toBeGreaterThanOrEqual(4);
    expect(renewed).toHaveLength(sts.count() - 1);
  });

  it('renews once when many calls ask at the same time', async () => {
    const clock = instantClock(0);
    const sts = fakeAssume(clock, 900_000);
    const provider = refreshingCredentials({
      initial: await sts.assume(),
      assume: sts.assume,
      clock,
    });
    await clock.sleep(900_000);
    const all = await Promise.all([provider(), provider(), provider()]);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['AKIA2']));
    expect(sts.count()).toBe(2);
  });

  it('never renews credentials without an expiry', async () => {
    const clock = instantClock(0);
    let calls = 0;
    const provider = refreshingCredentials({
      initial: { accessKeyId: 'A', secretAccessKey: 'S' },
      assume: async () => {
        calls += 1;
        return { accessKeyId: 'B', secretAccessKey: 'S' };
      },
      clock,
    });
    await clock.sleep(10 * 3_600_000);
    expect((await provider()).accessKeyId).toBe('A');
    expect(calls).toBe(0);
  });
});
