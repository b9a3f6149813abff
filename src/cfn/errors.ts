import { errorMessage } from '../shared/errors.js';

/** The SDK's error code (its `name`), e.g. ValidationError or Throttling. */
export function awsErrorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/**
 * DescribeStacks on a missing stack is not a "not found" class: it is a ValidationError whose
 * message says the stack does not exist.
 */
export function isStackMissingError(error: unknown): boolean {
  return awsErrorName(error) === 'ValidationError' && /does not exist/i.test(errorMessage(error));
}

/**
 * A change set that is gone: deleted by its owner, or by CloudFormation when another change set
 * of the stack was executed. The SDK names the query protocol's `ChangeSetNotFound` this way.
 */
export function isChangeSetMissingError(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name === 'ChangeSetNotFoundException' || name === 'ChangeSetNotFound') return true;
  // Wrapped by wrapAwsError: the SDK's error is the cause.
  const cause = error instanceof Error ? error.cause : undefined;
  return cause !== undefined && cause !== error && isChangeSetMissingError(cause);
}

/**
 * The caller may not make this call (IAM): the query protocol's AccessDenied, possibly wrapped
 * by wrapAwsError with the SDK's error as the cause.
 */
export function isAccessDeniedError(error: unknown): boolean {
  const name = awsErrorName(error);
  if (name === 'AccessDenied' || name === 'AccessDeniedException') return true;
  const cause = error instanceof Error ? error.cause : undefined;
  return cause !== undefined && cause !== error && isAccessDeniedError(cause);
}

/** A change set that failed only because there was nothing to change (both wordings). */
export function isNoChangesReason(reason: string | undefined): boolean {
  return (
    reason !== undefined &&
    (/didn't contain changes/i.test(reason) || /No updates are to be performed/i.test(reason))
  );
}

/** Wraps an SDK error with what was being attempted, keeping the error as the cause. */
export function wrapAwsError(what: string, error: unknown): Error {
  const name = awsErrorName(error);
  return new Error(
    `${what}: ${name && name !== 'Error' ? `${name}: ` : ''}${errorMessage(error)}`,
    {
      cause: error,
    },
  );
}
