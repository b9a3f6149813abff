/**
 * ExecuteChangeSet as a schedule of events: resources progress in dependency waves (one
 * `resourceMs` each), then the stack completes (outcomes.ts), or, when a scripted failure hits,
 * the failed resource's event carries the root cause, the others in flight are cancelled, and
 * the stack rolls back (rollback.ts).
 */
import { buildTarget, identitiesOf, snapshot } from './deployment.js';
import { failStack, finishCreate, finishUpdate } from './outcomes.js';
import type { Run } from './outcomes.js';
import { failedList, rollbackCreate, rollbackUpdate } from './rollback.js';
import type { ProviderPlan } from './providers.js';
import type { CfnState } from './state.js';
import { stackShape } from './stacks.js';
import { waves } from './template-model.js';
import type { ChangeSetRecord, StackRecord } from './types.js';

export interface ExecuteOptions {
  readonly token?: string;
  readonly disableRollback: boolean;
  readonly retainExceptOnCreate?: boolean;
}

/**
 * A named resource whose name is already taken in the account (a bucket a failed create
 * retained, for one) fails to create with "NAME already exists", as CloudFormation reports it.
 */
function nameTaken(state: CfnState, stack: StackRecord, type: string, physicalId: string) {
  const live = [...state.stacks.values()].flatMap((s) =>
    s === stack ? [] : [...s.resources.values()].filter((r) => r.status !== 'DELETE_COMPLETE'),
  );
  const all = [...live, ...state.retained.map((r) => r.resource)];
  return NAMED_TYPES.has(type) && all.some((r) => r.type === type && r.physicalId === physicalId);
}

/** Types whose physical ID is a name the user can choose, unique in the account. */
const NAMED_TYPES = new Set(['AWS::S3::Bucket']);

const REPLACING =
  'Requested update requires the creation of a new physical resource; hence creating one.';

/** Marks the change set and the stack as executing, as ExecuteChangeSet does before answering. */
function begin(
  state: CfnState,
  stack: StackRecord,
  cs: ChangeSetRecord,
  options: ExecuteOptions,
): void {
  const at = new Date(state.now());
  if (state.options.statusLagMs > 0) {
    stack.staleView = { until: at.getTime() + state.options.statusLagMs, shape: stackShape(stack) };
  }
  for (const other of state.changeSetsOf(stack)) {
    if (other === cs) continue;
    if (state.options.otherChangeSetsOnExecute === 'delete') state.changeSets.delete(other.id);
    else other.executionStatus = 'OBSOLETE';
  }
  cs.executionStatus = 'EXECUTE_IN_PROGRESS';
  stack.changeSetId = cs.id;
  stack.disableRollback = options.disableRollback;
  if (cs.type === 'UPDATE') {
    stack.previous = snapshot(stack);
    stack.lastUpdatedTime = at;
  }
  const status = cs.type === 'CREATE' ? 'CREATE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS';
  state.stackEvent(stack, at, status, 'User Initiated', options.token);
}

/** Schedules one wave: IN_PROGRESS at `start`, COMPLETE (or FAILED, if it is the failed wave) after. */
function scheduleWave(
  run: Run,
  wave: readonly string[],
  start: number,
  failing: boolean,
  duration: number,
  provided: ReadonlyMap<string, ProviderPlan>,
): void {
  const { state, stack, token } = run;
  for (const id of wave) {
    const providerPlan = provided.get(id);
    if (providerPlan) {
      const isNewResource = !run.before.resources.has(id);
      const identity = run.target.identities.get(id)!;
      const properties =
        run.target.evaluated.resources.find((r) => r.logicalId === id)?.properties ?? {};
      state.schedule(start, (at) =>
        state.providers
          .get(run.typeOf(id))
          ?.begin(
            isNewResource ? 'create' : 'update',
            identity.physicalId,
            properties,
            identity.attributes,
            providerPlan,
            at.getTime(),
          ),
      );
    }
    const isNew = !run.before.resources.has(id);
    const physicalId = run.target.identities.get(id)!.physicalId;
    const e = { logicalId: id, type: run.typeOf(id) };
    const emit = (at: Date, more: { status: string; reason?: string; physicalId?: string }) =>
      state.resourceEvent(stack, at, { ...e, ...more }, token);
    state.schedule(start, (at) => {
      if (isNew) {
        emit(at, { status: 'CREATE_IN_PROGRESS', physicalId: '' });
        emit(at, {
          status: 'CREATE_IN_PROGRESS',
          reason: 'Resource creation Initiated',
          physicalId,
        });
      } else if (run.replaced.has(id)) {
        emit(at, { status: 'UPDATE_IN_PROGRESS', reason: REPLACING, physicalId });
      } else emit(at, { status: 'UPDATE_IN_PROGRESS' });
    });
    state.schedule(start + duration, (at) => {
      const verb = isNew ? 'CREATE' : 'UPDATE';
      if (!failing) return emit(at, { status: `${verb}_COMPLETE`, physicalId });
      const cancelled = `Resource ${isNew ? 'creation' : 'update'} cancelled`;
      emit(at, {
        status: `${verb}_FAILED`,
        reason: run.failures.get(id)?.reason ?? cancelled,
        physicalId,
      });
    });
  }
}

