/** How an execution ends when nothing fails, or fails with rollback disabled. */
import { install } from './deployment.js';
import { isRetained } from './retain.js';
import type { Target } from './deployment.js';
import type { CfnState } from './state.js';
import type { ChangeSetRecord, ResourceFailure, StackContent, StackRecord } from './types.js';

/** One execution of a change set, as the schedule's steps see it. */
export interface Run {
  readonly state: CfnState;
  readonly stack: StackRecord;
  readonly cs: ChangeSetRecord;
  readonly token?: string;
  readonly target: Target;
  /** The stack's content before the execution. */
  readonly before: StackContent;
  readonly replaced: ReadonlySet<string>;
  /** Resources touched, wave by wave, up to the failed wave. */
  readonly touched: string[];
  readonly failures: Map<string, ResourceFailure>;
  /** ExecuteChangeSet's RetainExceptOnCreate: a rollback deletes what this run created. */
  readonly retainExceptOnCreate: boolean;
  readonly typeOf: (logicalId: string) => string;
}

function installTarget(run: Run, at: Date): void {
  const { stack, cs } = run;
  install(stack, run.target, cs, at);
  if (cs.tagsGiven) stack.tags = cs.tags;
  stack.capabilities = cs.capabilities;
  stack.description = cs.template.Description;
}

export function finishCreate(run: Run, tEnd: number): void {
  run.state.schedule(tEnd, (at) => {
    installTarget(run, at);
    run.state.stackEvent(run.stack, at, 'CREATE_COMPLETE', undefined, run.token);
    run.cs.executionStatus = 'EXECUTE_COMPLETE';
  });
}

/** After an update, cleanup deletes removed resources and the old copies of replaced ones. */
export function finishUpdate(run: Run, tEnd: number): void {
  const { state, stack, before, token } = run;
  const R = state.options.resourceMs;
  const kept = new Set(run.target.evaluated.resources.map((r) => r.logicalId));
  const old = [...before.resources.values()].filter(
    (r) => !kept.has(r.logicalId) || run.replaced.has(r.logicalId),
  );
  state.schedule(tEnd, (at) => {
    installTarget(run, at);
    state.stackEvent(stack, at, 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', undefined, token);
  });
  for (const r of old) {
    const removed = !kept.has(r.logicalId);
    const definition = before.template?.Resources[r.logicalId];
    const policy = removed ? definition?.DeletionPolicy : definition?.UpdateReplacePolicy;
    const e = { logicalId: r.logicalId, type: r.type, physicalId: r.physicalId };
    state.schedule(tEnd + 1, (at) =>
      state.event(stack, at, { ...e, status: 'DELETE_IN_PROGRESS' }, token),
    );
    state.schedule(tEnd + 1 + R, (at) => {
      // A failed cleanup is only reported: the update itself has succeeded (UPDATE_COMPLETE),
      // for a removed resource as for the old copy of a replaced one (an old VPC that a
      // security group still lives in: "The vpc 'vpc-...' has dependencies and cannot be
      // deleted"). The resource stays in the account, outside the stack.
      const failure = isRetained(policy)
        ? undefined
        : state.takeResourceFailure(stack.name, r.logicalId, 'delete');
      const retain = isRetained(policy);
      const status = retain ? 'DELETE_SKIPPED' : failure ? 'DELETE_FAILED' : 'DELETE_COMPLETE';
      if (retain) state.retained.push({ stackName: stack.name, resource: r });
      state.event(stack, at, { ...e, status, reason: failure?.reason }, token);
    });
  }
  state.schedule(tEnd + 2 + (old.length > 0 ? R : 0), (at) => {
    state.stackEvent(stack, at, 'UPDATE_COMPLETE', undefined, token);
    run.cs.executionStatus = 'EXECUTE_COMPLETE';
    stack.previous = undefined;
  });
}

/** DisableRollback (or OnStackFailure DO_NOTHING): CREATE_FAILED / UPDATE_FAILED, resources kept. */
export function failStack(run: Run, tEnd: number, reason: string): void {
  const status = run.cs.type === 'CREATE' ? 'CREATE_FAILED' : 'UPDATE_FAILED';
  run.state.schedule(tEnd, (at) => {
    run.state.stackEvent(run.stack, at, status, reason, run.token);
    run.cs.executionStatus = 'EXECUTE_FAILED';
  });
}
