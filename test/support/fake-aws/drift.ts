/**
 * CloudFormation drift detection, as the API reference describes it (DetectStackDrift,
 * DescribeStackDriftDetectionStatus, DescribeStackResourceDrifts):
 * - DetectStackDrift starts an asynchronous detection on an existing stack and returns a
 *   StackDriftDetectionId (a UUID, at most 36 characters); an unknown stack is a ValidationError
 *   "Stack with id X does not exist". A stack in a *_IN_PROGRESS or failed state cannot be
 *   checked (ValidationError; the wording is ours, the reference does not give it).
 * - DescribeStackDriftDetectionStatus answers DETECTION_IN_PROGRESS (StackDriftStatus absent)
 *   until the detection is done (`driftDetectionMs`), then DETECTION_COMPLETE with
 *   StackDriftStatus DRIFTED or IN_SYNC and DriftedStackResourceCount. An unknown ID is a
 *   ValidationError.
 * - DescribeStackResourceDrifts returns the latest completed detection's result per resource
 *   (resources never checked are not listed), filtered by StackResourceDriftStatusFilters and
 *   paged by MaxResults (1-100) and NextToken. Each drift has ExpectedProperties and
 *   ActualProperties as JSON text and PropertyDifferences with a JSON-pointer PropertyPath and
 *   DifferenceType ADD, REMOVE or NOT_EQUAL.
 * - Only properties the template sets are checked ("Only resource properties explicitly defined
 *   in the stack template are checked for drift"); a resource that no longer exists is DELETED.
 * Sources: the CloudFormation API reference pages DetectStackDrift, DescribeStackDriftDetectionStatus
 * and DescribeStackResourceDrifts (docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/),
 * and PropertyDifference / StackResourceDrift for the shapes.
 * Simplification: lists are compared item by item (the real service compares some unordered
 * lists, such as security group rules, as sets); the fake's drift comes from `patchResource`.
 */
import { randomUUID } from 'node:crypto';
import type { Inventory, LiveResource } from './inventory.js';
import type { CfnState } from './state.js';
import { listParam, page, validation } from './wire.js';

type Params = Record<string, unknown>;

interface PropertyDifference {
  readonly PropertyPath: string;
  readonly ExpectedValue: string;
  readonly ActualValue: string;
  readonly DifferenceType: 'ADD' | 'REMOVE' | 'NOT_EQUAL';
}

interface ResourceDrift {
  readonly StackId: string;
  readonly LogicalResourceId: string;
  readonly PhysicalResourceId: string;
  readonly ResourceType: string;
  readonly ExpectedProperties: string;
  readonly ActualProperties: string;
  readonly PropertyDifferences: PropertyDifference[];
  readonly StackResourceDriftStatus: 'IN_SYNC' | 'MODIFIED' | 'DELETED';
  readonly Timestamp: Date;
}

interface Detection {
  readonly id: string;
  readonly stackId: string;
  readonly stackName: string;
  readonly started: number;
  readonly drifts: readonly ResourceDrift[];
}

const CHECKABLE =
  /^(CREATE_COMPLETE|UPDATE_COMPLETE|UPDATE_ROLLBACK_COMPLETE|UPDATE_ROLLBACK_FAILED|IMPORT_COMPLETE|IMPORT_ROLLBACK_COMPLETE)$/;

const json = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Differences under `path`: only what `expected` sets is looked at (and list items beyond it). */
function differences(expected: unknown, actual: unknown, path: string): PropertyDifference[] {
  if (expected === undefined) return [];
  if (actual === undefined) {
    return [
      {
        PropertyPath: path,
        ExpectedValue: json(expected),
        ActualValue: 'null',
        DifferenceType: 'REMOVE',
      },
    ];
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out: PropertyDifference[] = [];
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      if (i >= expected.length) {
        out.push({
          PropertyPath: `${path}/${i}`,
          ExpectedValue: 'null',
          ActualValue: json(actual[i]),
          DifferenceType: 'ADD',
        });
      } else out.push(...differences(expected[i], actual[i], `${path}/${i}`));
    }
    return out;
  }
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObject(expected) && isObject(actual)) {
    return Object.keys(expected).flatMap((k) =>
      differences(expected[k], actual[k], `${path}/${k}`),
    );
  }
  // Scalars: CloudFormation compares `true` and "true" alike.
  if (json(expected) === json(actual) || String(expected) === String(actual)) return [];
  return [
    {
      PropertyPath: path,
      ExpectedValue: json(expected),
      ActualValue: json(actual),
      DifferenceType: 'NOT_EQUAL',
    },
  ];
}

