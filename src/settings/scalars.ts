/**
 * Booleans, integers, enumerations and lists. All strict: a typo such as `ture` or `60s` is an
 * error naming the input, never silently false or NaN.
 */
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';

// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** Reads `true`/`True`/`TRUE` or `false`/`False`/`FALSE`; anything else (`yes`, `1`) is an error. */
export function parseBoolean(text: string): Parsed<boolean> {
  if (TRUE.includes(text)) return ok(true);
  if (FALSE.includes(text)) return ok(false);
  return fail(
    `${quote(text)} is not a boolean; use true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)`,
  );
}

/** Reads a whole decimal number between `min` and `max` inclusive; `unit` names it in messages. */
export function parseInteger(text: string, min: number, max: number, unit: string): Parsed<number> {
  const range = `a whole number of ${unit} from ${min} to ${max}`;
  if (!/^(0|[1-9]\d*)$/.test(text)) return fail(`${quote(text)} is not ${range}`);
  const n = Number(text);
  if (n < min || n > max) return fail(`${quote(text)} is out of range; expected ${range}`);
  return ok(n);
}

/** Reads one of `allowed`, exactly (case included), hinting at the right case when it differs. */
export function parseEnum<T extends string>(text: string, allowed: readonly T[]): Parsed<T> {
  const found = allowed.find((a) => a === text);
  if (found !== undefined) return ok(found);
  const caseless = allowed.find((a) => a.toLowerCase() === text.toLowerCase());
  const hint = caseless !== undefined ? ` (did you mean '${caseless}'?)` : '';
  return fail(`${quote(text)} is not one of ${allowed.map((a) => `'${a}'`).join(', ')}${hint}`);
}

const LOGICAL_ID = /^[A-Za-z0-9]+$/;
const RESOURCE_TYPE = /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

/** Comma- or newline-separated entries, trimmed, empty ones skipped, duplicates dropped. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    ),
  ];
}

/**
 * Reads `allow-destructive`: comma- or newline-separated entries, trimmed, empty ones skipped,
 * duplicates dropped. Each is a CloudFormation logical ID (`DagBucket`) or resource type
 * (`AWS::S3::Bucket`).
 */
export function parseAllowList(text: string): Parsed<readonly string[]> {
  const entries = splitList(text);
  const bad = entries.filter((e) => !LOGICAL_ID.test(e) && !RESOURCE_TYPE.test(e));
  if (bad.length > 0) {
    return fail(
      ...bad.map(
        (e) =>
          `${quote(e)} is neither a logical ID (letters and digits, e.g. DagBucket) nor a resource type (e.g. AWS::S3::Bucket)`,
      ),
    );
  }
  return ok(entries);
}
