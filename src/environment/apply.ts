/**
 * Deploying the environment stack: CloudFormation waits 20 to 40 minutes for a new environment
 * (10 to 30 for an update), so the environment's own status (GetEnvironment) is logged while it
 * waits, MWAA's `LastUpdate.Error` is put beside CloudFormation's event on failure, and success
 * is this update's `LastUpdate.Status` SUCCESS: an environment reads AVAILABLE again after a
 * failed update that MWAA rolled back.
 */
import { StackOperationError } from '../cfn/operation.js';
import { applyStack } from '../deploy/apply-stack.js';
import type { AppliedStack } from '../deploy/apply-stack.js';
import type { EngineContext } from '../plan/context.js';
import type { StackPlan } from '../plan/model.js';
import type { PlannedStack } from '../plan/plan-stack.js';
import { errorMessage } from '../shared/errors.js';
import { lastUpdateError } from './mwaa-api.js';
import type { MwaaEnvironment, MwaaReader } from './mwaa-api.js';

/** Clocks disagree a little: an update this much older than our start still counts as ours. */
const CLOCK_SKEW_MS = 60_000;
/** The watcher polls at least this often, and at most every 2 minutes. */
const WATCH = { minMs: 1_000, maxMs: 120_000, fraction: 0.1 } as const;

/** Raised when the environment did not end where the deploy meant it to. */
export class EnvironmentDeployError extends Error {}

/**
 * Applies the planned environment stack (as {@link applyStack} does) while logging the
 * environment's status; adds MWAA's root cause to a failure, and fails a "successful" stack
 * operation whose environment update did not succeed.
 */
export async function applyEnvironmentStack(
  planned: PlannedStack,
  ctx: EngineContext,
  mwaa: MwaaReader,
  admit: (plan: StackPlan) => void,
): Promise<AppliedStack> {
  const name = ctx.settings.environmentName;
  const startedAt = ctx.clock.now();
  const watcher = watchEnvironment(name, ctx, mwaa, startedAt);
  let applied: AppliedStack;
  try {
    applied = await applyStack(planned, ctx, admit);
  } catch (error) {
    await watcher.stop();
    throw await explainFailure(error, name, mwaa, watcher.lastSeen());
  }
  await watcher.stop();
  if (applied.result === 'unchanged') return applied;
  const environment = await mwaa.getEnvironment(name);
  const problem = outcomeProblem(environment, startedAt);
  if (problem !== undefined) {
    throw new EnvironmentDeployError(
      `Stack ${applied.stackName} ${applied.result === 'created' ? 'was created' : 'was updated'}, but ${problem}`,
    );
  }
  ctx.log.info(`MWAA environment ${name} is AVAILABLE; its last update succeeded.`);
  return applied;
}

/**
 * The stack's error with the environment's side of it: MWAA's root cause (LastUpdate.Error) when
 * there is one, and on a timeout always the environment's status, so the step says what is still
 * going on in AWS. Any other error without an MWAA cause is returned as it is.
 */
async function explainFailure(
  error: unknown,
  name: string,
  mwaa: MwaaReader,
  lastSeen: MwaaEnvironment | undefined,
): Promise<unknown> {
  let unreadable = false;
  const now = await mwaa.getEnvironment(name).catch(() => {
    unreadable = true;
    return undefined;
  });
  // CloudFormation's rollback may already have deleted a failed environment: then the error
  // the watcher saw while it existed is all there is.
  const environment = lastUpdateError(now) !== undefined ? now : (lastSeen ?? now);
  const cause = lastUpdateError(environment);
  const timedOut = error instanceof StackOperationError && error.status === 'TIMEOUT';
  if (cause === undefined && !timedOut) return error;
  // A failed create is deleted by CloudFormation's rollback (MWAA takes ~20 minutes to do it):
  // say the environment is gone rather than quote the last status the watcher saw.
  const state = unreadable
    ? `could not be read (last seen ${lastSeen?.Status ?? 'never'})`
    : now !== undefined
      ? `is ${now.Status ?? 'in no state'}`
      : lastSeen !== undefined
        ? 'was deleted by the rollback'
        : 'does not exist yet';
  const last =
    cause === undefined
      ? 'no error from MWAA so far'
      : `its last update ${environment?.LastUpdate?.Status ?? 'failed'}: ${cause}`;
  return new EnvironmentDeployError(
    `${errorMessage(error)}\nMWAA environment ${name} ${state}; ${last}`,
    { cause: error },
  );
}

/** Why the environment did not end AVAILABLE with this update's LastUpdate SUCCESS, if it did not. */
export function outcomeProblem(
  environment: MwaaEnvironment | undefined,
  startedAt: number,
): string | undefined {
  if (environment === undefined) return 'the MWAA environment does not exist.';
  const last = environment.LastUpdate;
  const lastAt = (last?.CreatedAt ?? 0) * 1000;
  const ours = last !== undefined && lastAt >= startedAt - CLOCK_SKEW_MS;
  if (ours && last.Status !== 'SUCCESS') {
    const cause = lastUpdateError(environment) ?? 'no error given';
    return `the environment's last update ended ${last.Status ?? 'without a status'} (${cause}); it reads ${environment.Status ?? 'no status'}.`;
  }
  if (environment.Status !== 'AVAILABLE') {
    return `the MWAA environment is ${environment.Status ?? 'in no state'}, not AVAILABLE${lastUpdateError(environment) ? ` (${lastUpdateError(environment)})` : ''}.`;
  }
  return undefined;
}

/**
 * Logs the environment's status each time it changes (with the minutes waited), until stopped.
 * A failing GetEnvironment is logged once and never fails the deploy: CloudFormation's wait
 * decides the outcome; this only explains it.
 */
function watchEnvironment(
  name: string,
  ctx: EngineContext,
  mwaa: MwaaReader,
  startedAt: number,
): { stop: () => Promise<void>; lastSeen: () => MwaaEnvironment | undefined } {
  const stopper = new AbortController();
  let last = '';
  let seen: MwaaEnvironment | undefined;
  let warned = false;
  const loop = (async () => {
    while (!stopper.signal.aborted && !ctx.signal?.aborted) {
      try {
        const environment = await mwaa.getEnvironment(name);
        if (environment) seen = environment;
        // Gone after it was seen: deleted (a failed create's rollback), MWAA's DELETED.
        const status = environment?.Status ?? (seen ? 'DELETED' : 'NOT_CREATED_YET');
        if (status !== last) {
          const minutes = Math.floor((ctx.clock.now() - startedAt) / 60_000);
          const failed =
            environment?.LastUpdate?.Status === 'FAILED' ? lastUpdateError(environment) : undefined;
          ctx.log.info(
            `MWAA environment ${name}: ${status} (${minutes} min)${failed ? `; last update FAILED: ${failed}` : ''}`,
          );
          last = status;
        }
      } catch (error) {
        if (!warned)
          ctx.log.warning(`Could not read MWAA environment ${name}: ${errorMessage(error)}`);
        warned = true;
      }
      const elapsed = ctx.clock.now() - startedAt;
      const delay = Math.min(WATCH.maxMs, Math.max(WATCH.minMs, elapsed * WATCH.fraction));
      await ctx.clock.sleep(delay, stopper.signal).catch(() => undefined);
    }
  })();
  return {
    lastSeen: () => seen,
    stop: async () => {
      stopper.abort();
      await loop;
    },
  };
}
