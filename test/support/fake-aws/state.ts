/**
 * The fake CloudFormation's memory: stacks, change sets, scripted failures, and the schedule of
 * what operations in progress will do. Nothing runs on timers: every request first applies the
 * steps whose time has come (`advance`), so the state follows the injected clock, the process
 * has nothing left to keep it alive, and a test that reads the state sees the same thing.
 */
import { randomUUID } from 'node:crypto';
import type { PseudoParameters } from '../../../src/templates/index.js';
import type { IdContext } from './physical-ids.js';
import type { ResourceProvider } from './providers.js';
import type {
  ChangeSetFailure,
  ChangeSetRecord,
  ResolvedOptions,
  ResourceFailure,
  ResourceRecord,
  StackRecord,
} from './types.js';
import { AwsError, validation } from './wire.js';

interface Step {
  readonly at: number;
  readonly seq: number;
  readonly apply: (at: Date) => void;
}

/** Status of a resource or stack event, with what it changes. */
export interface ResourceEvent {
  readonly logicalId: string;
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly physicalId?: string;
}

export class CfnState {
  /** Live stacks by name (deleted ones are only reachable by stack ID, as in AWS). */
  readonly stacks = new Map<string, StackRecord>();
  readonly deleted: StackRecord[] = [];
  /** Change sets by ARN. */
  readonly changeSets = new Map<string, ChangeSetRecord>();
  readonly resourceFailures: ResourceFailure[] = [];
  readonly changeSetFailures: ChangeSetFailure[] = [];
  /**
   * Resources an update removed (or replaced) under a Retain policy: out of their stack, still
   * in the account, so the read-only views (inventory.ts) keep showing them.
   */
  readonly retained: { readonly stackName: string; readonly resource: ResourceRecord }[] = [];
  /** Resource types created through another fake service (providers.ts), by type. */
  readonly providers = new Map<string, ResourceProvider>();
  private steps: Step[] = [];
  private seq = 0;

  constructor(readonly options: ResolvedOptions) {}

  now(): number {
    return this.options.now();
  }

  /** Runs `apply` once the clock reaches `at` (ms). Steps at the same time run in schedule order. */
  schedule(at: number, apply: (at: Date) => void): void {
    this.steps.push({ at, seq: this.seq++, apply });
  }

