/**
 * Stack operations other than executing a change set: deletion (dependents first, retained
 * resources skipped, a scripted failure ending in DELETE_FAILED) and ContinueUpdateRollback.
 */
import { restore } from './deployment.js';
import { deleteThroughProvider } from './providers.js';
import { isRetained } from './retain.js';
import type { CfnState } from './state.js';
import { evaluate, waves } from './template-model.js';
import type { Identity } from './physical-ids.js';
import type { StackRecord } from './types.js';

/** The live resources in deletion order: waves of the dependency graph, last wave first. */
function deletionWaves(state: CfnState, stack: StackRecord): string[][] {
  const live = [...stack.resources.values()].filter(
    (r) => r.status !== 'DELETE_COMPLETE' && r.physicalId,
  );
  const ids = new Set(live.map((r) => r.logicalId));
  if (!stack.template || ids.size === 0) return ids.size ? [[...ids]] : [];
  try {
    const known = new Map<string, Identity>();
    for (const r of live)
      known.set(r.logicalId, { physicalId: r.physicalId!, attributes: r.attributes });
    const { resources } = evaluate(stack.template, stack.parameters, state.pseudo(stack), known);
    const inTemplate = resources.filter((r) => ids.has(r.logicalId));
    const order = waves(inTemplate, () => true).reverse();
    const placed = new Set(order.flat());
    const rest = [...ids].filter((id) => !placed.has(id));
    return rest.length > 0 ? [rest, ...order] : order;
  } catch {
    return [[...ids].reverse()];
  }
}

/** DELETE_IN_PROGRESS → resources deleted → DELETE_COMPLETE and gone, from time `t0`. */
export function scheduleDeletion(
  state: CfnState,
  stack: StackRecord,
  token: string | undefined,
  t0: number,
): void {
  const R = state.options.resourceMs;
  state.schedule(t0, (at) =>
    state.stackEvent(stack, at, 'DELETE_IN_PROGRESS', 'User Initiated', token),
  );
  let t = t0 + 1;
  // Resolved when the first wave is reached, so that it sees the resources as they are then.
  state.schedule(t0, () => {
    const plan = deletionWaves(state, stack);
    for (const wave of plan) {
      const failed: string[] = [];
      // A wave ends with its slowest deletion: a resource made through another fake service
      // (providers.ts) is deleted there and takes that service's time.
      let waveMs = R;
      for (const id of wave) {
        const r = stack.resources.get(id)!;
        const retain = isRetained(stack.template?.Resources[id]?.DeletionPolicy);
        const failure = retain ? undefined : state.takeResourceFailure(stack.name, id, 'delete');
        if (failure) failed.push(id);
        const e = { logicalId: id, type: r.type };
        const provider = retain || failure ? undefined : state.providers.get(r.type);
        const ms = Math.max(R, provider?.plan('delete', {}).durationMs ?? 0);
        waveMs = Math.max(waveMs, ms);
        state.schedule(t, (at) => {
          state.resourceEvent(stack, at, { ...e, status: 'DELETE_IN_PROGRESS' }, token);
          if (provider && r.physicalId) {
            deleteThroughProvider(
              state.providers,
              r.type,
              { physicalId: r.physicalId, attributes: r.attributes },
              at.getTime(),
            );
          }
        });
        state.schedule(t + ms, (at) => {
          const status = retain ? 'DELETE_SKIPPED' : failure ? 'DELETE_FAILED' : 'DELETE_COMPLETE';
          state.resourceEvent(stack, at, { ...e, status, reason: failure?.reason }, token);
        });
      }
      t += waveMs + 1;
      if (failed.length > 0) {
        const reason = `The following resource(s) failed to delete: [${failed.join(', ')}]. `;
        state.schedule(t, (at) => state.stackEvent(stack, at, 'DELETE_FAILED', reason, token));
        return;
      }
    }
    state.schedule(t, (at) => {
      state.stackEvent(stack, at, 'DELETE_COMPLETE', undefined, token);
      state.forget(stack, at);
    });
  });
}

/** From UPDATE_ROLLBACK_FAILED: the rollback is retried and, here, always succeeds. */
export function scheduleContinueRollback(
  state: CfnState,
  stack: StackRecord,
  token: string | undefined,
): void {
  const t0 = state.now();
  const R = state.options.resourceMs;
  const previous = stack.previous;
  state.stackEvent(stack, new Date(t0), 'UPDATE_ROLLBACK_IN_PROGRESS', 'User Initiated', token);
  const failed = [...stack.resources.values()].filter((r) => r.status.endsWith('_FAILED'));
  for (const r of failed) {
    const e = { logicalId: r.logicalId, type: r.type };
    state.schedule(t0 + 1, (at) =>
      state.resourceEvent(stack, at, { ...e, status: 'UPDATE_IN_PROGRESS' }, token),
    );
    state.schedule(t0 + 1 + R, (at) =>
      state.resourceEvent(stack, at, { ...e, status: 'UPDATE_COMPLETE' }, token),
    );
  }
  state.schedule(t0 + 2 + R, (at) => {
    if (previous)
      restore(
        stack,
        previous,
        failed.map((r) => r.logicalId),
        at,
      );
    state.stackEvent(stack, at, 'UPDATE_ROLLBACK_COMPLETE', undefined, token);
  });
}