export function startExecution(
  state: CfnState,
  stack: StackRecord,
  cs: ChangeSetRecord,
  options: ExecuteOptions,
): void {
  const t0 = state.now();
  const R = state.options.resourceMs;
  const before = snapshot(stack);
  begin(state, stack, cs, options);
  const replaced = new Set(cs.replaced);
  const keep = identitiesOf(stack, replaced);
  const target = buildTarget(
    cs.template,
    cs.parameters,
    state.pseudo(stack),
    keep,
    state.idContext(stack),
  );
  const modified = new Set(
    cs.changes
      .filter((c) => c.ResourceChange.Action === 'Modify')
      .map((c) => String(c.ResourceChange.LogicalResourceId)),
  );
  const plan = waves(
    target.evaluated.resources,
    (id) => !before.resources.has(id) || modified.has(id),
  );
  const types = new Map(target.evaluated.resources.map((r) => [r.logicalId, r.type]));
  const run: Run = {
    state,
    stack,
    cs,
    token: options.token,
    target,
    before,
    replaced,
    touched: [],
    failures: new Map(),
    retainExceptOnCreate: options.retainExceptOnCreate ?? false,
    typeOf: (id) =>
      types.get(id) ?? before.resources.get(id)?.type ?? 'AWS::CloudFormation::Unknown',
  };

  // Scripted failures are taken wave by wave: later waves never start. A resource made through
  // another fake service (providers.ts) takes that service's time and fails when it says so.
  let failedWave = -1;
  const durations: number[] = [];
  const provided = new Map<string, ProviderPlan>();
  for (const [k, wave] of plan.entries()) {
    durations[k] = R;
    for (const id of wave) {
      const operation = before.resources.has(id) ? 'update' : 'create';
      const provider = state.providers.get(run.typeOf(id));
      const properties = target.evaluated.resources.find((r) => r.logicalId === id)?.properties;
      const providerPlan = provider?.plan(operation, properties ?? {});
      if (providerPlan) {
        provided.set(id, providerPlan);
        durations[k] = Math.max(durations[k]!, providerPlan.durationMs);
      }
      const physicalId = target.identities.get(id)?.physicalId ?? '';
      const failure =
        state.takeResourceFailure(stack.name, id, operation) ??
        (operation === 'create' && nameTaken(state, stack, run.typeOf(id), physicalId)
          ? { stackName: stack.name, logicalId: id, reason: `${physicalId} already exists` }
          : providerPlan?.failureReason !== undefined
            ? { stackName: stack.name, logicalId: id, reason: providerPlan.failureReason }
            : undefined);
      if (failure) run.failures.set(id, failure);
    }
    run.touched.push(...wave);
    if (run.failures.size > 0) {
      failedWave = k;
      break;
    }
  }
  const last = failedWave >= 0 ? failedWave : plan.length - 1;
  let start = t0 + 1;
  for (let k = 0; k <= last; k++) {
    scheduleWave(run, plan[k]!, start, k === failedWave, durations[k]!, provided);
    start += durations[k]! + 1;
  }
  const tEnd = start;
  const creating = cs.type === 'CREATE';
  if (failedWave < 0) return creating ? finishCreate(run, tEnd) : finishUpdate(run, tEnd);

  // The resources cancelled in the failed wave are listed too: they ended *_FAILED as well.
  const failed = plan[failedWave]!;
  const reason =
    failedList(
      'create',
      failed.filter((id) => !before.resources.has(id)),
    ) +
    failedList(
      'update',
      failed.filter((id) => before.resources.has(id)),
    );
  if (options.disableRollback || (creating && cs.onStackFailure === 'DO_NOTHING')) {
    return failStack(run, tEnd, reason);
  }
  return creating ? rollbackCreate(run, tEnd, reason) : rollbackUpdate(run, tEnd, reason);
}
