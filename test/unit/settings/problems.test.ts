import {
  MAX_QUOTED_LENGTH,
  ProblemCollector,
  SettingsError,
  escapeControl,
  quote,
} from '../../../src/settings/problems.js';

describe('quote', () => {
  it('single-quotes a plain value', () => {
    expect(quote('my env')).toBe("'my env'");
  });

  it('escapes control characters, line separators and bidi overrides', () => {
    expect(quote('a\nb\r\tc\u0000d\u001be\u007ff\u0085g\u2028h\u202ei')).toBe(
      "'a\\nb\\r\\tc\\x00d\\x1be\\x7ff\\x85g\\u2028h\\u202ei'",
    );
  });

  it('doubles backslashes so an escape always means a real control character', () => {
    expect(quote('a\\nb')).toBe("'a\\\\nb'");
  });

  it(`cuts long values to ${MAX_QUOTED_LENGTH} characters and says how long they were`, () => {
    expect(quote('x'.repeat(200))).toBe(`'${'x'.repeat(80)}…' (200 characters)`);
    expect(quote('x'.repeat(80))).toBe(`'${'x'.repeat(80)}'`);
    // Code points, not UTF-16 units: an emoji is never cut in half.
    expect(quote('😀'.repeat(81))).toBe(`'${'😀'.repeat(80)}…' (81 characters)`);
  });
});

describe('escapeControl', () => {
  it('leaves ordinary text, including non-ASCII letters and ::, alone', () => {
    expect(escapeControl("::error::données 'x' \\")).toBe("::error::données 'x' \\");
  });
});

describe('ProblemCollector and SettingsError', () => {
  it('throws nothing without problems', () => {
    expect(() => new ProblemCollector().throwIfAny()).not.toThrow();
  });

  it('formats invalid and missing inputs as one line each', () => {
    const problems = new ProblemCollector();
    problems.invalid('mode', "'x' is not one of 'plan'");
    problems.missing('environment-name', 'give it');
    expect(problems.problems).toEqual([
      { input: 'mode', message: "Invalid input 'mode': 'x' is not one of 'plan'." },
      { input: 'environment-name', message: "Missing input 'environment-name': give it." },
    ]);
    expect(() => problems.throwIfAny()).toThrow(SettingsError);
  });

  it('uses the single problem as the message, or a heading and one line per problem', () => {
    const one = new SettingsError([{ input: 'a', message: 'Invalid input a.' }]);
    expect(one.message).toBe('Invalid input a.');
    expect(one.name).toBe('SettingsError');
    expect(one).toBeInstanceOf(Error);
    const two = new SettingsError([
      { input: 'a', message: 'Invalid input a.' },
      { input: 'b', message: 'Missing input b.' },
    ]);
    expect(two.message).toBe('2 problems with the inputs:\nInvalid input a.\nMissing input b.');
    expect(Object.isFrozen(two.problems)).toBe(true);
  });

  it('escapes control characters that reach a detail from elsewhere', () => {
    const problems = new ProblemCollector();
    problems.invalid('tags', 'parser said\n::error::x');
    expect(problems.problems[0]?.message).toBe("Invalid input 'tags': parser said\\n::error::x.");
  });

  it('takes the value of a successful parse and every detail of a failed one', () => {
    const problems = new ProblemCollector();
    expect(problems.take('x', { ok: true, value: 3 })).toBe(3);
    expect(problems.take('y', { ok: false, details: ['one', 'two'] })).toBeUndefined();
    expect(problems.problems.map((p) => p.message)).toEqual([
      "Invalid input 'y': one.",
      "Invalid input 'y': two.",
    ]);
  });
});
