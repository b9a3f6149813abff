/**
 * Drift detection: what changed in AWS outside CloudFormation since the last deploy (a
 * statement added to the execution role by hand, an ingress rule added in the console). A
 * deploy reverts it, so the plan shows it. Detection is asynchronous and can take a minute on
 * real stacks; it is bounded by the caller's timeout, and whatever stops it (not permitted,
 * timed out, a stack in a state that cannot be checked) becomes one line, never a failure.
 */
import {
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DetectStackDriftCommand,
} from '@aws-sdk/client-cloudformation';
import type { StackResourceDrift } from '@aws-sdk/client-cloudformation';
import { awsErrorName } from '../cfn/errors.js';
import { fewServerErrorRetries } from './server-errors.js';
import type { Cfn } from '../cfn/state.js';
import type { DriftedResource, StackDrift } from '../plan/model.js';
import type { Clock } from '../shared/clock.js';
import { errorMessage } from '../shared/errors.js';
import { PollTimeoutError, pollUntil } from '../shared/poll.js';

export interface DriftOptions {
  readonly clock: Clock;
  /** How long to wait for the detection to finish. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** Permission errors in each wording CloudFormation and IAM use. */
const NOT_PERMITTED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/;

function toDrifted(d: StackResourceDrift): DriftedResource {
  return {
    logicalId: d.LogicalResourceId ?? '',
    ...(d.PhysicalResourceId ? { physicalId: d.PhysicalResourceId } : {}),
    type: d.ResourceType ?? 'Unknown',
    status: d.StackResourceDriftStatus === 'DELETED' ? 'DELETED' : 'MODIFIED',
    differences: (d.PropertyDifferences ?? []).map((p) => ({
      path: p.PropertyPath ?? '',
      ...(p.ExpectedValue !== undefined ? { expected: p.ExpectedValue } : {}),
      ...(p.ActualValue !== undefined ? { actual: p.ActualValue } : {}),
      kind: p.DifferenceType ?? 'NOT_EQUAL',
    })),
  };
}

async function driftedResources(cfn: Cfn, stackName: string): Promise<DriftedResource[]> {
  const out: DriftedResource[] = [];
  let token: string | undefined;
  do {
    const page = await cfn.send(
      fewServerErrorRetries(
        new DescribeStackResourceDriftsCommand({
          StackName: stackName,
          StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'],
          MaxResults: 100,
          NextToken: token,
        }),
      ),
    );
    out.push(...(page.StackResourceDrifts ?? []).map(toDrifted));
    token = page.NextToken;
  } while (token);
  return out;
}

/**
 * Runs drift detection on one existing stack and returns what drifted, or why it could not
 * say. Only cancellation is thrown.
 */
export async function detectStackDrift(
  cfn: Cfn,
  stackName: string,
  options: DriftOptions,
): Promise<StackDrift> {
  const seconds = Math.round(options.timeoutMs / 1000);
  try {
    const { StackDriftDetectionId: id } = await cfn.send(
      fewServerErrorRetries(new DetectStackDriftCommand({ StackName: stackName })),
    );
    const status = await pollUntil(
      async () => {
        const s = await cfn.send(
          fewServerErrorRetries(
            new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: id }),
          ),
        );
        return s.DetectionStatus === 'DETECTION_IN_PROGRESS' ? undefined : s;
      },
      {
        clock: options.clock,
        timeoutMs: options.timeoutMs,
        what: `drift detection on stack ${stackName}`,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    // DETECTION_FAILED still reports the resources it could check (others were not supported).
    if (status.DetectionStatus === 'DETECTION_FAILED' && status.StackDriftStatus !== 'DRIFTED') {
      return {
        status: 'unavailable',
        reason: `drift detection failed${status.DetectionStatusReason ? `: ${status.DetectionStatusReason}` : ''}`,
      };
    }
    if (status.StackDriftStatus === 'IN_SYNC') return { status: 'checked', drifted: [] };
    return { status: 'checked', drifted: await driftedResources(cfn, stackName) };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (error instanceof PollTimeoutError) {
      return {
        status: 'unavailable',
        reason: `drift detection did not finish within ${seconds} s (drift-timeout-seconds)`,
      };
    }
    if (NOT_PERMITTED.test(awsErrorName(error))) {
      return {
        status: 'unavailable',
        reason:
          'drift detection is not permitted for this role (it needs cloudformation:DetectStackDrift, ' +
          'DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts and read access to the resources)',
      };
    }
    return { status: 'unavailable', reason: `drift detection failed: ${errorMessage(error)}` };
  }
}
