import type { Cfn } from '../cfn/state.js';
import type { EnvironmentReaders } from '../environment/readers.js';
import type { Settings } from '../settings/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { StackRole } from '../stacks/types.js';

/** What planning and deploying need besides the stacks: clients, time, log and a run label. */
export interface EngineContext {
  readonly settings: Settings;
  readonly cfn: Cfn;
  readonly clock: Clock;
  readonly log: Logger;
  /** Names this run's change sets and tokens, e.g. the workflow run ID and attempt. */
  readonly runLabel: string;
  /** Aborts waits when the job is cancelled. */
  readonly signal?: AbortSignal;
  /** MWAA and CloudWatch Logs readers; only with `deploy-environment`. */
  readonly environment?: EnvironmentReaders;
}

/**
 * How long one operation of a stack may be waited for, and the input that sets it: the
 * environment stack has its own budget (a failed create and its rollback take 60 to 80 minutes),
 * so a VPC or prerequisite wait is not allowed to hang that long too.
 */
export function operationBudget(
  ctx: EngineContext,
  role: StackRole,
): { readonly timeoutMs: number; readonly timeoutInput: TimeoutInput } {
  return role === 'environment'
    ? {
        timeoutMs: ctx.settings.environmentTimeoutMinutes * 60_000,
        timeoutInput: 'environment-timeout-minutes',
      }
    : { timeoutMs: ctx.settings.timeoutMinutes * 60_000, timeoutInput: 'timeout-minutes' };
}

/** The inputs that bound stack waits. */
export type TimeoutInput = 'timeout-minutes' | 'environment-timeout-minutes';

/**
 * A change set or token name unique to this run: `[a-zA-Z][-a-zA-Z0-9]*`, at most 128
 * characters, as CloudFormation requires.
 */
export function runScopedName(prefix: string, ctx: EngineContext, suffix: string): string {
  const label = ctx.runLabel.replace(/[^a-zA-Z0-9-]/g, '-').replace(/-+/g, '-');
  return `${prefix}-${label}-${suffix}`.replace(/-+$/, '').slice(0, 128);
}