  /** Applies every step whose time has come, in time order. */
  advance(): void {
    const now = this.now();
    for (;;) {
      const due = this.steps
        .filter((s) => s.at <= now)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) return;
      this.steps = this.steps.filter((s) => s !== due);
      due.apply(new Date(due.at));
    }
  }

  /** Whether operations are still scheduled (useful to wait for a quiet fake). */
  get busy(): boolean {
    return this.steps.length > 0;
  }

  arn(kind: 'stack' | 'changeSet', name: string): string {
    const { region, accountId } = this.options;
    return `arn:aws:cloudformation:${region}:${accountId}:${kind}/${name}/${randomUUID()}`;
  }

  /** A live stack by name, or any stack (deleted too) by ID. */
  findStack(nameOrId: string): StackRecord | undefined {
    if (!nameOrId.startsWith('arn:')) return this.stacks.get(nameOrId);
    return [...this.stacks.values(), ...this.deleted].find((s) => s.stackId === nameOrId);
  }

  requireStack(nameOrId: string | undefined): StackRecord {
    const stack = nameOrId ? this.findStack(nameOrId) : undefined;
    if (!stack) throw validation(`Stack with id ${nameOrId ?? ''} does not exist`);
    return stack;
  }

  /** A change set by ARN, or by name within a stack. */
  requireChangeSet(nameOrArn: string | undefined, stackName: string | undefined): ChangeSetRecord {
    const name = nameOrArn ?? '';
    let found: ChangeSetRecord | undefined;
    if (name.startsWith('arn:')) found = this.changeSets.get(name);
    else if (stackName) {
      const stack = this.findStack(stackName);
      found = [...this.changeSets.values()].find(
        (c) => c.name === name && c.stackId === stack?.stackId,
      );
    } else {
      throw validation('StackName must be specified if ChangeSetName is not specified as an ARN.');
    }
    if (!found) throw new AwsError('ChangeSetNotFound', `ChangeSet [${name}] does not exist`, 404);
    return found;
  }

  changeSetsOf(stack: StackRecord): ChangeSetRecord[] {
    return [...this.changeSets.values()].filter((c) => c.stackId === stack.stackId);
  }

  pseudo(stack: Pick<StackRecord, 'name' | 'stackId'>): PseudoParameters {
    const { region, accountId } = this.options;
    return { region, accountId, partition: 'aws', stackName: stack.name, stackId: stack.stackId };
  }

  idContext(stack: Pick<StackRecord, 'name'>): IdContext {
    const { region, accountId } = this.options;
    return { region, accountId, stackName: stack.name, partition: 'aws' };
  }

  /** Records a stack event for the stack itself and sets its status. */
  stackEvent(
    stack: StackRecord,
    at: Date,
    status: string,
    reason: string | undefined,
    token: string | undefined,
  ): void {
    stack.status = status;
    stack.statusReason = reason;
    this.event(
      stack,
      at,
      {
        logicalId: stack.name,
        physicalId: stack.stackId,
        type: 'AWS::CloudFormation::Stack',
        status,
        reason,
      },
      token,
    );
  }

  /** Records a resource event and brings the resource's record in line with it. */
  resourceEvent(
    stack: StackRecord,
    at: Date,
    event: ResourceEvent,
    token: string | undefined,
  ): void {
    let record = stack.resources.get(event.logicalId);
    if (!record) {
      record = {
        logicalId: event.logicalId,
        type: event.type,
        status: event.status,
        timestamp: at,
        properties: {},
        attributes: {},
      };
      stack.resources.set(event.logicalId, record);
    }
    record.status = event.status;
    record.statusReason = event.reason;
    record.timestamp = at;
    if (event.physicalId !== undefined) record.physicalId = event.physicalId;
    this.event(
      stack,
      at,
      { ...event, physicalId: event.physicalId ?? record.physicalId ?? '' },
      token,
    );
  }

  /** Records an event without touching any record (cleanup of resources already gone). */
  event(stack: StackRecord, at: Date, e: ResourceEvent, token: string | undefined): void {
    stack.events.push({
      EventId: randomUUID(),
      StackId: stack.stackId,
      StackName: stack.name,
      LogicalResourceId: e.logicalId,
      PhysicalResourceId: e.physicalId,
      ResourceType: e.type,
      Timestamp: at,
      ResourceStatus: e.status,
      ResourceStatusReason: e.reason,
      ClientRequestToken: token,
    });
  }

  /** Takes the scripted failure of a resource for an operation, if any (counting it). */
  takeResourceFailure(
    stackName: string,
    logicalId: string,
    operation: 'create' | 'update' | 'delete',
  ): ResourceFailure | undefined {
    const failure = this.resourceFailures.find(
      (f) =>
        f.stackName === stackName &&
        f.logicalId === logicalId &&
        (f.operation === undefined || f.operation === operation) &&
        (f.times === undefined || f.times > 0),
    );
    if (failure?.times !== undefined) failure.times -= 1;
    return failure;
  }

  takeChangeSetFailure(stackName: string): ChangeSetFailure | undefined {
    const failure = this.changeSetFailures.find(
      (f) => f.stackName === stackName && (f.times === undefined || f.times > 0),
    );
    if (failure?.times !== undefined) failure.times -= 1;
    return failure;
  }

  /** Removes a stack for good: DescribeStacks by name then fails, by ID it shows DELETE_COMPLETE. */
  forget(stack: StackRecord, at: Date): void {
    stack.deletionTime = at;
    this.stacks.delete(stack.name);
    this.deleted.push(stack);
    for (const cs of this.changeSetsOf(stack)) this.changeSets.delete(cs.id);
  }
}

/** Status of a change set at a moment: it takes time to become ready, like the real one. */
export function changeSetStatus(cs: ChangeSetRecord, now: number): string {
  if (now < cs.pendingUntil) return 'CREATE_PENDING';
  if (now < cs.readyAt) return 'CREATE_IN_PROGRESS';
  return cs.finalStatus;
}

export function executionStatus(cs: ChangeSetRecord, now: number): string {
  return changeSetStatus(cs, now) === 'CREATE_COMPLETE' ? cs.executionStatus : 'UNAVAILABLE';
}
