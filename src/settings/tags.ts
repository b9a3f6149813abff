/**
 * The `tags` input: `key=value` lines, or a YAML/JSON mapping. Lines are the simple form for a
 * workflow file; the mapping suits tags kept as JSON elsewhere. Only newlines separate tags
 * (not commas), so there is one way to write them and no quoting rules. Tags are checked
 * against the tagging character set because CloudFormation copies stack tags onto resources
 * (S3 buckets among them) whose own tag rules would otherwise fail the stack mid-way.
 */
import { FAILSAFE_SCHEMA, load } from 'js-yaml';
import { errorMessage } from '../shared/errors.js';
import { fail, ok, quote } from './problems.js';
import type { Parsed } from './problems.js';
import type { Tag } from './types.js';

/** CloudFormation's limit on tags per stack. */
export const MAX_TAGS = 50;
/** The longest tag key. */
export const MAX_TAG_KEY_LENGTH = 128;
/** The longest tag value. */
export const MAX_TAG_VALUE_LENGTH = 256;

// The character set of AWS's tagging APIs (Tag.Key / Tag.Value patterns).
const TAG_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const ALLOWED = 'letters, digits, spaces and _ . : / = + - @';

/**
 * Parses and checks the tags: at most 50, keys 1 to 128 characters, values up to 256, keys
 * unique and not starting with `aws:` (reserved by AWS, in any case), only the characters AWS
 * tagging allows. In `key=value` lines, blank lines and `#` comments are skipped, the first `=`
 * splits key from value, and both are trimmed. A mapping is read with YAML's failsafe schema so
 * every value stays the text written (`1.10` stays `1.10`, `yes` stays `yes`).
 */
export function parseTags(text: string): Parsed<readonly Tag[]> {
  if (text.trim() === '') return ok([]);
  const read = looksLikeMapping(text) ? readMapping(text) : readLines(text);
  return read.ok ? checkTags(read.value) : read;
}

/**
 * `key=value` lines or a YAML/JSON mapping, unchecked: the reader of `tags`, also used for other
 * mapping inputs (`airflow-configuration-options`, `log-levels`).
 */
export function parseKeyValues(text: string): Parsed<Tag[]> {
  if (text.trim() === '') return ok([]);
  return looksLikeMapping(text) ? readMapping(text) : readLines(text);
}

/**
 * Tells the two forms apart by the first meaningful line: a mapping starts with `{` or has a
 * `key:` (colon then space or line end) before any `=`. So `url: http://x?a=b` is YAML, while
 * `team:owner=x` and `note=a: b` are lines.
 */
function looksLikeMapping(text: string): boolean {
  const first = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('#') && line !== '---');
  if (first === undefined) return false;
  if (first.startsWith('{')) return true;
  const colon = first.search(/:(\s|$)/);
  const equals = first.indexOf('=');
  return colon >= 0 && (equals < 0 || colon < equals);
}

function readLines(text: string): Parsed<Tag[]> {
  const tags: Tag[] = [];
  const details: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const equals = line.indexOf('=');
    if (equals < 0) {
      details.push(
        `line ${index + 1} ${quote(line)} has no '='; write one key=value per line (or a YAML mapping)`,
      );
      return;
    }
    tags.push({ key: line.slice(0, equals).trim(), value: line.slice(equals + 1).trim() });
  });
  return details.length > 0 ? fail(...details) : ok(tags);
}

function readMapping(text: string): Parsed<Tag[]> {
  let document: unknown;
  try {
    document = load(text, { schema: FAILSAFE_SCHEMA, maxDepth: 10 });
  } catch (error) {
    // The parser's first line names the problem and its position; the rest is a source snippet.
    const reason = errorMessage(error).split('\n')[0] ?? '';
    return fail(`${quote(text)} is not a valid YAML/JSON mapping: ${reason}`);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return fail(`${quote(text)} is not a mapping; write key: value pairs or key=value lines`);
  }
  const tags: Tag[] = [];
  const details: string[] = [];
  for (const [key, value] of Object.entries(document)) {
    if (typeof value === 'string') tags.push({ key, value });
    else
      details.push(
        `tag ${quote(key)} has a ${Array.isArray(value) ? 'list' : 'mapping'} value; tag values are text`,
      );
  }
  return details.length > 0 ? fail(...details) : ok(tags);
}

/** The characters of `text` outside the tagging character set, each quoted once. */
function badCharacters(text: string): string | undefined {
  const bad = [...new Set(Array.from(text).filter((c) => !TAG_CHAR.test(c)))];
  return bad.length > 0 ? bad.map((c) => quote(c)).join(', ') : undefined;
}

function checkTags(tags: readonly Tag[]): Parsed<readonly Tag[]> {
  const details: string[] = [];
  if (tags.length > MAX_TAGS) {
    details.push(`${tags.length} tags given; at most ${MAX_TAGS} are allowed on a stack`);
  }
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    const k = quote(key);
    const keyLength = Array.from(key).length;
    if (keyLength === 0) details.push(`a tag has an empty key (value ${quote(value)})`);
    if (keyLength > MAX_TAG_KEY_LENGTH) {
      details.push(`tag key ${k} is ${keyLength} characters long; at most ${MAX_TAG_KEY_LENGTH}`);
    }
    if (key.toLowerCase().startsWith('aws:')) {
      details.push(`tag key ${k} starts with 'aws:', a prefix AWS reserves for its own tags`);
    }
    const badKey = badCharacters(key);
    if (badKey) details.push(`tag key ${k} contains ${badKey}; tags allow ${ALLOWED}`);
    const valueLength = Array.from(value).length;
    if (valueLength > MAX_TAG_VALUE_LENGTH) {
      details.push(
        `the value of tag ${k} is ${valueLength} characters long; at most ${MAX_TAG_VALUE_LENGTH}`,
      );
    }
    const badValue = badCharacters(value);
    if (badValue) details.push(`the value of tag ${k} contains ${badValue}; tags allow ${ALLOWED}`);
    if (seen.has(key)) details.push(`tag key ${k} is given twice; tag keys must be unique`);
    seen.add(key);
  }
  return details.length > 0 ? fail(...details) : ok(tags);
}
