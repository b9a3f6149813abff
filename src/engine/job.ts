/**
 * One orchestration for both shells (the action and the CLI): open the AWS session, name the
 * run, run the mode with the gate and cancellation. A shell reads its inputs, calls runJob and
 * presents the result; every decision about what may execute is made below it.
 */
import { randomBytes } from 'node:crypto';
import type { EngineContext } from '../plan/context.js';
import type { Settings } from '../settings/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { TemplateBodies } from '../stacks/specs.js';
import type { ReviewSource } from './gate.js';
import { runMode } from './run.js';
import type { RunOptions, RunResult } from './run.js';
import { openSession } from './session.js';
import type { SessionDeps } from './session.js';

export interface JobDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly clock: Clock;
  readonly log: Logger;
  /** Aborts every wait (job cancellation, Ctrl-C). */
  readonly signal?: AbortSignal;
  /** Registers a secret so nothing prints it (core.setSecret in the action). */
  readonly onSecret: (value: string) => void;
  /** Where a deploy with require-reviewed-plan reads the reviewed plan from. */
  readonly review?: ReviewSource;
  /** Sees the plan (with its fingerprint) before anything executes. */
  readonly onPlan?: RunOptions['onPlan'];
  /** Session options a library caller may replace (token source, client factory). */
  readonly session?: Pick<SessionDeps, 'getIdToken' | 'createClients'>;
}

/**
 * A label unique to this run, for change set names and client tokens: the workflow run's ID
 * and attempt on Actions (so a re-run is told apart), `local` elsewhere, and a random suffix
 * so two runs of the same attempt never share a change set.
 */
export function runLabelFor(env: Readonly<Record<string, string | undefined>>): string {
  const random = randomBytes(3).toString('hex');
  return env.GITHUB_RUN_ID
    ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${random}`
    : `local-${random}`;
}

/** Credentials, then the mode: what the action and the CLI both do once their inputs are read. */
export async function runJob(
  settings: Settings,
  templates: TemplateBodies,
  deps: JobDeps,
): Promise<RunResult> {
  const session = await openSession(settings, {
    env: deps.env,
    clock: deps.clock,
    log: deps.log,
    onSecret: deps.onSecret,
    ...deps.session,
  });
  const ctx: EngineContext = {
    settings,
    cfn: session.clients.cloudformation,
    clock: deps.clock,
    log: deps.log,
    runLabel: runLabelFor(deps.env),
    ...(session.environment && { environment: session.environment }),
    ...(deps.signal ? { signal: deps.signal } : {}),
  };
  return runMode(ctx, session, templates, {
    ...(deps.onPlan ? { onPlan: deps.onPlan } : {}),
    ...(deps.review ? { review: deps.review } : {}),
  });
}
