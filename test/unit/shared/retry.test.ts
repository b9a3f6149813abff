import { retry } from '../../../src/shared/retry.js';
import { instantClock } from '../../../src/shared/clock.js';

describe('retry', () => {
  it('retries retryable errors with growing, jittered delays', async () => {
    const clock = instantClock();
    let attempts = 0;
    const result = await retry(
      async () => {
        if (++attempts < 4) throw new Error('flaky');
        return 'ok';
      },
      {
        attempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 1_000,
        retryable: () => true,
        clock,
        random: () => 1,
      },
    );
    expect(result).toBe('ok');
    expect(clock.slept).toEqual([100, 200, 400]);
  });

  it('throws a non-retryable error at once', async () => {
    const clock = instantClock();
    let attempts = 0;
    await expect(
      retry(
        async () => {
          attempts++;
          throw new Error('denied');
        },
        { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, retryable: () => false, clock },
      ),
    ).rejects.toThrow('denied');
    expect(attempts).toBe(1);
    expect(clock.slept).toEqual([]);
  });

  it('gives up after the last attempt', async () => {
    const clock = instantClock();
    await expect(
      retry(async () => Promise.reject(new Error('down')), {
        attempts: 3,
        baseDelayMs: 10,
        maxDelayMs: 10,
        retryable: () => true,
        clock,
      }),
    ).rejects.toThrow('down');
    expect(clock.slept).toHaveLength(2);
  });
});
