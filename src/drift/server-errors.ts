/**
 * Drift is information in a plan, not something a run must have: a drift call that
 * CloudFormation answers with a server error (5xx) gets one more try, not the client's ten
 * adaptive attempts. Why: an endpoint that does not implement drift detection (moto 5.2.1
 * answers DetectStackDrift with an HTTP 500 page) made every plan wait ~16 s for the retries
 * before going on without drift. Throttling and connection errors keep the client's retries.
 */
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';

/** Attempts of a drift call answered with a server error, the first one included. */
export const DRIFT_SERVER_ERROR_ATTEMPTS = 2;

/** Throttling answers (some come as 5xx) are left to the client's retry strategy. */
const THROTTLING =
  /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded)$/;

/**
 * A server error after the last attempt: without a status in `$metadata` or a cause, the SDK's
 * retry strategy counts it a client error and does not retry it.
 */
export class DriftServerError extends Error {
  override readonly name = 'DriftServerError';
}

/**
 * Adds to `command` (its own middleware stack, not the client's) a step inside the SDK's retry
 * loop that counts the 5xx answers and, at the {@link DRIFT_SERVER_ERROR_ATTEMPTS}th, throws a
 * {@link DriftServerError} the retry strategy sees as a client error, so it stops there.
 */
export function fewServerErrorRetries<I extends object, O extends MetadataBearer, C>(
  command: C & { readonly middlewareStack: MiddlewareStack<I, O> },
): C {
  let serverErrors = 0;
  const action = command.constructor.name.replace(/Command$/, '');
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        const status = e.$metadata?.httpStatusCode ?? 0;
        if (status < 500 || THROTTLING.test(e.name ?? '')) throw error;
        serverErrors += 1;
        if (serverErrors < DRIFT_SERVER_ERROR_ATTEMPTS) throw error;
        // No `cause`: the SDK's retry strategy looks into causes, and a 5xx one reads as transient.
        // A body that is not an AWS error document (moto's HTML page) leaves the name `Error`.
        const code = e.name && e.name !== 'Error' ? e.name : 'no AWS error code';
        throw new DriftServerError(
          `CloudFormation answered ${action} with HTTP ${status} (${code}) ${serverErrors} times`,
        );
      }
    },
    // Below the retry middleware (priority high in the same step), so inside its loop.
    { step: 'finalizeRequest', priority: 'low', name: 'mwaaDriftServerErrors' },
  );
  return command;
}