export class DriftBook {
  private readonly detections = new Map<string, Detection>();

  constructor(
    private readonly cfn: CfnState,
    private readonly inventory: Inventory,
  ) {}

  private done(d: Detection): boolean {
    return this.cfn.now() >= d.started + this.cfn.options.driftDetectionMs;
  }

  detectStackDrift(params: Params): unknown {
    const stack = this.cfn.requireStack(params['StackName'] as string | undefined);
    if (!CHECKABLE.test(stack.status)) {
      throw validation(
        `Drift detection is not available for stack ${stack.name} in status ${stack.status}`,
      );
    }
    const live = new Map(
      this.inventory
        .all()
        .filter((r: LiveResource) => r.stackName === stack.name && !r.deleted)
        .map((r) => [r.logicalId, r]),
    );
    const now = new Date(this.cfn.now());
    const drifts: ResourceDrift[] = [];
    for (const r of stack.resources.values()) {
      if (!r.physicalId || r.status === 'DELETE_COMPLETE') continue;
      const actual = live.get(r.logicalId);
      const diffs = actual ? differences(r.properties, actual.properties, '') : [];
      drifts.push({
        StackId: stack.stackId,
        LogicalResourceId: r.logicalId,
        PhysicalResourceId: r.physicalId,
        ResourceType: r.type,
        ExpectedProperties: JSON.stringify(r.properties),
        ActualProperties: actual ? JSON.stringify(actual.properties) : '',
        PropertyDifferences: diffs,
        StackResourceDriftStatus: !actual ? 'DELETED' : diffs.length > 0 ? 'MODIFIED' : 'IN_SYNC',
        Timestamp: now,
      });
    }
    const id = randomUUID();
    this.detections.set(id, {
      id,
      stackId: stack.stackId,
      stackName: stack.name,
      started: this.cfn.now(),
      drifts,
    });
    return { StackDriftDetectionId: id };
  }

  describeStackDriftDetectionStatus(params: Params): unknown {
    const d = this.detections.get(String(params['StackDriftDetectionId'] ?? ''));
    if (!d)
      throw validation(
        `Drift detection with id ${String(params['StackDriftDetectionId'])} does not exist`,
      );
    const base = {
      StackId: d.stackId,
      StackDriftDetectionId: d.id,
      Timestamp: new Date(d.started),
    };
    if (!this.done(d)) return { ...base, DetectionStatus: 'DETECTION_IN_PROGRESS' };
    const drifted = d.drifts.filter((r) => r.StackResourceDriftStatus !== 'IN_SYNC').length;
    return {
      ...base,
      DetectionStatus: 'DETECTION_COMPLETE',
      StackDriftStatus: drifted > 0 ? 'DRIFTED' : 'IN_SYNC',
      DriftedStackResourceCount: drifted,
    };
  }

  describeStackResourceDrifts(params: Params): unknown {
    const stack = this.cfn.requireStack(params['StackName'] as string | undefined);
    const latest = [...this.detections.values()]
      .filter((d) => d.stackId === stack.stackId && this.done(d))
      .at(-1);
    const filters = listParam<string>(params, 'StackResourceDriftStatusFilters');
    const max = Number(params['MaxResults'] ?? 100);
    if (!Number.isInteger(max) || max < 1 || max > 100) {
      throw validation('MaxResults must be between 1 and 100');
    }
    const drifts = (latest?.drifts ?? []).filter(
      (r) => filters.length === 0 || filters.includes(r.StackResourceDriftStatus),
    );
    const [items, next] = page(drifts, max, params['NextToken'] as string | undefined);
    return { StackResourceDrifts: items, ...(next ? { NextToken: next } : {}) };
  }
}
