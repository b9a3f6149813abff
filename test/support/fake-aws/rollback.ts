/**
 * Rollbacks after a failed execution, with CloudFormation's statuses: a create rolls back by
 * deleting what it made (ROLLBACK_COMPLETE, or ROLLBACK_FAILED if a deletion fails); an update
 * puts the old configuration back, then deletes what it created (UPDATE_ROLLBACK_COMPLETE, or
 * UPDATE_ROLLBACK_FAILED, which waits for ContinueUpdateRollback).
 */
import { restore } from './deployment.js';
import { scheduleDeletion } from './lifecycle.js';
import type { Run } from './outcomes.js';
import { deleteThroughProvider } from './providers.js';

/** CloudFormation's "The following resource(s) failed to …: [A, B]. " (empty for no resources). */
export function failedList(verb: string, ids: readonly string[]): string {
  return ids.length > 0 ? `The following resource(s) failed to ${verb}: [${ids.join(', ')}]. ` : '';
}

export function rollbackCreate(run: Run, tf: number, reason: string): void {
  const { state, stack, cs, token } = run;
  const R = state.options.resourceMs;
  const stuck = run.touched.filter((id) => run.failures.get(id)?.rollbackReason !== undefined);
  state.schedule(tf, (at) =>
    state.stackEvent(
      stack,
      at,
      'ROLLBACK_IN_PROGRESS',
      `${reason}Rollback requested by user.`,
      token,
    ),
  );
  const finishRollback = (at: Date) => {
    // GetTemplate still answers with the template of a stack that failed to create.
    stack.templateBody = cs.templateBody;
    stack.template = cs.template;
    stack.parameters = cs.parameters;
    cs.executionStatus = 'EXECUTE_FAILED';
    if (stuck.length > 0) {
      return state.stackEvent(stack, at, 'ROLLBACK_FAILED', failedList('delete', stuck), token);
    }
    state.stackEvent(stack, at, 'ROLLBACK_COMPLETE', undefined, token);
    if (cs.onStackFailure === 'DELETE') scheduleDeletion(state, stack, token, at.getTime() + 1);
  };
  // Each resource's DELETE_COMPLETE comes when its deletion is done: a resource made through
  // another fake service (providers.ts) is deleted there and takes that service's time (an
  // MWAA environment is DELETING for ~20 minutes), and the stack stays ROLLBACK_IN_PROGRESS
  // until the last one is gone (AWS CloudFormation waits for the resource handler's delete).
  let lastDone = tf + 1 + R;
  for (const id of [...run.touched].reverse()) {
    const e = { logicalId: id, type: run.typeOf(id) };
    // DeletionPolicy Retain applies to a create's rollback too: the resource stays in the
    // account (DELETE_SKIPPED). RetainExceptOnCreate, or ExecuteChangeSet's
    // RetainExceptOnCreate=true, deletes what this create made. (AWS CloudFormation User Guide,
    // "DeletionPolicy attribute", RetainExceptOnCreate, added July 2023.)
    // Only a resource that was created can stay: not the failed one, nor those cancelled.
    const policy = cs.template.Resources[id]?.DeletionPolicy;
    state.schedule(tf + 1, (at) => {
      const retain =
        policy === 'Retain' &&
        !run.retainExceptOnCreate &&
        stack.resources.get(id)?.status === 'CREATE_COMPLETE';
      state.resourceEvent(stack, at, { ...e, status: 'DELETE_IN_PROGRESS' }, token);
      const identity = run.target.identities.get(id);
      const providerMs =
        !retain && identity
          ? deleteThroughProvider(state.providers, e.type, identity, at.getTime())
          : undefined;
      const done = at.getTime() + Math.max(R, providerMs ?? 0);
      lastDone = Math.max(lastDone, done);
      state.schedule(done, (end) => {
        const failure = run.failures.get(id)?.rollbackReason;
        if (retain) {
          const record = stack.resources.get(id);
          if (record) state.retained.push({ stackName: stack.name, resource: { ...record } });
        }
        const status = retain
          ? 'DELETE_SKIPPED'
          : failure !== undefined
            ? 'DELETE_FAILED'
            : 'DELETE_COMPLETE';
        state.resourceEvent(stack, end, { ...e, status, reason: failure }, token);
      });
    });
  }
  // Scheduled after every deletion above has started, so it knows when the last one ends.
  state.schedule(tf + 1, () => state.schedule(lastDone + 1, (at) => finishRollback(at)));
}

export function rollbackUpdate(run: Run, tf: number, reason: string): void {
  const { state, stack, before, token } = run;
  const R = state.options.resourceMs;
  const updated = run.touched.filter((id) => before.resources.has(id));
  const created = run.touched.filter((id) => !before.resources.has(id) || run.replaced.has(id));
  const stuck = updated.filter((id) => run.failures.get(id)?.rollbackReason !== undefined);
  state.schedule(tf, (at) =>
    state.stackEvent(stack, at, 'UPDATE_ROLLBACK_IN_PROGRESS', reason, token),
  );
  for (const id of updated) {
    const old = before.resources.get(id)!;
    const e = { logicalId: id, type: old.type, physicalId: old.physicalId };
    state.schedule(tf + 1, (at) =>
      state.resourceEvent(stack, at, { ...e, status: 'UPDATE_IN_PROGRESS' }, token),
    );
    state.schedule(tf + 1 + R, (at) => {
      const failure = run.failures.get(id)?.rollbackReason;
      const status = failure !== undefined ? 'UPDATE_FAILED' : 'UPDATE_COMPLETE';
      state.resourceEvent(stack, at, { ...e, status, reason: failure }, token);
    });
  }
  const t1 = tf + 2 + R;
  if (stuck.length > 0) {
    state.schedule(t1, (at) => {
      state.stackEvent(stack, at, 'UPDATE_ROLLBACK_FAILED', failedList('update', stuck), token);
      run.cs.executionStatus = 'EXECUTE_FAILED';
    });
    return;
  }
  // What the failed update created is only removed once the old configuration is back.
  state.schedule(t1, (at) => {
    restore(stack, before, updated, at);
    state.stackEvent(stack, at, 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', undefined, token);
  });
  for (const id of created) {
    const e = {
      logicalId: id,
      type: run.typeOf(id),
      physicalId: run.target.identities.get(id)?.physicalId,
    };
    state.schedule(t1 + 1, (at) =>
      state.event(stack, at, { ...e, status: 'DELETE_IN_PROGRESS' }, token),
    );
    state.schedule(t1 + 1 + R, (at) =>
      state.event(stack, at, { ...e, status: 'DELETE_COMPLETE' }, token),
    );
  }
  state.schedule(t1 + 2 + (created.length > 0 ? R : 0), (at) => {
    state.stackEvent(stack, at, 'UPDATE_ROLLBACK_COMPLETE', undefined, token);
    run.cs.executionStatus = 'EXECUTE_FAILED';
  });
}
