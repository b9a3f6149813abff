/**
 * What happened during one run of the action against the fake AWS, read from the fake's call
 * log and its own record of when CloudFormation finished each thing: calls by kind, each wait
 * (change set computed, stack operation done) with how long CloudFormation took, how many
 * polls the action made and how late it noticed, and the model's own minimum for the run.
 */
import type { CallRecord, ChangeSetRecord, FakeAws, StackRecord } from '../../test/support/fake-aws/index.js';

export interface Wait {
  readonly kind: 'change set' | 'stack';
  /** Stack name, and for stacks the operation's final status. */
  readonly label: string;
  readonly startedAt: number;
  /** When CloudFormation finished (change set ready, stack in a final status). */
  readonly endedAt: number;
  /** The first call that could observe it (at or after endedAt); undefined if none. */
  readonly detectedAt?: number;
  /** Status polls in [startedAt, detectedAt]: DescribeChangeSet (first pages) or DescribeStacks. */
  readonly polls: number;
  /** DescribeStackEvents calls in the same window (stack waits read events every poll). */
  readonly eventCalls: number;
}

export interface Timeline {
  readonly calls: readonly CallRecord[];
  readonly byKind: ReadonlyMap<string, number>;
  readonly spawnedAt: number;
  readonly exitedAt: number;
  readonly firstRequestAt: number;
  /** First call to an AWS service (the OIDC token request is GitHub's, not AWS's). */
  readonly firstAwsAt: number;
  readonly firstCfnAt: number;
  readonly lastCallAt: number;
  readonly waits: readonly Wait[];
  /** The model's minimum: the time CloudFormation itself was busy (union of the waits). */
  readonly modelMinMs: number;
}

/** Keeps every change set the fake creates (it deletes them on discard or execute). */
export function recordChangeSets(aws: FakeAws): ChangeSetRecord[] {
  const seen: ChangeSetRecord[] = [];
  const map = aws.state.changeSets;
  const set = map.set.bind(map);
  map.set = (key, value) => {
    if (!seen.includes(value)) seen.push(value);
    return set(key, value);
  };
  return seen;
}

const t = (call: CallRecord) => call.time.getTime();

function isStackEvent(stack: StackRecord, e: StackRecord['events'][number]): boolean {
  return e.ResourceType === 'AWS::CloudFormation::Stack' && e.LogicalResourceId === stack.name;
}

/** Operations of a stack from its own events: first *_IN_PROGRESS to the next final status. */
function stackOperations(stack: StackRecord, since: number) {
  const ops: { startedAt: number; endedAt: number; status: string }[] = [];
  let open: number | undefined;
  for (const e of stack.events) {
    if (!isStackEvent(stack, e) || e.Timestamp.getTime() < since) continue;
    if (e.ResourceStatus === 'REVIEW_IN_PROGRESS') continue;
    if (e.ResourceStatus.endsWith('_IN_PROGRESS')) {
      open ??= e.Timestamp.getTime();
    } else if (open !== undefined) {
      ops.push({ startedAt: open, endedAt: e.Timestamp.getTime(), status: e.ResourceStatus });
      open = undefined;
    }
  }
  return ops;
}

/** Length of the union of intervals. */
function unionLength(intervals: readonly [number, number][]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    total += e - Math.max(s, end);
    end = e;
  }
  return total;
}

export function readTimeline(
  aws: FakeAws,
  changeSets: readonly ChangeSetRecord[],
  run: { spawnedAt: number; exitedAt: number },
  fromCall: number,
): Timeline {
  const calls = aws.calls.slice(fromCall);
  const byKind = new Map<string, number>();
  for (const c of calls) {
    const key = `${c.service}:${c.action}`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
  }
  const first = (p: (c: CallRecord) => boolean) => {
    const c = calls.find(p);
    return c ? t(c) : Number.NaN;
  };
  const waits: Wait[] = [];

  for (const cs of changeSets) {
    if (cs.creationTime.getTime() < run.spawnedAt) continue;
    const polling = calls.filter(
      (c) =>
        c.action === 'DescribeChangeSet' &&
        c.params.ChangeSetName === cs.id &&
        c.params.NextToken === undefined,
    );
    const detected = polling.find((c) => t(c) >= cs.readyAt);
    const detectedAt = detected ? t(detected) : undefined;
    waits.push({
      kind: 'change set',
      label: cs.stackName,
      startedAt: cs.creationTime.getTime(),
      endedAt: cs.readyAt,
      ...(detectedAt !== undefined ? { detectedAt } : {}),
      polls: polling.filter((c) => detectedAt === undefined || t(c) <= detectedAt).length,
      eventCalls: 0,
    });
  }

  const stacks = [...aws.state.stacks.values(), ...aws.state.deleted];
  for (const stack of stacks) {
    const ofStack = (c: CallRecord) =>
      c.params.StackName === stack.stackId || c.params.StackName === stack.name;
    for (const op of stackOperations(stack, run.spawnedAt)) {
      const inWindow = (c: CallRecord, end: number) => t(c) >= op.startedAt && t(c) <= end;
      const detected = calls.find(
        (c) => c.action === 'DescribeStacks' && ofStack(c) && t(c) >= op.endedAt,
      );
      const end = detected ? t(detected) : Number.POSITIVE_INFINITY;
      waits.push({
        kind: 'stack',
        label: `${stack.name} ${op.status}`,
        startedAt: op.startedAt,
        endedAt: op.endedAt,
        ...(detected ? { detectedAt: t(detected) } : {}),
        polls: calls.filter((c) => c.action === 'DescribeStacks' && ofStack(c) && inWindow(c, end))
          .length,
        eventCalls: calls.filter(
          (c) => c.action === 'DescribeStackEvents' && ofStack(c) && inWindow(c, end),
        ).length,
      });
    }
  }
  waits.sort((a, b) => a.startedAt - b.startedAt);

  return {
    calls,
    byKind,
    spawnedAt: run.spawnedAt,
    exitedAt: run.exitedAt,
    firstRequestAt: first(() => true),
    firstAwsAt: first((c) => c.service !== 'oidc'),
    firstCfnAt: first((c) => c.service === 'cloudformation'),
    lastCallAt: calls.length > 0 ? t(calls[calls.length - 1]!) : Number.NaN,
    waits,
    modelMinMs: unionLength(waits.map((w) => [w.startedAt, w.endedAt])),
  };
}

/** Detection latency of a wait: how long after CloudFormation finished the action asked. */
export function latency(w: Wait): number {
  return w.detectedAt === undefined ? Number.NaN : w.detectedAt - w.endedAt;
}

/** The bound on detection latency: max(1 s, 10% of the wait). */
export function latencyBound(w: Wait): number {
  return Math.max(1000, 0.1 * (w.endedAt - w.startedAt));
}
