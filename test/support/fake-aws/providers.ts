/**
 * Resource types whose creation, update and deletion go through another fake service, as
 * CloudFormation's resource handlers call the real services: the operation takes that service's
 * time and fails when that service says so. Today: AWS::MWAA::Environment through the fake MWAA.
 */
import type { FakeMwaa, PlannedOperation } from './mwaa.js';

export type ProviderOperation = 'create' | 'update' | 'delete';

export interface ProviderPlan {
  readonly durationMs: number;
  /** CloudFormation's event reason when the operation fails. */
  readonly failureReason?: string;
  readonly planned: PlannedOperation;
}

export interface ResourceProvider {
  /** Decides, when CloudFormation reaches the resource, how long it takes and whether it fails. */
  plan(operation: ProviderOperation, properties: Record<string, unknown>): ProviderPlan;
  /** Starts the operation in the service at `at` (ms). */
  begin(
    operation: ProviderOperation,
    physicalId: string,
    properties: Record<string, unknown>,
    attributes: Record<string, string>,
    plan: ProviderPlan,
    at: number,
  ): void;
}

/**
 * Deletes a resource through its provider when its type has one, starting at `at` (ms), and
 * returns how long CloudFormation then waits for it: the service's own deletion time, which
 * CloudFormation's handler waits out (an MWAA environment is DELETING for about 20 minutes
 * before it is gone, and the stack stays *_IN_PROGRESS meanwhile). Undefined without a provider.
 */
export function deleteThroughProvider(
  providers: ReadonlyMap<string, ResourceProvider>,
  type: string,
  identity: { readonly physicalId: string; readonly attributes: Record<string, string> },
  at: number,
): number | undefined {
  const provider = providers.get(type);
  if (!provider) return undefined;
  const plan = provider.plan('delete', {});
  provider.begin('delete', identity.physicalId, {}, identity.attributes, plan, at);
  return plan.durationMs;
}

/**
 * The environment through the fake MWAA. CloudFormation's event for a failed environment says
 * it did not stabilise, without MWAA's own error: that is in GetEnvironment's LastUpdate.Error,
 * which is why the product reads it.
 */
export function mwaaProvider(mwaa: FakeMwaa): ResourceProvider {
  return {
    plan(operation, properties) {
      const planned = mwaa.plan(operation, properties);
      const name = String(properties['Name'] ?? '');
      const failed = operation === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED';
      return {
        durationMs: planned.durationMs,
        planned,
        ...(planned.error
          ? {
              failureReason: `Resource handler returned message: "Environment ${name} is in ${failed} state" (HandlerErrorCode: NotStabilized)`,
            }
          : {}),
      };
    },
    begin(operation, physicalId, properties, attributes, plan, at) {
      mwaa.begin(operation, physicalId, properties, attributes, plan.planned, at);
    },
  };
}
