import { errorMessage } from '../shared/errors.js';

/**
 * A cancelled job sends SIGINT then SIGTERM (and a user at a terminal presses Ctrl-C). Both
 * abort the waits (through the signal) so the run can clean up its plan and say what is still
 * running in AWS, then exit non-zero. Shared by the action and the CLI.
 */
export interface Cancellation {
  readonly signal: AbortSignal;
  /** The failure message for a run stopped by cancellation. */
  describe(error: unknown, mode?: string): string;
  dispose(): void;
}

/** Listens for SIGINT and SIGTERM on `proc` (the process by default) until dispose(). */
export function cancellation(proc: Pick<NodeJS.Process, 'on' | 'off'> = process): Cancellation {
  const controller = new AbortController();
  const onSignal = (name: string) => () =>
    controller.abort(new Error(`The job was cancelled (${name}).`));
  const handlers = [
    ['SIGINT', onSignal('SIGINT')],
    ['SIGTERM', onSignal('SIGTERM')],
  ] as const;
  for (const [name, handler] of handlers) proc.on(name, handler);
  return {
    signal: controller.signal,
    describe: (error: unknown, mode?: string) =>
      `${errorMessage(controller.signal.reason)}` +
      (error === controller.signal.reason
        ? ''
        : /^waiting for /.test(errorMessage(error))
          ? ` Stopped while ${errorMessage(error)}.`
          : ` Stopped with: ${errorMessage(error)}.`) +
      (mode === 'plan'
        ? ' The plan removed the change sets it had made; nothing was executed.'
        : ' A stack operation that had already started keeps running in AWS; the next run waits for it.'),
    dispose: () => {
      for (const [name, handler] of handlers) proc.off(name, handler);
    },
  };
}
