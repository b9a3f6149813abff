/**
 * The workflow commands the action uses, written as `@actions/core` 3.x writes them (same
 * escaping, same GITHUB_OUTPUT delimiter format, same job-summary file rules), so the action
 * does not load `@actions/core` on every run. Why: its module graph imports its OIDC helper,
 * which imports `@actions/http-client` and undici; together with `@actions/github` that is
 * the largest chunk of the bundle, and the only part of it a run needs is `getIDToken`, when
 * role-to-assume is set, which ./id-token.ts does the same way without it.
 */
import { randomUUID } from 'node:crypto';
import { access, appendFile } from 'node:fs/promises';
import { appendFileSync, constants, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/** `::name::message`, the message escaped as `@actions/core`'s `escapeData` does. */
function issue(command: string, message = ''): void {
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  process.stdout.write(`::${command}::${data}${EOL}`);
}

/** An input as the runner passes it (`INPUT_<NAME>`, spaces as underscores), trimmed. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Masks `secret` in the log from here on. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

/** A step output: to GITHUB_OUTPUT with a random delimiter, else the legacy command. */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT ?? '';
  if (file === '') {
    process.stdout.write(EOL);
    const property = name
      .replace(/%/g, '%25')
      .replace(/\r/g, '%0D')
      .replace(/\n/g, '%0A')
      .replace(/:/g, '%3A')
      .replace(/,/g, '%2C');
    issue(`set-output name=${property}`, value);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  // As @actions/core: a name or value holding the delimiter could end the value early.
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: output ${name} contains the delimiter "${delimiter}"`);
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

export function debug(message: string): void {
  issue('debug', message);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function warning(message: string): void {
  issue('warning', message);
}

export function error(message: string): void {
  issue('error', message);
}

/** Fails the step: exit code 1 and the message as an error annotation. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Runs `fn` inside a collapsible log group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}

/**
 * Appends `markdown` and a line end to the job summary (GITHUB_STEP_SUMMARY), as
 * `core.summary.addRaw(markdown, true).write()` does, with its errors.
 */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  }
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  await appendFile(file, markdown + EOL, { encoding: 'utf8' });
}

/** The runner's OIDC token for `audience`, fetched as `@actions/core` does (./id-token.ts). */
export { getIDToken } from './id-token.js';
