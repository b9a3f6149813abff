/**
 * Validation problems: every input is checked and every problem is kept, so one run tells the
 * user everything that is wrong instead of one mistake per workflow run.
 */

/** One thing wrong with one input. */
export interface Problem {
  /** The input's name as written in action.yml, e.g. `environment-name`. */
  readonly input: string;
  /** One complete log line: `Invalid input '…': …` or `Missing input '…': …`. */
  readonly message: string;
}

/**
 * The outcome of parsing one input. A failure carries one or more details, each a phrase that
 * already quotes what it talks about (see {@link quote}), e.g. `'my env' does not match …`.
 */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly details: readonly string[] };

/** A successful {@link Parsed}. */
export function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

/** A failed {@link Parsed} with one or more details. */
export function fail<T = never>(...details: string[]): Parsed<T> {
  return { ok: false, details };
}

/** Longest part of a user value shown in a message; the rest is elided. */
export const MAX_QUOTED_LENGTH = 80;

// C0 and C1 controls, DEL, Unicode line/paragraph separators and bidirectional overrides: any of
// them could end a log line (letting a value start a `::workflow-command::`) or disguise text.
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const NAMED_ESCAPES: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/** Replaces every unsafe character by a visible escape (`\n`, `\x1b`, `\u2028`). */
export function escapeControl(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if (!isUnsafe(code)) out += c;
    else if (NAMED_ESCAPES[code] !== undefined) out += NAMED_ESCAPES[code];
    else if (code <= 0xff) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/**
 * Shows a user value safely inside a one-line message: single-quoted, control characters
 * escaped (backslashes doubled first, so an escape in the output always means a real control
 * character), and cut to {@link MAX_QUOTED_LENGTH} characters so a pasted file cannot flood the log.
 */
export function quote(value: string): string {
  const chars = Array.from(value); // code points, so an emoji is never cut in half
  const shown =
    chars.length > MAX_QUOTED_LENGTH ? chars.slice(0, MAX_QUOTED_LENGTH).join('') : value;
  const suffix = chars.length > MAX_QUOTED_LENGTH ? `…' (${chars.length} characters)` : `'`;
  return `'${escapeControl(shown.replace(/\\/g, '\\\\'))}${suffix}`;
}

/** Every problem found while loading settings, thrown once after all inputs were checked. */
export class SettingsError extends Error {
  /** The problems in input order; never empty. */
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const lines = problems.map((p) => p.message);
    super(
      lines.length === 1
        ? (lines[0] ?? '')
        : [`${lines.length} problems with the inputs:`, ...lines].join('\n'),
    );
    this.name = 'SettingsError';
    this.problems = Object.freeze([...problems]);
  }
}

/** Collects problems while the inputs are read; {@link throwIfAny} ends the collection. */
export class ProblemCollector {
  private readonly found: Problem[] = [];

  /** The problems so far. */
  get problems(): readonly Problem[] {
    return this.found;
  }

  /** Records an invalid value; `detail` quotes the value and says the expected form. */
  invalid(input: string, detail: string): void {
    // A last guard: details may embed text from elsewhere (e.g. a YAML parser's message).
    this.found.push({ input, message: `Invalid input '${input}': ${escapeControl(detail)}.` });
  }

  /** Records a required input that has no value; `help` says what to give. */
  missing(input: string, help: string): void {
    this.found.push({ input, message: `Missing input '${input}': ${escapeControl(help)}.` });
  }

  /** Records the details of a failed parse and returns the value of a successful one. */
  take<T>(input: string, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    for (const detail of parsed.details) this.invalid(input, detail);
    return undefined;
  }

  /** Throws one {@link SettingsError} holding every problem, if there is any. */
  throwIfAny(): void {
    if (this.found.length > 0) throw new SettingsError(this.found);
  }
}
