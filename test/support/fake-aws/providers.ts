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
