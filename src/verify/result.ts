/**
 * Building check results, and turning a thrown SDK error into a failed result that names the
 * call, so one broken permission never hides the other checks.
 */
import { errorMessage } from '../shared/errors.js';
import type { CheckResult, Severity } from './types.js';

/** The identity of a check: its id and title, shared by every result it can produce. */
export interface CheckId {
  readonly id: string;
  readonly title: string;
}

/** A passing result; `details` records the evidence (shown in debug output and JSON). */
export function pass(check: CheckId, details: string): CheckResult {
  return { ...check, ok: true, details, severity: 'error' };
}

/** A failing result; several problems are joined with `; ` so the line reads as one finding. */
export function failure(
  check: CheckId,
  problems: string | readonly string[],
  severity: Severity = 'error',
): CheckResult {
  const details = typeof problems === 'string' ? problems : problems.join('; ');
  return { ...check, ok: false, details, severity };
}

/** An SDK call that threw, remembered with the call's IAM-style name (e.g. `ec2:DescribeSubnets`). */
export class CallError extends Error {
  /** e.g. `kms:GetKeyPolicy`. */
  readonly call: string;
  /** The SDK error's name (its error code), e.g. `AccessDeniedException`. */
  readonly code: string | undefined;

  constructor(call: string, cause: unknown) {
    const code = errorName(cause);
    super(`${call} failed: ${code !== undefined ? `${code}: ` : ''}${errorMessage(cause)}`, {
      cause,
    });
    this.name = 'CallError';
    this.call = call;
    this.code = code;
  }
}

// SDK v3 errors carry the service's error code as `name`; a plain Error's name says nothing.
function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' && name !== '' && name !== 'Error' ? name : undefined;
}

/**
 * Runs one SDK call, labelling any error with the call so the failed check can say which
 * permission or resource was the problem.
 */
export async function call<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new CallError(name, error);
  }
}

/**
 * Runs a check body; whatever it throws becomes a failed result of that check rather than a
 * crash, so the report is always complete.
 */
export async function guarded(
  check: CheckId,
  body: () => Promise<CheckResult>,
): Promise<CheckResult> {
  try {
    return await body();
  } catch (error) {
    const message =
      error instanceof CallError ? error.message : `check failed: ${errorMessage(error)}`;
    return failure(check, message);
  }
}
